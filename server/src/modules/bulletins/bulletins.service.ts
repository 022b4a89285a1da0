// Ranking bulletins (通报): drafted by the information centre from a period's ranking, approved by
// leadership (never by the person who drafted it), then published to the units. Officers see published
// bulletins only. The document number is taken at approval, so a deleted or abandoned draft consumes
// none (decision 130).
import {
  chinaDate,
  type Bulletin,
  type BulletinAction,
  type PlanDetail,
  type RulesImpact,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, forbidden, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { PlansService } from '../assessment/plans.service.ts';
import type { RankingsService } from '../assessment/rankings.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { checkTransition, stepColumns } from './bulletin-transition.ts';
import { bulletinDocx, bulletinXlsx, defaultWording, type BulletinSnapshot } from './bulletin-files.ts';
import type { BulletinRow, BulletinsRepo } from './bulletins.repo.ts';
import { docNumberOf, NUMBER_PENDING, officeOf } from './office.ts';

export function createBulletinsService({
  repo,
  plans,
  rankings,
  audit,
}: {
  repo: BulletinsRepo;
  plans: PlansService;
  rankings: RankingsService;
  audit: AuditService;
}) {
  const numberOf = (r: BulletinRow, plan: PlanDetail) =>
    r.doc_number === null ? null : docNumberOf(officeOf(plan), plan.year, r.doc_number);

  const present = (r: BulletinRow, plan: PlanDetail): Bulletin => ({
    id: r.id,
    planId: r.plan_id,
    period: r.period_kind,
    index: r.period_index,
    docNumber: numberOf(r, plan),
    title: r.title,
    body: r.body,
    status: r.status,
    returnReason: r.return_reason,
    draftedBy: r.drafter_name,
    approvedBy: r.approver_name,
    approvedAt: r.approved_at,
    publishedAt: r.published_at,
    version: r.version,
    createdAt: r.created_at,
  });

  /** Officers and deputy leaders see a bulletin once it is published to them. */
  const seesDrafts = (ctx: RequestContext) => {
    const p = requireActor(ctx).permissions;
    return p.has('bulletins:draft') || p.has('bulletins:approve');
  };

  async function visible(ctx: RequestContext, id: number) {
    const row = await repo.find(id);
    if (!row || (!seesDrafts(ctx) && row.status !== 'published')) throw notFound();
    const plan = await plans.detail(ctx, row.plan_id); // 404 outside the actor's bureau
    return { row, plan };
  }

  const reread = async (id: number, plan: PlanDetail) => present((await repo.find(id))!, plan);

  async function snapshot(
    ctx: RequestContext,
    plan: PlanDetail,
    period: string,
    index: number,
  ): Promise<BulletinSnapshot> {
    const q = { period: period as 'month' | 'quarter', index };
    const ranking = await rankings.ranking(ctx, plan.id, q);
    const { blocks, points } = await rankings.blockPoints(ctx, plan.id, q);
    return {
      ranking,
      annualWeight: (plan.document as { annualWeight: number }).annualWeight,
      blocks,
      blockPoints: points,
    };
  }

  const onlyDraft = (row: BulletinRow, en: string) => {
    if (row.status !== 'draft')
      throw new ApiError('UNPROCESSABLE', undefined, {
        zh: en === 'edited' ? '只能修改草稿' : '只能删除草稿',
        en: `Only a draft can be ${en}`,
      });
  };

  return {
    async list(ctx: RequestContext, planId: number) {
      const plan = await plans.detail(ctx, planId);
      return { items: (await repo.listByPlan(planId, !seesDrafts(ctx))).map((r) => present(r, plan)) };
    },

    /**
     * The published bulletins that new rules would compute differently, and for how many units: the
     * rule form's confirmation names them. They stay as published (decision 127).
     */
    async rulesImpact(ctx: RequestContext, planId: number, document: unknown): Promise<RulesImpact> {
      const plan = await plans.detail(ctx, planId);
      plans.check(document, plan.year);
      const published = (await repo.listByPlan(planId, true)).reverse();
      const rows: RulesImpact['published'] = [];
      for (const b of published) {
        const snap = JSON.parse(b.snapshot) as BulletinSnapshot;
        const totals = await plans.periodTotals(ctx, planId, document, {
          kind: b.period_kind,
          index: b.period_index,
        });
        const changedUnits = snap.ranking.groups
          .flatMap((g) => g.rows)
          .filter((r) => (totals.get(r.unitId) ?? 0) !== r.points).length;
        if (changedUnits)
          rows.push({
            bulletinId: b.id,
            period: b.period_kind,
            index: b.period_index,
            label: snap.ranking.label,
            labelEn: snap.ranking.labelEn,
            docNumber: numberOf(b, plan),
            changedUnits,
          });
      }
      return { published: rows };
    },

    async get(ctx: RequestContext, id: number) {
      const { row, plan } = await visible(ctx, id);
      return present(row, plan);
    },

    /**
     * What a piece dated `date` will count for (decision 133): nothing when no plan of the actor's bureau
     * covers its year; its month's published bulletin stays as published (it counts in the year's total
     * and the live ranking only). Warnings, never refusals: the officer reports what happened when.
     */
    async dateCheck(ctx: RequestContext, date: string) {
      const actor = requireActor(ctx);
      const year = Number(date.slice(0, 4));
      const month = Number(date.slice(5, 7));
      const plan = (await plans.list(ctx)).items.find(
        (p) => p.year === year && p.ownerUnitId === actor.bureauUnitId,
      );
      const warnings: Array<{ code: 'outsidePlanYear' | 'closedMonth'; message: string; messageEn: string }> =
        [];
      if (!plan)
        warnings.push({
          code: 'outsidePlanYear',
          message: `${year} 年没有考核方案：这篇稿件不计入任何年度的考核得分`,
          messageEn: `There is no assessment plan for ${year}: this piece counts towards no year's score`,
        });
      else if ((await repo.publishedMonths(plan.id)).includes(month))
        warnings.push({
          code: 'closedMonth',
          message: `${year}年${month}月的排名通报已发布：已发布的通报不再变化，这篇稿件只计入年度累计得分和当前排名`,
          messageEn: `The bulletin for ${year}-${String(month).padStart(2, '0')} is published and stays as published; this piece counts in the year's total and the live ranking only`,
        });
      return { planId: plan?.id ?? null, warnings };
    },

    async create(
      ctx: RequestContext,
      input: { planId: number; period: 'month' | 'quarter'; index: number; title?: string; body?: string },
    ) {
      const plan = await plans.detail(ctx, input.planId);
      const snap = await snapshot(ctx, plan, input.period, input.index);
      const wording = defaultWording(plan.title, snap.ranking);
      const at = nowIso();
      const id = await audit.transact(ctx, async (trx, record) => {
        const id = await repo.insert(trx, {
          plan_id: plan.id,
          period_kind: input.period,
          period_index: input.index,
          title: input.title?.trim() ?? wording.title,
          body: input.body?.trim() ?? wording.body,
          status: 'draft',
          snapshot: JSON.stringify(snap),
          return_reason: null,
          published_at: null,
          drafted_by: requireActor(ctx).personId,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'bulletin.create',
          objectType: 'bulletin',
          objectId: id,
          detail: { planId: plan.id, period: input.period, index: input.index },
        });
        return id;
      });
      return reread(id, plan);
    },

    /** Edits a draft; its ranking is taken again, so leadership signs off the current numbers. */
    async edit(ctx: RequestContext, id: number, input: { version: number; title?: string; body?: string }) {
      const { row, plan } = await visible(ctx, id);
      onlyDraft(row, 'edited');
      const snap = await snapshot(ctx, plan, row.period_kind, row.period_index);
      await audit.transact(ctx, async (trx, record) => {
        const ok = await repo.update(trx, id, input.version, {
          title: input.title?.trim() ?? row.title,
          body: input.body?.trim() ?? row.body,
          snapshot: JSON.stringify(snap),
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        await record({
          action: 'bulletin.edit',
          objectType: 'bulletin',
          objectId: id,
          detail: { before: { title: row.title }, after: { title: input.title } },
        });
      });
      return reread(id, plan);
    },

    /** A draft the information centre abandons: gone, audited, and it never had a number. */
    async remove(ctx: RequestContext, id: number, version: number) {
      if (!requireActor(ctx).permissions.has('bulletins:draft')) throw forbidden();
      const { row } = await visible(ctx, id);
      onlyDraft(row, 'deleted');
      await audit.transact(ctx, async (trx, record) => {
        if (!(await repo.deleteDraft(trx, id, version))) throw conflict();
        await record({
          action: 'bulletin.delete',
          objectType: 'bulletin',
          objectId: id,
          detail: { planId: row.plan_id, period: row.period_kind, index: row.period_index, title: row.title },
        });
      });
    },

    async transition(
      ctx: RequestContext,
      id: number,
      action: BulletinAction,
      input: { version: number; reason?: string },
    ) {
      const { row, plan } = await visible(ctx, id);
      const { actor, to } = checkTransition(ctx, action, row, input.version);
      const at = nowIso();
      await audit.transact(ctx, async (trx, record) => {
        const { docNumber, columns } = await stepColumns(
          trx,
          { action, by: actor.personId, at, reason: input.reason },
          row,
          `bulletin:${plan.id}`,
        );
        const ok = await repo.update(trx, id, input.version, { status: to, ...columns });
        if (!ok) throw conflict();
        await record({
          action: `bulletin.${action}`,
          objectType: 'bulletin',
          objectId: id,
          detail: {
            from: row.status,
            to,
            reason: input.reason ?? null,
            ...(action === 'approve'
              ? { docNumber: docNumberOf(officeOf(plan), plan.year, docNumber!) }
              : {}),
          },
        });
      });
      return reread(id, plan);
    },

    async file(ctx: RequestContext, id: number, type: 'docx' | 'xlsx') {
      const { row, plan } = await visible(ctx, id);
      const office = officeOf(plan);
      const docNumber = numberOf(row, plan) ?? NUMBER_PENDING;
      const snap = JSON.parse(row.snapshot) as BulletinSnapshot;
      const date = chinaDate(row.published_at ?? row.approved_at ?? row.updated_at);
      const body =
        type === 'docx'
          ? await bulletinDocx({ office, docNumber, title: row.title, body: row.body, date, snapshot: snap })
          : await bulletinXlsx({ docNumber, title: row.title, snapshot: snap });
      const name = row.doc_number === null ? '草稿' : docNumber;
      return { body, filename: `${name}${row.title}.${type}` };
    },
  };
}
export type BulletinsService = ReturnType<typeof createBulletinsService>;
