import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

// Assessment plans with versioned rules, the scores they produce (summarised per unit × month and
// unit × item × month so one unit's recomputation touches a few rows), bulletins and interviews.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('assessment_plans'))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id')) // the assessing bureau
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull()) // the current rules (JSON), = the newest version
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('interview_rule', 'text', (c) => c.notNull()) // JSON: what "long at the bottom" means
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_plans_owner_year', ['owner_unit_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('assessment_plan_versions'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('assessment_plans.id').onDelete('cascade'))
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_plan_versions_plan', ['plan_id', 'rules_version'])
    .execute();

  // Points each month added to a unit's year-to-date total: the ranking reads only this.
  await db.schema
    .createTable('assessment_unit_months')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('assessment_plans.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_unit_months_pk', ['plan_id', 'unit_id', 'month'])
    .execute();
  await db.schema
    .createIndex('assessment_unit_months_group')
    .on('assessment_unit_months')
    .columns(['plan_id', 'group_code', 'month', 'unit_id', 'points'])
    .execute();

  // Per item (after the item's cap), only months with points: the unit page's item table.
  await db.schema
    .createTable('assessment_item_months')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('assessment_plans.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_item_months_pk', ['plan_id', 'unit_id', 'item_code', 'month'])
    .execute();

  // Which rules and which last month the stored scores were computed with.
  await db.schema
    .createTable('assessment_score_state')
    .addColumn('plan_id', 'integer', (c) =>
      c.primaryKey().references('assessment_plans.id').onDelete('cascade'),
    )
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('last_month', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('bulletins'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('assessment_plans.id'))
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_index', 'integer', (c) => c.notNull())
    .addColumn('doc_number', 'integer', (c) => c.notNull()) // N in 常环宣〔2018〕N号
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | pending | approved | published
    .addColumn('snapshot', 'text', (c) => c.notNull()) // the ranking as drafted (JSON): what is signed off
    .addColumn('return_reason', 'text')
    .addColumn('drafted_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('people.id'))
    .addColumn('approved_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bulletins_number', ['plan_id', 'doc_number'])
    .execute();

  await withId(db, db.schema.createTable('interviews'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('assessment_plans.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('basis', 'text', (c) => c.notNull()) // JSON: the months and ranks that put it on the list
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'integer', (c) => c.notNull())
    .addColumn('confirmed_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('interviews_plan_unit', ['plan_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'interviews',
    'bulletins',
    'assessment_score_state',
    'assessment_item_months',
    'assessment_unit_months',
    'assessment_plan_versions',
    'assessment_plans',
  ])
    await db.schema.dropTable(t).execute();
}
