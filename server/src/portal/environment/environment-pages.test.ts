// The public environment pages render from the demo data, work without JavaScript (tables beside every
// chart), escape what people typed, and answer bad ids without a page.
import { CHINA_TIME_ZONE } from '@greenvoice/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAirReadingsDemo } from '../../demo/environment-demo.ts';
import { createMonitoringRepo } from '../../modules/monitoring/monitoring.repo.ts';
import { presentDaily } from '../../modules/monitoring/present.ts';
import { cityDailyAqis, monthlyShares } from '../../modules/monitoring/quality-summary.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await seedAirReadingsDemo(t.database.db); // the one test file that needs the year of readings
});
afterAll(() => t.close());

const get = (url: string) => t.inject({ method: 'GET', url });

describe('public environment pages', () => {
  it('air quality now: every station with its AQI badge, category and advice', async () => {
    const res = await get('/environment/air');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    for (const name of ['市监测站', '市政府', '区环保局', '汉寿县环保局']) expect(res.body).toContain(name);
    expect(res.body).toContain('数据时间：2018-12-31 23:00');
    expect(res.body).toMatch(/class="env-badge" style="background:#[0-9A-F]{6};color:#/);
    expect(res.body).not.toContain('<script src');
  });

  it('history: an SVG chart, the same numbers in a table, and the share of good days by month', async () => {
    const now = (await t.inject({ method: 'GET', url: '/api/v1/environment/air/now' })).json();
    const id = now.items[0].station.id;
    const res = await get(`/environment/air/${id}?from=2018-06-01&to=2018-06-30`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<svg');
    expect((res.body.match(/<tr>/g) ?? []).length).toBeGreaterThan(30); // 30 days + 12 months + headers
    expect(res.body).toContain('2018-06-15');
    expect(res.body).toContain('年优良天数比例');
    expect(res.body).toContain('data-chart="aqi-daily"');
    const island = /data-chart="aqi-daily">\s*([^<]+)\s*<\/script>/.exec(res.body)?.[1];
    expect(JSON.parse(island!)).toHaveLength(30);
    // one bar a day, its coordinates to a tenth (a year of full floats was a third of the page)
    const svg = /<svg[\s\S]*?<\/svg>/.exec(res.body)![0];
    expect((svg.match(/<rect/g) ?? []).length).toBe(30);
    const numbers = [
      ...svg.slice(svg.indexOf('>') + 1).matchAll(/\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]+)"/g),
    ].map((m) => m[1]!);
    expect(numbers.length).toBeGreaterThan(120);
    for (const n of numbers) expect(n).toMatch(/^\d+(\.\d)?$/);
  });

  it('what the pages keep in memory equals what a fresh read of the rows computes (decision 201)', async () => {
    const repo = createMonitoringRepo(t.database.db);
    const { quality } = t.services;
    const stations = (await quality.stations()).items; // the site's own
    const national = stations.filter((s) => s.controlLevel === 'national').map((s) => s.id);
    const id = stations[0]!.id;
    for (let round = 0; round < 2; round++) {
      // a period across two calendar years is cut from the two years kept whole
      for (const [from, to] of [
        ['2017-12-15', '2018-01-15'],
        ['2018-01-01', '2018-12-31'],
        ['2018-06-10', '2018-07-09'],
      ] as const)
        expect((await quality.airHistory(id, { from, to })).daily).toEqual(
          (await repo.dailyRange([id], from, to)).map(presentDaily),
        );
      const city = await quality.goodDays(2018);
      expect(city.total.days).toBeGreaterThan(300);
      expect({ months: city.months, total: city.total }).toEqual(
        monthlyShares(cityDailyAqis(await repo.dailyRange(national, '2018-01-01', '2018-12-31'))),
      );
      const one = await quality.goodDays(2018, id);
      const rows = await repo.dailyRange([id], '2018-01-01', '2018-12-31');
      expect({ months: one.months, total: one.total }).toEqual(
        monthlyShares(new Map(rows.map((r) => [r.date, r.aqi]))),
      );
      const newest = rows.at(-1)!.date;
      expect((await quality.cityLatest())?.date).toBe(newest);
    }
  });

  it('water: the monthly table with classes, changes and summaries; a section’s trend', async () => {
    const res = await get('/environment/water');
    expect(res.body).toContain('地表水水质状况（2018年12月）');
    expect(res.body).toContain('西洞庭湖蒋家嘴');
    expect(res.body).toContain('超Ⅲ类标准指标');
    const sections = (await t.inject({ method: 'GET', url: '/api/v1/environment/water/sections' })).json();
    const trend = await get(`/environment/water/${sections.items[0].section.id}`);
    expect((trend.body.match(/<th scope="row">20\d\d-/g) ?? []).length).toBe(24);
  });

  it('enterprises: search and a detail page arranged by the eight parts', async () => {
    const list = await get('/environment/enterprises?q=' + encodeURIComponent('化工'));
    expect(list.body).toContain('常德市沅澧化工有限公司（演示）');
    const id = /href="\/environment\/enterprises\/(\d+)"/.exec(list.body)![1];
    const detail = await get(`/environment/enterprises/${id}`);
    for (const part of [
      '企业基本信息',
      '碳排放信息',
      '生态环境应急信息',
      '生态环境违法信息',
      '本年度临时环境信息依法披露情况',
    ])
      expect(detail.body).toContain(part);
    expect(detail.body).toContain('突发环境事件应急预案备案');
  });

  it('escapes what staff typed', async () => {
    const admin = await t.loginAs('admin');
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/environment/incidents',
      cookie: admin,
      payload: {
        title: '<script>alert(1)</script>',
        occurredAt: '2018-08-01T10:00',
        county: '武陵区',
        location: '"><img src=x>',
        level: 'general',
        status: 'responding',
        summary: 'x',
      },
    });
    const page = await get(`/environment/incidents/${res.json().id}`);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<img src=x>');
    expect((await get('/environment/incidents')).body).toContain('澧县某化工企业储罐泄漏');
  });

  it('sits in the portal frame: header, channel bar, national meta tags, footer', async () => {
    const page = (await get('/environment/air')).body;
    expect(page).toContain('<meta name="ColumnName" content="环境质量"');
    expect(page).toContain('<meta name="SiteName"');
    expect(page).toMatch(/<header[\s\S]*<main id="main"[\s\S]*class="env[\s\S]*<footer/);
  });

  it('an unknown or malformed id is the portal’s HTML 404; a refused date range a 400 page with the message', async () => {
    const missing = await get('/environment/enterprises/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect((await get('/environment/air/abc')).statusCode).toBe(404);
    const station = (await t.database.db.selectFrom('air_stations').select('id').executeTakeFirstOrThrow())
      .id;
    const reversed = await get(`/environment/air/${station}?from=2018-05-01&to=2018-04-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers['content-type']).toContain('text/html');
    expect(reversed.body).toContain('开始日期晚于结束日期');
    expect(reversed.body).toContain('<table');
  });

  it('open data: the whole year of hourly air streamed as CSV and JSON, nothing cut; the page lists every set', async () => {
    const csv = await get('/api/v1/open-data/air-hourly/all.csv');
    expect(csv.statusCode).toBe(200);
    const total = Number(csv.headers['x-total-count']);
    expect(total).toBeGreaterThan(80_000);
    const lines = csv.body.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^\uFEFF站点编码\(station_code\),时间/);
    expect(lines.length - 1).toBe(total);
    const json = JSON.parse((await get('/api/v1/open-data/air-hourly/all.json')).body);
    expect(json.items).toHaveLength(total);
    expect(json.timeZone).toBe(CHINA_TIME_ZONE);
    const water = (await get('/api/v1/open-data/water-readings/all.csv')).body.split('\r\n')[0]!;
    expect(water).toContain('(nh3n)');
    expect(water).not.toContain('values_json');
    const page = await get('/open-data');
    expect(page.statusCode).toBe(200);
    for (const s of ['air-hourly', 'water-readings', 'dischargers', 'incidents'])
      expect(page.body).toContain(`/api/v1/open-data/${s}/all.csv`);
    expect(page.body).toContain('CC BY 4.0');
    expect((await get('/robots.txt')).body).toContain('Allow: /api/v1/open-data');
  });

  it('negotiates compression: brotli, gzip or none, cached page or not', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    for (const url of ['/environment/air', '/api/v1/open-data/air-stations.json', '/search?q=环保']) {
      const plain = await t.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(String(plain.headers.vary)).toContain('Accept-Encoding');
      const br = await t.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      const gz = await t.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br;q=0, gzip' } });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    }
    const fav = await get('/favicon.ico');
    expect(fav.statusCode).toBe(200);
    expect(fav.headers['content-type']).toBe('image/x-icon');
  });

  it('data corrections: lakes summarised as 湖库, 沅江 once, 22-character permits, part 3 with figures', async () => {
    const status = (await t.inject({ method: 'GET', url: '/api/v1/environment/water/sections' })).json();
    const kindOf = (name: string) =>
      status.summaries.filter((s: { name: string }) => s.name === name).map((s: { kind: string }) => s.kind);
    for (const lake of ['柳叶湖', '西毛里湖', '西洞庭湖']) expect(kindOf(lake)).toEqual(['lake']);
    expect(kindOf('沅江')).toEqual(['river']);
    expect(kindOf('沅水')).toEqual([]); // its sections all lie on 沅江: one row, not two
    expect((await get('/environment/water')).body).toContain('湖库');
    const units = await t.database.db
      .selectFrom('dischargers')
      .select(['credit_code', 'permit_number'])
      .execute();
    for (const u of units) {
      expect(u.permit_number).toHaveLength(22);
      expect(u.permit_number!.startsWith(u.credit_code)).toBe(true);
    }
    const first = await t.database.db
      .selectFrom('dischargers')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const page = (await get(`/environment/enterprises/${first.id}`)).body;
    expect(page).toContain('主要污染物排放（年度报告）');
    expect(page).toContain('化学需氧量');
    expect(page).toContain('100 mg/L');
    expect(page).not.toContain('本年度无临时环境信息依法披露事项');
  });
});
