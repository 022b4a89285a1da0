// The public portal rendered from the demo data on a real database: page types and their meta tags,
// the seed notice, search, feeds, the 404 page, preferences, the read beacon and the page cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_NOTICE } from '../demo/portal-seed-notice.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { cacheKey } from './page-cache.ts';

let t: TestApp;
let seedId = 0;
const get = (url: string, headers: Record<string, string> = {}) => t.inject({ method: 'GET', url, headers });
/** the page cache's key of `url` on the default site, no display preferences */
const defaultKey = async (url: string) => cacheKey((await t.app.portal.sites.current())!.id, url, undefined);
const meta = (body: string, name: string) =>
  new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(body)?.[1];

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  seedId = await t.seedNoticeId();
});
afterAll(() => t.close());

describe('page types', () => {
  it('home: latest items per channel, special columns, the new-media entry, site meta and footer', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(meta(res.body, 'SiteName')).toBe('常德市环境保护局');
    expect(meta(res.body, 'SiteIDCode')).toBe('4307000000');
    // the home page is no column: the site's tags only (no ColumnType outside the national list)
    expect(res.body).not.toContain('name="ColumnType"');
    expect(res.body).toContain('通知公告');
    expect(res.body).toContain('污染防治攻坚战');
    expect(res.body).toContain('/channels/xmtjz');
    expect(res.body).toContain('湘ICP备00000000号（演示）');
    expect(res.body).toContain('href="/admin/"'); // the staff entrance
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('never shows an empty article column; a data channel shows even without articles', async () => {
    const bureau = await t.database.db
      .selectFrom('portal_channels')
      .select('owner_unit_id')
      .where('code', '=', 'gzdt')
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await t.database.db
      .insertInto('portal_channels')
      .values({
        owner_unit_id: bureau.owner_unit_id,
        code: 'kong',
        name: '空栏目',
        name_en: 'Empty',
        kind: 'news',
        description: '',
        keywords: '',
        sort_order: 5,
        show_on_home: 1,
        data_page: null,
        is_demo: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    t.app.portal.cache.invalidate({ everything: true });
    const home = await get('/');
    expect(home.body).not.toContain('/channels/kong');
    expect((await get('/channels/kong')).statusCode).toBe(404);
    // 环境质量 holds no articles: it is a data page, in the bar and answering
    expect(home.body).toContain('href="/channels/hjzl"');
    expect(home.body).toContain('href="/channels/qyhjxx"');
    const hjzl = await get('/channels/hjzl');
    expect(hjzl.statusCode).toBe(200);
    expect(hjzl.body).toContain('href="/environment/air"');
    expect(hjzl.body).toContain('aria-current="page"');
    await t.database.db.deleteFrom('portal_channels').where('code', '=', 'kong').execute();
    t.app.portal.cache.invalidate({ everything: true });
  });

  it('channel: list with dates, ColumnName/ColumnType meta, feeds and paging', async () => {
    const res = await get('/channels/tzgg');
    expect(res.statusCode).toBe(200);
    expect(meta(res.body, 'ColumnName')).toBe('通知公告');
    expect(meta(res.body, 'ColumnType')).toBe('政务动态');
    expect(meta(res.body, 'ColumnDescription')).toBeTruthy();
    expect(res.body).toContain('2018-03-21');
    expect(res.body).toContain('/channels/tzgg/rss.xml');
    expect((await get('/channels/tzgg?page=9')).statusCode).toBe(404);
    expect((await get('/channels/tzgg?page=abc')).statusCode).toBe(404);
  });

  it('article: the seed notice as the model — number, issuer, time, reads, 字号, archive state, neighbours', async () => {
    const res = await get(`/articles/${seedId}`);
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(meta(b, 'ArticleTitle')).toBe(SEED_NOTICE.title);
    expect(meta(b, 'PubDate')).toBe('2018-03-21 16:30');
    expect(meta(b, 'ContentSource')).toBe('常德市环境保护局');
    expect(meta(b, 'Url')).toMatch(new RegExp(`/articles/${seedId}$`));
    for (const name of ['Keywords', 'Author', 'Description', 'Image'])
      expect(b).toContain(`<meta name="${name}"`);
    expect(b).toContain('常环发〔2018〕9号');
    expect(b).toContain('发布时间：<time datetime="2018-03-21T08:30:00.000Z">2018-03-21 16:30</time>');
    expect(b).toMatch(/阅读次数：<span id="read-count">\d+<\/span>/);
    expect(b).toContain('字号：【');
    expect(b).toMatch(/<button\s+type="submit"\s+name="fs"\s+value="l"[^>]*>\s*大\s*<\/button>/);
    expect(b).toContain('归档时间：2019-01-02');
    expect(b).toContain('已归档');
    expect(b).toContain('上一篇');
    expect(b).toContain('下一篇');
    expect(b).toContain('182****6317');
    expect(b).not.toContain('18216296317');
    expect(b).toContain(`/articles/${seedId}/print`);
  });

  it('print view: the content without bars, not indexed', async () => {
    const res = await get(`/articles/${seedId}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('print-view');
    expect(res.body).not.toContain('channel-bar');
    expect(res.body).toContain('noindex');
  });

  it('404: unknown pages, channels and article ids get the site frame, never JSON', async () => {
    for (const url of [
      '/no-such-page',
      '/articles/999999',
      '/articles/abc',
      '/articles/1e3',
      '/channels/nope',
      '/channels/nope/rss.xml',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('页面不存在');
      expect(meta(res.body, 'SiteName'), url).toBe('常德市环境保护局');
    }
    expect((await get('/api/v1/nope')).json().code).toBe('ROUTE_NOT_FOUND');
  });

  it('an unpublished (submitted) article is not on the portal', async () => {
    const draft = await t.database.db
      .selectFrom('portal_articles')
      .select('id')
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    expect((await get(`/articles/${draft.id}`)).statusCode).toBe(404);
    expect((await get('/search?q=六五环境日')).body).not.toContain('系列宣传活动的通知');
  });
});

describe('search', () => {
  it.each([
    ['环保', SEED_NOTICE.title],
    ['督察', '督察'],
    ['信息宣传', '信息宣传'],
    ['常德市环境保护局', '常德市环境保护局'],
  ])('finds %s with highlighted words', async (q, expected) => {
    const res = await get(`/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/共找到 \d+ 条结果/);
    expect(res.body).toContain(expected.slice(0, 4));
    expect(res.body).toContain('<mark>');
    expect(meta(res.body, 'ColumnName')).toBeUndefined(); // a search is not a column
  });

  it('pages the results', async () => {
    const res = await get('/search?q=%E5%B8%82&page=1');
    expect(res.statusCode).toBe(200);
    const many = await get('/search?q=' + encodeURIComponent('常德') + '&page=2');
    expect(many.statusCode).toBe(200);
  });

  it('is safe with any input: markup, SQL, FTS syntax, other scripts, huge input', async () => {
    for (const q of [
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '"环保" OR NEAR(a b) * ^ :',
      'الطاقة البيئية',
      '😀🌏',
      '\u202e\u200b',
      '%',
      '_',
      'a'.repeat(5000),
      '环'.repeat(3000),
    ]) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q.slice(0, 20)).toBe(q.length > 100 ? 400 : 200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).not.toContain('<script>alert(1)</script>');
    }
    expect((await get(`/search?q=${'x'.repeat(500)}`)).body).toContain('不能超过 100 个字');
  });
});

describe('feeds and sitemap', () => {
  it('RSS and Atom per channel, sitemap with every live article', async () => {
    const rss = await get('/channels/tzgg/rss.xml');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<rss version="2.0"');
    expect(rss.body).toContain(`/articles/${seedId}</link>`);
    const atom = await get('/channels/tzgg/atom.xml');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.body).toContain(`/articles/${seedId}</loc>`);
    // every public page: the data channels and the environment pages too
    for (const path of ['/channels/hjzl', '/environment/air', '/environment/water/', '/open-data'])
      expect(sitemap.body).toContain(`${path}`);
    expect((await get('/robots.txt')).body).toContain('Sitemap:');
  });
});

