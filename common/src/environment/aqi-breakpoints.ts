// AQI breakpoint tables as versioned data: a reading is judged by the table in force on its date, so a
// new standard is a new entry here, never an edit of an old one.

/** The IAQI value at each breakpoint column (HJ 633-2012 Table 1). */
export const IAQI_BREAKPOINTS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** One row of Table 1: a pollutant and its averaging period. */
export type BreakpointRow =
  | 'so2_24h'
  | 'so2_1h'
  | 'no2_24h'
  | 'no2_1h'
  | 'pm10_24h'
  | 'co_24h'
  | 'co_1h'
  | 'o3_1h'
  | 'o3_8h'
  | 'pm25_24h';

export const AQI_STANDARD_IDS = ['HJ633-2012'] as const;
export type AqiStandardId = (typeof AQI_STANDARD_IDS)[number];

export interface AqiBreakpointTable {
  id: AqiStandardId;
  title: string;
  /** first day (YYYY-MM-DD, China time) the table applies to readings */
  effectiveFrom: string;
  /**
   * Concentration at each IAQI_BREAKPOINTS column (CO in mg/m³, the rest μg/m³). A row shorter than
   * IAQI_BREAKPOINTS ends where the standard stops computing that sub-index (SO2 1 h above 800,
   * O3 8 h above 800): above its last value another row takes over (see aqi.ts).
   */
  rows: Readonly<Record<BreakpointRow, readonly number[]>>;
}

export const AQI_TABLES: readonly AqiBreakpointTable[] = [
  {
    id: 'HJ633-2012',
    title: '环境空气质量指数（AQI）技术规定（试行）HJ 633-2012',
    // Published 2012-02-29 and phased in by region; nationwide from 2016-01-01.
    effectiveFrom: '2016-01-01',
    rows: {
      so2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
      so2_1h: [0, 150, 500, 650, 800],
      no2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
      no2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
      pm10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
      co_24h: [0, 2, 4, 14, 24, 36, 48, 60],
      co_1h: [0, 5, 10, 35, 60, 90, 120, 150],
      o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
      o3_8h: [0, 100, 160, 215, 265, 800],
      pm25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
    },
  },
  // HJ 633—2026 (in force 2026-03-01) is not here: our reference gives only two of its changed
  // breakpoints and asks for the full table to be verified from the standard first.
];

/**
 * The table to use: the one named, else the newest in force on `date` (YYYY-MM-DD). Undefined when
 * the name is unknown or no table was yet in force on that date.
 */
export function aqiTableFor(options: { standard?: string; date: string }): AqiBreakpointTable | undefined {
  if (options.standard !== undefined) return AQI_TABLES.find((t) => t.id === options.standard);
  return AQI_TABLES.filter((t) => t.effectiveFrom <= options.date).sort((a, b) =>
    b.effectiveFrom.localeCompare(a.effectiveFrom),
  )[0];
}
