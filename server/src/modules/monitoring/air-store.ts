// Stores hourly air readings with everything derived from them, in the caller's transaction: the
// 8-hour O3 moving mean and AQI of each hour, and the daily values of every day touched (decision
// 040). Used by the import, the demo data and the benchmark alike, so all three measure one path.
import {
  HOURLY_POLLUTANTS,
  dailyAqi,
  deriveDaily,
  hourlyAqi,
  o3MovingMean,
  type HourlyValues,
} from '@greenvoice/common';
import type { Kysely, Transaction } from 'kysely';
import type { AirDailyTable, AirHourlyTable, Database } from '../../db/types.ts';
import type { HourlyRow } from './plan-air-import.ts';
import { deleteHours, insertHours, replaceDays, setHourDerived, storedHours } from './readings.repo.ts';

type Trx = Transaction<Database> | Kysely<Database>;

const HOUR_MS = 3_600_000;
/** 'YYYY-MM-DDTHH:00' ↔ hours since the epoch (wall-clock arithmetic, no time zone involved) */
export const hourIndex = (hour: string) => Date.parse(`${hour}:00Z`) / HOUR_MS;
export const hourAt = (index: number) => new Date(index * HOUR_MS).toISOString().slice(0, 13) + ':00';

export interface StoreResult {
  replaced: number;
  daysDerived: number;
  first: string;
  last: string;
}

export async function storeHourly(
  trx: Trx,
  rows: readonly HourlyRow[],
  options: { importId: number | null; isDemo: boolean },
): Promise<StoreResult> {
  const byStation = new Map<number, HourlyRow[]>();
  for (const r of rows) {
    const list = byStation.get(r.stationId) ?? [];
    list.push(r);
    byStation.set(r.stationId, list);
  }
  let replaced = 0;
  let daysDerived = 0;
  let first = '9999';
  let last = '0000';
  for (const [stationId, list] of byStation) {
    const r = await storeStation(trx, stationId, list, options);
    replaced += r.replaced;
    daysDerived += r.daysDerived;
    if (r.first < first) first = r.first;
    if (r.last > last) last = r.last;
  }
  return { replaced, daysDerived, first, last };
}

async function storeStation(
  trx: Trx,
  stationId: number,
  rows: readonly HourlyRow[],
  options: { importId: number | null; isDemo: boolean },
): Promise<StoreResult> {
  const sorted = [...rows].sort((a, b) => a.hour.localeCompare(b.hour));
  const first = sorted[0]!.hour;
  const last = sorted[sorted.length - 1]!.hour;
  const lo = hourIndex(first);
  const hi = hourIndex(last);
  // Stored hours that matter: the 7 before (their O3 enters our 8-hour means), the days we touch
  // (their daily values are recomputed) and the 7 after (their 8-hour means include our hours).
  const from = hourAt(Math.min(lo - 7, hourIndex(`${first.slice(0, 10)}T00:00`)));
  const to = hourAt(Math.max(hi + 7, hourIndex(`${last.slice(0, 10)}T23:00`)));
  const stored = await storedHours(trx, stationId, from, to);

  const merged = new Map<string, { values: HourlyValues }>();
  for (const s of stored) merged.set(s.hour_at, { values: s });
  const incoming = new Set<string>();
  for (const r of sorted) {
    merged.set(r.hour, { values: r.values });
    incoming.add(r.hour);
  }

  const base = hourIndex(from);
  const span = hourIndex(to) - base + 1;
  const o3 = Array.from({ length: span }, (_, i) => merged.get(hourAt(base + i))?.values.o3 ?? null);
  const derive = (hour: string, values: HourlyValues) => {
    const o3_8h = o3MovingMean(o3, hourIndex(hour) - base);
    const aqi = hourlyAqi(values, o3_8h, hour.slice(0, 10));
    return {
      o3_8h,
      aqi: aqi?.aqi ?? null,
      aqi_level: aqi?.level ?? null,
      primary_pollutants: aqi?.primaryPollutants.join(',') ?? '',
    };
  };

  // Replace the incoming hours: delete what was stored for them, then insert.
  const storedSet = new Set(stored.map((s) => s.hour_at));
  const toDelete = sorted.map((r) => r.hour).filter((h) => storedSet.has(h));
  await deleteHours(trx, stationId, toDelete);
  const values: AirHourlyTable[] = sorted.map((r) => ({
    station_id: stationId,
    hour_at: r.hour,
    ...pollutants(r.values),
    ...derive(r.hour, r.values),
    import_id: options.importId,
    is_demo: options.isDemo ? 1 : 0,
  }));
  await insertHours(trx, values);

  // Stored hours within reach of the new O3 values get their 8-hour mean and AQI again.
  for (const s of stored) {
    if (incoming.has(s.hour_at)) continue;
    const i = hourIndex(s.hour_at);
    if (i < lo || i > hi + 7) continue;
    const d = derive(s.hour_at, s);
    if (d.o3_8h === s.o3_8h && d.aqi === s.aqi && d.primary_pollutants === s.primary_pollutants) continue;
    await setHourDerived(trx, stationId, s.hour_at, d);
  }

  // Daily values of every touched day, from the merged hours.
  const days = [...new Set(sorted.map((r) => r.hour.slice(0, 10)))];
  const daily: AirDailyTable[] = days.map((date) => {
    const hours = Array.from(
      { length: 24 },
      (_, h) => merged.get(`${date}T${String(h).padStart(2, '0')}:00`)?.values,
    );
    const d = deriveDaily(hours);
    const aqi = dailyAqi(d, date);
    return {
      station_id: stationId,
      date,
      so2: d.so2,
      no2: d.no2,
      co: d.co,
      pm10: d.pm10,
      pm25: d.pm25,
      o3_1h: d.o3_1h,
      o3_8h: d.o3_8h,
      valid_hours: d.validHours.pm25,
      aqi: aqi?.aqi ?? null,
      aqi_level: aqi?.level ?? null,
      primary_pollutants: aqi?.primaryPollutants.join(',') ?? '',
      is_demo: options.isDemo ? 1 : 0,
    };
  });
  await replaceDays(trx, stationId, days, daily);
  return { replaced: toDelete.length, daysDerived: days.length, first, last };
}

function pollutants(v: HourlyValues) {
  const out = {} as Record<(typeof HOURLY_POLLUTANTS)[number], number | null>;
  for (const p of HOURLY_POLLUTANTS) out[p] = v[p] ?? null;
  return out;
}
