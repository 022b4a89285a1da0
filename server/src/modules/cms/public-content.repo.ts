// What the public portal may read: live articles only — published, their publication time passed
// (scheduled ones appear by themselves; the check is made at read time) — of the site's bureau.
import type SqliteDatabase from 'better-sqlite3';
import { PostgresAdapter, sql, type Selectable } from 'kysely';
import type { PortalChannelsTable } from '../../db/types.ts';
import type { DB } from '../../db/database.ts';
import { createHotReads } from './public-hot-reads.repo.ts';
import { articlePagePg } from './public-article-pg.repo.ts';
import { readSiteSettings } from './site-settings.ts';
import type { PortalSite, SiteDirectory } from './site-directory.ts';

/** A channel as the portal shows it, with how many live articles it holds. */
export type PublicChannel = Pick<
  Selectable<PortalChannelsTable>,
  'id' | 'code' | 'name' | 'name_en' | 'kind' | 'description' | 'keywords' | 'show_on_home' | 'data_page'
> & { live_count: number };

import type { PublicArticle, PublicArticleListItem, PublicAttachment } from './public-article-types.ts';

export type { PublicArticle, PublicArticleListItem, PublicAttachment };

export function createPublicContent(
  db: DB,
  options: { sites: SiteDirectory; sqlite?: SqliteDatabase.Database },
) {
  // an article page's four reads, as prepared statements when the database allows (SQLite)
  const hot = options.sqlite ? createHotReads(options.sqlite) : null;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  const live = (now: string) =>
    db
      .selectFrom('portal_articles')
      .where('portal_articles.status', '=', 'published')
      .where('portal_articles.publish_at', '<=', now);

  async function latest(
    channelId: number,
    now: string,
    limit: number,
    offset = 0,
  ): Promise<PublicArticleListItem[]> {
    if (hot) return hot.latest(channelId, now, limit, offset);
    return live(now)
      .where('channel_id', '=', channelId)
      .select(['id', 'title', 'publish_at', 'archived_at'])
      .orderBy('publish_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute() as Promise<PublicArticleListItem[]>;
  }

  async function article(id: number, siteId: number, now: string): Promise<PublicArticle | undefined> {
    if (hot) return hot.article(id, siteId, now);
    const row = await live(now)
      .innerJoin('portal_channels as c', 'c.id', 'portal_articles.channel_id')
      .where('portal_articles.id', '=', id)
      .where('portal_articles.owner_unit_id', '=', siteId)
      .select([
        'portal_articles.id',
        'portal_articles.channel_id',
        'portal_articles.title',
        'portal_articles.doc_number',
        'portal_articles.index_number',
        'portal_articles.disclosure_category',
        'portal_articles.written_on',
        'portal_articles.disclosure_method',
        'portal_articles.validity',
        'portal_articles.issuer',
        'portal_articles.source',
        'portal_articles.author',
        'portal_articles.keywords',
        'portal_articles.summary',
        'portal_articles.body_html',
        sql<string>`substr(portal_articles.body_text, 1, 200)`.as('body_text'),
        'portal_articles.publish_at',
        'portal_articles.archived_at',
        'portal_articles.read_count',
        'portal_articles.updated_at',
        'c.code as channel_code',
        'c.name as channel_name',
        'c.name_en as channel_name_en',
        'c.kind as channel_kind',
      ])
      .executeTakeFirst();
    if (!row) return undefined;
    const { body_html, ...rest } = row;
    return { ...rest, body: Buffer.from(body_html) };
  }

  /** The live articles just older and just newer in the same channel (上一篇 / 下一篇). */
  async function neighbours(a: { id: number; channel_id: number; publish_at: string | null }, now: string) {
    const at = a.publish_at ?? now;
    if (hot) return hot.neighbours(a.id, a.channel_id, at, now);
    const older = await live(now)
      .where('channel_id', '=', a.channel_id)
      .where((eb) =>
        eb.or([eb('publish_at', '<', at), eb.and([eb('publish_at', '=', at), eb('id', '<', a.id)])]),
      )
      .select(['id', 'title'])
      .orderBy('publish_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const newer = await live(now)
      .where('channel_id', '=', a.channel_id)
      .where((eb) =>
        eb.or([eb('publish_at', '>', at), eb.and([eb('publish_at', '=', at), eb('id', '>', a.id)])]),
      )
      .select(['id', 'title'])
      .orderBy('publish_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return { older: older ?? null, newer: newer ?? null };
  }

  async function attachments(articleId: number): Promise<PublicAttachment[]> {
    if (hot) return hot.attachments(articleId);
    return db
      .selectFrom('portal_files')
      .select(['id', 'original_name', 'mime', 'size'])
      .where('article_id', '=', articleId)
      .where('kind', '=', 'attachment')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  return {
    /** The bureau whose website this request is for, else the default site (site-directory.ts). */
    async site(): Promise<PortalSite | null> {
      return options.sites.current();
    },

    async settings(siteId: number, siteName: string) {
      return readSiteSettings(db, siteId, siteName);
    },

    /** Channels with at least one live article, in order: an empty column is never shown. */
    async channels(siteId: number, now: string): Promise<PublicChannel[]> {
      const rows = await db
        .selectFrom('portal_channels')
        .select([
          'id',
          'code',
          'name',
          'name_en',
          'kind',
          'description',
          'keywords',
          'show_on_home',
          'data_page',
        ])
        .select((eb) =>
          eb
            .selectFrom('portal_articles')
            .where('portal_articles.status', '=', 'published')
            .where('portal_articles.publish_at', '<=', now)
            .whereRef('portal_articles.channel_id', '=', 'portal_channels.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('live_count'),
        )
        .where('owner_unit_id', '=', siteId)
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
      return rows
        .map((r) => ({ ...r, live_count: Number(r.live_count ?? 0) }))
        .filter((r) => r.live_count > 0 || r.data_page !== null);
    },

    latest,

    /**
     * The newest `limit` live articles of each channel (the home page's panels), by channel id. On
     * PostgreSQL one round trip, each channel read on its index (LATERAL); on SQLite, in the process,
     * one prepared read per channel is cheaper than any single statement (decision 214).
     */
    async latestOfChannels(
      channelIds: number[],
      now: string,
      limit: number,
    ): Promise<Map<number, PublicArticleListItem[]>> {
      const out = new Map<number, PublicArticleListItem[]>(channelIds.map((id) => [id, []]));
      if (!postgres || channelIds.length < 2) {
        for (const id of channelIds) out.set(id, await latest(id, now, limit));
        return out;
      }
      const { rows } = await sql<PublicArticleListItem & { channel_id: number }>`
        SELECT c.id AS channel_id, a.id, a.title, a.publish_at, a.archived_at
        FROM unnest(${channelIds}::int[]) WITH ORDINALITY AS c(id, n)
        CROSS JOIN LATERAL (
          SELECT id, title, publish_at, archived_at FROM portal_articles
          WHERE channel_id = c.id AND status = 'published' AND publish_at <= ${now}
          ORDER BY publish_at DESC, id DESC LIMIT ${limit}
        ) a
        ORDER BY c.n, a.publish_at DESC, a.id DESC`.execute(db);
      for (const { channel_id, ...item } of rows) out.get(channel_id)!.push(item);
      return out;
    },

    article,

    /** Everything an article page shows: the article, its neighbours, its attachments. */
    async articlePage(id: number, siteId: number, now: string) {
      if (postgres) return articlePagePg(db, id, siteId, now);
      const found = await article(id, siteId, now);
      if (!found) return undefined;
      const { older, newer } = await neighbours(found, now);
      return { article: found, older, newer, files: await attachments(found.id) };
    },

    neighbours,

    attachments,

    /** An attachment of a live article, for download. */
    async attachment(fileId: number, siteId: number, now: string) {
      return db
        .selectFrom('portal_files as f')
        .innerJoin('portal_articles as a', 'a.id', 'f.article_id')
        .where('f.id', '=', fileId)
        .where('f.kind', '=', 'attachment')
        .where('a.status', '=', 'published')
        .where('a.publish_at', '<=', now)
        .where('a.owner_unit_id', '=', siteId)
        .select(['f.token', 'f.original_name', 'f.mime', 'f.size'])
        .executeTakeFirst();
    },

    async image(token: string) {
      return db
        .selectFrom('portal_files')
        .select(['token', 'mime'])
        .where('token', '=', token)
        .where('kind', '=', 'image')
        .executeTakeFirst();
    },

    /** Every live article's address and time, for sitemap.xml (newest first, capped). */
    async sitemap(siteId: number, now: string, limit = 45_000) {
      return live(now)
        .where('owner_unit_id', '=', siteId)
        .select(['id', 'publish_at', 'updated_at'])
        .orderBy('publish_at', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
export type PublicContent = ReturnType<typeof createPublicContent>;