describe('preferences', () => {
  async function setPrefs(form: Record<string, string>, cookie = '') {
    const res = await t.inject({
      method: 'POST',
      url: '/portal/prefs',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      payload: new URLSearchParams(form).toString(),
    });
    expect(res.statusCode).toBe(303);
    const c = res.cookies.find((x) => x.name === 'gv_prefs')!;
    return { location: res.headers.location, cookie: `gv_prefs=${c.value}` };
  }

  it('English interface on request; content stays as authored', async () => {
    const { location, cookie } = await setPrefs({ lang: 'en', back: `/articles/${seedId}` });
    expect(location).toBe(`/articles/${seedId}`);
    const res = await get(`/articles/${seedId}`, { cookie });
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('Published');
    expect(res.body).toContain('Notices');
    expect(res.body).toContain(SEED_NOTICE.title);
  });

  it('large-type mode and the font size are remembered', async () => {
    const care = await setPrefs({ care: '1', back: '/' });
    const both = await setPrefs({ fs: 'l', back: '/' }, care.cookie);
    const res = await get(`/articles/${seedId}`, { cookie: both.cookie });
    expect(res.body).toContain('class="care fs-l"');
    expect(res.body).toMatch(/name="fs"\s+value="l"\s+aria-pressed="true"/);
  });

  it('never redirects off the site', async () => {
    for (const back of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])
      expect((await setPrefs({ lang: 'zh', back })).location).toBe('/');
  });
});

