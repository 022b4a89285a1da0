// The only place that builds queries on the media module's tables: accounts (台账), their history and
// metrics (docs/new-media.md). Scope is the owner unit's place in the tree (withinScope).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { containsText, withinScope } from '../../db/expressions.ts';
import type {
  Database,
  MediaAccountHistoryTable,
  MediaAccountsTable,
  MediaMetricsTable,
  MetricsSource,
} from '../../db/types.ts';
import type { AccountState, MediaPlatform } from '@greenvoice/common';
import { updateVersioned } from '../../db/versioned.ts';

export interface AccountFilter {
  scopePath: string;
  q?: string;
  unitId?: number;
  platform?: MediaPlatform;
  state?: AccountState;
}

type Q = DB | Transaction<Database>;
export type AccountValues = Omit<MediaAccountsTable, 'id' | 'version'>;
export type MetricsValues = Omit<MediaMetricsTable, 'id' | 'account_id' | 'source' | 'updated_at'>;

export function createMediaRepo(db: DB) {
  const base = (f: AccountFilter, q: Q = db) => {
    let s = q
      .selectFrom('media_accounts as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .where(withinScope('u.path', f.scopePath));
    if (f.unitId) s = s.where('a.unit_id', '=', f.unitId);
    if (f.platform) s = s.where('a.platform', '=', f.platform);
    if (f.state) s = s.where('a.state', '=', f.state);
    const text = f.q;
    if (text) s = s.where((eb) => eb.or([containsText('a.name', text), containsText('a.platform_id', text)]));
    return s;
  };
  const withUnit = (f: AccountFilter, q: Q = db) =>
    base(f, q)
      .selectAll('a')
      .select(['u.name as unit_name', 'u.path as unit_path', 'u.sort_order as unit_order']);

  return {
    async list(f: AccountFilter, page: number, pageSize: number) {
      const total = await base(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await withUnit(f)
        .orderBy('u.sort_order')
        .orderBy('a.platform')
        .orderBy('a.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },
    all: (f: AccountFilter, q: Q = db) =>
      withUnit(f, q).orderBy('u.sort_order').orderBy('a.platform').orderBy('a.id').execute(),
    find: (id: number, scopePath: string, q: Q = db) =>
      withUnit({ scopePath }, q).where('a.id', '=', id).executeTakeFirst(),
    findByPlatformId: (platform: MediaPlatform, platformId: string, q: Q = db) =>
      q
        .selectFrom('media_accounts')
        .selectAll()
        .where('platform', '=', platform)
        .where('platform_id', '=', platformId)
        .executeTakeFirst(),

    async insert(trx: Transaction<Database>, v: AccountValues): Promise<number> {
      const { id } = await trx
        .insertInto('media_accounts')
        .values(v)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    /** Optimistic update: false when the version moved on. */
    async update(trx: Transaction<Database>, id: number, version: number, v: Partial<AccountValues>) {
      return updateVersioned(trx, 'media_accounts', id, version, v);
    },
    addHistory: (trx: Transaction<Database>, h: Omit<MediaAccountHistoryTable, 'id'>) =>
      trx.insertInto('media_account_history').values(h).execute(),
    history: (accountId: number) =>
      db
        .selectFrom('media_account_history')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('id', 'desc')
        .execute(),

    metrics: (accountIds: number[], range: { from?: string; to?: string } = {}, q: Q = db) => {
      let s = q
        .selectFrom('media_metrics')
        .selectAll()
        .where('account_id', 'in', accountIds.length ? accountIds : [0]);
      if (range.from) s = s.where('period_start', '>=', range.from);
      if (range.to) s = s.where('period_start', '<=', range.to);
      return s.orderBy('account_id').orderBy('period_start').execute();
    },
    /** When each account's metrics begin, and its days and months with posts: what silence is read from. */
    async postHistory(accountIds: number[], q: Q = db) {
      return q
        .selectFrom('media_metrics')
        .select(['account_id', 'period', 'period_start', 'posts'])
        .where('account_id', 'in', accountIds.length ? accountIds : [0])
        .orderBy('account_id')
        .orderBy('period_start')
        .execute();
    },

    /** Replaces the account's rows for the same periods (all in the caller's transaction). */
    async upsertMetrics(
      trx: Transaction<Database>,
      accountId: number,
      rows: Array<MetricsValues>,
      source: MetricsSource,
      at: string,
    ) {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        for (const period of ['day', 'month'] as const) {
          const starts = chunk.filter((r) => r.period === period).map((r) => r.period_start);
          if (starts.length)
            await trx
              .deleteFrom('media_metrics')
              .where('account_id', '=', accountId)
              .where('period', '=', period)
              .where('period_start', 'in', starts)
              .execute();
        }
        await trx
          .insertInto('media_metrics')
          .values(chunk.map((r) => ({ ...r, account_id: accountId, source, updated_at: at })))
          .execute();
      }
    },
  };
}
export type MediaRepo = ReturnType<typeof createMediaRepo>;
