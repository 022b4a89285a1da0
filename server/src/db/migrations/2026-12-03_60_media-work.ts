// The media work around the matrix (docs/new-media.md, "Subscriptions, commentators, columns"): paper
// subscriptions per unit and year (block C's C1 reads them as facts), the online-commentator team with
// the posts each member made, and the standing media columns per outlet.
import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const owned = (name: string) =>
    withId(db, db.schema.createTable(name))
      .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'));
  await owned('media_subscriptions')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer')
    .addColumn('evidence', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('media_subscriptions_uq', ['unit_id', 'year', 'paper'])
    .execute();
  await owned('media_commentators')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('accounts', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('media_commentator_posts'))
    .addColumn('commentator_id', 'integer', (c) =>
      c.notNull().references('media_commentators.id').onDelete('cascade'),
    )
    .addColumn('posted_on', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_commentator_posts_idx')
    .on('media_commentator_posts')
    .columns(['commentator_id', 'posted_on'])
    .execute();
  await owned('media_columns')
    .addColumn('outlet_id', 'integer', (c) => c.references('outlets.id'))
    .addColumn('outlet_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('pieces', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_columns').execute();
  await db.schema.dropTable('media_commentator_posts').execute();
  await db.schema.dropTable('media_commentators').execute();
  await db.schema.dropTable('media_subscriptions').execute();
}
