// Every kind of change empties exactly the cached pages that show it, on this app server at once and on
// a second app server on the same database through the change feed (decision 100): air and water
// imports, station and section edits, enterprises and their disclosures, incidents and follow-ups,
// articles and channels. Both servers are real GreenVoice apps with their own services, caches and
// change listeners; the second learns only by polling, as another process would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { createServices } from '../services.ts';
import { cacheKey } from './page-cache.ts';
import { multipartFile } from '../test/multipart.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let b: FastifyInstance;
let admin: string;
let editor: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const quiet = { info: () => {}, error: () => {} };
  b = await buildApp({
    config: t.config,
    database: t.database,
    services: createServices({ config: t.config, database: t.database, log: quiet }),
    consoleDir: null,
    logger: false,
  });
  await b.ready();
  await b.portal.runtime.poll(); // remembers where the feed stands
  siteId = (await t.app.portal.sites.current())!.id;
  admin = await t.loginAs('admin');
  editor = await t.loginAs('editor');
});
afterAll(async () => {
  await b?.close();
  await t.close();
});

let siteId = 0;
const key = (url: string) => cacheKey(siteId, url, undefined);
const onA = (url: string) => t.inject({ method: 'GET', url });
const onB = (url: string) => b.inject({ method: 'GET', url });

/** Fills both caches with `urls`, runs the change on server A, and returns B's pages afterwards. */
async function change(urls: string[], work: () => Promise<unknown>, untouched: string[] = []) {
  // both servers caught up with the feed first (A's own timer also reads back A's own changes)
  await t.app.portal.runtime.poll();
  await b.portal.runtime.poll();
  for (const u of [...urls, ...untouched]) {
    expect((await onA(u)).statusCode, u).toBe(200);
    expect((await onB(u)).statusCode, u).toBe(200);
    expect(t.app.portal.cache.get(key(u)), u).toBeTruthy();
    expect(b.portal.cache.get(key(u)), u).toBeTruthy();
  }
  await work();
  for (const u of urls) expect(t.app.portal.cache.get(key(u)), `A still caches ${u}`).toBeUndefined();
  // B has heard nothing yet: its copies stand until it reads the feed
  for (const u of urls) expect(b.portal.cache.get(key(u)), u).toBeTruthy();
  await b.portal.runtime.poll();
  for (const u of urls) expect(b.portal.cache.get(key(u)), `B still caches ${u}`).toBeUndefined();
  for (const u of untouched) expect(b.portal.cache.get(key(u)), `B dropped ${u}`).toBeTruthy();
  return Object.fromEntries(await Promise.all(urls.map(async (u) => [u, (await onB(u)).body] as const)));
}

const ok = async (p: Promise<{ statusCode: number; body: string }>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return JSON.parse(r.body);
};
const station = async () =>
  await t.database.db.selectFrom('air_stations').selectAll().orderBy('id').executeTakeFirstOrThrow();
const section = async () =>
  await t.database.db.selectFrom('water_sections').selectAll().orderBy('id').executeTakeFirstOrThrow();

