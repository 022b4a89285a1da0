// The public tool endpoints' contract, as other systems call them: anonymous JSON in, JSON out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload: unknown) => t.inject({ method: 'POST', url, payload: payload as object });
const aqi = (payload: unknown) => post('/api/v1/tools/aqi', payload);
const waterClass = (payload: unknown) => post('/api/v1/tools/water-class', payload);
const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/tools/aqi', () => {
  it('answers the contract for a daily PM10 of 88, without signing in', async () => {
    const res = await aqi({ kind: 'daily', concentrations: { pm10: 88 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      aqi: 69,
      level: 2,
      category: '良',
      color: '#FFFF00',
      primaryPollutants: ['pm10'],
      exceeding: [],
      iaqi: { pm10: 69 },
      standard: 'HJ633-2012',
      aboveScale: [],
    });
  });

  it('judges hourly SO2, NO2 and CO by their 1 h rows and names exceeding pollutants', async () => {
    const res = await aqi({
      kind: 'hourly',
      concentrations: { so2: 200, no2: 150, co: 7, pm10: 160, pm25: 80, o3_1h: 100, o3_8h: 90 },
      standard: 'HJ633-2012',
      date: '2024-01-15',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      aqi: 107,
      level: 3,
      category: '轻度污染',
      color: '#FF7E00',
      primaryPollutants: ['pm25'],
      exceeding: ['pm10', 'pm25'],
      iaqi: { so2: 58, no2: 75, co: 70, pm10: 105, pm25: 107, o3_1h: 32, o3_8h: 45 },
    });
  });

  it('caps a value above the top breakpoint at 500 and says so', async () => {
    const res = await aqi({ kind: 'daily', concentrations: { pm25: 620 } });
    expect(res.json()).toMatchObject({
      aqi: 500,
      level: 6,
      category: '严重污染',
      color: '#7E0023',
      aboveScale: ['pm25'],
    });
  });

  it('changes nothing: no audit record for a calculation', async () => {
    const before = await auditCount();
    await aqi({ kind: 'daily', concentrations: { pm10: 88 } });
    await waterClass({ waterbody: 'river', values: { nh3n: 1.3 } });
    expect(await auditCount()).toBe(before);
  });

  it.each<[string, unknown, string]>([
    ['a negative value', { kind: 'daily', concentrations: { so2: -1 } }, '/concentrations/so2'],
    ['a non-numeric value', { kind: 'daily', concentrations: { pm25: 'abc' } }, '/concentrations/pm25'],
    ['a numeric string', { kind: 'daily', concentrations: { pm25: '35' } }, '/concentrations/pm25'],
    ['an unknown pollutant', { kind: 'daily', concentrations: { pm1: 3 } }, '/concentrations/pm1'],
    ['an unknown field', { kind: 'daily', concentrations: { pm10: 3 }, unit: 'ppm' }, '/unit'],
    ['empty concentrations', { kind: 'daily', concentrations: {} }, '/concentrations'],
    ['no concentrations', { kind: 'daily' }, '/concentrations'],
    ['an unknown kind', { kind: 'weekly', concentrations: { pm10: 3 } }, '/kind'],
    [
      'an unknown standard',
      { kind: 'daily', concentrations: { pm10: 3 }, standard: 'HJ633-2026' },
      '/standard',
    ],
    ['a malformed date', { kind: 'daily', concentrations: { pm10: 3 }, date: '2024/01/15' }, '/date'],
    [
      'a date before HJ 633-2012',
      { kind: 'daily', concentrations: { pm10: 3 }, date: '2015-12-31' },
      '/date',
    ],
    ['an hourly SO2 above 800', { kind: 'hourly', concentrations: { so2: 801 } }, '/concentrations/so2'],
    [
      'an O3 8 h above 800 without O3 1 h',
      { kind: 'daily', concentrations: { o3_8h: 801 } },
      '/concentrations/o3_8h',
    ],
  ])('refuses %s with a 400 naming the field', async (_what, payload, field) => {
    const res = await aqi(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field })],
    });
    const [error] = res.json().fields;
    expect(error.message).toBeTruthy();
    expect(error.messageEn).toBeTruthy();
  });
});

describe('POST /api/v1/tools/water-class', () => {
  it('answers the contract: ammonia nitrogen 1.3 in a river sets class IV', async () => {
    const res = await waterClass({
      waterbody: 'river',
      values: { ph: 7.4, do: 6.8, codmn: 3.2, nh3n: 1.3, tp: 0.12 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      class: 'IV',
      category: '轻度污染',
      limitingFactors: [{ factor: 'nh3n', class: 'IV', multipleOfIII: 0.3 }],
      referenceFactors: [],
    });
  });

  it('judges a lake by the lake phosphorus limits and keeps total nitrogen outside the class', async () => {
    const res = await waterClass({ waterbody: 'lake', values: { tp: 0.08, tn: 1.2, do: 7.8 } });
    expect(res.json()).toEqual({
      class: 'IV',
      category: '轻度污染',
      limitingFactors: [{ factor: 'tp', class: 'IV', multipleOfIII: 0.6 }],
      referenceFactors: [{ factor: 'tn', class: 'IV' }],
    });
  });

  it('names 劣V when dissolved oxygen falls below class V, without a multiple', async () => {
    const res = await waterClass({ waterbody: 'river', values: { do: 1.5, nh3n: 0.4 } });
    expect(res.json()).toMatchObject({
      class: '劣V',
      category: '重度污染',
      limitingFactors: [{ factor: 'do', class: '劣V' }],
    });
    expect(res.json().limitingFactors[0]).not.toHaveProperty('multipleOfIII');
  });

  it.each<[string, unknown, string]>([
    ['a negative value', { waterbody: 'river', values: { nh3n: -0.2 } }, '/values/nh3n'],
    ['a non-numeric value', { waterbody: 'river', values: { cod: 'high' } }, '/values/cod'],
    ['an unknown factor', { waterbody: 'river', values: { temp: 20 } }, '/values/temp'],
    ['an unknown field', { waterbody: 'river', values: { cod: 10 }, section: 'x' }, '/section'],
    ['empty values', { waterbody: 'river', values: {} }, '/values'],
    ['only factors judged separately', { waterbody: 'lake', values: { tn: 1.2, coliform: 900 } }, '/values'],
    ['an unknown waterbody', { waterbody: 'sea', values: { cod: 10 } }, '/waterbody'],
    ['a pH above 14', { waterbody: 'river', values: { ph: 15 } }, '/values/ph'],
  ])('refuses %s with a 400 naming the field', async (_what, payload, field) => {
    const res = await waterClass(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field })],
    });
  });
});
