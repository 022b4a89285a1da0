// The second factor (TOTP, docs/security-requirements.md §9): when it was confirmed, the last step used (a
// code is single-use), and hashed single-use recovery codes. people.totp_secret holds the secret,
// sealed with TOTP_ENCRYPTION_KEY when one is configured (decision 051).
import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('totp_enabled_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('totp_last_step', 'integer').execute();
  await withId(db, db.schema.createTable('totp_recovery_codes'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('totp_recovery_codes_person')
    .on('totp_recovery_codes')
    .column('person_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('totp_recovery_codes').execute();
  await db.schema.alterTable('people').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('people').dropColumn('totp_enabled_at').execute();
}
