// An article page's reads on PostgreSQL in one round trip: the article, its neighbours and its
// attachments as one statement (four separate ones cost four parses, plans and round trips), prepared
// once per connection (decision 108: planning it cost more than running it).
import { sql } from 'kysely';
import type { DB } from '../../db/database.ts';
import { executePrepared } from '../../db/prepared.ts';
import type { PublicArticle, PublicAttachment } from './public-article-types.ts';

type Neighbour = { id: number; title: string } | null;

export async function articlePagePg(db: DB, id: number, siteId: number, now: string) {
  const LIVE = (t: string) => sql.raw(`${t}.status = 'published' AND ${t}.publish_at <= `);
  const query = sql<
    Omit<PublicArticle, 'body'> & {
      body_html: string;
      older: Neighbour;
      newer: Neighbour;
      files: PublicAttachment[];
    }
  >`SELECT a.id, a.channel_id, a.title, a.doc_number, a.index_number, a.issuer, a.source, a.author,
      a.disclosure_category, a.written_on, a.disclosure_method, a.validity,
      a.keywords, a.summary, a.body_html, substr(a.body_text, 1, 200) AS body_text, a.publish_at,
      a.archived_at, a.read_count, a.updated_at, c.code AS channel_code, c.name AS channel_name,
      c.name_en AS channel_name_en, c.kind AS channel_kind,
      (SELECT json_build_object('id', o.id, 'title', o.title) FROM portal_articles o
        WHERE o.channel_id = a.channel_id AND ${LIVE('o')}${now}
          AND (o.publish_at < a.publish_at OR (o.publish_at = a.publish_at AND o.id < a.id))
        ORDER BY o.publish_at DESC, o.id DESC LIMIT 1) AS older,
      (SELECT json_build_object('id', n.id, 'title', n.title) FROM portal_articles n
        WHERE n.channel_id = a.channel_id AND ${LIVE('n')}${now}
          AND (n.publish_at > a.publish_at OR (n.publish_at = a.publish_at AND n.id > a.id))
        ORDER BY n.publish_at, n.id LIMIT 1) AS newer,
      (SELECT COALESCE(json_agg(json_build_object('id', f.id, 'original_name', f.original_name,
          'mime', f.mime, 'size', f.size) ORDER BY f.sort_order, f.id), '[]'::json)
        FROM portal_files f WHERE f.article_id = a.id AND f.kind = 'attachment') AS files
    FROM portal_articles a JOIN portal_channels c ON c.id = a.channel_id
    WHERE a.id = ${id} AND a.owner_unit_id = ${siteId} AND ${LIVE('a')}${now}`;
  const r = await executePrepared(db, query.compile(db));
  const row = r.rows[0];
  if (!row) return undefined;
  const { body_html, older, newer, files, ...rest } = row;
  return { article: { ...rest, body: Buffer.from(body_html) }, older, newer, files };
}
