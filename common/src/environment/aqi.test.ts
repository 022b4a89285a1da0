import { describe, expect, it } from 'vitest';
import { AQI_TABLES, aqiTableFor } from './aqi-breakpoints.ts';
import { AqiInputError, aqiLevel, computeAqi, iaqi, type AqiKind, type AqiPollutant } from './aqi.ts';

// HJ 633-2012 Table 1, typed in again from the standard rather than imported, so a slip in the data
// file fails here. Columns are IAQI 0, 50, 100, 150, 200, 300, 400, 500.
const LEVELS = [0, 50, 100, 150, 200, 300, 400, 500];
const TABLE_1: Array<[AqiKind, AqiPollutant, number[]]> = [
  ['daily', 'so2', [0, 50, 150, 475, 800, 1600, 2100, 2620]],
  ['hourly', 'so2', [0, 150, 500, 650, 800]],
  ['daily', 'no2', [0, 40, 80, 180, 280, 565, 750, 940]],
  ['hourly', 'no2', [0, 100, 200, 700, 1200, 2340, 3090, 3840]],
  ['daily', 'pm10', [0, 50, 150, 250, 350, 420, 500, 600]],
  ['hourly', 'pm10', [0, 50, 150, 250, 350, 420, 500, 600]],
  ['daily', 'co', [0, 2, 4, 14, 24, 36, 48, 60]],
  ['hourly', 'co', [0, 5, 10, 35, 60, 90, 120, 150]],
  ['daily', 'o3_1h', [0, 160, 200, 300, 400, 800, 1000, 1200]],
  ['hourly', 'o3_1h', [0, 160, 200, 300, 400, 800, 1000, 1200]],
  ['daily', 'o3_8h', [0, 100, 160, 215, 265, 800]],
  ['hourly', 'o3_8h', [0, 100, 160, 215, 265, 800]],
  ['daily', 'pm25', [0, 35, 75, 115, 150, 250, 350, 500]],
  ['hourly', 'pm25', [0, 35, 75, 115, 150, 250, 350, 500]],
];

// A step small enough to move the index by less than one point on the steepest band (CO 24 h: 25
// points per mg/m³; NO2 24 h: 1.25 points per μg/m³).
const step = (p: AqiPollutant) => (p === 'co' ? 0.01 : 0.1);

type Case = [string, AqiKind, AqiPollutant, number, number];
const cases: Case[] = TABLE_1.flatMap(([kind, p, row]) =>
  row.flatMap((bp, i): Case[] => {
    const level = LEVELS[i]!;
    const at: Case = ['at', kind, p, bp, level];
    const above: Case[] = i < row.length - 1 ? [['just above', kind, p, bp + step(p), level + 1]] : [];
    // Just below lands inside the lower band and is rounded up to this breakpoint's level.
    const below: Case[] = i > 0 ? [['just below', kind, p, bp - step(p), level]] : [];
    return [...below, at, ...above];
  }),
);

describe('IAQI at every Table 1 breakpoint, from both sides', () => {
  it.each(cases)('%s %s %s %d → %i', (_side, kind, p, c, expected) => {
    expect(computeAqi(kind, { [p]: c }, { date: '2024-06-01' }).iaqi[p]).toBe(expected);
  });
});

describe('interpolation and rounding up (进位取整)', () => {
  it.each<[AqiKind, AqiPollutant, number, number]>([
    ['daily', 'pm10', 88, 69], // 50 + 50/100 × 38 = 69 exactly
    ['daily', 'pm25', 80, 107], // 100 + 50/40 × 5 = 106.25
    ['daily', 'so2', 200, 108], // 100 + 50/325 × 50 = 107.7
    ['hourly', 'so2', 200, 58], // 50 + 50/350 × 50 = 57.1: the 1 h row for hourly
    ['hourly', 'no2', 150, 75],
    ['hourly', 'co', 7, 70],
    ['daily', 'o3_8h', 180, 119], // 100 + 50/55 × 20 = 118.2
    ['daily', 'co', 2.2, 55], // exactly 55; binary floating point gives 55.000000000000004
    ['daily', 'pm25', 0.1, 1],
  ])('%s %s %d → %i', (kind, p, c, expected) => {
    expect(computeAqi(kind, { [p]: c }, { date: '2024-06-01' }).iaqi[p]).toBe(expected);
  });
});

describe('beyond the table', () => {
  it('caps a value above the top breakpoint at 500 and says so', () => {
    const r = computeAqi('daily', { pm25: 600, pm10: 100 }, { date: '2024-06-01' });
    expect(r).toMatchObject({
      aqi: 500,
      level: 6,
      category: '严重污染',
      aboveScale: ['pm25'],
      iaqi: { pm25: 500, pm10: 75 },
    });
  });

  it('refuses an hourly SO2 above 800, whose sub-index the standard takes from the 24 h value', () => {
    expect(computeAqi('hourly', { so2: 800 }, { date: '2024-06-01' }).iaqi.so2).toBe(200);
    const error = catchError(() => computeAqi('hourly', { so2: 801 }, { date: '2024-06-01' }));
    expect(error).toMatchObject({
      field: '/concentrations/so2',
      messageZh: expect.stringContaining('24 小时'),
    });
    // The 24 h row goes on past 800.
    expect(computeAqi('daily', { so2: 801 }, { date: '2024-06-01' }).iaqi.so2).toBe(201);
  });

  it('judges O3 by its 1 h value when the 8 h value is above 800', () => {
    const r = computeAqi('daily', { o3_8h: 850, o3_1h: 900, pm10: 50 }, { date: '2024-06-01' });
    expect(r.iaqi).toEqual({ pm10: 50, o3_1h: 350 });
    expect(r).toMatchObject({ aqi: 350, primaryPollutants: ['o3_1h'], exceeding: ['o3_1h'] });
    const error = catchError(() => computeAqi('daily', { o3_8h: 850 }, { date: '2024-06-01' }));
    expect(error).toMatchObject({
      field: '/concentrations/o3_8h',
      messageEn: expect.stringContaining('o3_1h'),
    });
  });

  it('gives the short rows their own last level at their end', () => {
    expect(iaqi([0, 100, 160, 215, 265, 800], 800)).toEqual({ value: 300, aboveScale: false });
    expect(iaqi([0, 100, 160, 215, 265, 800], 800.1)).toBe('beyondRow');
  });
});

