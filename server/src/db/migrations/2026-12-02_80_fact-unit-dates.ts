// A fact's owner and date also on each of its unit links (decision 096), so one unit's facts of a year are
// found by one index on the link table alone — (unit_id, owner_unit_id, fact_date) — without the
// database having to guess, from statistics it may not have yet, whether to start from the facts' own
// date index. Copied from assessment_facts; the facts repository writes both together.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('assessment_fact_units')
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('assessment_fact_units')
    .addColumn('fact_date', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`UPDATE assessment_fact_units SET
      owner_unit_id = (SELECT f.owner_unit_id FROM assessment_facts f WHERE f.id = assessment_fact_units.fact_id),
      fact_date = (SELECT f.fact_date FROM assessment_facts f WHERE f.id = assessment_fact_units.fact_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('assessment_fact_units_unit_year')
    .on('assessment_fact_units')
    .columns(['unit_id', 'owner_unit_id', 'fact_date', 'fact_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessment_fact_units_unit_year').execute();
  await db.schema.alterTable('assessment_fact_units').dropColumn('fact_date').execute();
  await db.schema.alterTable('assessment_fact_units').dropColumn('owner_unit_id').execute();
}
