// One website per bureau, chosen by host name (decision 175), on the demo's two cities: Changde answers
// as the default site, Xiangtan on xiangtan.localhost. Every page type of the page table is walked on
// both hosts with every channel code and article id of both cities: a city's article titles never
// appear on the other city's site. Then the host rules themselves: an unknown host once the default
// site has names of its own, X-Forwarded-Host only from a trusted proxy, the fast lane before Fastify,
// and the console's host-name setting (permission, audit, uniqueness across sites).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECOND_CITY_CODE, SECOND_CITY_HOST } from '../demo/second-city-demo.ts';
import { DEMO_BUREAU_CODE } from '../demo/changde-units.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { cacheKey } from './page-cache.ts';

let t: TestApp;
const CD = 'localhost';
const XT = SECOND_CITY_HOST;
const get = (host: string, url: string, headers: Record<string, string> = {}) =>
  t.inject({ method: 'GET', url, headers: { host, ...headers } });

interface City {
  id: number;
  articles: Array<{ id: number; title: string }>;
  channels: string[];
  /** the names of its stations, sections, enterprises and incidents (decision 197) */
  envNames: string[];
}
const cities: Record<'cd' | 'xt', City> = {
  cd: { id: 0, articles: [], channels: [], envNames: [] },
  xt: { id: 0, articles: [], channels: [], envNames: [] },
};
/** The other city's environmental names a page of `own` must never show (none its own names contain). */
const foreignEnvNames = (own: City, other: City) =>
  other.envNames.filter((n) => n.length >= 5 && !own.envNames.some((o) => o.includes(n)));

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  for (const [key, code] of [
    ['cd', DEMO_BUREAU_CODE],
    ['xt', SECOND_CITY_CODE],
  ] as const) {
    const id = await t.unitId(code);
    const db = t.database.db;
    cities[key] = {
      id,
      articles: await db
        .selectFrom('portal_articles')
        .select(['id', 'title'])
        .where('owner_unit_id', '=', id)
        .where('status', '=', 'published')
        .execute(),
      channels: (
        await db.selectFrom('portal_channels').select('code').where('owner_unit_id', '=', id).execute()
      ).map((c) => c.code),
      envNames: (
        await Promise.all(
          (['air_stations', 'water_sections', 'dischargers'] as const).map((table) =>
            db.selectFrom(table).select('name').where('owner_unit_id', '=', id).execute(),
          ),
        )
      )
        .flat()
        .map((r) => r.name)
        .concat(
          (await db.selectFrom('incidents').select('title').where('owner_unit_id', '=', id).execute()).map(
            (r) => r.title,
          ),
        ),
    };
  }
});
afterAll(() => t.close());

/** Every address of the page table, its parameters filled with both cities' channel codes and ids. */
function addresses(): string[] {
  const ids = [...cities.cd.articles, ...cities.xt.articles].map((a) => String(a.id));
  const codes = [...new Set([...cities.cd.channels, ...cities.xt.channels])];
  const out: string[] = [];
  for (const pattern of t.app.portal.patterns) {
    if (pattern.includes(':code')) for (const c of codes) out.push(pattern.replace(':code', c));
    else if (pattern.startsWith('/articles/:id')) for (const id of ids) out.push(pattern.replace(':id', id));
    else if (pattern.includes(':')) out.push(pattern.replace(/:\w+/g, '1'));
    else out.push(pattern);
  }
  // the search, for every word of the other city's titles
  for (const a of [...cities.cd.articles, ...cities.xt.articles])
    out.push(`/search?q=${encodeURIComponent(a.title.slice(0, 6))}`);
  return out;
}

