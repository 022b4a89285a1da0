// The console's dead ends (issue 12 item 3): a bulletin's number is taken at approval, so a draft has
// none (decision 130); interviews are scheduled with date, time, place and interviewer, can be
// withdrawn, and record minutes and the rectification follow-up (decision 134); negative-list
// deductions are recorded by the information centre (decision 132); the campaign records the date a
// unit reported its contacts (decision 135).
import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE bulletins ALTER COLUMN doc_number DROP NOT NULL`.execute(db);
  } else {
    // SQLite cannot drop NOT NULL: the table is rebuilt with the same columns (nothing references it)
    await withId(db, db.schema.createTable('bulletins_next'))
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('assessment_plans.id'))
      .addColumn('period_kind', 'text', (c) => c.notNull())
      .addColumn('period_index', 'integer', (c) => c.notNull())
      .addColumn('doc_number', 'integer')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
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
      .addUniqueConstraint('bulletins_number', ['plan_id', 'doc_number'])
      .execute();
    const cols = sql.raw(
      'id, plan_id, period_kind, period_index, doc_number, title, body, status, snapshot, return_reason, drafted_by, approved_by, approved_at, published_at, version, created_at, updated_at',
    );
    await sql`INSERT INTO bulletins_next (${cols}) SELECT ${cols} FROM bulletins`.execute(db);
    await db.schema.dropTable('bulletins').execute();
    await db.schema.alterTable('bulletins_next').renameTo('bulletins').execute();
  }

  // interviews: scheduled → held → rectified, or withdrawn; the legacy rows are scheduled
  for (const [name, type, notNullDefault] of [
    ['status', 'text', 'scheduled'],
    ['interview_date', 'text', null],
    ['interview_time', 'text', null],
    ['place', 'text', null],
    ['interviewer', 'text', null],
    ['withdrawn_reason', 'text', null],
    ['withdrawn_at', 'text', null],
    ['minutes', 'text', null],
    ['held_on', 'text', null],
    ['rectification', 'text', null],
    ['rectification_due', 'text', null],
    ['rectified_on', 'text', null],
    ['version', 'integer', 1],
  ] as const) {
    await db.schema
      .alterTable('interviews')
      .addColumn(name, type, (c) => (notNullDefault === null ? c : c.notNull().defaultTo(notNullDefault)))
      .execute();
  }

  await withId(db, db.schema.createTable('negative_deductions'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('assessment_plans.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('negative_code', 'text', (c) => c.notNull())
    .addColumn('fact_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('negative_deductions_plan')
    .on('negative_deductions')
    .columns(['plan_id', 'fact_date'])
    .execute();

  await db.schema
    .createTable('campaign_reports')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_reports_pk', ['campaign_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_reports').execute();
  await db.schema.dropTable('negative_deductions').execute();
}
