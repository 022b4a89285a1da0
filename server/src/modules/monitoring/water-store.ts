// Stores water readings with their class, replacing a section's reading of the same day.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { WaterRow } from './plan-water-import.ts';
import { replaceWaterReadings } from './readings.repo.ts';

/** Returns how many stored readings were replaced. */
export async function storeWater(
  trx: Transaction<Database> | Kysely<Database>,
  rows: readonly WaterRow[],
  options: { importId: number | null; isDemo: boolean },
): Promise<number> {
  return replaceWaterReadings(
    trx,
    rows.map((r) => ({
      section_id: r.sectionId,
      sampled_on: r.sampledOn,
      values_json: JSON.stringify(r.values),
      water_class: r.result.class,
      limiting_factors: JSON.stringify(r.result.limitingFactors),
      import_id: options.importId,
      is_demo: options.isDemo ? 1 : 0,
    })),
  );
}