describe('read counts and the page cache', () => {
  const beacon = (id: number, ua: string, remoteAddress = '127.0.0.1') =>
    t.inject({
      method: 'POST',
      url: `/api/v1/portal/articles/${id}/reads`,
      headers: { 'user-agent': ua },
      payload: {},
      remoteAddress,
    });
  const count = async (id: number) =>
    (
      await t.database.db
        .selectFrom('portal_articles')
        .select('read_count')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).read_count;

  it('GET never counts; the POST beacon counts once per visitor per day', async () => {
    const before = await count(seedId);
    await get(`/articles/${seedId}`);
    await get(`/articles/${seedId}`);
    expect(await count(seedId)).toBe(before);
    const first = await beacon(seedId, 'visitor-a');
    expect(first.json()).toEqual({ counted: true, readCount: before + 1 });
    expect((await beacon(seedId, 'visitor-a')).json()).toEqual({ counted: false, readCount: before + 1 });
    expect((await beacon(seedId, 'visitor-b')).json().counted).toBe(true);
    expect(await count(seedId)).toBe(before + 2);
    expect((await beacon(999999, 'x')).statusCode).toBe(404);
  });

  it('serves cached bytes until a read-count flush empties exactly that article', async () => {
    const channelPage = await get('/channels/tzgg');
    const page1 = await get(`/articles/${seedId}`);
    expect(t.app.portal.cache.get(await defaultKey(`/articles/${seedId}`))).toBeTruthy();
    // a new visitor: another address (one address counts a few browsers at most, decision 066)
    await beacon(seedId, 'visitor-new', '10.50.0.1');
    expect((await get(`/articles/${seedId}`)).body).toBe(page1.body); // cached until the flush
    await t.app.portal.runtime.flushReads();
    const after = await get(`/articles/${seedId}`);
    expect(after.body).not.toBe(page1.body);
    expect(after.body).toContain(`<span id="read-count">${await count(seedId)}</span>`);
    // the channel page did not change and was not re-rendered
    expect(t.app.portal.cache.get(await defaultKey(`/channels/tzgg`))?.body.toString()).toBe(
      channelPage.body,
    );
  });

  it('sends gzip to browsers that accept it', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip, deflate' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toContain('Accept-Encoding');
  });

  it('publishing, archiving and channel edits show at once (the cache is emptied where they show)', async () => {
    const admin = await t.loginAs('admin');
    const editor = await t.loginAs('editor');
    const reviewer = await t.loginAs('reviewer');
    await get('/');
    await get('/channels/tzgg');
    await get('/sitemap.xml');
    const chId = (
      await t.database.db
        .selectFrom('portal_channels')
        .select('id')
        .where('code', '=', 'tzgg')
        .executeTakeFirstOrThrow()
    ).id;
    const created = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/cms/articles',
        cookie: editor,
        payload: { channelId: chId, title: '缓存失效测试公告', bodyHtml: '<p>新内容</p>' },
      })
    ).json();
    let v = created.version;
    for (const [cookie, action] of [
      [editor, 'submit'],
      [reviewer, 'review'],
      [admin, 'approve'],
      [editor, 'publish'],
    ] as const) {
      const r = await t.inject({
        method: 'POST',
        url: `/api/v1/cms/articles/${created.id}/transitions`,
        cookie,
        payload: { version: v, action },
      });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      v = r.json().version;
    }
    expect((await get('/')).body).toContain('缓存失效测试公告');
    expect((await get('/channels/tzgg')).body).toContain('缓存失效测试公告');
    expect((await get('/sitemap.xml')).body).toContain(`/articles/${created.id}</loc>`);
    expect((await get(`/search?q=${encodeURIComponent('缓存失效')}`)).body).toContain(
      '<mark>缓存</mark><mark>失效</mark>测试公告',
    );
    await t.inject({
      method: 'POST',
      url: `/api/v1/cms/articles/${created.id}/transitions`,
      cookie: editor,
      payload: { version: v, action: 'archive' },
    });
    expect((await get(`/articles/${created.id}`)).body).toContain('is-archived');
    const ch = (await t.inject({ method: 'GET', url: '/api/v1/cms/channels', cookie: admin }))
      .json()
      .find((x: { id: number }) => x.id === chId);
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/cms/channels/${chId}`,
      cookie: admin,
      payload: { version: ch.version, name: '通知与公告' },
    });
    expect((await get(`/articles/${seedId}`)).body).toContain('通知与公告');
  });

  it('learns changes made by another app server from the change feed', async () => {
    await get('/channels/gzdt');
    expect(t.app.portal.cache.get(await defaultKey('/channels/gzdt'))).toBeTruthy();
    await t.app.portal.runtime.poll(); // first poll: remembers where the feed stands
    const ch = await t.database.db
      .selectFrom('portal_channels')
      .select('id')
      .where('code', '=', 'gzdt')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('portal_changes')
      .values({
        article_id: null,
        channel_id: ch.id,
        everything: 0,
        topic: null,
        at: new Date().toISOString(),
      })
      .execute();
    await t.app.portal.runtime.poll();
    expect(t.app.portal.cache.get(await defaultKey('/channels/gzdt'))).toBeUndefined();
  });
});

describe('over HTTP: the fast lane before Fastify', () => {
  it('answers misses and hits with the same bytes and security headers as Fastify', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    t.app.portal.cache.clear();
    const viaFastify = await t.inject({ method: 'GET', url: '/channels/zcfg', headers: { host: 'x' } });
    t.app.portal.cache.clear();
    const miss = await fetch(`${base}/channels/zcfg`);
    const hit = await fetch(`${base}/channels/zcfg`);
    for (const res of [miss, hit]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(viaFastify.headers['content-security-policy']);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    const [a, b] = [await miss.text(), await hit.text()];
    expect(a).toBe(b);
    expect(a).toContain('政策法规');
    // not found and bad methods still reach Fastify
    expect((await fetch(`${base}/articles/999999`)).status).toBe(404);
    expect((await fetch(`${base}/channels/zcfg`, { method: 'POST' })).status).toBe(404);
    const head = await fetch(`${base}/channels/zcfg`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('bad input on public addresses', () => {
  it('any path segment, query or cookie gets a page or a 404 — never a 5xx, never reflected markup', async () => {
    const fc = await import('fast-check');
    const probe = '<svg onload=alert(1)>';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/channels/',
          '/articles/',
          '/search?q=',
          '/channels/tzgg?page=',
          '/articles/1/',
          '/x/',
        ),
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constant(probe)),
        fc.string({ maxLength: 40 }),
        async (prefix, raw, cookie) => {
          const res = await t.inject({
            method: 'GET',
            url: prefix + encodeURIComponent(raw),
            headers: { cookie: `gv_prefs=${encodeURIComponent(cookie)}` },
          });
          expect([200, 400, 404]).toContain(res.statusCode);
          expect(res.body).not.toContain(probe);
        },
      ),
      { numRuns: 150 },
    );
  });
});
