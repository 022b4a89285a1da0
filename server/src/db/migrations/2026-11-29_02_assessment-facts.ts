import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

// The contract between what is reported (submissions, later registries) and what is scored: one row
// per approved fact, and the units it credits (common/src/assessment/facts.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('assessment_facts'))
    .addColumn('source', 'text', (c) => c.notNull()) // 'submission', later 'activity', 'account' …
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id')) // the assessing bureau
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('fact_date', 'text', (c) => c.notNull())
    .addColumn('outlet_level', 'text')
    .addColumn('outlet_medium', 'text')
    .addColumn('adoption_level', 'text')
    .addColumn('leader_instruction', 'text')
    .addColumn('activity_type', 'text')
    .addColumn('award_rank', 'text')
    .addColumn('quantity', 'double precision')
    .addColumn('negative_code', 'text')
    .addColumn('themes', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of theme codes
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_facts_source', ['source', 'source_id'])
    .execute();
  await db.schema
    .createIndex('assessment_facts_owner_date')
    .on('assessment_facts')
    .columns(['owner_unit_id', 'fact_date'])
    .execute();

  await db.schema
    .createTable('assessment_fact_units')
    .addColumn('fact_id', 'integer', (c) => c.notNull().references('assessment_facts.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('position', 'integer', (c) => c.notNull()) // 0 = lead unit
    .addPrimaryKeyConstraint('assessment_fact_units_pk', ['fact_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('assessment_fact_units_unit')
    .on('assessment_fact_units')
    .columns(['unit_id', 'fact_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_fact_units').execute();
  await db.schema.dropTable('assessment_facts').execute();
}
