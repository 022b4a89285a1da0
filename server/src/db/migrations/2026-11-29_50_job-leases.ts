// One row per scheduled job: which app server holds it, until when, and the last scheduled run it
// claimed. Several app servers fire the same cron tick; a conditional UPDATE lets exactly one run it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('expires_at', 'text')
    /** the scheduled time (ISO) of the last run claimed: a tick is claimed once, by one server */
    .addColumn('last_tick', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_result', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
}
