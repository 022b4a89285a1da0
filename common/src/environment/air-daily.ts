// Daily values from hourly ones, with the data-validity rules of GB 3095-2012 §6 / HJ 663-2013 (decision
// 040), and the AQI of an hourly or daily reading. Pure: the server stores what this returns.
import { computeAqi, type AqiResult, type Concentrations } from './aqi.ts';

/** Hourly pollutants as measured: CO in mg/m³, the rest μg/m³. `null` or absent: no valid value. */
export const HOURLY_POLLUTANTS = ['so2', 'no2', 'co', 'pm10', 'pm25', 'o3'] as const;
export type HourlyPollutant = (typeof HOURLY_POLLUTANTS)[number];
export type HourlyValues = Partial<Record<HourlyPollutant, number | null>>;

/** A 24-hour mean needs at least 20 valid hours of the day. */
export const DAILY_MIN_HOURS = 20;
/** An 8-hour moving mean needs at least 6 valid hours in its window. */
export const O3_8H_MIN_HOURS = 6;
/** The day's maximum 8-hour O3 needs at least 14 valid 8-hour means among those ending 07:00–23:00. */
export const O3_8H_MIN_WINDOWS = 14;

const round = (p: HourlyPollutant | 'o3_8h', v: number) =>
  p === 'co' ? Math.round(v * 10) / 10 : Math.round(v);

const valid = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The 8-hour moving mean of O3 ending at `end` (inclusive) in a run of consecutive hours, or null with
 * fewer than 6 valid hours in the window. Hours before the start of the run count as missing.
 */
export function o3MovingMean(o3: readonly (number | null | undefined)[], end: number): number | null {
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, end - 7); i <= end; i++) {
    const v = o3[i];
    if (valid(v)) {
      sum += v;
      n += 1;
    }
  }
  return n >= O3_8H_MIN_HOURS ? round('o3_8h', sum / n) : null;
}

export interface DailyValues {
  so2: number | null;
  no2: number | null;
  co: number | null;
  pm10: number | null;
  pm25: number | null;
  /** the day's maximum 1-hour O3 */
  o3_1h: number | null;
  /** the day's maximum 8-hour moving mean O3 */
  o3_8h: number | null;
  /** valid hours of the day, by pollutant; for o3_8h the number of valid 8-hour means */
  validHours: Record<HourlyPollutant | 'o3_8h', number>;
}

/**
 * The day's values from its 24 hours (index 0 = the hour starting 00:00, China time). Each value is
 * null when the validity rule is not met; a missing pollutant does not void the others.
 */
export function deriveDaily(hours: ReadonlyArray<HourlyValues | undefined>): DailyValues {
  const counts = {} as DailyValues['validHours'];
  const means = {} as Record<HourlyPollutant, number | null>;
  for (const p of HOURLY_POLLUTANTS) {
    let sum = 0;
    let n = 0;
    let max = -Infinity;
    for (let h = 0; h < 24; h++) {
      const v = hours[h]?.[p];
      if (!valid(v)) continue;
      sum += v;
      n += 1;
      if (v > max) max = v;
    }
    counts[p] = n;
    // O3 is reported as the day's maxima; its "mean" slot carries the 1-hour maximum.
    means[p] = n < DAILY_MIN_HOURS ? null : p === 'o3' ? max : round(p, sum / n);
  }
  const o3 = Array.from({ length: 24 }, (_, h) => hours[h]?.o3);
  const windows: number[] = [];
  for (let end = 7; end < 24; end++) {
    const m = o3MovingMean(o3, end);
    if (m !== null) windows.push(m);
  }
  counts.o3_8h = windows.length;
  return {
    so2: means.so2,
    no2: means.no2,
    co: means.co,
    pm10: means.pm10,
    pm25: means.pm25,
    o3_1h: means.o3,
    o3_8h: windows.length >= O3_8H_MIN_WINDOWS ? Math.max(...windows) : null,
    validHours: counts,
  };
}

function aqiOrNull(kind: 'hourly' | 'daily', c: Concentrations, date: string): AqiResult | null {
  const given = Object.fromEntries(Object.entries(c).filter(([, v]) => valid(v))) as Concentrations;
  if (Object.keys(given).length === 0) return null;
  return computeAqi(kind, given, { date });
}

/** The AQI of a day's values (daily report); null when no value is valid. */
export function dailyAqi(d: DailyValues, date: string): AqiResult | null {
  const { validHours: _v, ...c } = d;
  return aqiOrNull('daily', c as Concentrations, date);
}

/**
 * The AQI of one hour (real-time report), with the 8-hour moving O3 mean ending at that hour. HJ 633
 * computes no 1-hour SO2 sub-index above 800 μg/m³ and reports the 24-hour one instead, which no single
 * hour has: such an hour's SO2 is left out of its AQI (the daily AQI still counts it).
 */
export function hourlyAqi(v: HourlyValues, o3_8h: number | null, date: string): AqiResult | null {
  return aqiOrNull(
    'hourly',
    {
      ...(valid(v.so2) && v.so2 <= 800 ? { so2: v.so2 } : {}),
      ...(valid(v.no2) ? { no2: v.no2 } : {}),
      ...(valid(v.co) ? { co: v.co } : {}),
      ...(valid(v.pm10) ? { pm10: v.pm10 } : {}),
      ...(valid(v.pm25) ? { pm25: v.pm25 } : {}),
      ...(valid(v.o3) ? { o3_1h: v.o3 } : {}),
      ...(o3_8h !== null && (o3_8h <= 800 || valid(v.o3)) ? { o3_8h } : {}),
    },
    date,
  );
}

export interface GoodDaysShare {
  /** days with a valid daily AQI */
  days: number;
  /** days with AQI ≤ 100 (优 or 良) */
  goodDays: number;
  /** percentage to one decimal; null with no valid day */
  share: number | null;
  byLevel: [number, number, number, number, number, number];
}

/** 优良天数比例: the share of valid days with AQI ≤ 100. */
export function goodDaysShare(dailyAqis: readonly (number | null)[]): GoodDaysShare {
  const byLevel: GoodDaysShare['byLevel'] = [0, 0, 0, 0, 0, 0];
  let days = 0;
  let goodDays = 0;
  for (const a of dailyAqis) {
    if (a === null) continue;
    days += 1;
    if (a <= 100) goodDays += 1;
    const level = a <= 50 ? 0 : a <= 100 ? 1 : a <= 150 ? 2 : a <= 200 ? 3 : a <= 300 ? 4 : 5;
    byLevel[level] += 1;
  }
  return { days, goodDays, share: days ? Math.round((goodDays / days) * 1000) / 10 : null, byLevel };
}
