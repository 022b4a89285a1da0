// The new-media matrix (docs/new-media.md): the account registry (台账) with its change history, and the
// metrics per account and period (a day or a month). Counts a platform's export lacks stay NULL.
import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

const METRICS = [
  'headline_posts',
  'reads',
  'zaikan',
  'likes',
  'shares',
  'headline_reads',
  'headline_zaikan',
  'headline_likes',
  'headline_shares',
  'peak_reads',
  'peak_zaikan',
  'peak_likes',
  'peak_shares',
  'followers_new',
  'followers_cancelled',
  'followers_net',
  'followers_total',
];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('media_accounts'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('platform_id', 'text', (c) => c.notNull())
    .addColumn('operator', 'text')
    .addColumn('opened_on', 'text')
    .addColumn('filing', 'text', (c) => c.notNull())
    .addColumn('filing_number', 'text')
    .addColumn('fn_messages', 'text', (c) => c.notNull())
    .addColumn('fn_auto_reply', 'text', (c) => c.notNull())
    .addColumn('fn_menu', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('description', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('stopped_on', 'text')
    .addColumn('deregistered_on', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('media_accounts_platform_id_uq', ['platform', 'platform_id'])
    .execute();
  await db.schema.createIndex('media_accounts_unit_idx').on('media_accounts').column('unit_id').execute();

  await withId(db, db.schema.createTable('media_account_history'))
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('media_accounts.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer')
    .addColumn('changed_by_name', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_account_history_account_idx')
    .on('media_account_history')
    .columns(['account_id', 'id'])
    .execute();

  let metrics = withId(db, db.schema.createTable('media_metrics'))
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('media_accounts.id').onDelete('cascade'),
    )
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull());
  for (const m of METRICS) metrics = metrics.addColumn(m, 'integer');
  await metrics
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('media_metrics_period_uq', ['account_id', 'period', 'period_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_metrics').execute();
  await db.schema.dropTable('media_account_history').execute();
  await db.schema.dropTable('media_accounts').execute();
}
