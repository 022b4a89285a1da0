// Stores water readings with their class, replacing a section's reading of the same day.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { WaterRow } from './plan-water-import.ts';

const CHUNK = 200;

/** Returns how many stored readings were replaced. */
export async function storeWater(
  trx: Transaction<Database> | Kysely<Database>,
  rows: readonly WaterRow[],
  options: { importId: number | null; isDemo: boolean },
): Promise<number> {
  let replaced = 0;
  for (const r of rows) {
    const d = await trx
      .deleteFrom('water_readings')
      .where('section_id', '=', r.sectionId)
      .where('sampled_on', '=', r.sampledOn)
      .executeTakeFirst();
    replaced += Number(d.numDeletedRows);
  }
  const values = rows.map((r) => ({
    section_id: r.sectionId,
    sampled_on: r.sampledOn,
    values_json: JSON.stringify(r.values),
    water_class: r.result.class,
    limiting_factors: JSON.stringify(r.result.limitingFactors),
    import_id: options.importId,
    is_demo: options.isDemo ? 1 : 0,
  }));
  for (let i = 0; i < values.length; i += CHUNK)
    await trx
      .insertInto('water_readings')
      .values(values.slice(i, i + CHUNK))
      .execute();
  return replaced;
}
