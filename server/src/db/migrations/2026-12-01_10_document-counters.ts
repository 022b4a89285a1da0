// One counter row per numbered series of official documents (a plan's bulletins, a plan's interview
// notices): the next number is taken by one atomic upsert, so two drafts at the same moment get
// consecutive numbers instead of the same max()+1 (hardening issue item 16, decision 061).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_counters')
    .addColumn('series', 'text', (c) => c.primaryKey()) // e.g. bulletin:3, interview:3 (plan id)
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
  // carry on from the numbers already issued
  await sql`INSERT INTO document_counters (series, last_number)
    SELECT 'bulletin:' || CAST(plan_id AS text), MAX(doc_number) FROM bulletins GROUP BY plan_id`.execute(db);
  await sql`INSERT INTO document_counters (series, last_number)
    SELECT 'interview:' || CAST(plan_id AS text), MAX(doc_number) FROM interviews GROUP BY plan_id`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_counters').execute();
}
