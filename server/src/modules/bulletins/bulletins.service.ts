// Ranking bulletins (通报): drafted by the information centre from a period's ranking, approved by
// leadership (never by the person who drafted it), then published to the units. Officers see published
// bulletins only.
import {
  BULLETIN_TRANSITIONS,
  chinaDate,
  type Bulletin,
  type BulletinAction,
  type PlanDetail,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, forbidden, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { PlansService } from '../assessment/plans.service.ts';
import type { RankingsService } from '../assessment/rankings.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { takeDocumentNumber } from './document-numbers.repo.ts';
import {
  bulletinDocx,
  bulletinXlsx,
  defaultWording,
  docNumberOf,
  type BulletinSnapshot,
  type Office,
} from './bulletin-files.ts';

const officeOf = (plan: PlanDetail): Office =>
  (plan.document as { office?: Office }).office ?? {
    issuer: plan.ownerUnitName,
    docPrefix: '通报',
    printedBy: `${plan.ownerUnitName}办公室`,
  };

export function createBulletinsService({
  db,
  plans,
  rankings,
  audit,
}: {
  db: DB;
  plans: PlansService;
  rankings: RankingsService;
  audit: AuditService;
}) {
  const rows = () =>
    db
      .selectFrom('bulletins')
      .innerJoin('people as drafter', 'drafter.id', 'bulletins.drafted_by')
      .leftJoin('people as approver', 'approver.id', 'bulletins.approved_by')
      .selectAll('bulletins')
      .select(['drafter.name as drafter_name', 'approver.name as approver_name']);
  type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirst']>>>;

  const present = (r: Row, plan: PlanDetail): Bulletin => ({
    id: r.id,
    planId: r.plan_id,
    period: r.period_kind as Bulletin['period'],
    index: r.period_index,
    docNumber: docNumberOf(officeOf(plan), plan.year, r.doc_number),
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
    const row = await rows().where('bulletins.id', '=', id).executeTakeFirst();
    if (!row || (!seesDrafts(ctx) && row.status !== 'published')) throw notFound();
    const plan = await plans.detail(ctx, row.plan_id); // 404 outside the actor's bureau
    return { row, plan };
  }

  async function snapshot(
    ctx: RequestContext,
    plan: PlanDetail,
    period: string,
    index: number,
  ): Promise<BulletinSnapshot> {
    const ranking = await rankings.ranking(ctx, plan.id, { period: period as 'month' | 'quarter', index });
    return { ranking, annualWeight: (plan.document as { annualWeight: number }).annualWeight };
  }

  return {
    async list(ctx: RequestContext, planId: number) {
      const plan = await plans.detail(ctx, planId);
      let q = rows().where('bulletins.plan_id', '=', planId).orderBy('bulletins.doc_number', 'desc');
      if (!seesDrafts(ctx)) q = q.where('bulletins.status', '=', 'published');
      return { items: (await q.execute()).map((r) => present(r, plan)) };
    },

    async get(ctx: RequestContext, id: number) {
      const { row, plan } = await visible(ctx, id);
      return present(row, plan);
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
        const docNumber = await takeDocumentNumber(trx, `bulletin:${plan.id}`);
        const { id } = await trx
          .insertInto('bulletins')
          .values({
            plan_id: plan.id,
            period_kind: input.period,
            period_index: input.index,
            doc_number: docNumber,
            title: input.title?.trim() ?? wording.title,
            body: input.body?.trim() ?? wording.body,
            status: 'draft',
            snapshot: JSON.stringify(snap),
            drafted_by: requireActor(ctx).personId,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await record({
          action: 'bulletin.create',
          objectType: 'bulletin',
          objectId: id,
          detail: { planId: plan.id, period: input.period, index: input.index },
        });
        return id;
      });
      return present(await rows().where('bulletins.id', '=', id).executeTakeFirstOrThrow(), plan);
    },

    /** Edits a draft; its ranking is taken again, so leadership signs off the current numbers. */
    async edit(ctx: RequestContext, id: number, input: { version: number; title?: string; body?: string }) {
      const { row, plan } = await visible(ctx, id);
      if (row.status !== 'draft')
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '只能修改草稿',
          en: 'Only a draft can be edited',
        });
      const snap = await snapshot(ctx, plan, row.period_kind, row.period_index);
      await audit.transact(ctx, async (trx, record) => {
        const res = await trx
          .updateTable('bulletins')
          .set({
            title: input.title?.trim() ?? row.title,
            body: input.body?.trim() ?? row.body,
            snapshot: JSON.stringify(snap),
            version: row.version + 1,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw conflict();
        await record({
          action: 'bulletin.edit',
          objectType: 'bulletin',
          objectId: id,
          detail: { before: { title: row.title }, after: { title: input.title } },
        });
      });
      return present(await rows().where('bulletins.id', '=', id).executeTakeFirstOrThrow(), plan);
    },

    async transition(
      ctx: RequestContext,
      id: number,
      action: BulletinAction,
      input: { version: number; reason?: string },
    ) {
      const actor = requireActor(ctx);
      const t = BULLETIN_TRANSITIONS[action];
      if (!actor.permissions.has(t.permission)) throw forbidden();
      const { row, plan } = await visible(ctx, id);
      if (row.version !== input.version) throw conflict();
      if (row.status !== t.from)
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: `通报当前状态为「${row.status}」，不能执行该操作`,
          en: `The bulletin is ${row.status}; it cannot be ${action === 'return' ? 'returned' : `${action}ed`} now`,
        });
      // separation of duties: whoever drafted a bulletin cannot sign it off
      if ((action === 'approve' || action === 'return') && row.drafted_by === actor.personId)
        throw new ApiError('FORBIDDEN', undefined, {
          zh: '不能审批自己起草的通报',
          en: 'You cannot approve a bulletin you drafted',
        });
      const at = nowIso();
      await audit.transact(ctx, async (trx, record) => {
        const res = await trx
          .updateTable('bulletins')
          .set({
            status: t.to,
            version: row.version + 1,
            updated_at: at,
            ...(action === 'approve'
              ? { approved_by: actor.personId, approved_at: at, return_reason: null }
              : {}),
            ...(action === 'return' ? { return_reason: input.reason ?? '' } : {}),
            ...(action === 'publish' ? { published_at: at } : {}),
          })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw conflict();
        await record({
          action: `bulletin.${action}`,
          objectType: 'bulletin',
          objectId: id,
          detail: { from: row.status, to: t.to, reason: input.reason ?? null },
        });
      });
      return present(await rows().where('bulletins.id', '=', id).executeTakeFirstOrThrow(), plan);
    },

    async file(ctx: RequestContext, id: number, type: 'docx' | 'xlsx') {
      const { row, plan } = await visible(ctx, id);
      const office = officeOf(plan);
      const docNumber = docNumberOf(office, plan.year, row.doc_number);
      const snap = JSON.parse(row.snapshot) as BulletinSnapshot;
      const date = chinaDate(row.published_at ?? row.approved_at ?? row.updated_at);
      const body =
        type === 'docx'
          ? await bulletinDocx({ office, docNumber, title: row.title, body: row.body, date, snapshot: snap })
          : await bulletinXlsx({ docNumber, title: row.title, snapshot: snap });
      return { body, filename: `${docNumber}${row.title}.${type}` };
    },
  };
}
export type BulletinsService = ReturnType<typeof createBulletinsService>;
