// Stations, sections and reading imports through the API: all rows or none, a precise report, and the
// derived values stored (both databases).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../test/multipart.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

const upload = (url: string, name: string, content: string | Buffer, cookie = admin) =>
  t.inject({ method: 'POST', url, cookie, ...multipartFile('file', name, Buffer.from(content)) });
const AIR = '/api/v1/environment/air/readings/import';
const WATER = '/api/v1/environment/water/readings/import';

async function count(table: 'air_hourly' | 'air_daily' | 'water_readings' | 'env_imports') {
  const r = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A day of hourly rows for station T1 with PM2.5 rising through the day. */
function dayCsv(date: string, hours = 24, station = 'T1') {
  const lines = ['站点编码,时间,SO2(μg/m³),NO2,CO(mg/m³),O3,PM10,PM2.5'];
  for (let h = 0; h < hours; h++)
    lines.push(`${station},${date} ${String(h).padStart(2, '0')}:00,10,30,0.8,${60 + h * 5},80,${40 + h}`);
  return lines.join('\r\n');
}

describe('stations and sections', () => {
  it('an admin creates a station; codes are unique; the public reads it', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/environment/air/stations',
      cookie: admin,
      payload: { code: 'T1', name: '测试站', county: '武陵区', controlLevel: 'national' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'T1', controlLevel: 'national', version: 1 });
    const dup = await t.inject({
      method: 'POST',
      url: '/api/v1/environment/air/stations',
      cookie: admin,
      payload: { code: 'T1', name: '另一站', county: '武陵区', controlLevel: 'city' },
    });
    expect(dup.statusCode).toBe(409);
    const list = await t.inject({ method: 'GET', url: '/api/v1/environment/air/stations' });
    expect(list.json().items.map((s: { code: string }) => s.code)).toContain('T1');
  });

  it('edits with optimistic concurrency', async () => {
    const s = (await t.inject({ method: 'GET', url: '/api/v1/environment/air/stations' }))
      .json()
      .items.find((x: { code: string }) => x.code === 'T1');
    const ok = await t.inject({
      method: 'PATCH',
      url: `/api/v1/environment/air/stations/${s.id}`,
      cookie: admin,
      payload: { version: s.version, address: '常德市武陵区' },
    });
    expect(ok.json()).toMatchObject({ address: '常德市武陵区', version: s.version + 1 });
    const stale = await t.inject({
      method: 'PATCH',
      url: `/api/v1/environment/air/stations/${s.id}`,
      cookie: admin,
      payload: { version: s.version, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('creates a water section on a lake', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/environment/water/sections',
      cookie: admin,
      payload: {
        code: 'W1',
        name: '测试湖心',
        river: '测试湖',
        basin: '洞庭湖',
        waterbody: 'lake',
        county: '汉寿县',
        controlLevel: 'provincial',
        targetClass: 'III',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ attribute: null, longitude: null, version: 1 });
  });

  it('edits a section as it edits a station: versioned, one code per section, audited', async () => {
    const w = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/environment/water/sections',
        cookie: admin,
        payload: {
          code: 'W2',
          name: '测试河',
          river: '测试河',
          basin: '洞庭湖',
          waterbody: 'river',
          county: '汉寿县',
          controlLevel: 'city',
        },
      })
    ).json();
    const patch = (payload: object) =>
      t.inject({
        method: 'PATCH',
        url: `/api/v1/environment/water/sections/${w.id}`,
        cookie: admin,
        payload,
      });
    const ok = await patch({ version: w.version, targetClass: 'II', attribute: ' 湖库 ' });
    expect(ok.json()).toMatchObject({ targetClass: 'II', attribute: '湖库', version: w.version + 1 });
    expect((await patch({ version: w.version, name: 'x' })).statusCode).toBe(409);
    // its own code is not a duplicate of itself
    expect((await patch({ version: w.version + 1, code: 'W2' })).statusCode).toBe(200);
    expect((await patch({ version: w.version + 2, code: 'W1' })).statusCode).toBe(409);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'waterSection')
      .where('object_id', '=', String(w.id))
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'waterSection.create',
      'waterSection.update',
      'waterSection.update',
    ]);
  });
});

