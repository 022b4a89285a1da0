// A sign-up's optional mobile number and e-mail, for the reminder the day before (decision 194), and
// a delivery's address outside the staff list: an SMS or e-mail for someone who is no person of the
// installation (a member of the public who signed up). Nullable columns only (expand-only).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('signups').addColumn('mobile', 'text').execute();
  await db.schema.alterTable('signups').addColumn('email', 'text').execute();
  await db.schema.alterTable('notification_deliveries').addColumn('to_name', 'text').execute();
  await db.schema.alterTable('notification_deliveries').addColumn('to_mobile', 'text').execute();
  await db.schema.alterTable('notification_deliveries').addColumn('to_email', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['to_email', 'to_mobile', 'to_name'])
    await db.schema.alterTable('notification_deliveries').dropColumn(c).execute();
  for (const c of ['email', 'mobile']) await db.schema.alterTable('signups').dropColumn(c).execute();
}
