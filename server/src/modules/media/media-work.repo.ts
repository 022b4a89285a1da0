// The only place that builds queries on the media work tables: subscriptions (报刊征订), the
// online-commentator team (网评员) and its posts, the standing media columns (专栏). Every row belongs to
// a unit; scope is the unit's place in the tree (withinScope), as for the accounts.
import type { SelectQueryBuilder, Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { withinOrAboveScope, withinScope } from '../../db/expressions.ts';
import type {
  Database,
  MediaColumnsTable,
  MediaCommentatorPostsTable,
  MediaCommentatorsTable,
  MediaSubscriptionsTable,
} from '../../db/types.ts';

type Q = DB | Transaction<Database>;
/** the three registers whose rows a unit owns and a person edits at a version */
export type WorkTable =
  'media_subscriptions' | 'media_commentators' | 'media_commentator_tasks' | 'media_columns';
export type SubscriptionValues = Omit<MediaSubscriptionsTable, 'id' | 'version'>;
export type CommentatorValues = Omit<MediaCommentatorsTable, 'id' | 'version'>;
export type ColumnValues = Omit<MediaColumnsTable, 'id' | 'version'>;
export interface WorkFilter {
  scopePath: string;
  unitId?: number;
  year?: number;
}
const page = (p: { page: number; pageSize: number }) => ({
  limit: p.pageSize,
  offset: (p.page - 1) * p.pageSize,
});

export function createMediaWorkRepo(db: DB) {
  const subscriptions = (f: WorkFilter, q: Q = db) => {
    let s = q
      .selectFrom('media_subscriptions as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .where(withinScope('u.path', f.scopePath));
    if (f.unitId) s = s.where('r.unit_id', '=', f.unitId);
    if (f.year) s = s.where('r.year', '=', f.year);
    return s;
  };
  const commentators = (f: WorkFilter, q: Q = db) => {
    let s = q
      .selectFrom('media_commentators as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .where(withinScope('u.path', f.scopePath));
    if (f.unitId) s = s.where('r.unit_id', '=', f.unitId);
    return s;
  };
  const columns = (f: WorkFilter, q: Q = db) => {
    let s = q
      .selectFrom('media_columns as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .where(withinScope('u.path', f.scopePath));
    if (f.unitId) s = s.where('r.unit_id', '=', f.unitId);
    if (f.year)
      s = s
        .where('r.starts_on', '<=', `${f.year}-12-31`)
        .where((eb) => eb.or([eb('r.ends_on', 'is', null), eb('r.ends_on', '>=', `${f.year}-01-01`)]));
    return s;
  };
  // a commentator with how many posts are recorded and the latest one's day
  const withPosts = (s: ReturnType<typeof commentators>) =>
    s
      .selectAll('r')
      .select(['u.name as unit_name', 'u.path as unit_path'])
      .select((eb) => [
        eb
          .selectFrom('media_commentator_posts as p')
          .whereRef('p.commentator_id', '=', 'r.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('post_count'),
        eb
          .selectFrom('media_commentator_posts as p')
          .whereRef('p.commentator_id', '=', 'r.id')
          .select((e) => e.fn.max('p.posted_on').as('d'))
          .as('last_post_on'),
      ]);
  // tasks set by a unit in scope or above it (an officer sees the centre's tasks for their unit)
  const tasks = (f: WorkFilter, q: Q = db) =>
    q
      .selectFrom('media_commentator_tasks as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .where(withinOrAboveScope('u.path', 'u.id', f.scopePath))
      .$if(!!f.year, (s) =>
        s.where('r.starts_on', '<=', `${f.year}-12-31`).where('r.ends_on', '>=', `${f.year}-01-01`),
      );
  const task = (s: ReturnType<typeof tasks>) =>
    s.selectAll('r').select(['u.name as unit_name', 'u.path as unit_path']);
  // a column with the submission flow's count: the unit's approved pieces at the outlet within its period
  const counted = (s: ReturnType<typeof columns>) =>
    s
      .selectAll('r')
      .select(['u.name as unit_name'])
      .select((eb) =>
        eb
          .selectFrom('submissions as s')
          .whereRef('s.unit_id', '=', 'r.unit_id')
          .whereRef('s.outlet_id', '=', 'r.outlet_id')
          .where('s.status', '=', 'approved')
          .whereRef('s.fact_date', '>=', 'r.starts_on')
          .where((w) => w.or([w('r.ends_on', 'is', null), w('s.fact_date', '<=', w.ref('r.ends_on'))]))
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('counted'),
      );
  // any of the three registers' queries: its rows counted (the builders differ only in their table)
  const count = async <D, TB extends keyof D>(s: SelectQueryBuilder<D, TB, object>) =>
    Number(
      (
        await s
          .select((eb) => eb.fn.countAll().as('n'))
          .$castTo<{ n: number | string }>()
          .executeTakeFirstOrThrow()
      ).n,
    );

  return {
    async listSubscriptions(f: WorkFilter, p: { page: number; pageSize: number }) {
      const { limit, offset } = page(p);
      const items = await subscriptions(f)
        .selectAll('r')
        .select(['u.name as unit_name', 'u.kind as unit_kind'])
        .orderBy('r.year', 'desc')
        .orderBy('u.sort_order')
        .orderBy('r.paper')
        .limit(limit)
        .offset(offset)
        .execute();
      return { items, total: await count(subscriptions(f)) };
    },
    /** every subscription of the year in scope, for the summary */
    yearSubscriptions: (f: WorkFilter & { year: number }) =>
      subscriptions(f)
        .selectAll('r')
        .select(['u.name as unit_name', 'u.kind as unit_kind'])
        .orderBy('u.sort_order')
        .orderBy('r.paper')
        .execute(),
    subscriptionsOfUnit: (trx: Transaction<Database>, unitId: number) =>
      trx.selectFrom('media_subscriptions').selectAll().where('unit_id', '=', unitId).execute(),
    findSubscription: (id: number, scopePath: string, q: Q = db) =>
      subscriptions({ scopePath }, q)
        .selectAll('r')
        .select(['u.name as unit_name', 'u.kind as unit_kind'])
        .where('r.id', '=', id)
        .executeTakeFirst(),
    sameSubscription: (v: { unit_id: number; year: number; paper: string }, q: Q = db) =>
      q
        .selectFrom('media_subscriptions')
        .select('id')
        .where('unit_id', '=', v.unit_id)
        .where('year', '=', v.year)
        .where('paper', '=', v.paper)
        .executeTakeFirst(),

    async listCommentators(f: WorkFilter, p: { page: number; pageSize: number }) {
      const { limit, offset } = page(p);
      const items = await withPosts(commentators(f))
        .orderBy('u.sort_order')
        .orderBy('r.id')
        .limit(limit)
        .offset(offset)
        .execute();
      return { items, total: await count(commentators(f)) };
    },
    findCommentator: (id: number, scopePath: string, q: Q = db) =>
      withPosts(commentators({ scopePath }, q)).where('r.id', '=', id).executeTakeFirst(),
    posts: (commentatorId: number) =>
      db
        .selectFrom('media_commentator_posts')
        .selectAll()
        .where('commentator_id', '=', commentatorId)
        .orderBy('posted_on', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    insertPost: async (trx: Transaction<Database>, v: Omit<MediaCommentatorPostsTable, 'id'>) =>
      (await trx.insertInto('media_commentator_posts').values(v).returning('id').executeTakeFirstOrThrow())
        .id,
    /** a post with its commentator's unit, when that unit is in scope */
    findPost: (id: number, scopePath: string) =>
      db
        .selectFrom('media_commentator_posts as p')
        .innerJoin('media_commentators as r', 'r.id', 'p.commentator_id')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .where(withinScope('u.path', scopePath))
        .where('p.id', '=', id)
        .selectAll('p')
        .executeTakeFirst(),
    async listTasks(f: WorkFilter, p: { page: number; pageSize: number }) {
      const { limit, offset } = page(p);
      const items = await task(tasks(f))
        .orderBy('r.starts_on', 'desc')
        .orderBy('r.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return { items, total: await count(tasks(f)) };
    },
    /** a task the reader may see (`editable`: set by a unit inside their scope) */
    findTask: (id: number, scopePath: string, q: Q = db) =>
      task(tasks({ scopePath }, q)).where('r.id', '=', id).executeTakeFirst(),
    findOwnTask: (id: number, scopePath: string, q: Q = db) =>
      task(tasks({ scopePath }, q))
        .where(withinScope('u.path', scopePath))
        .where('r.id', '=', id)
        .executeTakeFirst(),
    /** the team in scope (with each member's unit path) and the posts completing the given tasks */
    async taskTeam(scopePath: string, taskIds: number[]) {
      const people = await commentators({ scopePath })
        .select(['r.id', 'r.name', 'r.active', 'u.name as unit_name', 'u.path as unit_path'])
        .orderBy('u.sort_order')
        .orderBy('r.id')
        .execute();
      const posts = taskIds.length
        ? await db
            .selectFrom('media_commentator_posts')
            .select(['commentator_id', 'task_id', 'posted_on'])
            .where('task_id', 'in', taskIds)
            .execute()
        : [];
      return { people, posts };
    },
    deletePost: (trx: Transaction<Database>, id: number) =>
      trx.deleteFrom('media_commentator_posts').where('id', '=', id).execute(),
    /** the team in scope and its posts in the year, for the monthly tally */
    async yearPosts(f: WorkFilter & { year: number }) {
      const people = await commentators(f)
        .select(['r.id', 'r.name', 'u.name as unit_name'])
        .orderBy('u.sort_order')
        .orderBy('r.id')
        .execute();
      const posts = await db
        .selectFrom('media_commentator_posts')
        .select(['commentator_id', 'posted_on'])
        .where('commentator_id', 'in', people.length ? people.map((p) => p.id) : [0])
        .where('posted_on', '>=', `${f.year}-01-01`)
        .where('posted_on', '<=', `${f.year}-12-31`)
        .execute();
      return { people, posts };
    },

    async listColumns(f: WorkFilter, p: { page: number; pageSize: number }) {
      const { limit, offset } = page(p);
      const items = await counted(columns(f))
        .orderBy('u.sort_order')
        .orderBy('r.starts_on', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return { items, total: await count(columns(f)) };
    },
    findColumn: (id: number, scopePath: string, q: Q = db) =>
      counted(columns({ scopePath }, q)).where('r.id', '=', id).executeTakeFirst(),

    /** the three registers' shared writes: insert, optimistic update (false when the version moved on), delete */
    async insert<T extends WorkTable>(trx: Transaction<Database>, table: T, v: Record<string, unknown>) {
      const r = await trx
        .insertInto(table as 'media_subscriptions')
        .values(v as SubscriptionValues)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async update(
      trx: Transaction<Database>,
      table: WorkTable,
      id: number,
      version: number,
      v: Record<string, unknown>,
    ) {
      const r = await trx
        .updateTable(table as 'media_subscriptions')
        .set({ ...(v as Partial<SubscriptionValues>), version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    remove: (trx: Transaction<Database>, table: WorkTable, id: number) =>
      trx
        .deleteFrom(table as 'media_subscriptions')
        .where('id', '=', id)
        .execute(),
  };
}
export type MediaWorkRepo = ReturnType<typeof createMediaWorkRepo>;