describe('two cities, one installation', () => {
  it('each host answers its own city’s site: name, filing numbers, channels', async () => {
    const cd = await get(CD, '/');
    const xt = await get(XT, '/');
    expect(cd.statusCode).toBe(200);
    expect(xt.statusCode).toBe(200);
    expect(cd.body).toContain('湘ICP备00000000号（演示）');
    expect(xt.body).toContain('湘ICP备00000003号（演示）');
    expect(xt.body).toContain('湘潭市生态环境局');
    expect(xt.body).not.toContain('常德市环境保护局');
    // the same channel code is each city's own column
    expect((await get(XT, '/channels/tzgg')).body).toContain('关于湘潭市2018年生态环境宣传月活动安排的通知');
    expect((await get(CD, '/channels/tzgg')).body).not.toContain('湘潭');
    // a channel only the other city has is no page here
    expect((await get(XT, '/channels/wrfzgjz')).statusCode).toBe(404);
  });

  it('the second city’s channel bar leads to its own environmental data, enterprises, incidents, open data and forms', async () => {
    const home = (await get(XT, '/')).body;
    const bar = home.slice(home.indexOf('<nav'), home.indexOf('</nav>'));
    for (const code of ['hjzl', 'qyhjxx', 'tfhjsj', 'sjkf', 'gzcy'])
      expect(bar, `Xiangtan's channel bar links ${code}`).toContain(`href="/channels/${code}"`);
    const quality = (await get(XT, '/channels/hjzl')).body;
    expect(quality).toContain('href="/environment/air"');
    expect(quality).toContain('href="/environment/water"');
    expect(quality).not.toContain('常德');
    expect((await get(XT, '/environment/air')).body).toContain('湘潭市监测站');
    const enterprises = await get(XT, '/channels/qyhjxx');
    expect(enterprises.statusCode).toBe(200);
    const names = async (unitId: number) =>
      (
        await t.database.db
          .selectFrom('dischargers')
          .select('name')
          .where('owner_unit_id', '=', unitId)
          .execute()
      ).map((d) => d.name);
    const own = await names(cities.xt.id);
    expect(own.length).toBeGreaterThan(0);
    for (const e of own) expect(enterprises.body).toContain(e);
    expect(enterprises.body).not.toContain('常德');
    expect((await get(XT, '/channels/tfhjsj')).statusCode).toBe(200);
    expect((await get(XT, '/channels/sjkf')).body).toContain('href="/open-data#ds-air-hourly"');
    const participation = (await get(XT, '/channels/gzcy')).body;
    expect(participation).toContain('href="/interaction/');
  });

  it('no page type of one city’s site ever shows an article, station, section, enterprise or incident of the other city', async () => {
    const urls = addresses();
    expect(urls.length).toBeGreaterThan(60);
    expect(foreignEnvNames(cities.xt, cities.cd).length).toBeGreaterThan(10);
    expect(foreignEnvNames(cities.cd, cities.xt).length).toBe(5);
    let pages = 0;
    for (const [host, own, other] of [
      [CD, cities.cd, cities.xt],
      [XT, cities.xt, cities.cd],
    ] as const)
      for (const url of urls) {
        const res = await get(host, url);
        expect(res.statusCode, `${host}${url}`).toBeLessThan(500);
        if (res.statusCode === 200) pages++;
        for (const name of foreignEnvNames(own, other))
          expect(res.body, `${host}${url} shows “${name}”`).not.toContain(name);
        for (const a of other.articles) {
          // a national law's name is in the portal's own words too (the reporter-protection note)
          if (!a.title.startsWith('中华人民共和国'))
            expect(res.body, `${host}${url} shows “${a.title}”`).not.toContain(a.title);
          // (a page names its own address, in its language links: that is no link to the article)
          if (!url.startsWith(`/articles/${a.id}`))
            expect(res.body, `${host}${url} links article ${a.id}`).not.toMatch(
              new RegExp(`/articles/${a.id}["/<]`),
            );
        }
      }
    expect(pages).toBeGreaterThan(40);
  });

  it('each site’s home page shows its own air and water; the API answers for the host, or the signed-in bureau', async () => {
    const xt = await get(XT, '/');
    expect(xt.body).toContain('2018-12-31'); // Xiangtan's newest day of air
    expect(xt.body).toContain('湘江');
    // the test app has no Changde readings: its home page shows no air at all, never Xiangtan's
    expect((await get(CD, '/')).body).not.toContain('2018-12-31');
    const names = async (host: string, url: string, cookie?: string) =>
      (
        (await t.inject({ method: 'GET', url, headers: { host }, ...(cookie ? { cookie } : {}) })).json() as {
          items: Array<{ name?: string; station?: { name: string }; section?: { name: string } }>;
        }
      ).items.map((i) => i.name ?? i.station?.name ?? i.section?.name);
    expect(await names(XT, '/api/v1/environment/air/stations')).toEqual(['湘潭市监测站', '岳塘区板塘']);
    expect(await names(XT, '/api/v1/environment/air/now')).toEqual(['湘潭市监测站', '岳塘区板塘']);
    expect(await names(XT, '/api/v1/environment/water/sections')).toEqual(['湘江易家湾']);
    expect(await names(CD, '/api/v1/environment/air/stations')).not.toContain('湘潭市监测站');
    // "air quality now" is kept per site: Changde's, asked right after Xiangtan's, is Changde's own
    expect(await names(CD, '/api/v1/environment/air/now')).toHaveLength(10);
    // the console is its staff's bureau's, whatever host it was opened on
    const xtAdmin = await t.loginAs('admin.xt');
    expect(await names(CD, '/api/v1/environment/air/stations', xtAdmin)).toEqual([
      '湘潭市监测站',
      '岳塘区板塘',
    ]);
    // another city's station by id is no station here
    const [cdStation] = await t.database.db
      .selectFrom('air_stations')
      .select('id')
      .where('owner_unit_id', '=', cities.cd.id)
      .execute();
    const history = `/api/v1/environment/air/stations/${cdStation!.id}/history`;
    expect((await t.inject({ method: 'GET', url: history, headers: { host: XT } })).statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url: history, headers: { host: CD } })).statusCode).toBe(200);
  });

  it('open data is the host’s site’s: the catalogue’s counts, a page, the whole file', async () => {
    const totals = async (host: string) =>
      Object.fromEntries(
        (
          (await t.inject({ method: 'GET', url: '/api/v1/open-data', headers: { host } })).json() as {
            items: Array<{ name: string; total: number }>;
          }
        ).items.map((i) => [i.name, i.total]),
      );
    const [xt, cd] = [await totals(XT), await totals(CD)];
    expect(xt).toMatchObject({ 'air-stations': 2, 'water-sections': 1, dischargers: 1, incidents: 1 });
    expect(cd['air-stations']).toBe(10);
    expect(xt['air-hourly']).toBeGreaterThan(600);
    expect(cd['air-hourly']).toBe(0); // the test app seeds Changde no readings
    for (const url of ['/api/v1/open-data/air-stations.csv', '/api/v1/open-data/air-stations/all.csv']) {
      const file = await t.inject({ method: 'GET', url, headers: { host: XT } });
      expect(file.body, url).toContain('XT-A01');
      expect(file.body, url).not.toContain('CD-A01');
    }
    const cdFile = await t.inject({
      method: 'GET',
      url: '/api/v1/open-data/incidents/all.json',
      headers: { host: CD },
    });
    expect(cdFile.body).not.toContain('湘江');
    // the open-data page of each site counts its own
    expect((await get(XT, '/open-data')).body).not.toContain('CD-A01');
  });

  it('the new-media matrix and its QR codes are the host’s site’s accounts', async () => {
    const register = async (username: 'admin' | 'admin.xt', unitCode: string, name: string) => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/media/accounts',
        cookie: await t.loginAs(username),
        payload: {
          unitId: await t.unitId(unitCode),
          platform: 'douyin',
          name,
          platformId: `${unitCode}-douyin`,
          openedOn: '2018-11-01',
          filing: 'filed',
          functions: { messages: 'working', autoReply: 'absent', menu: 'absent' },
          link: 'https://www.douyin.com/user/demo',
          state: 'active',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const cd = await register('admin', DEMO_BUREAU_CODE, '常德环保抖音号');
    const xt = await register('admin.xt', SECOND_CITY_CODE, '湘潭生态环境抖音号');
    t.app.portal.cache.clear();
    const [xtPage, cdPage] = [await get(XT, '/media'), await get(CD, '/media')];
    expect(xtPage.body).toContain('湘潭生态环境抖音号');
    expect(xtPage.body).not.toContain('常德环保抖音号');
    expect(cdPage.body).toContain('常德环保抖音号');
    expect(cdPage.body).not.toContain('湘潭生态环境抖音号');
    expect((await get(XT, `/media/qr/${xt}.svg`)).statusCode).toBe(200);
    expect((await get(XT, `/media/qr/${cd}.svg`)).statusCode).toBe(404);
  });

  it('an article answers on its own city’s host only; feeds and the sitemap name that host', async () => {
    const xtArticle = cities.xt.articles[0]!;
    const cdArticle = cities.cd.articles[0]!;
    expect((await get(XT, `/articles/${xtArticle.id}`)).statusCode).toBe(200);
    expect((await get(CD, `/articles/${xtArticle.id}`)).statusCode).toBe(404);
    expect((await get(XT, `/articles/${cdArticle.id}`)).statusCode).toBe(404);
    expect((await get(XT, `/articles/${cdArticle.id}/print`)).statusCode).toBe(404);
    const sitemap = await get(XT, '/sitemap.xml');
    expect(sitemap.body).toContain(`<loc>http://${XT}:`);
    expect(sitemap.body).toContain(`/articles/${xtArticle.id}</loc>`);
    const rss = await get(XT, '/channels/gzdt/rss.xml');
    expect(rss.body).toContain(`http://${XT}:`);
    expect((await get(XT, '/robots.txt')).body).toContain(`Sitemap: http://${XT}:`);
  });

  it('keeps each site’s pages apart in the page cache (site id + address)', async () => {
    t.app.portal.cache.clear();
    const cd = await get(CD, '/channels/gzdt');
    const xt = await get(XT, '/channels/gzdt');
    expect(t.app.portal.cache.get(cacheKey(cities.cd.id, '/channels/gzdt', undefined))?.body.toString()).toBe(
      cd.body,
    );
    expect(t.app.portal.cache.get(cacheKey(cities.xt.id, '/channels/gzdt', undefined))?.body.toString()).toBe(
      xt.body,
    );
    // a cached copy of one never answers the other
    expect((await get(XT, '/channels/gzdt')).body).toBe(xt.body);
    expect((await get(CD, '/channels/gzdt')).body).toBe(cd.body);
  });

  it('the fast lane before Fastify picks the site by host too', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const fetchAs = (host: string, path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
    t.app.portal.cache.clear();
    for (let round = 0; round < 2; round++) {
      // miss rendered in the lane, then a hit from the byte cache: each city its own
      const xt = await fetchAs(`${XT}:${port}`, '/channels/tzgg');
      const cd = await fetchAs(`127.0.0.1:${port}`, '/channels/tzgg');
      expect(xt.status).toBe(200);
      expect(xt.body).toContain('关于湘潭市2018年生态环境宣传月活动安排的通知');
      expect(cd.body).not.toContain('湘潭');
      expect(cd.body).toContain('常德市环境保护局');
    }
  });
});