describe('hourly air import', () => {
  it('stores 24 hours, each hour’s AQI and 8-hour O3, and the day’s values', async () => {
    const res = await upload(AIR, 'day.csv', dayCsv('2018-03-01'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'air',
      rows: 24,
      replaced: 0,
      stations: 1,
      from: '2018-03-01T00:00',
      to: '2018-03-01T23:00',
      daysDerived: 1,
    });
    const hist = await t.inject({
      method: 'GET',
      url: `/api/v1/environment/air/stations/${await stationId('T1')}/history?granularity=hourly&from=2018-03-01&to=2018-03-01`,
    });
    const hours = hist.json().hourly;
    expect(hours).toHaveLength(24);
    // 23:00: PM2.5 63 → IAQI 50 + 25/40 × 28 = 85.5 → 86; O3 8 h = mean(60+16·5 … 60+23·5) = 157.5 → 158 → IAQI 99
    expect(hours[23]).toMatchObject({
      hour: '2018-03-01T23:00',
      pm25: 63,
      o3_8h: 158,
      aqi: 99,
      category: '良',
      primaryPollutants: ['o3_8h'],
    });
    expect(hours[4].o3_8h).toBeNull(); // only 5 hours so far
    const daily = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/environment/air/stations/${await stationId('T1')}/history?from=2018-03-01&to=2018-03-01`,
      })
    ).json().daily;
    // PM2.5 mean 51.5 → 52; O3 1 h max 175; 8 h max 158 (ending 23:00)
    expect(daily[0]).toMatchObject({
      date: '2018-03-01',
      pm25: 52,
      o3_1h: 175,
      o3_8h: 158,
      validHours: 24,
      aqi: 99,
    });
  });

  it('re-importing an hour replaces it and recomputes the day', async () => {
    const csv = ['站点编码,时间,PM2.5', 'T1,2018-03-01 12:00,300'].join('\n');
    const res = await upload(AIR, 'fix.csv', csv);
    expect(res.json()).toMatchObject({ rows: 1, replaced: 1, daysDerived: 1 });
    const daily = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/environment/air/stations/${await stationId('T1')}/history?from=2018-03-01&to=2018-03-01`,
      })
    ).json().daily;
    // PM2.5 40…63 summed 1236; hour 12 was 52, now 300: (1236 − 52 + 300) / 24 = 61.8 → 62. The hour is
    // replaced whole: its other pollutants, absent from this file, are now missing.
    expect(daily[0]).toMatchObject({ pm25: 62, validHours: 24 });
    const hour = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/environment/air/stations/${await stationId('T1')}/history?granularity=hourly&from=2018-03-01&to=2018-03-01`,
      })
    ).json().hourly[12];
    expect(hour).toMatchObject({ pm25: 300, so2: null, aqi: 350, category: '严重污染' });
  });

  it('a day with 19 valid hours has no daily PM2.5', async () => {
    await upload(AIR, 'short.csv', dayCsv('2018-03-02', 19));
    const daily = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/environment/air/stations/${await stationId('T1')}/history?from=2018-03-02&to=2018-03-02`,
      })
    ).json().daily;
    expect(daily[0]).toMatchObject({ pm25: null, validHours: 19 });
  });

  it('refuses a partly invalid file whole, naming row, column and reason', async () => {
    const before = await Promise.all([count('air_hourly'), count('air_daily'), count('env_imports')]);
    const csv = [
      '站点编码,时间,SO2,PM2.5',
      'T1,2018-04-01 00:00,10,30', // good
      'T1,2018-04-01 01:00,-5,30', // negative
      'NOPE,2018-04-01 02:00,10,30', // unknown station
      'T1,2099-01-01 00:00,10,30', // future
      'T1,2018-04-01 03:30,10,30', // not on the hour
      'T1,2018-04-01 04:00,abc,30', // not a number
      'T1,2018-04-01 00:00,10,30', // duplicate of line 2
    ].join('\n');
    const res = await upload(AIR, 'bad.csv', csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IMPORT_REJECTED');
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual([
      '3/SO2',
      '4/站点编码',
      '5/时间',
      '6/时间',
      '7/SO2',
      '8/时间',
    ]);
    expect(res.json().fields[0].message).toContain('负数');
    expect(res.json().fields[2].messageEn).toContain('future');
    expect(await Promise.all([count('air_hourly'), count('air_daily'), count('env_imports')])).toEqual(
      before,
    );
  });

  it('refuses a file without the needed columns, an empty file and a binary file', async () => {
    const noCols = await upload(AIR, 'x.csv', 'foo,bar\n1,2');
    expect(noCols.statusCode).toBe(422);
    expect(noCols.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'header/站点编码',
      'header/时间',
      'header/污染物',
    ]);
    expect((await upload(AIR, 'e.csv', '')).statusCode).toBe(422);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect((await upload(AIR, 'x.png', png)).statusCode).toBe(415);
  });

  it('reads an Excel sheet with real date cells, and a GB18030 CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('小时数据');
    ws.addRow(['站点编码', '时间', 'PM10', 'PM2.5']);
    ws.addRow(['T1', new Date(Date.UTC(2018, 4, 1, 8)), 90, 45]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(AIR, 'h.xlsx', xlsx);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ from: '2018-05-01T08:00', rows: 1 });
    // Excel on Chinese Windows saves CSV in GB18030: '站点编码,时间,PM2.5' in those bytes
    const gbk = Buffer.concat([
      Buffer.from('d5beb5e3b1e0c2eb2ccab1bce42c504d322e35', 'hex'),
      Buffer.from('\nT1,2018-05-01 09:00,44\n'),
    ]);
    const g = await upload(AIR, 'gbk.csv', gbk);
    expect(g.statusCode, g.body).toBe(200);
    expect(g.json()).toMatchObject({ from: '2018-05-01T09:00', rows: 1 });
  });

  it('needs environment:write; an officer is refused', async () => {
    const officer = await t.loginAs('officer.wl');
    expect((await upload(AIR, 'day.csv', dayCsv('2018-03-05'), officer)).statusCode).toBe(403);
  });
});

