// The monthly monitoring bulletin (监测通报, decision 187) on the demo data, on a real database: drafted
// from a month's real runs of the checks (the demo's stale home page and silent accounts), a Word file in
// the GB/T 9704 layout, signed off by leadership (never by its drafter) with the number taken then,
// published to the units named — each told its own findings — and its public summary on the portal.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMediaDemo } from '../../demo/media-demo.ts';
import { bureauDocPrefix } from '../bulletins/office.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let day = '2026-11-10';
const c: Record<string, string> = {};
const url = '/api/v1/inspection/bulletins';

const post = (path: string, cookie: string, payload: object) =>
  t.inject({ method: 'POST', url: path, cookie, payload });

beforeAll(async () => {
  t = await createTestApp({ demo: true, services: { today: () => day } });
  await seedMediaDemo(t.database.db, {
    facts: t.services.mediaFacts,
    scores: t.services.handOff,
    today: () => day,
  });
  for (const name of ['admin', 'leader', 'officer.wl', 'editor'] as const) c[name] = await t.loginAs(name);
  // two runs in November, one in December
  for (const d of ['2026-11-10', '2026-11-24', '2026-12-01']) {
    day = d;
    expect((await post('/api/v1/inspection/runs', c.admin!, {})).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

const documentXml = async (id: number, cookie: string) => {
  const res = await t.inject({ method: 'GET', url: `${url}/${id}/file.docx`, cookie });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  return (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
};
const text = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('the monthly monitoring bulletin', () => {
  let id = 0;
  let version = 0;

  it('is drafted from the month’s runs: the stale home page first, the silent accounts per unit', async () => {
    const res = await post(url, c.admin!, { month: '2026-11' });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    ({ id, version } = b);
    expect(b).toMatchObject({ month: '2026-11', status: 'draft', docNumber: null, runs: 2 });
    expect(b.vetoes).toBeGreaterThan(0);
    expect(b.title).toBe('关于2026年11月全市政府网站与政务新媒体监测情况的通报');
    expect(b.body).toContain('开展了 2 次自动监测');
    expect(b.body).toMatch(/二、单项否决问题\n（一）[^\n]*首页超过2周未更新/);
    expect(b.publicSummary).toContain('2026年11月');
  });

  it('refuses a second draft of the month, a month without checks and a month to come', async () => {
    expect((await post(url, c.admin!, { month: '2026-11' })).statusCode).toBe(409);
    const none = await post(url, c.admin!, { month: '2026-10' });
    expect(none.statusCode).toBe(422);
    expect(none.json().message).toContain('没有检查记录');
    expect((await post(url, c.admin!, { month: '2027-01' })).statusCode).toBe(422);
    expect((await post(url, c.admin!, { month: '2026-13' })).statusCode).toBe(400);
    expect((await post(url, c.leader!, { month: '2026-12' })).statusCode).toBe(403);
  });

  it('the draft’s Word file is an official document with the number still to come', async () => {
    const xml = await documentXml(id, c.admin!);
    const words = text(xml);
    expect(words).toContain('（文号待批准后编发）');
    expect(words).toContain('关于2026年11月全市政府网站与政务新媒体监测情况的通报');
    expect(words).toContain('监测问题清单');
    expect(words).toContain('抄送：市政府办公室，省生态环境厅信息中心');
    expect(xml).toContain('w:color w:val="E60012"'); // the red issuing-body mark
    expect(xml).toMatch(/仿宋_GB2312/);
    // single-veto items come first in the list
    const first = words.indexOf('单项否决', words.indexOf('监测问题清单'));
    const deduction = words.indexOf('扣分', words.indexOf('监测问题清单') + 20);
    expect(first).toBeGreaterThan(0);
    expect(deduction === -1 || first < deduction).toBe(true);
  });

  it('leadership signs it off, never its drafter; the number is taken then', async () => {
    const edited = await t.inject({
      method: 'PATCH',
      url: `${url}/${id}`,
      cookie: c.admin,
      payload: {
        version,
        copyTo: '市政府办公室',
        publicSummary: '11月自查发现首页更新不及时等问题，已通报整改。',
      },
    });
    expect(edited.statusCode).toBe(200);
    version = edited.json().version;
    expect((await post(`${url}/${id}/approve`, c.leader!, { version })).statusCode).toBe(422); // not submitted
    const sent = await post(`${url}/${id}/submit`, c.admin!, { version });
    expect(sent.statusCode).toBe(200);
    version = sent.json().version;
    expect((await post(`${url}/${id}/approve`, c.admin!, { version })).statusCode).toBe(403);
    expect((await post(`${url}/${id}/approve`, c.leader!, { version: version + 1 })).statusCode).toBe(409);
    // an officer cannot even see a bulletin before it is published
    expect((await t.inject({ method: 'GET', url: `${url}/${id}`, cookie: c['officer.wl'] })).statusCode).toBe(
      403,
    );
    expect((await t.inject({ method: 'GET', url: `${url}/${id}`, cookie: c.editor })).statusCode).toBe(404);
    const ok = await post(`${url}/${id}/approve`, c.leader!, { version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: expect.any(String) });
    // no 2026 plan: the office of the bureau's latest plan (2018: 常环宣) issues it
    expect(ok.json().docNumber).toBe('常环宣监〔2026〕1号');
    version = ok.json().version;
    const words = text(await documentXml(id, c.leader!));
    expect(words).toContain(ok.json().docNumber);
    expect(words).toContain('抄送：市政府办公室');
  });

  it('is not on the portal until published; published, each unit is told its findings and the summary is public', async () => {
    const portal = async () => (await t.inject({ method: 'GET', url: '/monitoring-bulletins' })).body;
    expect(await portal()).not.toContain('11月自查发现');
    const before = (
      await t.inject({ method: 'GET', url: '/api/v1/notifications?pageSize=100', cookie: c['officer.wl'] })
    ).json().items.length;
    const pub = await post(`${url}/${id}/publish`, c.admin!, { version });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().status).toBe('published');
    const inbox = (
      await t.inject({ method: 'GET', url: '/api/v1/notifications?pageSize=100', cookie: c['officer.wl'] })
    ).json().items as { kind: string; title: { zh: string } }[];
    expect(inbox.length).toBe(before + 1);
    const told = inbox.find((n) => n.kind === 'inspection.bulletin')!;
    expect(told.title.zh).toMatch(/监测通报 .*监〔2026〕1号：本单位 \d+ 项问题/);
    const html = await portal();
    expect(html).toContain('11月自查发现首页更新不及时等问题，已通报整改。');
    expect(html).toContain('<meta name="ColumnName" content="监测通报"');
    // the editor (inspection:read, no bulletin rights) now sees it too
    expect((await t.inject({ method: 'GET', url: `${url}/${id}`, cookie: c.editor })).statusCode).toBe(200);
    const log = await t.inject({
      method: 'GET',
      url: '/api/v1/audit?action=inspectionBulletin.approve&pageSize=10',
      cookie: await t.loginAs('auditor'),
    });
    expect(log.json().total).toBe(1);
  });

  it('the trend gives each month’s end: November and December', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/inspection/trend', cookie: c.leader });
    expect(res.statusCode).toBe(200);
    const months = res.json().months as { month: string; runs: number; vetoed: boolean }[];
    expect(months.map((m) => [m.month, m.runs])).toEqual([
      ['2026-11', 2],
      ['2026-12', 1],
    ]);
    expect(months.every((m) => m.vetoed)).toBe(true);
  });

  it('a bureau with no plan at all issues under a mark made from its name, never a bare 通报', () => {
    expect(bureauDocPrefix('常德市环境保护局')).toBe('常环');
    expect(bureauDocPrefix('益阳市生态环境局')).toBe('益环');
    expect(bureauDocPrefix('湘西土家族苗族自治州生态环境局')).toBe('湘环');
    expect(bureauDocPrefix('汉寿县农业农村局')).toBe('汉农');
  });
});
