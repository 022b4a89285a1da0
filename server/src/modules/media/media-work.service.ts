// The media work around the matrix (docs/new-media.md, "Subscriptions, commentators, columns"): the
// subscription register (报刊征订) whose lines are C1's facts, the online-commentator team (网评员) with
// its posts and monthly tally, and the standing media columns (专栏) with the pieces the submission flow
// counted in them. Scoped by the owning unit; every change audited in its transaction; a subscription's
// fact written and its scores marked stale in the same transaction (decision 085).
import {
  checkAccountLink,
  subscriptionItem,
  subscriptionQuota,
  summariseSubscriptions,
  tallyPosts,
  type CommentatorInput,
  type CommentatorPostInput,
  type MediaColumnInput,
  type PlanDocument,
  type SubscriptionInput,
  type WorkListQuery,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import type { ScoresRepo } from '../assessment/scores.repo.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import { createCommentatorTasks } from './commentator-tasks.ts';
import type { MediaFacts } from './media-facts.ts';
import { createMediaRegisters, type Partialish } from './media-register.ts';
import type { MediaWorkRepo } from './media-work.repo.ts';
import { presentColumn, presentCommentator, presentPost, presentSubscription } from './media-work-present.ts';

export interface MediaWorkDeps {
  repo: MediaWorkRepo;
  facts: MediaFacts;
  units: UnitsService;
  audit: AuditService;
  scores: ScoresHandOff;
  plans: ScoresRepo;
  outletNames: (ids: number[]) => Promise<Map<number, string>>;
  today: () => string;
}

const opt = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const duplicate = (field: string, zh: string, en: string) =>
  new ApiError('DUPLICATE', [{ field, message: zh, messageEn: en }]);

export function createMediaWorkService(deps: MediaWorkDeps) {
  const { repo, audit, units, scores } = deps;
  const page = (q: WorkListQuery) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
  const filter = (ctx: RequestContext, q: WorkListQuery) => ({
    scopePath: requireActor(ctx).scopePath,
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.year ? { year: q.year } : {}),
  });

  const { change, register } = createMediaRegisters({ repo, units, audit, scores });

  const tasks = createCommentatorTasks({ repo, register });
  const thisYear = () => Number(deps.today().slice(0, 4));
  const subscriptions = register<
    NonNullable<Awaited<ReturnType<MediaWorkRepo['findSubscription']>>>,
    SubscriptionInput
  >({
    table: 'media_subscriptions',
    kind: 'subscription',
    objectType: 'mediaSubscription',
    find: (id, scope, trx) => repo.findSubscription(id, scope, trx),
    async values(input, current) {
      if (input.year !== undefined && input.year > thisYear() + 1)
        throw invalid('/year', '只能登记到明年的订阅', 'Subscriptions can be recorded up to next year');
      const v = defined({
        unit_id: input.unitId,
        year: input.year,
        paper: input.paper?.trim().replace(/^《(.+)》$/, '$1'),
        copies: input.copies,
        amount_fen:
          input.amountYuan === undefined
            ? undefined
            : input.amountYuan === null
              ? null
              : Math.round(input.amountYuan * 100),
        evidence: opt(input.evidence),
      });
      const merged = { unit_id: current?.unit_id, year: current?.year, paper: current?.paper, ...v } as {
        unit_id: number;
        year: number;
        paper: string;
      };
      const same = await repo.sameSubscription(merged);
      if (same && same.id !== current?.id)
        throw duplicate(
          '/paper',
          '该单位本年度已登记这种报刊，请修改原记录',
          'This paper is already recorded for the unit and year',
        );
      return v;
    },
    facts: (trx, id, row) => deps.facts.writeSubscription(trx, id, row),
  });
  const commentators = register<
    NonNullable<Awaited<ReturnType<MediaWorkRepo['findCommentator']>>>,
    CommentatorInput
  >({
    table: 'media_commentators',
    kind: 'commentator',
    objectType: 'mediaCommentator',
    find: (id, scope, trx) => repo.findCommentator(id, scope, trx),
    values: async (input) =>
      defined({
        unit_id: input.unitId,
        name: input.name?.trim(),
        accounts: opt(input.accounts),
        active: input.active === undefined ? undefined : input.active ? 1 : 0,
      }),
  });
  const columns = register<NonNullable<Awaited<ReturnType<MediaWorkRepo['findColumn']>>>, MediaColumnInput>({
    table: 'media_columns',
    kind: 'column',
    objectType: 'mediaColumn',
    find: (id, scope, trx) => repo.findColumn(id, scope, trx),
    async values(input, current) {
      let outletName = input.outletName?.trim();
      if (input.outletId) {
        const name = (await deps.outletNames([input.outletId])).get(input.outletId);
        if (!name) throw invalid('/outletId', '媒体库中没有这家媒体', 'No such outlet in the media library');
        outletName = name;
      }
      const starts = input.startsOn ?? current?.starts_on;
      const ends = input.endsOn === undefined ? current?.ends_on : input.endsOn;
      if (starts && ends && ends < starts)
        throw invalid('/endsOn', '结束日期早于开始日期', 'The column ends before it starts');
      return defined({
        unit_id: input.unitId,
        outlet_id: input.outletId,
        outlet_name: outletName,
        name: input.name?.trim(),
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        pieces: input.pieces,
        note: opt(input.note),
      });
    },
  });

  return {
    async listSubscriptions(ctx: RequestContext, q: WorkListQuery) {
      const p = page(q);
      const { items, total } = await repo.listSubscriptions(filter(ctx, q), p);
      return { items: items.map(presentSubscription), total, ...p };
    },
    async subscriptionSummary(ctx: RequestContext, year: number) {
      const actor = requireActor(ctx);
      const lines = await repo.yearSubscriptions({ scopePath: actor.scopePath, year });
      const [plan] = await deps.plans.plansOfOwner(actor.bureauUnitId, [year]);
      const doc = plan ? (JSON.parse(plan.document) as PlanDocument) : null;
      const item = doc ? subscriptionItem(doc) : null;
      const kinds = new Map(lines.map((l) => [l.unit_id, l.unit_kind]));
      const s = summariseSubscriptions(
        lines.map((l) => ({
          unitId: l.unit_id,
          unitName: l.unit_name,
          paper: l.paper,
          copies: l.copies,
          amountFen: l.amount_fen,
        })),
        (unitId) => (doc ? subscriptionQuota(doc, item, kinds.get(unitId) ?? '') : null),
      );
      return { year, itemName: item ? `${item.code} ${item.name}` : null, ...s };
    },
    createSubscription: async (ctx: RequestContext, input: SubscriptionInput) =>
      presentSubscription(await subscriptions.create(ctx, input)),
    updateSubscription: async (ctx: RequestContext, id: number, input: Partialish<SubscriptionInput>) =>
      presentSubscription(await subscriptions.update(ctx, id, input)),
    removeSubscription: subscriptions.remove,

    async listCommentators(ctx: RequestContext, q: WorkListQuery) {
      const p = page(q);
      const { items, total } = await repo.listCommentators(filter(ctx, q), p);
      return { items: items.map(presentCommentator), total, ...p };
    },
    createCommentator: async (ctx: RequestContext, input: CommentatorInput) =>
      presentCommentator(await commentators.create(ctx, input)),
    updateCommentator: async (ctx: RequestContext, id: number, input: Partialish<CommentatorInput>) =>
      presentCommentator(await commentators.update(ctx, id, input)),
    async posts(ctx: RequestContext, id: number) {
      await commentators.visible(ctx, id);
      return { items: (await repo.posts(id)).map(presentPost) };
    },
    async addPost(ctx: RequestContext, id: number, input: CommentatorPostInput) {
      const member = await commentators.visible(ctx, id);
      const link = checkAccountLink(input.url.trim());
      if (!link.ok) throw invalid('/url', link.zh, link.en);
      if (input.postedOn > deps.today())
        throw invalid('/postedOn', '日期不能晚于今天', 'The date cannot be in the future');
      const taskId = input.taskId
        ? await tasks.forPost(ctx, input.taskId, member.unit_path, input.postedOn)
        : null;
      const postId = await change(ctx, async (trx, record) => {
        const postId = await repo.insertPost(trx, {
          commentator_id: id,
          posted_on: input.postedOn,
          url: link.url,
          topic: opt(input.topic) ?? null,
          task_id: taskId,
          created_at: nowIso(),
        });
        await record({
          action: 'media.commentatorPost.create',
          objectType: 'mediaCommentator',
          objectId: id,
          detail: { postId, ...input },
        });
        return { result: postId };
      });
      return presentPost((await repo.posts(id)).find((p) => p.id === postId)!);
    },
    async removePost(ctx: RequestContext, postId: number) {
      const post = await repo.findPost(postId, requireActor(ctx).scopePath);
      if (!post) throw notFound();
      await change(ctx, async (trx, record) => {
        await repo.deletePost(trx, postId);
        await record({
          action: 'media.commentatorPost.delete',
          objectType: 'mediaCommentator',
          objectId: post.commentator_id,
          detail: { before: post },
        });
        return { result: undefined };
      });
    },
    tasks,
    async tally(ctx: RequestContext, year: number) {
      const { people, posts } = await repo.yearPosts({ scopePath: requireActor(ctx).scopePath, year });
      return {
        year,
        rows: tallyPosts(
          people.map((p) => ({ id: p.id, name: p.name, unitName: p.unit_name })),
          posts.map((p) => ({ commentatorId: p.commentator_id, postedOn: p.posted_on })),
          year,
        ),
      };
    },

    async listColumns(ctx: RequestContext, q: WorkListQuery) {
      const p = page(q);
      const { items, total } = await repo.listColumns(filter(ctx, q), p);
      return { items: items.map(presentColumn), total, ...p };
    },
    createColumn: async (ctx: RequestContext, input: MediaColumnInput) =>
      presentColumn(await columns.create(ctx, input)),
    updateColumn: async (ctx: RequestContext, id: number, input: Partialish<MediaColumnInput>) =>
      presentColumn(await columns.update(ctx, id, input)),
    removeColumn: columns.remove,
  };
}
export type MediaWorkService = ReturnType<typeof createMediaWorkService>;
