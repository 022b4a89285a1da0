// The notification service (decision 120): one row per notification (unique per bureau and dedupe key, so
// the same key never notifies twice), one row per recipient (the inbox, with its read mark), the
// delivery outbox (one row per notification × channel × person, with its own state, attempts and lease,
// so several app servers never send one twice), each bureau's channels (secrets sealed like TOTP
// secrets) and its reminder settings. People gain an e-mail address for the e-mail channel.
import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('notifications'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text')
    .addColumn('body_en', 'text')
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notifications_dedupe', ['bureau_unit_id', 'dedupe_key'])
    .execute();

  await db.schema
    .createTable('notification_recipients')
    .addColumn('notification_id', 'integer', (c) => c.notNull().references('notifications.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('notification_recipients_pk', ['notification_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('notification_recipients_inbox')
    .on('notification_recipients')
    .columns(['person_id', 'read_at', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('notification_channels'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('notification_deliveries'))
    .addColumn('notification_id', 'integer', (c) => c.notNull().references('notifications.id'))
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('notification_channels.id'))
    /** 0: the channel's group (a robot webhook); else the person the message is for (SMS, e-mail) */
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_holder', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_deliveries_once', ['notification_id', 'channel_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due')
    .on('notification_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('bureau_unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('people').addColumn('email', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('email').execute();
  for (const t of [
    'notification_settings',
    'notification_deliveries',
    'notification_channels',
    'notification_recipients',
    'notifications',
  ])
    await db.schema.dropTable(t).execute();
}
