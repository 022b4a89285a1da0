// Part 3 of an enterprise's annual disclosure report (污染物产生、治理与排放信息) as figures, not only
// prose: pollutant, outlet, concentration and limit, the year's total and the permitted total, how it is
// monitored (decision 104). Stored as JSON on the annual report's row; null for other kinds.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('discharger_disclosures').addColumn('emissions_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('discharger_disclosures').dropColumn('emissions_json').execute();
}
