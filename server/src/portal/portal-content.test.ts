// The government-site parts of the portal on the demo data (decisions 111, 114): 政府信息公开 (front
// page, guide, catalogue by category), the disclosure block's rows, the footer's marks and links, its
// statement and contact pages, and the meta tags of content pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_NOTICE } from '../demo/portal-seed-notice.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let seedId = 0;
const get = (url: string, headers: Record<string, string> = {}) => t.inject({ method: 'GET', url, headers });
const meta = (body: string, name: string) =>
  new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(body)?.[1];
const rows = (body: string) =>
  [
    ...(/<dl class="disclosure"[^>]*>([\s\S]*?)<\/dl>/.exec(body)?.[1] ?? '').matchAll(
      /<dt>([^<]+)<\/dt>\s*<dd[^>]*>([^<]*)<\/dd>/g,
    ),
  ].map((m) => [m[1], m[2]!.trim()]);

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  seedId = await t.seedNoticeId();
});
afterAll(() => t.close());

describe('政府信息公开', () => {
  it('is one click from the home page, with the guide, the catalogue and the annual reports', async () => {
    const home = await get('/');
    for (const href of ['/xxgk/guide', '/xxgk/catalogue', '/services', '/xxgk'])
      expect(home.body).toContain(`href="${href}"`);
    const hub = await get('/xxgk');
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toContain('href="/channels/xxgknb"');
    const annual = await get('/channels/xxgknb');
    expect(annual.body).toContain('2017年政府信息公开工作年度报告');
  });

  it('the guide names the office from the site settings and the time limits of the regulation', async () => {
    const res = await get('/xxgk/guide');
    expect(res.body).toContain('政府信息公开指南');
    expect(res.body).toContain('20个工作日');
    expect(res.body).toContain('7个工作日');
    expect(res.body).toContain('415000');
    expect(meta(res.body, 'ColumnType')).toBe('信息公开目录');
  });

  it('the catalogue by category, each row with index number, body, date, method and validity', async () => {
    const all = await get('/xxgk/catalogue');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('4307000000/2018-00031');
    expect(all.body).toContain('行政许可 (1)');
    const lic = await get('/xxgk/catalogue?category=licensing');
    expect(lic.body).toContain('环境影响报告书的批复');
    expect(lic.body).toContain('主动公开');
    expect(lic.body).toContain('有效');
    expect(lic.body).not.toContain('行政处罚决定书');
    const bad = await get('/xxgk/catalogue?category=%3Cb%3Ex');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请从列表中选择');
    expect(bad.body).not.toContain('<b>x');
    expect((await get('/xxgk/catalogue?page=abc')).statusCode).toBe(400);
    expect((await get('/xxgk/catalogue?page=99')).statusCode).toBe(400);
  });
});

describe('the disclosure block', () => {
  it('shows the regulation’s rows that have a value, in order, and no empty row', async () => {
    const res = await get(`/articles/${seedId}`);
    expect(rows(res.body)).toEqual([
      ['索引号', '4307000000/2018-00009'],
      ['公开目录', '规划计划'],
      ['发布机构', SEED_NOTICE.issuer],
      ['文号', '常环发〔2018〕9号'],
      ['成文日期', '2018-03-20'],
      ['发布日期', '2018-03-21'],
      ['公开方式', '主动公开'],
      ['有效性', '有效'],
    ]);
    const law = await t.database.db
      .selectFrom('portal_articles')
      .select('id')
      .where('title', '=', '中华人民共和国环境保护法')
      .executeTakeFirstOrThrow();
    const lawRows = rows((await get(`/articles/${law.id}`)).body);
    expect(lawRows.map(([k]) => k)).not.toContain('索引号'); // it has none: no empty row
    expect(lawRows.every(([, value]) => value !== '')).toBe(true);
    const en = rows((await get(`/articles/${seedId}`, { cookie: 'gv_prefs=en.0.m' })).body);
    expect(en[0]).toEqual(['Index No.', '4307000000/2018-00009']);
    expect(en).toContainEqual(['Disclosure', 'Proactive']);
  });
});