describe('host names in the console', () => {
  it('a city admin sees and sets their own site’s names; the audit log records it', async () => {
    const xtAdmin = await t.loginAs('admin.xt');
    const mine = await t.inject({ method: 'GET', url: '/api/v1/cms/site/domains', cookie: xtAdmin });
    expect(mine.json()).toEqual({ domains: [XT] });
    const put = await t.inject({
      method: 'PUT',
      url: '/api/v1/cms/site/domains',
      cookie: xtAdmin,
      payload: { domains: [XT, 'SthJJ.Xiangtan.localhost', XT] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ domains: ['sthjj.xiangtan.localhost', XT] });
    // the new name answers at once (this process) with Xiangtan's site
    expect((await get('sthjj.xiangtan.localhost:3000', '/')).body).toContain('湘潭市生态环境局');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['detail', 'object_id'])
      .where('action', '=', 'cms.site.domains')
      .executeTakeFirstOrThrow();
    expect(audit.object_id).toBe(String(cities.xt.id));
    expect(JSON.parse(audit.detail!)).toEqual({
      before: [XT],
      after: ['sthjj.xiangtan.localhost', XT],
    });
  });

  it('a host name already another city’s is refused with the field named (409), changing nothing', async () => {
    const admin = await t.loginAs('admin');
    const res = await t.inject({
      method: 'PUT',
      url: '/api/v1/cms/site/domains',
      cookie: admin,
      payload: { domains: ['hbj.changde.localhost', XT.toUpperCase()] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE');
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: '/domains/1', message: expect.stringContaining('另一个网站') }),
    ]);
    // which city holds it is not told
    expect(res.body).not.toContain('湘潭');
    const mine = await t.inject({ method: 'GET', url: '/api/v1/cms/site/domains', cookie: admin });
    expect(mine.json()).toEqual({ domains: [] });
  });

  it('refuses a malformed name (400) and an editor without the site permission (403)', async () => {
    const admin = await t.loginAs('admin');
    for (const bad of ['http://x.cn', 'x.cn:8080', '-x.cn', 'a b.cn', ''])
      expect(
        (
          await t.inject({
            method: 'PUT',
            url: '/api/v1/cms/site/domains',
            cookie: admin,
            payload: { domains: [bad] },
          })
        ).statusCode,
        bad,
      ).toBe(400);
    const editor = await t.loginAs('editor');
    const res = await t.inject({
      method: 'PUT',
      url: '/api/v1/cms/site/domains',
      cookie: editor,
      payload: { domains: ['x.localhost'] },
    });
    expect(res.statusCode).toBe(403);
  });

  it('once the default site has names of its own, an unknown host gets a page saying so', async () => {
    // before: a host nobody listed is the default site (a single-site installation)
    expect((await get('other.example', '/')).body).toContain('常德市环境保护局');
    const admin = await t.loginAs('admin');
    const put = await t.inject({
      method: 'PUT',
      url: '/api/v1/cms/site/domains',
      cookie: admin,
      payload: { domains: ['localhost', '127.0.0.1'] },
    });
    expect(put.statusCode).toBe(200);
    for (const url of ['/', '/channels/tzgg', '/articles/1', '/search?q=x', '/sitemap.xml']) {
      const res = await get('other.example', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('这个网址没有对应的网站');
      expect(res.body).toContain('No website answers at this address');
      expect(res.body).not.toContain('常德市环境保护局');
      expect(res.body).not.toContain('湘潭市生态环境局');
    }
    // the API and the console are the installation's, whatever the host
    expect((await get('other.example', '/api/v1/health')).statusCode).toBe(200);
    expect((await get(CD, '/')).body).toContain('常德市环境保护局');
    expect((await get(XT, '/')).body).toContain('湘潭市生态环境局');
  });
});

describe('behind a reverse proxy', () => {
  it('X-Forwarded-Host picks the site only from a proxy TRUST_PROXY names', async () => {
    const headers = { 'x-forwarded-host': XT };
    // this app trusts no proxy: the header is ignored
    expect((await get(CD, '/', headers)).body).toContain('常德市环境保护局');
    const proxied = await createTestApp({ demo: true, env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const from = (remoteAddress: string) =>
        proxied.inject({ method: 'GET', url: '/', headers: { host: CD, ...headers }, remoteAddress });
      expect((await from('127.0.0.1')).body).toContain('湘潭市生态环境局');
      // the same header from an address the proxy list does not name
      expect((await from('10.9.9.9')).body).toContain('常德市环境保护局');
    } finally {
      await proxied.close();
    }
  });
});
