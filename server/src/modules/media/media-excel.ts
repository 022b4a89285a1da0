// The registry as Excel (docs/new-media.md, "Registry workbook"): export every account in scope; import
// the same columns back — each row creates an account or updates the one with its platform and platform
// id, all rows or none, a problem report naming row, column and reason. Read through the one bounded
// workbook reader (decision 074) via readTable.
import {
  ACCOUNT_STATE_LABELS,
  isOneOf,
  ACCOUNT_STATES,
  FILING_STATE_LABELS,
  FILING_STATES,
  FUNCTION_STATE_LABELS,
  FUNCTION_STATES,
  MEDIA_PLATFORM_LABELS,
  MEDIA_PLATFORMS,
  type MediaAccountInput,
} from '@greenvoice/common';
import { excel } from '../../lazy-packages.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import { ImportReport } from '../monitoring/import-report.ts';
import { readTable } from '../monitoring/read-table.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { MediaRepo } from './media.repo.ts';
import { accountValues, diffAccount, type MediaService } from './media.service.ts';
import type { AccountRow } from './media-present.ts';

export const ACCOUNT_COLUMNS = [
  '单位',
  '平台',
  '账号名称',
  '平台账号ID',
  '运营人员',
  '开通日期',
  '备案状态',
  '备案编号',
  '留言',
  '自动回复',
  '菜单',
  '链接',
  '简介',
  '状态',
  '停更日期',
  '注销日期',
] as const;

const byLabel = <K extends string>(keys: readonly K[], labels: Record<K, { zh: string; en: string }>) => {
  const m = new Map<string, K>();
  for (const k of keys) {
    m.set(labels[k].zh, k);
    m.set(labels[k].en.toLowerCase(), k);
    m.set(k.toLowerCase(), k);
  }
  return m;
};
const PLATFORM = byLabel(MEDIA_PLATFORMS, MEDIA_PLATFORM_LABELS);
const FILING = byLabel(FILING_STATES, FILING_STATE_LABELS);
const FN = byLabel(FUNCTION_STATES, FUNCTION_STATE_LABELS);
const STATE = byLabel(ACCOUNT_STATES, ACCOUNT_STATE_LABELS);

const cellDate = (s: string) => {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s);
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d ? d : null;
};

