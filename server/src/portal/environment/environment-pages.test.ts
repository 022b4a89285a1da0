// The public environment pages render from the demo data, work without JavaScript (tables beside every
// chart), escape what people typed, and answer bad ids without a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAirReadingsDemo } from '../../demo/environment-demo.ts';
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

  it('an unknown id is the portal’s HTML 404, a bad id a 400', async () => {
    const missing = await get('/environment/enterprises/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect((await get('/environment/air/abc')).statusCode).toBe(400);
  });
});
