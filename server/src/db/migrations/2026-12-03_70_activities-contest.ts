// Activities and the schools' creativity contest (docs/activities.md, docs/contest.md): publicity events
// with photos and linked reports, the five-into norm per bureau, sign-up events with seats and a waiting
// list, and the contest — schools, works, photos, judges, judging sheets and awards.
import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('activities'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('speaker', 'text')
    .addColumn('partner', 'text')
    .addColumn('audience_kind', 'text')
    .addColumn('audience_count', 'integer', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('report_ids', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activities_unit_idx')
    .on('activities')
    .columns(['unit_id', 'held_on'])
    .execute();
  await db.schema
    .createIndex('activities_bureau_idx')
    .on('activities')
    .columns(['bureau_unit_id', 'held_on'])
    .execute();

  await createContest(db);
  for (const [table, parent] of [
    ['activity_photos', 'activities'],
    ['contest_work_photos', 'contest_works'],
  ] as const) {
    await withId(db, db.schema.createTable(table))
      .addColumn('owner_id', 'integer', (c) => c.notNull().references(`${parent}.id`).onDelete('cascade'))
      .addColumn('stored_name', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('alt_text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_owner_idx`).on(table).column('owner_id').execute();
  }

  await db.schema
    .createTable('activity_norms')
    .addColumn('bureau_unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
    .addColumn('norm', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('signup_events'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // seats held by confirmed sign-ups: changed only by a conditional UPDATE (never above capacity)
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('signups'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('signup_events.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('group_size', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signups_event_idx')
    .on('signups')
    .columns(['event_id', 'status', 'id'])
    .execute();
}

async function createContest(db: Kysely<any>) {
  await withId(db, db.schema.createTable('contests'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('age_groups', 'text', (c) => c.notNull())
    .addColumn('rubric', 'text', (c) => c.notNull())
    .addColumn('quotas', 'text', (c) => c.notNull())
    .addColumn('judges_per_work', 'integer', (c) => c.notNull())
    .addColumn('entries_close_on', 'text', (c) => c.notNull())
    .addColumn('judging_close_on', 'text', (c) => c.notNull())
    .addColumn('gala_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'integer')
    .addColumn('approved_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contests_year_uq', ['bureau_unit_id', 'year'])
    .execute();
  await withId(db, db.schema.createTable('contest_schools'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('county_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('contact_teacher', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('names_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contest_schools_name_uq', ['contest_id', 'name'])
    .execute();
  await withId(db, db.schema.createTable('contest_works'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('contest_schools.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('age_group', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('students', 'text', (c) => c.notNull())
    .addColumn('teacher', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contest_works_code_uq', ['contest_id', 'code'])
    .execute();
  await withId(db, db.schema.createTable('contest_judges'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('school_id', 'integer', (c) => c.references('contest_schools.id'))
    .addColumn('county_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contest_judges_person_uq', ['contest_id', 'person_id'])
    .execute();
  await withId(db, db.schema.createTable('contest_sheets'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('contest_works.id').onDelete('cascade'))
    .addColumn('judge_id', 'integer', (c) => c.notNull().references('contest_judges.id'))
    .addColumn('scores', 'text')
    .addColumn('total', 'real')
    .addColumn('comment', 'text')
    .addColumn('judge_note', 'text')
    .addColumn('scored_at', 'text')
    .addUniqueConstraint('contest_sheets_uq', ['work_id', 'judge_id'])
    .execute();
  await db.schema.createIndex('contest_sheets_judge_idx').on('contest_sheets').column('judge_id').execute();
  await withId(db, db.schema.createTable('contest_awards'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().unique().references('contest_works.id'))
    .addColumn('rank', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'signups',
    'signup_events',
    'activity_norms',
    'contest_work_photos',
    'activity_photos',
    'contest_awards',
    'contest_sheets',
    'contest_judges',
    'contest_works',
    'contest_schools',
    'contests',
    'activities',
  ])
    await db.schema.dropTable(t).execute();
}