describe('cache invalidation on two app servers', () => {
  it('an air import empties the air pages, the home page and the quality channel — not the water page', async () => {
    const s = await station();
    const csv = ['站点编码,时间,SO2,NO2,CO,O3,PM10,PM2.5'];
    for (let h = 0; h < 24; h++)
      csv.push(`${s.code},2019-01-01 ${String(h).padStart(2, '0')}:00,9,30,0.8,60,80,41`);
    // what B keeps beside its pages (the city's daily AQIs of a year, the open-data catalogue) is read
    // now, so that B answers from memory until the feed tells it of the import
    const hourlyTotal = async () =>
      (await ok(onB('/api/v1/open-data'))).items.find((d: { name: string }) => d.name === 'air-hourly')
        .total as number;
    const cityDays2019 = async () =>
      (await ok(onB('/api/v1/environment/air/good-days?year=2019'))).total.days as number;
    const hourlyBefore = await hourlyTotal();
    expect(await cityDays2019()).toBe(0);
    const pages = await change(
      ['/environment/air', `/environment/air/${s.id}`, '/', '/channels/hjzl', '/sitemap.xml'],
      () =>
        ok(
          t.inject({
            method: 'POST',
            url: '/api/v1/environment/air/readings/import',
            cookie: admin,
            ...multipartFile('file', 'air.csv', Buffer.from(csv.join('\n'))),
          }),
        ),
      ['/environment/water', '/environment/incidents', '/channels/tzgg'],
    );
    expect(pages['/environment/air']).toContain('2019-01-01 23:00');
    expect(await hourlyTotal()).toBe(hourlyBefore + 24);
    expect(await cityDays2019()).toBe(1);
  });

  it('a water import and a section edit empty the water pages', async () => {
    const w = await section();
    const imported = await change(['/environment/water', `/environment/water/${w.id}`, '/'], () =>
      ok(
        t.inject({
          method: 'POST',
          url: '/api/v1/environment/water/readings/import',
          cookie: admin,
          ...multipartFile(
            'file',
            'w.csv',
            Buffer.from(
              [
                '断面编码,采样日期,pH,溶解氧,高锰酸盐指数,氨氮,总磷',
                `${w.code},2019-01-05,7.6,6.2,4.1,0.4,0.08`,
              ].join('\n'),
            ),
          ),
        }),
      ),
    );
    // B's kept classes of the newest month went with its pages
    expect(imported['/']).toContain('2019年01月地表水断面水质');
    const pages = await change(['/environment/water', `/environment/water/${w.id}`], () =>
      ok(
        t.inject({
          method: 'PATCH',
          url: `/api/v1/environment/water/sections/${w.id}`,
          cookie: admin,
          payload: { version: w.version, name: '改名断面' },
        }),
      ),
    );
    expect(pages['/environment/water']).toContain('改名断面');
  });

  it('a station edit empties the air pages', async () => {
    const s = await station();
    const pages = await change(['/environment/air', `/environment/air/${s.id}`], () =>
      ok(
        t.inject({
          method: 'PATCH',
          url: `/api/v1/environment/air/stations/${s.id}`,
          cookie: admin,
          payload: { version: s.version, name: '改名站点' },
        }),
      ),
    );
    expect(pages['/environment/air']).toContain('改名站点');
  });

  it('an enterprise, its edit and a disclosure empty the enterprise pages', async () => {
    const created = await (async () => {
      let id = 0;
      const pages = await change(['/environment/enterprises', '/channels/qyhjxx'], async () => {
        id = (
          await ok(
            t.inject({
              method: 'POST',
              url: '/api/v1/environment/dischargers',
              cookie: admin,
              payload: {
                name: '失效测试纸业有限公司',
                creditCode: '91350100m000100y43',
                county: '武陵区',
                industry: '造纸和纸制品业',
                listedYear: 2023,
              },
            }),
            201,
          )
        ).id;
      });
      expect(pages['/environment/enterprises']).toContain('失效测试纸业有限公司');
      return id;
    })();
    const detail = `/environment/enterprises/${created}`;
    const d = (await ok(t.inject({ method: 'GET', url: `/api/v1/environment/dischargers/${created}` })))
      .discharger;
    const pages = await change([detail, '/environment/enterprises'], () =>
      ok(
        t.inject({
          method: 'PATCH',
          url: `/api/v1/environment/dischargers/${created}`,
          cookie: admin,
          payload: { version: d.version, industry: '纸制品制造' },
        }),
      ),
    );
    expect(pages[detail]).toContain('纸制品制造');
    const after = await change([detail], () =>
      ok(
        t.inject({
          method: 'POST',
          url: `/api/v1/environment/dischargers/${created}/disclosures`,
          cookie: admin,
          payload: {
            kind: 'temporary',
            title: '失效测试临时披露',
            eventDate: '2023-05-10',
            publishedOn: '2023-05-11',
          },
        }),
        201,
      ),
    );
    expect(after[detail]).toContain('失效测试临时披露');
  });

  it('an incident and its follow-up empty the incident pages and the home page', async () => {
    let id = 0;
    const pages = await change(['/environment/incidents', '/', '/channels/tfhjsj'], async () => {
      id = (
        await ok(
          t.inject({
            method: 'POST',
            url: '/api/v1/environment/incidents',
            cookie: editor,
            payload: {
              title: '失效测试事件',
              occurredAt: '2019-01-02T10:00',
              county: '武陵区',
              location: '某地',
              level: 'general',
              status: 'responding',
              summary: '概况',
            },
          }),
          201,
        )
      ).id;
    });
    expect(pages['/environment/incidents']).toContain('失效测试事件');
    const after = await change([`/environment/incidents/${id}`], () =>
      ok(
        t.inject({
          method: 'POST',
          url: `/api/v1/environment/incidents/${id}/follow-ups`,
          cookie: editor,
          payload: { content: '失效测试进展', closes: true },
        }),
        201,
      ),
    );
    expect(after[`/environment/incidents/${id}`]).toContain('失效测试进展');
  });

  it('a channel edit empties every page (the bar shows it); article changes are in portal.test.ts', async () => {
    const ch = await ok(t.inject({ method: 'GET', url: '/api/v1/cms/channels', cookie: admin }));
    const gzdt = ch.find((c: { code: string }) => c.code === 'gzdt');
    const pages = await change(['/', '/environment/air', '/channels/gzdt'], () =>
      ok(
        t.inject({
          method: 'PATCH',
          url: `/api/v1/cms/channels/${gzdt.id}`,
          cookie: admin,
          payload: { version: gzdt.version, name: '工作动态（改）' },
        }),
      ),
    );
    expect(pages['/environment/air']).toContain('工作动态（改）');
  });
});