describe('water import and status', () => {
  it('classes each reading and reports the month with summaries', async () => {
    const csv = [
      '断面编码,采样日期,pH,溶解氧,高锰酸盐指数,氨氮,总磷',
      'W1,2018-06-05,7.6,6.2,4.1,0.4,0.08',
      'W1,2017-06-06,7.5,6.8,3.0,0.3,0.04',
    ].join('\n');
    const res = await upload(WATER, 'w.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    const status = (
      await t.inject({ method: 'GET', url: '/api/v1/environment/water/sections?month=2018-06' })
    ).json();
    const w1 = status.items.find((i: { section: { code: string } }) => i.section.code === 'W1');
    // lake TP 0.08 is class IV (0.05 < 0.08 ≤ 0.1): 0.6 times over class III; last year 0.04 → III
    expect(w1.latest).toMatchObject({
      class: 'IV',
      limitingFactors: [{ factor: 'tp', class: 'IV', multipleOfIII: 0.6 }],
    });
    expect(w1).toMatchObject({ lastYearClass: 'III', change: -1, meetsTarget: false });
    // the 11 demo sections and W1; the lake 测试湖 alone has fewer than 5 sections: no category
    expect(status.summaries.find((s: { kind: string }) => s.kind === 'all').sections).toBe(12);
    expect(status.summaries.find((s: { name: string }) => s.name === '测试湖')).toMatchObject({
      sections: 1,
      category: null,
    });
  });

  it('refuses negative values and a future date, storing nothing', async () => {
    const before = await count('water_readings');
    const csv = ['断面编码,采样日期,氨氮', 'W1,2018-07-01,-0.2', 'W1,2099-07-01,0.2'].join('\n');
    const res = await upload(WATER, 'w.csv', csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['2/氨氮', '3/采样日期']);
    expect(await count('water_readings')).toBe(before);
  });
});

async function stationId(code: string): Promise<number> {
  const list = (await t.inject({ method: 'GET', url: '/api/v1/environment/air/stations' })).json();
  return list.items.find((s: { code: string }) => s.code === code).id;
}
