import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './portable.ts';

// The public portal's content: channels, articles (three-review workflow), their revisions, files,
// deduplicated reads, the change feed that invalidates every app server's page cache, and the
// full-text index over jieba-segmented text (FTS5 on SQLite, tsvector on PostgreSQL).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('portal_channels'))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('show_on_home', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('portal_channels_owner_code', ['owner_unit_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('portal_articles'))
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('portal_channels.id'))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('index_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('publish_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('read_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('submitted_by', 'integer', (c) => c.references('people.id'))
    .addColumn('reviewed_by', 'integer', (c) => c.references('people.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('people.id'))
    .addColumn('published_by', 'integer', (c) => c.references('people.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_articles_channel_live')
    .on('portal_articles')
    .columns(['channel_id', 'status', 'publish_at'])
    .execute();
  await db.schema
    .createIndex('portal_articles_status_publish')
    .on('portal_articles')
    .columns(['status', 'publish_at'])
    .execute();

  await withId(db, db.schema.createTable('portal_article_revisions'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('portal_articles.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_article_revisions_article')
    .on('portal_article_revisions')
    .columns(['article_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('portal_files'))
    .addColumn('article_id', 'integer', (c) => c.references('portal_articles.id').onDelete('set null'))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'image' (inline in a body) | 'attachment'
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_files_article')
    .on('portal_files')
    .columns(['article_id', 'kind'])
    .execute();

  // One row per article, day (China time) and visitor: the read counter's deduplication.
  await db.schema
    .createTable('portal_reads')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('portal_articles.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_reads_pk', ['article_id', 'day', 'visitor'])
    .execute();
  await db.schema.createIndex('portal_reads_day').on('portal_reads').column('day').execute();

  // What changed, for every app server's page cache: each polls for ids above the last it saw.
  await withId(db, db.schema.createTable('portal_changes'))
    .addColumn('article_id', 'integer')
    .addColumn('channel_id', 'integer')
    .addColumn('everything', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  if (isPostgres(db)) {
    await db.schema
      .createTable('portal_search')
      .addColumn('article_id', 'integer', (c) =>
        c.primaryKey().references('portal_articles.id').onDelete('cascade'),
      )
      .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX portal_search_tsv ON portal_search USING GIN (tsv)`.execute(db);
  } else {
    // Text is segmented by jieba before it is stored, so unicode61 only splits on the spaces we put.
    await sql`CREATE VIRTUAL TABLE portal_search USING fts5(title, body, tokenize = 'unicode61')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'portal_search',
    'portal_changes',
    'portal_reads',
    'portal_files',
    'portal_article_revisions',
    'portal_articles',
    'portal_channels',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