describe('primary and exceeding pollutants', () => {
  const at = (kind: AqiKind, c: Record<string, number>) => computeAqi(kind, c, { date: '2024-06-01' });

  it('names no primary pollutant when AQI ≤ 50', () => {
    expect(at('daily', { pm10: 50, so2: 20 })).toMatchObject({
      aqi: 50,
      level: 1,
      category: '优',
      primaryPollutants: [],
    });
    expect(at('daily', { pm10: 52 })).toMatchObject({ aqi: 51, primaryPollutants: ['pm10'] });
  });

  it('names every pollutant that ties for the largest IAQI', () => {
    expect(at('daily', { pm10: 150, pm25: 75, no2: 40 })).toMatchObject({
      aqi: 100,
      primaryPollutants: ['pm10', 'pm25'],
    });
  });

  it('counts as exceeding only an IAQI above 100', () => {
    const r = at('daily', { pm10: 160, pm25: 80, no2: 80 });
    expect(r).toMatchObject({ aqi: 107, primaryPollutants: ['pm25'], exceeding: ['pm10', 'pm25'] });
    expect(r.iaqi).toEqual({ no2: 100, pm10: 105, pm25: 107 });
  });

  it('answers the whole contract for a daily PM10 of 88', () => {
    expect(at('daily', { pm10: 88 })).toEqual({
      standard: 'HJ633-2012',
      aqi: 69,
      level: 2,
      category: '良',
      color: '#FFFF00',
      primaryPollutants: ['pm10'],
      exceeding: [],
      iaqi: { pm10: 69 },
      aboveScale: [],
    });
  });
});

describe('levels, categories and colours (Table 2)', () => {
  it.each([
    [0, 1, '优', '#00E400'],
    [50, 1, '优', '#00E400'],
    [51, 2, '良', '#FFFF00'],
    [100, 2, '良', '#FFFF00'],
    [101, 3, '轻度污染', '#FF7E00'],
    [150, 3, '轻度污染', '#FF7E00'],
    [151, 4, '中度污染', '#FF0000'],
    [200, 4, '中度污染', '#FF0000'],
    [201, 5, '重度污染', '#99004C'],
    [300, 5, '重度污染', '#99004C'],
    [301, 6, '严重污染', '#7E0023'],
    [500, 6, '严重污染', '#7E0023'],
  ])('AQI %i → level %i %s %s', (aqi, level, category, color) => {
    const l = aqiLevel(aqi);
    expect([l.level, l.category.zh, l.color]).toEqual([level, category, color]);
    expect(l.healthEffect.zh && l.healthEffect.en && l.advice.zh && l.advice.en).toBeTruthy();
  });
});

describe('breakpoint tables as versioned data', () => {
  it('keeps every row rising, within the IAQI columns, and an ISO effective date', () => {
    for (const t of AQI_TABLES) {
      expect(t.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const row of Object.values(t.rows)) {
        expect(row[0]).toBe(0);
        expect(row.length).toBeLessThanOrEqual(LEVELS.length);
        for (let i = 1; i < row.length; i++) expect(row[i]!).toBeGreaterThan(row[i - 1]!);
      }
    }
  });

  it('picks the table in force on the date, or the one named', () => {
    expect(aqiTableFor({ date: '2016-01-01' })?.id).toBe('HJ633-2012');
    expect(aqiTableFor({ date: '2015-12-31' })).toBeUndefined();
    expect(aqiTableFor({ standard: 'HJ633-2012', date: '2015-12-31' })?.id).toBe('HJ633-2012');
    expect(aqiTableFor({ standard: 'HJ633-2026', date: '2026-06-01' })).toBeUndefined();
  });

  it('defaults to today and refuses a date before any table', () => {
    expect(computeAqi('daily', { pm10: 88 }).standard).toBe('HJ633-2012');
    expect(catchError(() => computeAqi('daily', { pm10: 88 }, { date: '2015-06-01' }))).toMatchObject({
      field: '/date',
    });
    expect(catchError(() => computeAqi('daily', { pm10: 88 }, { standard: 'X' }))).toMatchObject({
      field: '/standard',
    });
  });
});

describe('bad input', () => {
  it.each<[Record<string, number>, string]>([
    [{}, '/concentrations'],
    [{ so2: -1 }, '/concentrations/so2'],
    [{ pm25: Number.NaN }, '/concentrations/pm25'],
    [{ co: Number.POSITIVE_INFINITY }, '/concentrations/co'],
  ])('%j → error on %s', (c, field) => {
    expect(catchError(() => computeAqi('daily', c, { date: '2024-06-01' }))).toMatchObject({ field });
  });
});

function catchError(f: () => unknown): AqiInputError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof AqiInputError) return e;
    throw e;
  }
  return undefined;
}