export function createMediaExcel(deps: {
  repo: MediaRepo;
  media: MediaService;
  units: UnitsService;
  today: () => string;
}) {
  const { repo, media, units } = deps;
  return {
    async exportWorkbook(ctx: RequestContext): Promise<Buffer> {
      const accounts = await repo.all({ scopePath: requireActor(ctx).scopePath });
      const wb = new (excel().Workbook)();
      const ws = wb.addWorksheet('新媒体台账');
      ws.addRow([...ACCOUNT_COLUMNS]);
      ws.getRow(1).font = { bold: true };
      for (const a of accounts)
        ws.addRow([
          a.unit_name,
          MEDIA_PLATFORM_LABELS[a.platform].zh,
          a.name,
          a.platform_id,
          a.operator ?? '',
          a.opened_on ?? '',
          FILING_STATE_LABELS[a.filing].zh,
          a.filing_number ?? '',
          FUNCTION_STATE_LABELS[a.fn_messages].zh,
          FUNCTION_STATE_LABELS[a.fn_auto_reply].zh,
          FUNCTION_STATE_LABELS[a.fn_menu].zh,
          a.link ?? '',
          a.description ?? '',
          ACCOUNT_STATE_LABELS[a.state].zh,
          a.stopped_on ?? '',
          a.deregistered_on ?? '',
        ]);
      ws.columns.forEach(
        (c, i) => (c.width = [22, 12, 20, 22, 10, 12, 10, 16, 8, 8, 8, 36, 30, 8, 12, 12][i] ?? 12),
      );
      await media.auditExport(ctx, accounts.length);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    async importWorkbook(ctx: RequestContext, file: Buffer): Promise<{ created: number; updated: number }> {
      const actor = requireActor(ctx);
      const table = await readTable(file);
      const report = new ImportReport();
      const col = new Map(table.header.map((h, i) => [h.trim(), i]));
      for (const h of table.header)
        if (h && !isOneOf(ACCOUNT_COLUMNS, h))
          report.add('header', h, `不认识的列「${h}」`, `Unknown column “${h}”`);
      for (const h of ['单位', '平台', '账号名称', '平台账号ID', '备案状态', '状态'])
        if (!col.has(h)) report.add('header', h, `缺少「${h}」列`, `The “${h}” column is missing`);
      if (!report.ok) throw new ApiError('IMPORT_REJECTED', report.list());
      const unitList = (await units.list(ctx, { pageSize: 10000 })).items;
      const unitByName = new Map(
        unitList.flatMap(
          (u) =>
            [
              [u.name, u.id],
              [u.code, u.id],
            ] as Array<[string, number]>,
        ),
      );
      const today = deps.today();
      const seen = new Map<string, number>();
      const plan: Array<{ row: number; input: MediaAccountInput; existing: AccountRow | undefined }> = [];
      for (const { row, cells } of table.rows) {
        const get = (h: string) => (col.has(h) ? (cells[col.get(h)!] ?? '').trim() : '');
        const bad = (h: string, zh: string, en: string) => report.add(row, h, zh, en);
        const unitId = unitByName.get(get('单位'));
        if (!unitId)
          bad(
            '单位',
            `找不到单位「${get('单位')}」（或不在您的范围内）`,
            `No unit “${get('单位')}” in your scope`,
          );
        const platform = PLATFORM.get(get('平台').toLowerCase()) ?? PLATFORM.get(get('平台'));
        if (!platform) bad('平台', `不认识的平台「${get('平台')}」`, `Unknown platform “${get('平台')}”`);
        const name = get('账号名称');
        const platformId = get('平台账号ID');
        if (!name || name.length > 60)
          bad(
            '账号名称',
            '账号名称不能为空（最多 60 字）',
            'The account name is required (60 characters at most)',
          );
        if (!platformId || platformId.length > 100)
          bad(
            '平台账号ID',
            '平台账号ID不能为空（最多 100 字）',
            'The platform id is required (100 characters at most)',
          );
        const filing = FILING.get(get('备案状态')) ?? FILING.get(get('备案状态').toLowerCase());
        if (!filing)
          bad('备案状态', `备案状态应为 已备案/备案中/未备案`, 'Filing must be 已备案, 备案中 or 未备案');
        const state = STATE.get(get('状态')) ?? STATE.get(get('状态').toLowerCase());
        if (!state) bad('状态', '状态应为 运营中/已停更/已注销', 'State must be 运营中, 已停更 or 已注销');
        const fns = {} as MediaAccountInput['functions'];
        for (const [h, k] of [
          ['留言', 'messages'],
          ['自动回复', 'autoReply'],
          ['菜单', 'menu'],
        ] as const) {
          const v = get(h) ? (FN.get(get(h)) ?? FN.get(get(h).toLowerCase())) : 'absent';
          if (!v) bad(h, `${h}应为 正常/失效/未开通`, `${h} must be 正常, 失效 or 未开通`);
          fns[k] = v ?? 'absent';
        }
        const dates: Record<string, string | null> = {};
        for (const h of ['开通日期', '停更日期', '注销日期']) {
          const raw = get(h);
          dates[h] = raw ? cellDate(raw) : null;
          if (raw && !dates[h])
            bad(h, `「${raw}」不是日期（YYYY-MM-DD）`, `“${raw}” is not a date (YYYY-MM-DD)`);
        }
        const key = `${platform}:${platformId}`;
        if (platform && platformId) {
          if (seen.has(key))
            bad(
              '平台账号ID',
              `与第 ${seen.get(key)} 行是同一账号`,
              `The same account as row ${seen.get(key)}`,
            );
          else seen.set(key, row);
        }
        if (!unitId || !platform || !name || !platformId || !filing || !state) continue;
        const input: MediaAccountInput = {
          unitId,
          platform,
          name,
          platformId,
          filing,
          state,
          functions: fns,
          operator: get('运营人员') || null,
          filingNumber: get('备案编号') || null,
          link: get('链接') || null,
          description: get('简介') || null,
          openedOn: dates['开通日期']!,
          stoppedOn: dates['停更日期']!,
          deregisteredOn: dates['注销日期']!,
        };
        const hit = await repo.findByPlatformId(platform, platformId);
        const existing = hit ? await repo.find(hit.id, actor.scopePath) : undefined;
        if (hit && !existing)
          bad(
            '平台账号ID',
            '该账号已由您范围以外的单位登记',
            'Another unit outside your scope registered this account',
          );
        try {
          accountValues(input, null, today);
        } catch (e) {
          const f = e instanceof ApiError ? e.fields?.[0] : undefined;
          if (!f) throw e;
          const h =
            {
              '/link': '链接',
              '/openedOn': '开通日期',
              '/stoppedOn': '停更日期',
              '/deregisteredOn': '注销日期',
            }[f.field] ?? f.field;
          bad(h, f.message, f.messageEn);
        }
        plan.push({ row, input, existing });
      }
      if (!report.ok) throw new ApiError('IMPORT_REJECTED', report.list());
      if (!plan.length)
        throw new ApiError('IMPORT_REJECTED', [
          { field: 'file', message: '文件中没有数据行', messageEn: 'The file has no data rows' },
        ]);
      const at = nowIso();
      const touched = plan.flatMap((p) => [p.input.unitId, ...(p.existing ? [p.existing.unit_id] : [])]);
      let created = 0;
      let updated = 0;
      await media.withFacts(ctx, touched, async (trx, record) => {
        for (const { input, existing } of plan) {
          const v = accountValues(input, existing ?? null, today);
          if (existing) {
            const diff = diffAccount(existing, v);
            if (!Object.keys(diff).length) continue;
            await repo.update(trx, existing.id, existing.version, { ...v, updated_at: at });
            await repo.addHistory(trx, {
              account_id: existing.id,
              version: existing.version + 1,
              change: 'imported',
              changes: JSON.stringify(diff),
              changed_by: actor.personId,
              changed_by_name: actor.name,
              changed_at: at,
            });
            updated++;
          } else {
            await media.insertAccount(trx, actor, v, 'imported', at);
            created++;
          }
        }
        await record({
          action: 'media.account.import',
          objectType: 'mediaAccount',
          objectId: null,
          detail: { rows: plan.length, created, updated },
        });
      });
      return { created, updated };
    },
  };
}
export type MediaExcel = ReturnType<typeof createMediaExcel>;
