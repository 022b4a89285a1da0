// Issue 13's remainder: consultations on draft documents (意见征集) with their attachments, the comments
// as cases of kind draftComment (moderation and adoption on the case), the limit a case was answered
// against (so the monthly statistics can say "on time" after the clock stopped), the ground of a
// refusal to disclose (the annual report's table), and the staff-entered parts of each year's
// government-information-disclosure report (decisions 146–148).
import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('consultations'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('result_text', 'text')
    .addColumn('result_published_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultations_bureau')
    .on('consultations')
    .columns(['bureau_unit_id', 'status', 'opens_on'])
    .execute();
  await withId(db, db.schema.createTable('consultation_files'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultation_files_consultation')
    .on('consultation_files')
    .column('consultation_id')
    .execute();

  // no foreign key: SQLite cannot drop a referencing column again (down); the service keeps it right
  await db.schema.alterTable('cases').addColumn('consultation_id', 'integer').execute();
  await db.schema.alterTable('cases').addColumn('moderation', 'text').execute();
  await db.schema.alterTable('cases').addColumn('adoption', 'text').execute();
  await db.schema.alterTable('cases').addColumn('answered_due_on', 'text').execute();
  await db.schema.alterTable('cases').addColumn('answer_ground', 'text').execute();
  await db.schema.createIndex('cases_consultation').on('cases').column('consultation_id').execute();

  await withId(db, db.schema.createTable('disclosure_reports'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('entered', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('disclosure_reports_bureau_year', ['bureau_unit_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosure_reports').execute();
  await db.schema.dropIndex('cases_consultation').execute();
  for (const c of ['answer_ground', 'answered_due_on', 'adoption', 'moderation', 'consultation_id'])
    await db.schema.alterTable('cases').dropColumn(c).execute();
  await db.schema.dropTable('consultation_files').execute();
  await db.schema.dropTable('consultations').execute();
}
