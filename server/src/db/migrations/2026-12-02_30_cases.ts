// Public cases (issue 13): 12369 reports, the director's mailbox, consultations, information requests
// and comments on drafts in one table with their steps, photos, and — stored apart and encrypted — who
// filed them (docs/public-interaction.md).
import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('cases'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('county', 'text')
    .addColumn('address', 'text')
    .addColumn('subject', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('public_reply_wanted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('identity_shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applicant_type', 'text')
    .addColumn('info_form', 'text')
    .addColumn('info_delivery', 'text')
    .addColumn('assigned_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('extension_request_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('redirect_to', 'text')
    .addColumn('county_result', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('answer_type', 'text')
    .addColumn('answer_basis', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_question', 'text')
    .addColumn('published_reply', 'text')
    .addColumn('published_at', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_queue')
    .on('cases')
    .columns(['bureau_unit_id', 'status', 'due_on'])
    .execute();
  await db.schema.createIndex('cases_assigned').on('cases').columns(['assigned_unit_id', 'status']).execute();
  await db.schema.createIndex('cases_published').on('cases').columns(['published', 'published_at']).execute();

  // who filed the case: one sealed (AES-256-GCM) JSON per case, the key outside the database
  await db.schema
    .createTable('case_reporters')
    .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('erase_after', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_reporters_erase').on('case_reporters').column('erase_after').execute();

  await withId(db, db.schema.createTable('case_events'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('people.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();

  await withId(db, db.schema.createTable('case_photos'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_photos_case').on('case_photos').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['case_photos', 'case_events', 'case_reporters', 'cases'])
    await db.schema.dropTable(t).execute();
}
