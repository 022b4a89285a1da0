// The portal's full-text index over jieba-segmented text: FTS5 on SQLite, a tsvector with the
// `simple` configuration on PostgreSQL. Both store the same space-separated words, and queries are
// segmented the same way, so results agree across the two databases.
import { sql, type Transaction } from 'kysely';
import type { DB, Dialect } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { containsText } from '../../db/expressions.ts';
import { segmentForIndex } from './segment.ts';

type Executor = DB | Transaction<Database>;

export interface SearchHit {
  id: number;
  title: string;
  body_text: string;
  publish_at: string;
  channel_code: string;
  channel_name: string;
  channel_name_en: string;
}

export function createSearchIndex(dialect: Dialect) {
  const ftsPhrase = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return {
    async put(trx: Executor, articleId: number, title: string, bodyText: string) {
      const t = segmentForIndex(title);
      const b = segmentForIndex(bodyText);
      if (dialect === 'postgres') {
        await sql`INSERT INTO portal_search (article_id, tsv)
          VALUES (${articleId}, setweight(to_tsvector('simple', ${t}), 'A') || setweight(to_tsvector('simple', ${b}), 'B'))
          ON CONFLICT (article_id) DO UPDATE SET tsv = EXCLUDED.tsv`.execute(trx);
      } else {
        await sql`DELETE FROM portal_search WHERE rowid = ${articleId}`.execute(trx);
        await sql`INSERT INTO portal_search (rowid, title, body) VALUES (${articleId}, ${t}, ${b})`.execute(
          trx,
        );
      }
    },

    async remove(trx: Executor, articleId: number) {
      if (dialect === 'postgres')
        await sql`DELETE FROM portal_search WHERE article_id = ${articleId}`.execute(trx);
      else await sql`DELETE FROM portal_search WHERE rowid = ${articleId}`.execute(trx);
    },

    /** Live articles of the site matching every term, best first. */
    async search(
      db: DB,
      f: { terms: string[]; siteUnitId: number; now: string; limit: number; offset: number },
    ): Promise<{ total: number; hits: SearchHit[] }> {
      if (f.terms.length === 0) return { total: 0, hits: [] };
      const live = sql`a.status = 'published' AND a.publish_at <= ${f.now} AND a.owner_unit_id = ${f.siteUnitId}`;
      const cols = sql`a.id, a.title, a.body_text, a.publish_at, c.code AS channel_code, c.name AS channel_name, c.name_en AS channel_name_en`;
      if (dialect === 'postgres') {
        const q = sql`plainto_tsquery('simple', ${f.terms.join(' ')})`;
        const from = sql`FROM portal_search s JOIN portal_articles a ON a.id = s.article_id
          JOIN portal_channels c ON c.id = a.channel_id WHERE s.tsv @@ ${q} AND ${live}`;
        const total = await sql<{ n: number }>`SELECT COUNT(*) AS n ${from}`.execute(db);
        const hits = await sql<SearchHit>`SELECT ${cols} ${from}
          ORDER BY ts_rank(s.tsv, ${q}) DESC, a.publish_at DESC LIMIT ${f.limit} OFFSET ${f.offset}`.execute(
          db,
        );
        return { total: Number(total.rows[0]?.n ?? 0), hits: hits.rows };
      }
      const match = f.terms.map(ftsPhrase).join(' AND ');
      const from = sql`FROM portal_search JOIN portal_articles a ON a.id = portal_search.rowid
        JOIN portal_channels c ON c.id = a.channel_id WHERE portal_search MATCH ${match} AND ${live}`;
      const total = await sql<{ n: number }>`SELECT COUNT(*) AS n ${from}`.execute(db);
      const hits = await sql<SearchHit>`SELECT ${cols} ${from}
        ORDER BY bm25(portal_search, 8.0, 1.0), a.publish_at DESC LIMIT ${f.limit} OFFSET ${f.offset}`.execute(
        db,
      );
      return { total: Number(total.rows[0]?.n ?? 0), hits: hits.rows };
    },

    /**
     * A plain substring match, used when the words found nothing (a single character, or a phrase
     * jieba cut differently in the text). Bounded by the caller's limit; the pattern is escaped.
     */
    async substring(
      db: DB,
      f: { text: string; siteUnitId: number; now: string; limit: number; offset: number },
    ): Promise<{ total: number; hits: SearchHit[] }> {
      const from = sql`FROM portal_articles a JOIN portal_channels c ON c.id = a.channel_id
        WHERE a.status = 'published' AND a.publish_at <= ${f.now} AND a.owner_unit_id = ${f.siteUnitId}
        AND (${containsText('a.title', f.text)} OR ${containsText('a.body_text', f.text)})`;
      const total = await sql<{ n: number }>`SELECT COUNT(*) AS n ${from}`.execute(db);
      const hits =
        await sql<SearchHit>`SELECT a.id, a.title, a.body_text, a.publish_at, c.code AS channel_code,
        c.name AS channel_name, c.name_en AS channel_name_en ${from}
        ORDER BY a.publish_at DESC LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
      return { total: Number(total.rows[0]?.n ?? 0), hits: hits.rows };
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
