// The new-media account registry (台账) and its metrics (docs/new-media.md): scoped by the owner unit,
// every change audited and kept in the account's history, metrics entered by hand or imported from the
// platforms' statistics exports (all rows or none), the facts of block C rewritten in the same
// transaction and their scores marked stale (decision 085).
import {
  accountChangeLines,
  checkAccountLink,
  METRIC_COLUMN_NAMES,
  METRIC_FIELDS,
  planMetricsImport,
  type MediaAccount,
  type MediaAccountInput,
  type MediaAccountUpdate,
  type MetricsEntry,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { ApiError, conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import type { Audit, AuditService } from '../audit/audit.service.ts';
import { mergeFactsChanges, type FactsChange } from '../facts/facts.repo.ts';
import { ImportReport } from '../monitoring/import-report.ts';
import { readTable } from '../monitoring/read-table.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { MediaFacts } from './media-facts.ts';
import type { AccountValues, MediaRepo } from './media.repo.ts';
import {
  monthSummaries,
  presentEach,
  presentMetric,
  toMetricValues,
  type AccountRow,
} from './media-present.ts';

export interface MediaDeps {
  repo: MediaRepo;
  facts: MediaFacts;
  units: UnitsService;
  audit: AuditService;
  scores: ScoresHandOff;
  today: () => string;
}

const HISTORY_FIELDS = [
  'unit_id',
  'platform',
  'name',
  'platform_id',
  'operator',
  'opened_on',
  'filing',
  'filing_number',
  'fn_messages',
  'fn_auto_reply',
  'fn_menu',
  'link',
  'description',
  'state',
  'stopped_on',
  'deregistered_on',
] as const;

export function diffAccount(before: Partial<AccountValues> | null, after: Partial<AccountValues>) {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of HISTORY_FIELDS) {
    const b = before ? (before[f] ?? null) : null;
    const a = f in after ? (after[f] ?? null) : b;
    if (b !== a) out[f] = [b, a];
  }
  return out;
}

const opt = (s: string | null | undefined) =>
  s === undefined ? undefined : s === null ? null : s.trim() || null;

/** The stored values of an input, checked: http(s) links only, dates in order and not in the future, state dates present. */
export function accountValues(
  input: Partial<MediaAccountInput>,
  current: Partial<AccountValues> | null,
  today: string,
): Partial<AccountValues> {
  const v: Partial<AccountValues> = {};
  if (input.unitId !== undefined) v.unit_id = input.unitId;
  if (input.platform !== undefined) v.platform = input.platform;
  if (input.name !== undefined) v.name = input.name.trim();
  if (input.platformId !== undefined) v.platform_id = input.platformId.trim();
  if (input.operator !== undefined) v.operator = opt(input.operator)!;
  if (input.openedOn !== undefined) v.opened_on = input.openedOn;
  if (input.filing !== undefined) v.filing = input.filing;
  if (input.filingNumber !== undefined) v.filing_number = opt(input.filingNumber)!;
  if (input.functions) {
    v.fn_messages = input.functions.messages;
    v.fn_auto_reply = input.functions.autoReply;
    v.fn_menu = input.functions.menu;
  }
  if (input.link !== undefined) {
    const l = opt(input.link);
    if (l) {
      const c = checkAccountLink(l);
      if (!c.ok) throw invalid('/link', c.zh, c.en);
      v.link = c.url;
    } else v.link = null;
  }
  if (input.description !== undefined) v.description = opt(input.description)!;
  if (input.state !== undefined) v.state = input.state;
  if (input.stoppedOn !== undefined) v.stopped_on = input.stoppedOn;
  if (input.deregisteredOn !== undefined) v.deregistered_on = input.deregisteredOn;
  const m = { ...current, ...v };
  for (const [f, key] of [
    ['/openedOn', 'opened_on'],
    ['/stoppedOn', 'stopped_on'],
    ['/deregisteredOn', 'deregistered_on'],
  ] as const)
    if (m[key] && m[key]! > today) throw invalid(f, '日期不能晚于今天', 'The date cannot be in the future');
  if (m.state === 'stopped' && !m.stopped_on)
    throw invalid('/stoppedOn', '停更的账号须填写停更日期', 'A stopped account needs the date it stopped');
  if (m.state === 'deregistered' && !m.deregistered_on)
    throw invalid(
      '/deregisteredOn',
      '注销的账号须填写注销日期',
      'A deregistered account needs its deregistration date',
    );
  if (m.state === 'active' && (m.stopped_on || m.deregistered_on)) {
    v.stopped_on = null;
    v.deregistered_on = null;
  }
  if (m.opened_on && m.stopped_on && m.stopped_on < m.opened_on)
    throw invalid('/stoppedOn', '停更日期早于开通日期', 'Stopped before it opened');
  if (m.opened_on && m.deregistered_on && m.deregistered_on < m.opened_on)
    throw invalid('/deregisteredOn', '注销日期早于开通日期', 'Deregistered before it opened');
  return v;
}

export function createMediaService(deps: MediaDeps) {
  const { repo, audit, units, scores } = deps;

  async function visible(ctx: RequestContext, id: number): Promise<AccountRow> {
    const r = await repo.find(id, requireActor(ctx).scopePath);
    if (!r) throw notFound();
    return r;
  }
  async function present(rows: AccountRow[]): Promise<MediaAccount[]> {
    const posts = await repo.postHistory(rows.map((r) => r.id));
    return presentEach(rows, posts, deps.today()).map((x) => x.account);
  }
  const presentOne = async (ctx: RequestContext, id: number) => (await present([await visible(ctx, id)]))[0]!;

  /** Facts and stale marks in the change's transaction; the recompute once it committed. */
  async function withFacts<T>(
    ctx: RequestContext,
    unitIds: number[],
    work: (trx: Transaction<Database>, record: Audit) => Promise<T>,
  ) {
    let changes: FactsChange[] = [];
    const result = await audit.transact(ctx, async (trx, record) => {
      const r = await work(trx, record);
      changes = await deps.facts.refreshUnits(trx, unitIds, deps.today());
      for (const c of mergeFactsChanges(changes)) await scores.markStale(trx, c);
      return r;
    });
    await scores.afterCommit(mergeFactsChanges(changes));
    return result;
  }

  async function duplicateCheck(platform: AccountValues['platform'], platformId: string, exceptId = 0) {
    const hit = await repo.findByPlatformId(platform, platformId);
    if (hit && hit.id !== exceptId)
      throw new ApiError('DUPLICATE', [
        {
          field: '/platformId',
          message: '该平台账号已登记',
          messageEn: 'This platform account is already registered',
        },
      ]);
  }

  /** A new account and its first history row, in the caller's transaction (create and the Excel import). */
  async function insertAccount(
    trx: Transaction<Database>,
    actor: Actor,
    v: Partial<AccountValues>,
    change: 'created' | 'imported',
    at: string,
  ): Promise<number> {
    const blank = {
      operator: null,
      opened_on: null,
      filing_number: null,
      link: null,
      description: null,
      stopped_on: null,
      deregistered_on: null,
    };
    const id = await repo.insert(trx, {
      ...blank,
      ...(v as AccountValues),
      bureau_unit_id: actor.bureauUnitId,
      is_demo: 0,
      created_at: at,
      updated_at: at,
    });
    await repo.addHistory(trx, {
      account_id: id,
      version: 1,
      change,
      changes: JSON.stringify(diffAccount(null, v)),
      changed_by: actor.personId,
      changed_by_name: actor.name,
      changed_at: at,
    });
    return id;
  }

  async function metrics(ctx: RequestContext, id: number, range: { from?: string; to?: string }) {
    const account = await visible(ctx, id);
    const rows = await repo.metrics([id], range);
    return {
      account: (await present([account]))[0]!,
      rows: rows.map(presentMetric),
      months: monthSummaries(rows, account.platform === 'wechatOfficial'),
    };
  }

  return {
    visible,
    insertAccount,
    present,
    withFacts,

    async list(
      ctx: RequestContext,
      q: {
        q?: string;
        unitId?: number;
        platform?: AccountValues['platform'];
        state?: AccountValues['state'];
        page?: number;
        pageSize?: number;
      },
    ) {
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const { items, total } = await repo.list(
        {
          scopePath: requireActor(ctx).scopePath,
          ...(q.q?.trim() ? { q: q.q.trim() } : {}),
          ...(q.unitId ? { unitId: q.unitId } : {}),
          ...(q.platform ? { platform: q.platform } : {}),
          ...(q.state ? { state: q.state } : {}),
        },
        page,
        pageSize,
      );
      return { items: await present(items), total, page, pageSize };
    },

    get: presentOne,

    async auditExport(ctx: RequestContext, rows: number) {
      await audit.record(ctx, {
        action: 'media.account.export',
        objectType: 'mediaAccount',
        objectId: null,
        detail: { rows },
      });
    },

    async create(ctx: RequestContext, input: MediaAccountInput): Promise<MediaAccount> {
      const actor = requireActor(ctx);
      await units.getVisible(ctx, input.unitId);
      const v = accountValues(input, null, deps.today()) as AccountValues;
      await duplicateCheck(v.platform, v.platform_id);
      const at = nowIso();
      const id = await withFacts(ctx, [input.unitId], async (trx, record) => {
        const id = await insertAccount(trx, actor, v, 'created', at);
        await record({
          action: 'media.account.create',
          objectType: 'mediaAccount',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      return presentOne(ctx, id);
    },

    async update(ctx: RequestContext, id: number, input: MediaAccountUpdate): Promise<MediaAccount> {
      const actor = requireActor(ctx);
      const current = await visible(ctx, id);
      if (current.version !== input.version) throw conflict();
      const { version, ...changes } = input;
      if (changes.unitId !== undefined && changes.unitId !== current.unit_id)
        await units.getVisible(ctx, changes.unitId);
      const v = accountValues(changes, current, deps.today());
      if (v.platform !== undefined || v.platform_id !== undefined)
        await duplicateCheck(v.platform ?? current.platform, v.platform_id ?? current.platform_id, id);
      const diff = diffAccount(current, v);
      const at = nowIso();
      await withFacts(ctx, [current.unit_id, v.unit_id ?? current.unit_id], async (trx, record) => {
        if (!(await repo.update(trx, id, version, { ...v, updated_at: at }))) throw conflict();
        await repo.addHistory(trx, {
          account_id: id,
          version: version + 1,
          change: 'updated',
          changes: JSON.stringify(diff),
          changed_by: actor.personId,
          changed_by_name: actor.name,
          changed_at: at,
        });
        await record({
          action: 'media.account.update',
          objectType: 'mediaAccount',
          objectId: id,
          detail: { changes: diff },
        });
      });
      return presentOne(ctx, id);
    },

    async history(ctx: RequestContext, id: number) {
      await visible(ctx, id);
      const rows = (await repo.history(id)).map((h) => ({
        ...h,
        diff: JSON.parse(h.changes) as Record<string, unknown[]>,
      }));
      // the units an account moved between, by name (one visible out of scope stays an id)
      const unitIds = new Set(rows.flatMap((h) => (h.diff.unit_id ?? []).filter((v) => v !== null)));
      const names = new Map<number, string>();
      for (const u of unitIds)
        await units.get(ctx, Number(u)).then(
          (x) => names.set(x.id, x.name),
          () => undefined,
        );
      return {
        items: rows.map((h) => ({
          id: h.id,
          version: h.version,
          change: h.change,
          changes: h.diff,
          lines: accountChangeLines(h.diff, (u) => names.get(u) ?? null),
          changedByName: h.changed_by_name,
          changedAt: h.changed_at,
        })),
      };
    },

    metrics,

    /** One period entered by hand (replaces that period's row). */
    async putMetrics(ctx: RequestContext, id: number, entry: MetricsEntry) {
      const account = await visible(ctx, id);
      const today = deps.today();
      const start = entry.period === 'month' ? `${entry.start.slice(0, 7)}-01` : entry.start;
      const cells = METRIC_FIELDS.map((f) =>
        entry[f] === undefined || entry[f] === null ? '' : String(entry[f]),
      );
      const header = METRIC_FIELDS.map((f) => METRIC_COLUMN_NAMES[f][0]!);
      const plan = planMetricsImport(
        {
          header: [entry.period === 'month' ? '月份' : '日期', ...header],
          rows: [{ row: 1, cells: [entry.period === 'month' ? start.slice(0, 7) : start, ...cells] }],
        },
        { today, openedOn: account.opened_on },
      );
      if (!plan.ok)
        throw new ApiError(
          'VALIDATION_FAILED',
          plan.problems.map((p) => ({
            field: `/${p.column === '日期' || p.column === '月份' ? 'start' : (METRIC_FIELDS[header.indexOf(p.column)] ?? p.column)}`,
            message: p.zh,
            messageEn: p.en,
          })),
        );
      await withFacts(ctx, [account.unit_id], async (trx, record) => {
        await repo.upsertMetrics(trx, id, plan.rows.map(toMetricValues), 'manual', nowIso());
        await record({
          action: 'media.metrics.enter',
          objectType: 'mediaAccount',
          objectId: id,
          detail: { entry },
        });
      });
      return metrics(ctx, id, {});
    },

    /** A platform's statistics export (CSV or .xlsx): every row or none, with a row-exact report. */
    async importMetrics(ctx: RequestContext, id: number, file: { fileName: string; file: Buffer }) {
      const account = await visible(ctx, id);
      const table = await readTable(file.file);
      const plan = planMetricsImport(table, { today: deps.today(), openedOn: account.opened_on });
      if (!plan.ok) {
        const report = new ImportReport();
        for (const p of plan.problems) report.add(p.row, p.column, p.zh, p.en);
        throw new ApiError('IMPORT_REJECTED', report.list());
      }
      const rows = plan.rows;
      await withFacts(ctx, [account.unit_id], async (trx, record) => {
        await repo.upsertMetrics(trx, id, rows.map(toMetricValues), 'import', nowIso());
        await record({
          action: 'media.metrics.import',
          objectType: 'mediaAccount',
          objectId: id,
          detail: {
            fileName: file.fileName,
            rows: rows.length,
            from: rows[0]!.start,
            to: rows.at(-1)!.start,
          },
        });
      });
      return { imported: rows.length, from: rows[0]!.start, to: rows.at(-1)!.start, period: rows[0]!.period };
    },
  };
}
export type MediaService = ReturnType<typeof createMediaService>;
