import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

// The outlet registry (reference data, seeded here so that demo and production set-ups alike have it),
// submissions with their co-submitting units, timeline, evidence files, and stored idempotent answers.
// People are referenced by id without a foreign key and their names are copied, as in the audit log:
// a record of who did what must outlive the person's row.

const OUTLETS: Array<[name: string, level: string, medium: string]> = [
  // 中央 — central
  ['中国环境报', 'central', 'paper'],
  ['人民日报', 'central', 'paper'],
  ['新华社', 'central', 'paper'],
  ['新华网', 'central', 'web'],
  ['人民网', 'central', 'web'],
  ['中央电视台', 'central', 'broadcast'],
  ['生态环境部官网', 'central', 'web'],
  ['生态环境部微信公众号', 'central', 'newMedia'],
  // 省级 — provincial
  ['湖南日报', 'provincial', 'paper'],
  ['湖南卫视（湖南广播电视台）', 'provincial', 'broadcast'],
  ['红网', 'provincial', 'web'],
  ['湖南省生态环境厅官网', 'provincial', 'web'],
  ['湖南省生态环境厅微信公众号', 'provincial', 'newMedia'],
  // 市级 — municipal
  ['常德日报', 'municipal', 'paper'],
  ['常德晚报', 'municipal', 'paper'],
  ['常德广播电视台', 'municipal', 'broadcast'],
  ['常德市政府网', 'municipal', 'web'],
  ['尚一网', 'municipal', 'web'],
  ['常德市环境保护局官网', 'municipal', 'web'],
  ['常德环保微信公众号', 'municipal', 'newMedia'],
  // 县级 — county media
  ['武陵区融媒体', 'county', 'newMedia'],
  ['鼎城区广播电视台', 'county', 'broadcast'],
  ['安乡县广播电视台', 'county', 'broadcast'],
  ['汉寿县广播电视台', 'county', 'broadcast'],
  ['澧县广播电视台', 'county', 'broadcast'],
  ['临澧县广播电视台', 'county', 'broadcast'],
  ['桃源县广播电视台', 'county', 'broadcast'],
  ['石门县广播电视台', 'county', 'broadcast'],
  ['津市市广播电视台', 'county', 'broadcast'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('outlets'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('medium', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const at = new Date().toISOString();
  await db
    .insertInto('outlets')
    .values(
      OUTLETS.map(([name, level, medium], i) => ({
        name,
        level,
        medium,
        sort_order: (i + 1) * 10,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();

  await withId(db, db.schema.createTable('submissions'))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id')) // the assessing bureau
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id')) // the lead (submitting) unit
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_norm', 'text', (c) => c.notNull()) // for near-duplicate titles
    .addColumn('fact_date', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'integer', (c) => c.references('outlets.id'))
    .addColumn('link', 'text')
    .addColumn('link_norm', 'text') // for duplicate links
    .addColumn('themes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('activity_type', 'text')
    .addColumn('award_rank', 'text')
    .addColumn('quantity', 'double precision')
    .addColumn('account_name', 'text')
    .addColumn('summary', 'text')
    .addColumn('adoption_level', 'text')
    .addColumn('leader_instruction', 'text')
    .addColumn('instruction_note', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', 'integer')
    .addColumn('reviewer_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submissions_owner_status')
    .on('submissions')
    .columns(['owner_unit_id', 'status', 'fact_date'])
    .execute();
  await db.schema.createIndex('submissions_unit').on('submissions').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('submissions_link').on('submissions').columns(['link_norm']).execute();

  await db.schema
    .createTable('submission_units')
    .addColumn('submission_id', 'integer', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('position', 'integer', (c) => c.notNull()) // 1, 2, … after the lead unit
    .addPrimaryKeyConstraint('submission_units_pk', ['submission_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('submission_units_unit')
    .on('submission_units')
    .columns(['unit_id', 'submission_id'])
    .execute();

  await withId(db, db.schema.createTable('submission_events'))
    .addColumn('submission_id', 'integer', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_events_submission')
    .on('submission_events')
    .columns(['submission_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('evidence_files'))
    .addColumn('stored_name', 'text', (c) => c.notNull().unique()) // random, under $DATA_DIR/files
    .addColumn('file_name', 'text', (c) => c.notNull()) // as uploaded, for the download's name only
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('submission_id', 'integer', (c) => c.references('submissions.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_files_submission')
    .on('evidence_files')
    .columns(['submission_id', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('idempotency_keys'))
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('idem_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('idempotency_keys_person_key', ['person_id', 'idem_key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_created')
    .on('idempotency_keys')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'idempotency_keys',
    'evidence_files',
    'submission_events',
    'submission_units',
    'submissions',
    'outlets',
  ])
    await db.schema.dropTable(t).execute();
}