describe('footer and meta tags', () => {
  it('the government-site footer: mark, find-an-error, statement, contact, filing numbers as links, site code', async () => {
    const res = await get('/');
    expect(res.body).toContain('https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4307000000');
    expect(res.body).toContain('href="/about/statement"');
    expect(res.body).toContain('href="/about/contact"');
    expect(res.body).toContain('href="https://beian.miit.gov.cn/"');
    expect(res.body).toContain(
      'https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=43070000000000',
    );
    expect(res.body).toContain('网站标识码');
    expect((await get('/about/statement')).body).toContain('网站声明');
    expect((await get('/about/contact')).body).toContain('415000');
  });

  it('the mark and the find-an-error address follow the site settings', async () => {
    const admin = await t.loginAs('admin');
    const site = (await t.inject({ method: 'GET', url: '/api/v1/cms/site', cookie: admin })).json();
    const bad = await t.inject({
      method: 'PUT',
      url: '/api/v1/cms/site',
      cookie: admin,
      payload: { ...site, govMarkImage: 'https://evil.example/x.png' },
    });
    expect(bad.statusCode).toBe(400);
    const put = await t.inject({
      method: 'PUT',
      url: '/api/v1/cms/site',
      cookie: admin,
      payload: {
        ...site,
        govMarkImage: 'https://dcs.conac.cn/image/red.png',
        govMarkLink: 'https://bszs.conac.cn/sitename?method=show&id=DEMO',
        errorReportUrl: 'https://example.gov.cn/jiucuo',
        statement: '第一段。\n\n第二段。',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const home = await get('/');
    expect(home.body).toContain('src="https://dcs.conac.cn/image/red.png"');
    expect(home.body).toContain('href="https://bszs.conac.cn/sitename?method=show&amp;id=DEMO"');
    expect(home.body).toContain('href="https://example.gov.cn/jiucuo"');
    expect(home.headers['content-security-policy']).toContain('https://dcs.conac.cn');
    expect((await get('/about/statement')).body).toContain('<p>第二段。</p>');
  });

  it('content pages: Keywords from the article, Description on one line, ColumnType from the national list', async () => {
    const res = await get(`/articles/${seedId}`);
    expect(meta(res.body, 'ArticleTitle')).toBe(SEED_NOTICE.title);
    expect(meta(res.body, 'PubDate')).toBe('2018-03-21 16:30');
    expect(meta(res.body, 'Keywords')).toMatch(/^[^,]{2,}(,[^,]{2,}){1,4}$/);
    expect(meta(res.body, 'Description')).not.toMatch(/[\n\r\t]|\s{2}/);
    expect(meta(res.body, 'ColumnType')).toBe('政务动态');
  });
});

describe('the home page’s channel panels', () => {
  it('each holds its channel’s seven newest live articles, newest first', async () => {
    const home = (await get('/')).body;
    const panels = [
      ...home.matchAll(/<section class="panel" aria-labelledby="h-([a-z0-9]+)">([\s\S]*?)<\/section>/g),
    ];
    expect(panels.length).toBeGreaterThan(2);
    const now = new Date().toISOString();
    // the demo has a second city whose channels have the same codes: the default site is the seed's
    const site = await t.database.db
      .selectFrom('portal_articles')
      .where('id', '=', seedId)
      .select('owner_unit_id')
      .executeTakeFirstOrThrow();
    for (const [, code, panel] of panels) {
      const expected = await t.database.db
        .selectFrom('portal_articles as a')
        .innerJoin('portal_channels as c', 'c.id', 'a.channel_id')
        .where('c.code', '=', code!)
        .where('c.owner_unit_id', '=', site.owner_unit_id)
        .where('a.status', '=', 'published')
        .where('a.publish_at', '<=', now)
        .select('a.id')
        .orderBy('a.publish_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(7)
        .execute();
      const shown = [...panel!.matchAll(/href="\/articles\/(\d+)"/g)].map((m) => Number(m[1]));
      expect(shown, code).toEqual(expected.map((r) => r.id));
    }
  });
});
