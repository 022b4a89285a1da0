// Uploaded files kept in the database (FILE_STORE=database, the default on PostgreSQL; decision 184): one
// row per file and its bytes in chunks of at most 256 KiB, so a file is written and read a chunk at a time
// and never held whole in memory. A file being written has no complete_at; it is renamed to its key and
// completed in one transaction, as the disk store renames a finished temporary file into place.
import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('stored_files'))
    // the store's name, as on disk: files, portal-files, guide-forms, case-files, …
    .addColumn('store', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('chunks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** the last chunk written: a write untouched for half an hour is abandoned (the sweeper) */
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('complete_at', 'text')
    .execute();
  await db.schema
    .createIndex('stored_files_key_idx')
    .on('stored_files')
    .columns(['store', 'key'])
    .unique()
    .execute();
  await db.schema
    .createTable('stored_file_chunks')
    .addColumn('file_id', 'integer', (c) => c.notNull().references('stored_files.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_file_chunks_pk', ['file_id', 'seq'])
    .execute();
  // JPEG, PNG and PDF hardly compress: TOAST stores the chunks as they are instead of trying pglz on each
  if (isPostgres(db))
    await sql`ALTER TABLE stored_file_chunks ALTER COLUMN data SET STORAGE EXTERNAL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stored_file_chunks').execute();
  await db.schema.dropTable('stored_files').execute();
}
