// Visiting slots of an environmental education base (issue 15 items 5 and 7; docs/activities.md
// "Education-base visits"): a sign-up event of kind baseVisit names the registry's base it opens; and
// a sign-up keeps the portal form's token so a double-submitted form makes one sign-up, not two
// (decision 200). Nullable columns and a unique index that only rows carrying a token meet
// (expand-only: the previous release neither reads nor writes them).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('signup_events')
    .addColumn('base_id', 'integer', (c) => c.references('education_registry.id'))
    .execute();
  await db.schema.alterTable('signups').addColumn('form_token', 'text').execute();
  // NULLs are distinct in a unique index on both databases: sign-ups without a token never collide
  await db.schema
    .createIndex('signups_form_token_idx')
    .on('signups')
    .columns(['event_id', 'form_token'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('signups_form_token_idx').execute();
  await db.schema.alterTable('signups').dropColumn('form_token').execute();
  await db.schema.alterTable('signup_events').dropColumn('base_id').execute();
}
