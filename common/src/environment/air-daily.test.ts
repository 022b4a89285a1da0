import { describe, expect, it } from 'vitest';
import {
  deriveDaily,
  dailyAqi,
  goodDaysShare,
  hourlyAqi,
  o3MovingMean,
  type HourlyValues,
} from './air-daily.ts';

const day = (f: (h: number) => HourlyValues | undefined) => Array.from({ length: 24 }, (_, h) => f(h));

describe('daily values from hourly ones (GB 3095-2012 §6, HJ 663-2013)', () => {
  it('averages 24 valid hours; rounds μg/m³ to integers and CO to 0.1', () => {
    const d = deriveDaily(
      day((h) => ({ so2: 10 + (h % 2), no2: 30, co: 0.84, pm10: 70, pm25: 40, o3: 50 + h })),
    );
    expect(d).toMatchObject({ so2: 11, no2: 30, co: 0.8, pm10: 70, pm25: 40, o3_1h: 73 });
    expect(d.validHours.so2).toBe(24);
  });

  it('needs 20 valid hours: 20 give a mean, 19 give none, per pollutant', () => {
    const twenty = deriveDaily(day((h) => ({ pm25: h < 20 ? 50 : null, no2: h < 19 ? 40 : null })));
    expect(twenty.pm25).toBe(50);
    expect(twenty.no2).toBeNull();
    expect(twenty.validHours).toMatchObject({ pm25: 20, no2: 19 });
  });

  it('8-hour O3: a window needs 6 valid hours; the day’s maximum needs 14 valid windows', () => {
    expect(o3MovingMean([1, 2, 3, 4, 5, 6, null, null], 7)).toBe(4); // 6 valid: (1+…+6)/6 = 3.5 → 4
    expect(o3MovingMean([1, 2, 3, 4, 5, null, null, null], 7)).toBeNull();
    // hours 0–23 valid: windows ending 07..23 = 17 valid
    expect(deriveDaily(day((h) => ({ o3: h * 10 }))).o3_8h).toBe(195); // mean of 160..230
    // 4 missing hours at the end: windows ending 20–23 have 7,6,5,4 valid → 15 valid windows ≥ 14
    const late = deriveDaily(day((h) => ({ o3: h < 20 ? 100 : null })));
    expect(late.validHours.o3_8h).toBe(15);
    expect(late.o3_8h).toBe(100);
    // 6 missing hours: windows ending 18–23 lose validity progressively → 13 valid windows, no maximum
    const short = deriveDaily(day((h) => ({ o3: h < 18 ? 100 : null })));
    expect(short.validHours.o3_8h).toBe(13);
    expect(short.o3_8h).toBeNull();
  });

  it('computes the daily AQI from the valid values only', () => {
    const d = deriveDaily(day(() => ({ pm10: 120, pm25: 60, so2: 10 })));
    expect(dailyAqi(d, '2018-01-01')).toMatchObject({ aqi: 85, primaryPollutants: ['pm10'] });
    expect(dailyAqi(deriveDaily(day(() => undefined)), '2018-01-01')).toBeNull();
  });

  it('leaves a 1-hour SO2 above 800 out of the hourly AQI, as HJ 633 computes no sub-index there', () => {
    const r = hourlyAqi({ so2: 900, pm25: 40 }, null, '2018-01-01');
    expect(r?.iaqi).toEqual({ pm25: 57 });
    expect(hourlyAqi({ o3: 180 }, 120, '2018-07-01')).toMatchObject({
      aqi: 75,
      iaqi: { o3_1h: 75, o3_8h: 67 },
    });
  });

  it('share of good days counts only days with an AQI', () => {
    expect(goodDaysShare([40, 100, 101, null, 301])).toEqual({
      days: 4,
      goodDays: 2,
      share: 50,
      byLevel: [1, 1, 1, 0, 0, 1],
    });
    expect(goodDaysShare([null]).share).toBeNull();
  });
});
