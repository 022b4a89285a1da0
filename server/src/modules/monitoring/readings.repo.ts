// Writes of the readings tables (air_hourly, air_daily, water_readings) in the caller's transaction: the
// import, the demo data and the benchmark store through air-store.ts / water-store.ts, which call these.
// Long lists go in chunks: 14 columns × 500 rows stays under SQLite's and PostgreSQL's parameter limits.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AirDailyTable, AirHourlyTable, Database, WaterReadingsTable } from '../../db/types.ts';

type Trx = Transaction<Database> | Kysely<Database>;

const CHUNK = 500;
const WATER_CHUNK = 200;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A station's stored hours from `from` to `to` (both included). */
export function storedHours(trx: Trx, stationId: number, from: string, to: string) {
  return trx
    .selectFrom('air_hourly')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('hour_at', '>=', from)
    .where('hour_at', '<=', to)
    .execute();
}

/** Removes these hours of a station (the ones an import replaces). */
export async function deleteHours(trx: Trx, stationId: number, hours: readonly string[]) {
  for (const part of chunks(hours, CHUNK))
    await trx
      .deleteFrom('air_hourly')
      .where('station_id', '=', stationId)
      .where('hour_at', 'in', part)
      .execute();
}

export async function insertHours(trx: Trx, rows: readonly AirHourlyTable[]) {
  for (const part of chunks(rows, CHUNK)) await trx.insertInto('air_hourly').values(part).execute();
}

/** A stored hour's derived values (its 8-hour O3 mean and AQI), after a neighbouring hour changed. */
export async function setHourDerived(
  trx: Trx,
  stationId: number,
  hour: string,
  derived: Pick<AirHourlyTable, 'o3_8h' | 'aqi' | 'aqi_level' | 'primary_pollutants'>,
) {
  await trx
    .updateTable('air_hourly')
    .set(derived)
    .where('station_id', '=', stationId)
    .where('hour_at', '=', hour)
    .execute();
}

/** Replaces a station's daily values of these days with `rows`. */
export async function replaceDays(
  trx: Trx,
  stationId: number,
  days: readonly string[],
  rows: readonly AirDailyTable[],
) {
  for (const part of chunks(days, CHUNK))
    await trx.deleteFrom('air_daily').where('station_id', '=', stationId).where('date', 'in', part).execute();
  for (const part of chunks(rows, CHUNK)) await trx.insertInto('air_daily').values(part).execute();
}

/** Stores water readings, each replacing its section's reading of the same day; returns how many it replaced. */
export async function replaceWaterReadings(
  trx: Trx,
  rows: readonly Insertable<WaterReadingsTable>[],
): Promise<number> {
  let replaced = 0;
  for (const r of rows) {
    const d = await trx
      .deleteFrom('water_readings')
      .where('section_id', '=', r.section_id)
      .where('sampled_on', '=', r.sampled_on)
      .executeTakeFirst();
    replaced += Number(d.numDeletedRows);
  }
  for (const part of chunks(rows, WATER_CHUNK)) await trx.insertInto('water_readings').values(part).execute();
  return replaced;
}
