// Sign-in failures counted on the person's row (decision 077): an attempt reserves a slot with one
// conditional UPDATE before its password is checked, so concurrent guesses cannot outrun the lockout.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('people').addColumn('failed_window_start', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('failed_window_start').execute();
  await db.schema.alterTable('people').dropColumn('failed_logins').execute();
}
