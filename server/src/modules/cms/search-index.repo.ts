// The portal's full-text index over jieba-segmented text: FTS5 on SQLite, a tsvector with the
// `simple` configuration on PostgreSQL. Both store the same space-separated words, and queries are
// segmented the same way, so results agree across the two databases (decisions 033, 110). Beside the
// words, a search matches document numbers by their parts (常环发〔2018〕9号 as [] or 【】 or "9号") and
// index numbers exactly; results sort by relevance or date, filtered by channel and time.
import type { DocNumberParts } from '@greenvoice/common';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { DB, Dialect } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { containsText } from '../../db/expressions.ts';
import { segmentForIndex } from './segment.ts';
import { readSetting, writeSetting } from './settings.repo.ts';

type Executor = DB | Transaction<Database>;

export interface SearchHit {
  id: number;
  title: string;
  body_text: string;
  publish_at: string;
  doc_number: string;
  issuer: string;
  channel_code: string;
  channel_name: string;
  channel_name_en: string;
}

export interface ArticleSearch {
  /** words every hit must hold (segment.ts queryTerms); may be empty when a number is asked for */
  terms: string[];
  /** the query as a document number, when it is one */
  doc: DocNumberParts | null;
  /** the query as an index number (normalised), when it is one */
  indexNumber: string | null;
  channelCode?: string | undefined;
  /** publish_at bounds, ISO UTC: from inclusive, until exclusive */
  from?: string | undefined;
  until?: string | undefined;
  sort: 'relevance' | 'date';
  siteUnitId: number;
  now: string;
  limit: number;
  offset: number;
}

/** Bumped when what is indexed changes: the server re-indexes once at start (decision 110). */
export const SEARCH_INDEX_FORMAT = '2';
const FORMAT_KEY = 'portal.search.format';

/** The text indexed for an article: title (weighted) with its issuer and keywords; the body. */
export interface IndexedArticle {
  title: string;
  issuer?: string;
  keywords?: string;
  docNumber?: string;
  bodyText: string;
}

