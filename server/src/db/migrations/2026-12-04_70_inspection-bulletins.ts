import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

// The monthly monitoring bulletin (监测通报, decision 187): drafted from a month's inspection runs, signed
// off by leadership (the number is taken then), published to the units; its public summary, where the
// bureau writes one, appears on the portal once it is published. One per bureau and month.
// The external-link results cache (decision 188): one row per address, kept a day.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('inspection_bulletins'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('copy_to', 'text', (c) => c.notNull())
    .addColumn('public_summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('drafted_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('people.id'))
    .addColumn('approved_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_bulletins_month', ['bureau_unit_id', 'month'])
    .execute();

  await db.schema
    .createTable('inspection_link_checks')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('detail', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inspection_link_checks').execute();
  await db.schema.dropTable('inspection_bulletins').execute();
}
