// One website per bureau, chosen by host name (decision 175): the host names a bureau's site answers
// on. A host names at most one site — the primary key says so on both databases, so two admins saving
// the same name at once cannot both win. A bureau's names go with the bureau.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_site_domains')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_site_domains_unit')
    .on('portal_site_domains')
    .column('unit_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_site_domains').execute();
}
