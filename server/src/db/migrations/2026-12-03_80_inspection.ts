import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

// The self-inspection against the national 2019 website and new-media indicators (decision 174):
// - each run of the checks with the site's verdict, and its findings with their evidence;
// - the findings still open per bureau, since when, and when they were last told (alerts once per
//   finding, again only when it persists past the bureau's interval);
// - per bureau: the alert interval and the security-incident flag the information centre records.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('inspection_runs'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('run_by', 'integer', (c) => c.references('people.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('site_score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('site_vetoed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('site_passed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vetoes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deductions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accounts_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pages_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('links_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchecked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('inspection_runs_bureau')
    .on('inspection_runs')
    .columns(['bureau_unit_id', 'started_at'])
    .execute();

  await withId(db, db.schema.createTable('inspection_findings'))
    .addColumn('run_id', 'integer', (c) => c.notNull().references('inspection_runs.id').onDelete('cascade'))
    .addColumn('finding_key', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('veto', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer')
    .addColumn('subject_label', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('since', 'text')
    .addColumn('evidence_zh', 'text', (c) => c.notNull())
    .addColumn('evidence_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_findings_run')
    .on('inspection_findings')
    .columns(['run_id'])
    .execute();

  await db.schema
    .createTable('inspection_open_findings')
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('finding_key', 'text', (c) => c.notNull())
    .addColumn('first_seen_on', 'text', (c) => c.notNull())
    .addColumn('last_alerted_on', 'text')
    .addPrimaryKeyConstraint('inspection_open_findings_pk', ['bureau_unit_id', 'finding_key'])
    .execute();

  await db.schema
    .createTable('inspection_settings')
    .addColumn('bureau_unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
    .addColumn('repeat_alert_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('security_incident', 'text')
    .addColumn('security_incident_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inspection_settings').execute();
  await db.schema.dropTable('inspection_open_findings').execute();
  await db.schema.dropTable('inspection_findings').execute();
  await db.schema.dropTable('inspection_runs').execute();
}
