// The monthly monitoring bulletin (监测通报, decision 187): the information centre drafts it from a
// month's inspection runs and findings, leadership signs it off (the number is taken then; never by its
// drafter), and publishing it tells each unit named its own findings and puts its public summary, where
// the bureau wrote one, on the portal. The ranking bulletins' workflow and Word generator, not new ones.
import {
  chinaDate,
  inspectionTrend,
  monitoringMonth,
  monthEnd,
  type BulletinAction,
  type InspectionBulletin,
  type MonitoringSnapshot,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { PlansService } from '../assessment/plans.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { checkTransition, stepColumns } from '../bulletins/bulletin-transition.ts';
import { defaultOffice, monitoringNumberOf, NUMBER_PENDING, officeOf } from '../bulletins/office.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { InspectionBulletinRow, InspectionRepo } from './inspection.repo.ts';
import { DEFAULT_COPY_TO, monitoringDocx, monitoringWording } from './monitoring-bulletin.ts';

export function createMonitoringBulletins(deps: {
  repo: InspectionRepo;
  audit: AuditService;
  plans: Pick<PlansService, 'list' | 'detail'>;
  notifications: Pick<NotificationsService, 'notify'>;
  /** the portal's site: the bureau whose website is inspected */
  site: () => Promise<{ id: number; name: string } | null>;
  today: () => string;
}) {
  const { repo, audit } = deps;

  async function bureauOf(ctx: RequestContext) {
    const site = await deps.site();
    // the checks inspect one site: another bureau's staff have no bulletins to see
    if (!site || requireActor(ctx).bureauUnitId !== site.id) throw notFound();
    return site;
  }
  const seesDrafts = (ctx: RequestContext) => {
    const p = requireActor(ctx).permissions;
    return p.has('bulletins:draft') || p.has('bulletins:approve');
  };

  async function snapshot(bureau: number, month: string): Promise<MonitoringSnapshot> {
    const runs = await repo.runsBetween(bureau, `${month}-01`, monthEnd(month));
    const findings = await repo.findingsOf(runs.map((r) => r.id));
    return monitoringMonth(
      month,
      runs.map((r) => ({
        checkedOn: r.checked_on,
        state: r.state,
        score: r.site_score,
        vetoed: r.site_vetoed === 1,
        passed: r.site_passed === 1,
        accountsFailed: r.accounts_failed,
        findings: findings
          .filter((f) => f.run_id === r.id)
          .map((f) => ({
            key: f.finding_key,
            code: f.code,
            veto: f.veto === 1,
            points: f.points,
            unitId: f.unit_id,
            unitName: f.unit_name ?? null,
            subjectLabel: f.subject_label,
            since: f.since,
            evidence: { zh: f.evidence_zh, en: f.evidence_en },
          })),
      })),
    );
  }

  /**
   * who issues it: the office of the bureau's assessment plan for the year — else of its latest plan
   * before it (an office does not change with the year) — else the bureau by name (decision 195)
   */
  async function officeFor(ctx: RequestContext, site: { id: number; name: string }, year: number) {
    const plan = (await deps.plans.list(ctx)).items
      .filter((p) => p.year <= year && p.ownerUnitId === site.id)
      .sort((a, b) => b.year - a.year)[0];
    return plan ? officeOf(await deps.plans.detail(ctx, plan.id)) : defaultOffice(site.name);
  }

  const numberOf = async (
    ctx: RequestContext,
    site: { id: number; name: string },
    r: InspectionBulletinRow,
  ) =>
    r.doc_number === null
      ? null
      : monitoringNumberOf(
          await officeFor(ctx, site, Number(r.month.slice(0, 4))),
          Number(r.month.slice(0, 4)),
          r.doc_number,
        );

  async function present(
    ctx: RequestContext,
    site: { id: number; name: string },
    r: InspectionBulletinRow,
  ): Promise<InspectionBulletin> {
    const s = JSON.parse(r.snapshot) as MonitoringSnapshot;
    return {
      id: r.id,
      month: r.month,
      docNumber: await numberOf(ctx, site, r),
      title: r.title,
      body: r.body,
      copyTo: r.copy_to,
      publicSummary: r.public_summary,
      status: r.status,
      returnReason: r.return_reason,
      draftedBy: r.drafter_name,
      approvedBy: r.approver_name,
      approvedAt: r.approved_at,
      publishedAt: r.published_at,
      runs: s.runs,
      findings: s.findings.length,
      vetoes: s.findings.filter((f) => f.veto).length,
      version: r.version,
      createdAt: r.created_at,
    };
  }

  async function visible(ctx: RequestContext, id: number) {
    const site = await bureauOf(ctx);
    const row = await repo.bulletin(id, site.id);
    if (!row || (!seesDrafts(ctx) && row.status !== 'published')) throw notFound();
    return { site, row };
  }
  const reread = async (ctx: RequestContext, site: { id: number; name: string }, id: number) =>
    present(ctx, site, (await repo.bulletin(id, site.id))!);

  const onlyDraft = (row: InspectionBulletinRow) => {
    if (row.status !== 'draft')
      throw new ApiError('UNPROCESSABLE', undefined, {
        zh: '只能修改草稿',
        en: 'Only a draft can be edited',
      });
  };

  /** published: each unit named is told its own findings; the centre is told the bulletin is out */
  async function tellUnits(
    trx: Parameters<Parameters<AuditService['transact']>[1]>[0],
    site: { id: number },
    row: InspectionBulletinRow,
    docNumber: string,
  ) {
    const s = JSON.parse(row.snapshot) as MonitoringSnapshot;
    const units = new Map<number, string[]>();
    for (const f of s.findings)
      if (f.unitId !== null) units.set(f.unitId, [...(units.get(f.unitId) ?? []), f.evidence.zh]);
    for (const [unitId, lines] of units)
      await deps.notifications.notify(trx, {
        bureauUnitId: site.id,
        to: { unitIds: [unitId], roles: ['officer', 'deputyLeader'] },
        kind: 'inspection.bulletin',
        title: {
          zh: `监测通报 ${docNumber}：本单位 ${lines.length} 项问题`,
          en: `Monitoring bulletin ${docNumber}: ${lines.length} findings of your unit`,
        },
        body: { zh: lines.join('\n'), en: `${row.title} — ${lines.length} findings; see the bulletin.` },
        dedupeKey: `inspection.bulletin:${row.id}:${unitId}`,
      });
  }

  return {
    async list(ctx: RequestContext) {
      const site = await bureauOf(ctx);
      const rows = await repo.bulletins(site.id, !seesDrafts(ctx));
      return { items: await Promise.all(rows.map((r) => present(ctx, site, r))) };
    },

    async get(ctx: RequestContext, id: number) {
      const { site, row } = await visible(ctx, id);
      return present(ctx, site, row);
    },

    async create(ctx: RequestContext, month: string) {
      const site = await bureauOf(ctx);
      if (month > deps.today().slice(0, 7))
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: `${month} 尚未到来，不能起草监测通报`,
          en: `${month} has not come yet; there is nothing to report`,
        });
      if (await repo.bulletinOfMonth(site.id, month))
        throw new ApiError('CONFLICT', undefined, {
          zh: `${month} 的监测通报已经起草，请在列表中打开它`,
          en: `The monitoring bulletin for ${month} exists already; open it from the list`,
        });
      const snap = await snapshot(site.id, month);
      if (!snap.runs)
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: `${month} 没有检查记录，无法生成监测通报`,
          en: `There were no checks in ${month}; there is nothing to report`,
        });
      const wording = monitoringWording(snap, site.name);
      const at = nowIso();
      const id = await audit.transact(ctx, async (trx, record) => {
        const id = await repo.insertBulletin(trx, {
          bureau_unit_id: site.id,
          month,
          title: wording.title,
          body: wording.body,
          copy_to: DEFAULT_COPY_TO,
          public_summary: wording.publicSummary,
          status: 'draft',
          snapshot: JSON.stringify(snap),
          return_reason: null,
          drafted_by: requireActor(ctx).personId,
          approved_by: null,
          approved_at: null,
          published_at: null,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'inspectionBulletin.create',
          objectType: 'inspection_bulletin',
          objectId: id,
          detail: { month, runs: snap.runs, findings: snap.findings.length },
        });
        return id;
      });
      return reread(ctx, site, id);
    },

    /** Edits a draft; the month's findings are taken again, so leadership signs off what stands now. */
    async edit(
      ctx: RequestContext,
      id: number,
      input: { version: number; title?: string; body?: string; copyTo?: string; publicSummary?: string },
    ) {
      const { site, row } = await visible(ctx, id);
      onlyDraft(row);
      const snap = await snapshot(site.id, row.month);
      await audit.transact(ctx, async (trx, record) => {
        const ok = await repo.updateBulletin(trx, id, input.version, {
          title: input.title?.trim() ?? row.title,
          body: input.body?.trim() ?? row.body,
          copy_to: input.copyTo?.trim() ?? row.copy_to,
          public_summary: input.publicSummary?.trim() ?? row.public_summary,
          snapshot: JSON.stringify(snap),
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        await record({
          action: 'inspectionBulletin.edit',
          objectType: 'inspection_bulletin',
          objectId: id,
          detail: { before: { title: row.title }, after: { title: input.title ?? row.title } },
        });
      });
      return reread(ctx, site, id);
    },

    async transition(
      ctx: RequestContext,
      id: number,
      action: BulletinAction,
      input: { version: number; reason?: string },
    ) {
      const { site, row } = await visible(ctx, id);
      const { actor, to } = checkTransition(ctx, action, row, input.version);
      const year = Number(row.month.slice(0, 4));
      const office = await officeFor(ctx, site, year);
      const at = nowIso();
      await audit.transact(ctx, async (trx, record) => {
        const { docNumber: n, columns } = await stepColumns(
          trx,
          { action, by: actor.personId, at, reason: input.reason },
          row,
          `monitoring:${site.id}:${year}`,
        );
        const ok = await repo.updateBulletin(trx, id, input.version, { status: to, ...columns });
        if (!ok) throw conflict();
        const docNumber = n === null ? null : monitoringNumberOf(office, year, n);
        if (action === 'publish') await tellUnits(trx, site, row, docNumber!);
        await record({
          action: `inspectionBulletin.${action}`,
          objectType: 'inspection_bulletin',
          objectId: id,
          detail: { from: row.status, to, reason: input.reason ?? null, docNumber },
        });
      });
      return reread(ctx, site, id);
    },

    async file(ctx: RequestContext, id: number) {
      const { site, row } = await visible(ctx, id);
      const year = Number(row.month.slice(0, 4));
      const office = await officeFor(ctx, site, year);
      const docNumber =
        row.doc_number === null ? NUMBER_PENDING : monitoringNumberOf(office, year, row.doc_number);
      const body = await monitoringDocx({
        office,
        bureau: site.name,
        docNumber,
        title: row.title,
        body: row.body,
        copyTo: row.copy_to,
        date: chinaDate(row.published_at ?? row.approved_at ?? row.updated_at),
        snapshot: JSON.parse(row.snapshot) as MonitoringSnapshot,
      });
      return { body, filename: `${row.doc_number === null ? '草稿' : docNumber}${row.title}.docx` };
    },

    /** the page's trend: how each of the last twelve months ended */
    async trend(ctx: RequestContext) {
      const site = await bureauOf(ctx);
      const to = deps.today();
      const [y, m] = to.split('-').map(Number) as [number, number];
      const start = new Date(Date.UTC(y, m - 12, 1)); // the first of the month eleven months back
      const from = start.toISOString().slice(0, 10);
      const runs = await repo.runsBetween(site.id, from, to);
      return {
        months: inspectionTrend(
          runs.map((r) => ({
            checkedOn: r.checked_on,
            state: r.state,
            score: r.site_score,
            vetoed: r.site_vetoed === 1,
            vetoes: r.vetoes,
            deductions: r.deductions,
          })),
        ),
      };
    },

    /** the portal's 监测通报 page: published bulletins with a public summary */
    async publicSummaries(siteId: number) {
      return repo.publicSummaries(siteId);
    },
  };
}
export type MonitoringBulletins = ReturnType<typeof createMonitoringBulletins>;
