// The only place that builds queries over the console's side of the portal content: channels,
// articles, files and revisions, always within the actor's scope (the owner unit's path).
import type { ArticleStatus } from '@greenvoice/common';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database, PortalArticlesTable, PortalChannelsTable } from '../../db/types.ts';
import { containsText, withinScope } from '../../db/expressions.ts';
import { readSetting } from './settings.repo.ts';
import { updateVersioned } from '../../db/versioned.ts';

type Executor = DB | Transaction<Database>;

export interface ArticleFilter {
  scopePath: string;
  q?: string;
  status?: ArticleStatus;
  channelId?: number;
}

/**
 * Whether this installation was seeded with the demo data set (the `demo` row of `settings`, written by
 * server/src/demo/seed-demo.ts): the sign-in page then lists the demo accounts, and start-up lets a
 * generated audit key stand in for AUDIT_HMAC_KEY.
 */
export async function isDemoInstallation(db: DB): Promise<boolean> {
  return (await readSetting(db, 'demo')) !== undefined;
}

export function createCmsRepo(db: DB) {
  const channelColumns = [
    'portal_channels.id',
    'portal_channels.owner_unit_id',
    'portal_channels.code',
    'portal_channels.name',
    'portal_channels.name_en',
    'portal_channels.kind',
    'portal_channels.description',
    'portal_channels.keywords',
    'portal_channels.sort_order',
    'portal_channels.show_on_home',
    'portal_channels.data_page',
    'portal_channels.is_demo',
    'portal_channels.version',
    'portal_channels.updated_at',
  ] as const;

  const articleBase = (f: ArticleFilter, ex: Executor = db) => {
    let q = ex
      .selectFrom('portal_articles')
      .innerJoin('units', 'units.id', 'portal_articles.owner_unit_id')
      .innerJoin('portal_channels', 'portal_channels.id', 'portal_articles.channel_id')
      .innerJoin('people as creator', 'creator.id', 'portal_articles.created_by')
      .where(withinScope('units.path', f.scopePath));
    if (f.status) q = q.where('portal_articles.status', '=', f.status);
    if (f.channelId) q = q.where('portal_articles.channel_id', '=', f.channelId);
    const text = f.q;
    if (text)
      q = q.where((eb) =>
        eb.or([
          containsText('portal_articles.title', text),
          containsText('portal_articles.doc_number', text),
        ]),
      );
    return q;
  };

  return {
    async listChannels(scopePath: string, now: string) {
      return db
        .selectFrom('portal_channels')
        .innerJoin('units', 'units.id', 'portal_channels.owner_unit_id')
        .where(withinScope('units.path', scopePath))
        .select(channelColumns)
        .select((eb) =>
          eb
            .selectFrom('portal_articles')
            .whereRef('portal_articles.channel_id', '=', 'portal_channels.id')
            .where('portal_articles.status', '=', 'published')
            .where('portal_articles.publish_at', '<=', now)
            .select(eb.fn.countAll<number>().as('n'))
            .as('live_count'),
        )
        .orderBy('portal_channels.sort_order')
        .orderBy('portal_channels.id')
        .execute();
    },

    async findChannel(id: number, scopePath: string, ex: Executor = db) {
      return ex
        .selectFrom('portal_channels')
        .innerJoin('units', 'units.id', 'portal_channels.owner_unit_id')
        .where(withinScope('units.path', scopePath))
        .where('portal_channels.id', '=', id)
        .select(channelColumns)
        .executeTakeFirst();
    },

    async channelCodeTaken(ownerUnitId: number, code: string, exceptId: number | null) {
      let q = db
        .selectFrom('portal_channels')
        .select('id')
        .where('owner_unit_id', '=', ownerUnitId)
        .where('code', '=', code);
      if (exceptId !== null) q = q.where('id', '!=', exceptId);
      return Boolean(await q.executeTakeFirst());
    },

    async insertChannel(trx: Executor, row: Insertable<PortalChannelsTable>) {
      return trx.insertInto('portal_channels').values(row).returning('id').executeTakeFirstOrThrow();
    },

    async updateChannel(trx: Executor, id: number, version: number, set: Updateable<PortalChannelsTable>) {
      return updateVersioned(trx, 'portal_channels', id, version, set);
    },

    async countChannelArticles(channelId: number) {
      const r = await db
        .selectFrom('portal_articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('channel_id', '=', channelId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async deleteChannel(trx: Executor, id: number) {
      await trx.deleteFrom('portal_channels').where('id', '=', id).execute();
    },

    async listArticles(f: ArticleFilter, page: number, pageSize: number) {
      const total = await articleBase(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await articleBase(f)
        .selectAll('portal_articles')
        .select(['portal_channels.name as channel_name', 'creator.name as creator_name'])
        .orderBy('portal_articles.updated_at', 'desc')
        .orderBy('portal_articles.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },

    async findArticle(id: number, scopePath: string, ex: Executor = db) {
      return articleBase({ scopePath }, ex)
        .selectAll('portal_articles')
        .select(['portal_channels.name as channel_name', 'creator.name as creator_name'])
        .where('portal_articles.id', '=', id)
        .executeTakeFirst();
    },

    async insertArticle(trx: Executor, row: Insertable<PortalArticlesTable>) {
      return trx.insertInto('portal_articles').values(row).returning('id').executeTakeFirstOrThrow();
    },

    async updateArticle(trx: Executor, id: number, version: number, set: Updateable<PortalArticlesTable>) {
      return updateVersioned(trx, 'portal_articles', id, version, set);
    },

    async insertRevision(trx: Executor, row: Insertable<Database['portal_article_revisions']>) {
      await trx.insertInto('portal_article_revisions').values(row).execute();
    },

    async listRevisions(articleId: number) {
      return db
        .selectFrom('portal_article_revisions')
        .selectAll()
        .where('article_id', '=', articleId)
        .orderBy('id', 'desc')
        .execute();
    },

    async findRevision(articleId: number, revisionId: number) {
      return db
        .selectFrom('portal_article_revisions')
        .selectAll()
        .where('article_id', '=', articleId)
        .where('id', '=', revisionId)
        .executeTakeFirst();
    },

    async listFiles(articleId: number, kind: 'attachment' | 'image') {
      return db
        .selectFrom('portal_files')
        .selectAll()
        .where('article_id', '=', articleId)
        .where('kind', '=', kind)
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
    },

    async insertFile(trx: Executor, row: Insertable<Database['portal_files']>) {
      return trx.insertInto('portal_files').values(row).returning('id').executeTakeFirstOrThrow();
    },

    async findFile(id: number, articleId: number) {
      return db
        .selectFrom('portal_files')
        .selectAll()
        .where('id', '=', id)
        .where('article_id', '=', articleId)
        .executeTakeFirst();
    },

    async deleteFile(trx: Executor, id: number) {
      await trx.deleteFrom('portal_files').where('id', '=', id).execute();
    },

    /** The person's name for revision records. */
    async personName(id: number) {
      const r = await db.selectFrom('people').select('name').where('id', '=', id).executeTakeFirst();
      return r?.name ?? '';
    },

    /** the names of these articles, in one query (the audit log says names, not ids) */
    async articleNamesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('portal_articles')
        .select(['id', 'title as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** the names of these channels, in one query (the audit log says names, not ids) */
    async channelNamesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('portal_channels')
        .select(['id', 'name as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type CmsRepo = ReturnType<typeof createCmsRepo>;