export function createSearchIndex(dialect: Dialect) {
  const ftsPhrase = (t: string) => `"${t.replace(/"/g, '""')}"`;

  async function put(trx: Executor, articleId: number, a: IndexedArticle) {
    const t = segmentForIndex([a.title, a.issuer ?? '', a.keywords ?? ''].join(' '));
    const b = segmentForIndex(`${a.docNumber ?? ''} ${a.bodyText}`);
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
  }

  /** Live articles of the site: the filters every search applies. */
  function liveWhere(f: Pick<ArticleSearch, 'siteUnitId' | 'now' | 'channelCode' | 'from' | 'until'>) {
    const parts: RawBuilder<unknown>[] = [
      sql`a.status = 'published' AND a.publish_at <= ${f.now} AND a.owner_unit_id = ${f.siteUnitId}`,
    ];
    if (f.channelCode) parts.push(sql`c.code = ${f.channelCode}`);
    if (f.from) parts.push(sql`a.publish_at >= ${f.from}`);
    if (f.until) parts.push(sql`a.publish_at < ${f.until}`);
    return sql.join(parts, sql` AND `);
  }

  const cols = sql`a.id, a.title, a.body_text, a.publish_at, a.doc_number, a.issuer, c.code AS channel_code,
    c.name AS channel_name, c.name_en AS channel_name_en`;

  async function run(db: DB, q: RawBuilder<SearchHit & { total: number | string }>) {
    const rows = (await q.execute(db)).rows;
    return {
      total: Number(rows[0]?.total ?? 0),
      hits: rows.map(({ total: _t, ...h }) => h as SearchHit),
    };
  }

  return {
    put,

    async remove(trx: Executor, articleId: number) {
      if (dialect === 'postgres')
        await sql`DELETE FROM portal_search WHERE article_id = ${articleId}`.execute(trx);
      else await sql`DELETE FROM portal_search WHERE rowid = ${articleId}`.execute(trx);
    },

    /**
     * Re-indexes every published article when the index was written by an older format (the words
     * indexed changed): once, at start-up; returns how many were indexed.
     */
    async rebuildIfOutdated(db: DB): Promise<number> {
      if ((await readSetting(db, FORMAT_KEY)) === SEARCH_INDEX_FORMAT) return 0;
      const articles = await sql<{
        id: number;
        title: string;
        issuer: string;
        keywords: string;
        doc_number: string;
        body_text: string;
      }>`SELECT id, title, issuer, keywords, doc_number, body_text FROM portal_articles WHERE status = 'published'`.execute(
        db,
      );
      await db.transaction().execute(async (trx) => {
        for (const a of articles.rows)
          await put(trx, a.id, {
            title: a.title,
            issuer: a.issuer,
            keywords: a.keywords,
            docNumber: a.doc_number,
            bodyText: a.body_text,
          });
        await writeSetting(trx, FORMAT_KEY, SEARCH_INDEX_FORMAT);
      });
      return articles.rows.length;
    },

    /**
     * Live articles matching every term, or the document / index number asked for. Relevance: a
     * number's own document first, then the words' rank (titles 8:1), newest first among equals.
     */
    async search(db: DB, f: ArticleSearch): Promise<{ total: number; hits: SearchHit[] }> {
      const exactParts: RawBuilder<unknown>[] = [];
      if (f.doc) {
        const d = [sql`a.doc_serial = ${f.doc.serial}`];
        if (f.doc.year !== null) d.push(sql`a.doc_year = ${f.doc.year}`);
        if (f.doc.prefix) d.push(containsText('a.doc_prefix', f.doc.prefix));
        exactParts.push(sql`(${sql.join(d, sql` AND `)})`);
      }
      if (f.indexNumber) exactParts.push(sql`upper(a.index_number) = ${f.indexNumber}`);
      const exact = exactParts.length ? sql`(${sql.join(exactParts, sql` OR `)})` : sql`1 = 0`;
      if (f.terms.length === 0 && exactParts.length === 0) return { total: 0, hits: [] };

      const matches =
        f.terms.length === 0
          ? null
          : dialect === 'postgres'
            ? sql`SELECT article_id AS id, ts_rank(tsv, plainto_tsquery('simple', ${f.terms.join(' ')})) AS score
                FROM portal_search WHERE tsv @@ plainto_tsquery('simple', ${f.terms.join(' ')})`
            : sql`SELECT rowid AS id, -bm25(portal_search, 8.0, 1.0) AS score FROM portal_search
                WHERE portal_search MATCH ${f.terms.map(ftsPhrase).join(' AND ')}`;
      const order =
        f.sort === 'date'
          ? sql`a.publish_at DESC, a.id DESC`
          : sql`is_exact DESC, score DESC, a.publish_at DESC, a.id DESC`;
      const from = sql`portal_articles a JOIN portal_channels c ON c.id = a.channel_id`;
      let body: RawBuilder<SearchHit & { total: number | string }>;
      if (matches && exactParts.length === 0)
        // words only (the usual search): the matches drive the query, joined to their live articles
        body = sql`WITH m AS (${matches})
          SELECT ${cols}, 0 AS is_exact, m.score AS score, COUNT(*) OVER () AS total
          FROM m JOIN portal_articles a ON a.id = m.id JOIN portal_channels c ON c.id = a.channel_id
          WHERE ${liveWhere(f)}`;
      else if (matches)
        // words and a number: every live article is weighed against both
        body = sql`WITH m AS (${matches})
          SELECT ${cols}, CASE WHEN ${exact} THEN 1 ELSE 0 END AS is_exact, COALESCE(m.score, 0) AS score,
            COUNT(*) OVER () AS total
          FROM ${from} LEFT JOIN m ON m.id = a.id
          WHERE ${liveWhere(f)} AND (m.id IS NOT NULL OR ${exact})`;
      else
        body = sql`SELECT ${cols}, 1 AS is_exact, 0 AS score, COUNT(*) OVER () AS total
          FROM ${from} WHERE ${liveWhere(f)} AND ${exact}`;
      return run(db, sql`${body} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}`);
    },

    /**
     * A plain substring match, used when the words found nothing (a phrase jieba cut differently in
     * the text). Bounded by the caller's limit; the pattern is escaped.
     */
    async substring(
      db: DB,
      f: Omit<ArticleSearch, 'terms' | 'doc' | 'indexNumber'> & { text: string },
    ): Promise<{ total: number; hits: SearchHit[] }> {
      return run(
        db,
        sql`SELECT ${cols}, COUNT(*) OVER () AS total
          FROM portal_articles a JOIN portal_channels c ON c.id = a.channel_id
          WHERE ${liveWhere(f)} AND (${containsText('a.title', f.text)} OR ${containsText('a.body_text', f.text)})
          ORDER BY a.publish_at DESC, a.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
      );
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
