// The reads behind an article page and a channel list, as SQLite prepared statements: Kysely builds
// each query anew (its statements are prepared once since decision 214, but the build remains), which
// the uncached portal path cannot afford (docs/engineering.md: "use prepared statements on hot paths").
// Same SQL and results as the Kysely versions in public-content.repo.ts, which PostgreSQL uses. The body
// comes as bytes: decoding Chinese text into a JS string and encoding it back costs more than all the
// queries together.
import type SqliteDatabase from 'better-sqlite3';
import type { PublicArticle, PublicArticleListItem, PublicAttachment } from './public-article-types.ts';

const LIVE = `a.status = 'published' AND a.publish_at <= @now`;

export function createHotReads(raw: SqliteDatabase.Database) {
  // prepared on first use: the app may be built before its tables exist (migrations run at start-up)
  const lazy = (source: string) => {
    let stmt: SqliteDatabase.Statement | null = null;
    return () => (stmt ??= raw.prepare(source));
  };
  const article = lazy(`SELECT a.id, a.channel_id, a.title, a.doc_number, a.index_number, a.issuer,
      a.disclosure_category, a.written_on, a.disclosure_method, a.validity,
      a.source, a.author, a.keywords, a.summary, CAST(a.body_html AS BLOB) AS body,
      substr(a.body_text, 1, 200) AS body_text,
      a.publish_at, a.archived_at, a.read_count, a.updated_at, c.code AS channel_code,
      c.name AS channel_name, c.name_en AS channel_name_en, c.kind AS channel_kind
    FROM portal_articles a JOIN portal_channels c ON c.id = a.channel_id
    WHERE a.id = @id AND a.owner_unit_id = @site AND ${LIVE}`);
  const older = lazy(`SELECT a.id, a.title FROM portal_articles a
    WHERE a.channel_id = @channel AND ${LIVE} AND (a.publish_at < @at OR (a.publish_at = @at AND a.id < @id))
    ORDER BY a.publish_at DESC, a.id DESC LIMIT 1`);
  const newer = lazy(`SELECT a.id, a.title FROM portal_articles a
    WHERE a.channel_id = @channel AND ${LIVE} AND (a.publish_at > @at OR (a.publish_at = @at AND a.id > @id))
    ORDER BY a.publish_at, a.id LIMIT 1`);
  const attachments = lazy(`SELECT id, original_name, mime, size FROM portal_files
    WHERE article_id = ? AND kind = 'attachment' ORDER BY sort_order, id`);
  const latest = lazy(`SELECT a.id, a.title, a.publish_at, a.archived_at FROM portal_articles a
    WHERE a.channel_id = @channel AND ${LIVE} ORDER BY a.publish_at DESC, a.id DESC LIMIT @limit OFFSET @offset`);

  return {
    article: (id: number, site: number, now: string) =>
      article().get({ id, site, now }) as PublicArticle | undefined,
    neighbours: (id: number, channel: number, at: string, now: string) => ({
      older: (older().get({ id, channel, at, now }) as { id: number; title: string } | undefined) ?? null,
      newer: (newer().get({ id, channel, at, now }) as { id: number; title: string } | undefined) ?? null,
    }),
    attachments: (articleId: number) => attachments().all(articleId) as PublicAttachment[],
    latest: (channel: number, now: string, limit: number, offset: number) =>
      latest().all({ channel, now, limit, offset }) as PublicArticleListItem[],
  };
}
