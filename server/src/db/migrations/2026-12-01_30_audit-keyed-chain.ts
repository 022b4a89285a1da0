// The keyed audit chain and its retention purge (decisions 070–072).
// - audit_head gains the cut-over (first keyed id, key fingerprint), the purge line (last purged id and
//   the MAC the next record links to) and its own HMAC. Existing chains stay as they are: the app writes
//   the cut-over record with its first append (audit.repo.ts); migrations never see the key.
// - audit_purge_permit: a row exists only inside `npm run audit:purge`'s transaction. The delete trigger
//   lets an audit record go only while a permit covers it AND the record is older than the permit's date
//   AND that date is at least 180 days back (Cybersecurity Law art. 21) — so no single statement, and no
//   permit, can ever delete a younger record. UPDATE stays refused without exception.
// - audit_head may not be deleted or moved backwards.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.ts';

/** The same figure as AUDIT_RETENTION_DAYS (modules/audit/audit-retention.ts); migrations import no app code. */
const RETENTION_DAYS = 180;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.alterTable('audit_head').addColumn('keyed_from', 'integer').execute();
  await db.schema.alterTable('audit_head').addColumn('key_id', 'text').execute();
  await db.schema
    .alterTable('audit_head')
    .addColumn('purged_through', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('audit_head')
    .addColumn('purged_mac', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_head')
    .addColumn('mac', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('audit_purge_permit')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('through_id', 'integer', (c) => c.notNull())
    .addColumn('before_at', 'text', (c) => c.notNull())
    .execute();

  if (pg) {
    const limit = sql.raw(`'${RETENTION_DAYS} days'`);
    await sql`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_purge_permit p
             WHERE OLD.id <= p.through_id AND OLD.at < p.before_at
               AND p.before_at <= to_char((now() AT TIME ZONE 'UTC') - interval ${limit},
                                          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`.execute(db);
    await sql`CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.last_id < OLD.last_id OR NEW.purged_through < OLD.purged_through THEN
          RAISE EXCEPTION 'audit_head only moves forward';
        END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
      FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()`.execute(db);
  } else {
    const limit = sql.lit(`-${RETENTION_DAYS} days`);
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      WHEN NOT EXISTS (SELECT 1 FROM audit_purge_permit p
        WHERE OLD.id <= p.through_id AND OLD.at < p.before_at
          AND p.before_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${limit}))
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
      BEGIN SELECT RAISE(ABORT, 'audit_head only moves forward'); END`.execute(db);
    await sql`CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
      WHEN NEW.last_id < OLD.last_id OR NEW.purged_through < OLD.purged_through
      BEGIN SELECT RAISE(ABORT, 'audit_head only moves forward'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER audit_head_forward_only ON audit_head`.execute(db);
    await sql`DROP FUNCTION audit_head_forward_only()`.execute(db);
    await sql`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
  } else {
    await sql`DROP TRIGGER audit_head_forward_only`.execute(db);
    await sql`DROP TRIGGER audit_head_no_delete`.execute(db);
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }
  await db.schema.dropTable('audit_purge_permit').execute();
  for (const column of ['mac', 'purged_mac', 'purged_through', 'key_id', 'keyed_from'])
    await db.schema.alterTable('audit_head').dropColumn(column).execute();
}
