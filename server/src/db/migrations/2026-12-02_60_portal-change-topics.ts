// The portal's change feed also carries changes to the environmental data the public pages show: a
// topic ('air', 'water', 'enterprises', 'incidents') names which pages every app server must render
// anew (decision 100). Existing rows keep topic null: they are article or channel changes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_changes').addColumn('topic', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_changes').dropColumn('topic').execute();
}
