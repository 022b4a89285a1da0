// The portal's search as a bureau's visitors use it (decision 110), on the demo data: document
// numbers however typed, index numbers, issuing bodies, enterprises, stations and sections, sorting
// and filters; and its form's friendly errors (decision 112).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsText } from '../db/expressions.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let seedId = 0;
const search = (qs: Record<string, string>, headers: Record<string, string> = {}) =>
  t.inject({ method: 'GET', url: `/search?${new URLSearchParams(qs).toString()}`, headers });
const articleIds = (body: string) =>
  [...body.matchAll(/<h3>\s*<a href="\/articles\/(\d+)"/g)].map((m) => Number(m[1]));

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  seedId = await t.seedNoticeId();
});
afterAll(() => t.close());

describe('document and index numbers', () => {
  it.each([
    '常环发〔2018〕9号',
    '常环发[2018]9号',
    '常环发【2018】9号',
    '常环发(2018)9号',
    '常环发 〔2018〕 9 号',
    '〔2018〕9号',
  ])('%s finds the seed notice first', async (q) => {
    const res = await search({ q });
    expect(res.statusCode).toBe(200);
    expect(articleIds(res.body)[0]).toBe(seedId);
  });

  it('"9号" finds number 9 and not 19 or 15', async () => {
    const res = await search({ q: '9号' });
    const ids = articleIds(res.body);
    expect(ids).toContain(seedId);
    expect(res.body).not.toContain('常环发〔2018〕15号');
  });

  it('an index number, as typed with spaces', async () => {
    const res = await search({ q: ' 4307000000 / 2018-00012 ' });
    expect(res.body).toContain('政府信息公开工作年度报告');
  });

  it('the issuing body', async () => {
    const res = await search({ q: '宣传教育科' });
    expect(res.body).toContain('环保创意大赛');
  });
});

describe('words', () => {
  it('spaced words and the same words run together ask the same', async () => {
    const a = articleIds((await search({ q: '环保 督察' })).body);
    const b = articleIds((await search({ q: '环保督察' })).body);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('a single character finds exactly the pages holding it', async () => {
    const hits = (await search({ q: '湖' })).body;
    expect(hits).toContain('柳叶湖');
    const rows = await t.database.db
      .selectFrom('portal_articles')
      .select('id')
      .where('status', '=', 'published')
      .where((eb) => eb.or([containsText('title', '湖'), containsText('body_text', '湖')]))
      .execute();
    expect(Number(/共找到 (\d+) 条结果/.exec(hits)?.[1])).toBe(rows.length);
  });
});

describe('enterprises, stations and sections', () => {
  it.each([
    ['name', '沅澧化工'],
    ['industry', '造纸'],
    ['permit number', '914307007607844377001P'], // HJ 608-2017: credit code + 001 + P
    ['county and industry', '鼎城区 化学'],
  ])('finds an enterprise by %s', async (_by, q) => {
    const res = await search({ q });
    expect(res.body).toContain('重点排污单位');
    expect(res.body).toMatch(/href="\/environment\/enterprises\/\d+"/);
  });

  it('finds a station and a section', async () => {
    expect((await search({ q: '澧县环保局' })).body).toMatch(/href="\/environment\/air\/\d+"/);
    expect((await search({ q: '西毛里湖' })).body).toMatch(/href="\/environment\/water\/\d+"/);
  });
});

describe('sorting and filters', () => {
  it('by date: newest first; by channel; by publication date', async () => {
    const byDate = await search({ q: '环境', sort: 'date' });
    const dates = [...byDate.body.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    const inChannel = await search({ q: '环境', channel: 'tzgg' });
    expect(inChannel.body).toContain('通知公告');
    expect(inChannel.body).not.toContain('href="/articles/' + '0');
    const march = await search({ q: '环境', from: '2018-03-01', to: '2018-03-31' });
    const marchDates = [...march.body.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]!);
    expect(marchDates.every((d) => d >= '2018-02-28T16:00' && d < '2018-03-31T16:00')).toBe(true);
  });
});

describe('friendly errors beside the form', () => {
  it.each([
    ['page=abc', { q: '环保', page: 'abc' }, '页码应为', 'page'],
    ['a 5,000-character query', { q: 'x'.repeat(5000) }, '不能超过 100 个字', 'q'],
    ['a reversed range', { q: '环保', from: '2018-06-01', to: '2018-03-01' }, '开始日期晚于结束日期', 'from'],
    ['no such day', { q: '环保', from: '2018-02-30' }, '日期应为', 'from'],
    ['an unknown channel', { q: '环保', channel: 'nope' }, '请从列表中选择', 'channel'],
    ['markup as the order', { q: '环保', sort: '<b>x</b>' }, '请从列表中选择', 'sort'],
  ])('%s', async (_name, qs, message, field) => {
    const res = await search(qs);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain(message);
    expect(res.body).toContain(`id="sq-${field}-error"`);
    if (field !== 'page') expect(res.body).toContain(`aria-describedby="sq-${field}-error"`);
    expect(res.body).not.toContain('<b>x</b>');
  });

  it('in English for an English visitor; a cleared field is no error', async () => {
    const en = await search({ q: '环保', page: 'abc' }, { cookie: 'gv_prefs=en.0.m' });
    expect(en.body).toContain('The page must be a whole number');
    const cleared = await search({ q: '环保', from: '', to: '', channel: '' });
    expect(cleared.statusCode).toBe(200);
  });
});
