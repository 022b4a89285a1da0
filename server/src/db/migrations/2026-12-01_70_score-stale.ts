// Stale score marks: the approval's transaction writes one row per (assessing bureau, year, unit) whose
// stored scores its facts change; the recompute deletes the row in the transaction that rewrites them. A
// process that dies between the commit and the recompute leaves the row, and the next start, the
// scheduled job or the next ranking read picks it up (decision 085). No foreign keys: a mark is a work
// item, and a mark naming a unit that is gone is simply cleared.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('score_stale')
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_stale_pk', ['owner_unit_id', 'year', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('score_stale').execute();
}
