// A channel may be a data page as well as an article list (decision 101): data_page names which one
// ('quality', 'enterprises', 'incidents', 'open-data'), null for an article list only. The demo site's
// three environment channels, seeded before this column existed, get theirs here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_channels').addColumn('data_page', 'text').execute();
  for (const [code, page] of [
    ['hjzl', 'quality'],
    ['qyhjxx', 'enterprises'],
    ['tfhjsj', 'incidents'],
  ] as const)
    await db
      .updateTable('portal_channels')
      .set({ data_page: page })
      .where('code', '=', code)
      .where('is_demo', '=', 1)
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_channels').dropColumn('data_page').execute();
}
