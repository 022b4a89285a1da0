// The online-commentator team's tasks (issue 14 item 8, decision 207): an article or topic to comment on
// within a period, set by a unit for its own commentators and those of the units below it; a post may
// name the task it completes. Expand only: a new table and a nullable column.
import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('media_commentator_tasks'))
    .addColumn('bureau_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('media_commentator_posts')
    .addColumn('task_id', 'integer', (c) => c.references('media_commentator_tasks.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('media_commentator_posts_task_idx')
    .on('media_commentator_posts')
    .column('task_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('media_commentator_posts_task_idx').execute();
  await db.schema.alterTable('media_commentator_posts').dropColumn('task_id').execute();
  await db.schema.dropTable('media_commentator_tasks').execute();
}
