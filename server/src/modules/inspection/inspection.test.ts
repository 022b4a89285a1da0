// The self-inspection on the demo data, on a real database, reading the real portal in-process (decision
// 174): the demo's newest home item is of 2018, so the home page and columns are stale; the demo's silent
// accounts are found; every internal link the portal shows works; alerts go once per finding and again
// only after the interval; a run that cannot read the portal is "could not check", never a pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMediaDemo } from '../../demo/media-demo.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let day = '2026-12-01';
const c: Record<string, string> = {};
const run = (cookie: string) =>
  t.inject({ method: 'POST', url: '/api/v1/inspection/runs', cookie, payload: {} });
const detail = async (id: number) =>
  (await t.inject({ method: 'GET', url: `/api/v1/inspection/runs/${id}`, cookie: c.admin })).json();
const inbox = async (cookie: string) =>
  (await t.inject({ method: 'GET', url: '/api/v1/notifications?pageSize=100', cookie })).json() as {
    items: { kind: string; title: string }[];
    total: number;
  };
const inspectionNotices = async (cookie: string) =>
  (await inbox(cookie)).items.filter((n) => n.kind.startsWith('inspection.'));

beforeAll(async () => {
  t = await createTestApp({ demo: true, services: { today: () => day } });
  await seedMediaDemo(t.database.db, {
    facts: t.services.mediaFacts,
    scores: t.services.handOff,
    today: () => day,
  });
  for (const name of ['admin', 'leader', 'officer.wl', 'editor', 'auditor', 'admin.xt'] as const)
    c[name] = await t.loginAs(name);
});
afterAll(() => t.close());
const unitId = async (code: string) =>
  (await t.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;

describe('the site and new-media self-inspection', () => {
  let first = 0;

  it('finds the stale home page and columns of the demo, and fails the site on them', async () => {
    const res = await run(c.admin!);
    expect(res.statusCode).toBe(201);
    first = res.json().id;
    const r = await detail(first);
    expect(r).toMatchObject({ state: 'done', trigger: 'manual', checkedOn: '2026-12-01' });
    expect(r.site).toMatchObject({ vetoed: true, passed: false });
    const codes = r.findings.map((f: { code: string }) => f.code);
    expect(codes).toContain('homeStale');
    expect(codes.some((x: string) => x === 'columnsStale' || x === 'noticeColumnStale')).toBe(true);
    const home = r.findings.find((f: { code: string }) => f.code === 'homeStale');
    expect(home.evidence.zh).toMatch(/首页最新信息发布于 2018-/);
    // single-veto items first
    const firstDeduction = r.findings.findIndex((f: { veto: boolean }) => !f.veto);
    expect(r.findings.slice(firstDeduction).every((f: { veto: boolean }) => !f.veto)).toBe(true);
  });

  it('reads every page of the sitemap and follows every internal link: the portal has none broken', async () => {
    const r = await detail(first);
    const broken = r.findings.filter((f: { code: string }) => f.code === 'brokenLink');
    expect(broken.map((f: { evidence: { en: string } }) => f.evidence.en)).toEqual([]);
    expect(r.findings.filter((f: { code: string }) => f.code === 'siteUnreachable')).toEqual([]);
    // the demo's sitemap lists dozens of pages (channels, articles, environment, services …)
    expect(r.pagesChecked).toBeGreaterThan(30);
    expect(r.linksChecked).toBeGreaterThan(r.pagesChecked);
    const meta = r.findings.filter((f: { code: string }) => f.code === 'metaMissing');
    expect(meta.map((f: { evidence: { en: string } }) => f.evidence.en)).toEqual([]);
  });

  it('finds the demo’s silent accounts and tells their unit and the information centre', async () => {
    const r = await detail(first);
    const silent = r.findings.filter((f: { code: string }) => f.code === 'accountSilent');
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.every((f: { unitId: number | null }) => f.unitId !== null)).toBe(true);
    const mine = await inspectionNotices(c['officer.wl']!);
    expect(mine.map((n) => n.kind)).toEqual(expect.arrayContaining(['inspection.accountSilent']));
    expect(mine.some((n) => n.kind === 'inspection.homeStale')).toBe(false);
    const centre = await inspectionNotices(c.admin!);
    expect(centre.some((n) => n.kind === 'inspection.homeStale')).toBe(true);
    expect(centre.some((n) => n.kind === 'inspection.accountSilent')).toBe(true);
  });

  it('tells each finding once; a lasting one again only after the interval', async () => {
    const before = (await inspectionNotices(c.admin!)).length;
    expect((await run(c.admin!)).statusCode).toBe(201);
    expect((await inspectionNotices(c.admin!)).length).toBe(before);
    day = '2026-12-08';
    expect((await run(c.admin!)).statusCode).toBe(201);
    expect((await inspectionNotices(c.admin!)).length).toBeGreaterThan(before);
  });

  it('findings about a unit’s account the plan deducts for are its facts, once each, explained down to the finding', async () => {
    const plan = await t.inject({
      method: 'POST',
      url: '/api/v1/assessment/plans',
      cookie: c.admin,
      payload: { year: 2026, title: '2026年度环境信息宣传工作考核方案' },
    });
    expect(plan.statusCode).toBe(201);
    const found = (await detail(first)).findings.find(
      (f: { code: string }) => f.code === 'accountNoInteraction',
    );
    expect(found.unitId).toEqual(expect.any(Number));
    const why = await t.inject({
      url: `/api/v1/assessment/plans/${plan.json().id}/units/${found.unitId}/score?period=month&index=12`,
      cookie: c.admin,
    });
    expect(why.statusCode).toBe(200);
    const lines = why
      .json()
      .blocks.flatMap((b: { items: { code: string; lines: unknown[] }[] }) =>
        b.items.filter((i) => i.code === 'C5').flatMap((i) => i.lines),
      ) as { kind: string; points: number; factId: string; factTitle: string; zh: string }[];
    // three runs (12-01, again 12-01, 12-08): the finding stands throughout, so it deducts once
    const mine = lines.filter((l) => l.kind === 'finding' && l.zh.includes('无互动功能'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ points: -1, factId: expect.stringMatching(/^inspectionFinding:\d+$/) });
    expect(mine[0]!.zh).toContain(found.evidence.zh);
    expect(mine[0]!.factTitle).toBe(`2026-12-01 网站与新媒体检查：${found.evidence.zh}`);
    // the silent account is C4's (the matrix's own spell facts), never C5's
    expect(lines.some((l) => l.zh.includes('未更新（僵尸号）'))).toBe(false);
    // the console opens the finding's run from there
    const run = await t.inject({
      url: `/api/v1/inspection/findings/${mine[0]!.factId.split(':')[1]}/run`,
      cookie: c.admin,
    });
    expect(run.json()).toEqual({ runId: first });
  });

  it('a recorded security incident is a single-veto finding of the next run, audited', async () => {
    const set = await t.inject({
      method: 'PUT',
      url: '/api/v1/inspection/settings',
      cookie: c.admin,
      payload: { repeatAlertDays: 7, securityIncident: '首页被篡改，已恢复' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      securityIncident: '首页被篡改，已恢复',
      securityIncidentOn: '2026-12-08',
    });
    const r = await detail((await run(c.admin!)).json().id);
    expect(r.findings.find((f: { code: string }) => f.code === 'securityIncident').evidence.zh).toContain(
      '首页被篡改',
    );
    for (const action of ['inspection.settings', 'inspection.run']) {
      const log = await t.inject({
        method: 'GET',
        url: `/api/v1/audit?action=${action}&pageSize=100`,
        cookie: c.auditor,
      });
      expect(log.json().total).toBeGreaterThan(0);
    }
  });

  it('every city’s website is checked on its own host, and each city reads only its own runs (decision 206)', async () => {
    const ids = await t.services.inspection.runAll({
      actor: null,
      requestId: 'test:night',
      clientIp: 'scheduler',
      userAgent: 'scheduler',
      audited: false,
    });
    expect(ids).toHaveLength(2);
    const runs = await t.database.db
      .selectFrom('inspection_runs as r')
      .innerJoin('units as u', 'u.id', 'r.bureau_unit_id')
      .where('r.id', 'in', ids)
      .select(['r.id', 'u.code', 'r.state', 'r.pages_checked', 'r.trigger'])
      .orderBy('r.id')
      .execute();
    expect(runs.map((r) => [r.code, r.state, r.trigger])).toEqual([
      ['CDHB', 'done', 'schedule'],
      ['XTHB', 'done', 'schedule'],
    ]);
    const [cd, xt] = [runs[0]!, runs[1]!];
    // Xiangtan's run read Xiangtan's small site on its own host, not Changde's (whose sitemap is longer)
    expect(xt.pages_checked).toBeGreaterThan(3);
    expect(xt.pages_checked).toBeLessThan(cd.pages_checked);
    const mine = (
      await t.inject({ method: 'GET', url: `/api/v1/inspection/runs/${xt.id}`, cookie: c['admin.xt'] })
    ).json();
    expect(mine.findings.filter((f: { code: string }) => f.code === 'siteUnreachable')).toEqual([]);
    expect(mine.findings.filter((f: { code: string }) => f.code === 'brokenLink')).toEqual([]);
    // a city reads its own runs only; the other city's run is not found
    const list = (
      await t.inject({ method: 'GET', url: '/api/v1/inspection/runs?pageSize=100', cookie: c['admin.xt'] })
    ).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([xt.id]);
    const other = await t.inject({ method: 'GET', url: `/api/v1/inspection/runs/${xt.id}`, cookie: c.admin });
    expect(other.statusCode).toBe(404);
    // Xiangtan's information centre runs its own check by hand
    const manual = await run(c['admin.xt']!);
    expect(manual.statusCode).toBe(201);
    const m = await t.database.db
      .selectFrom('inspection_runs')
      .where('id', '=', manual.json().id)
      .select(['bureau_unit_id', 'state'])
      .executeTakeFirstOrThrow();
    expect(m).toEqual({ bureau_unit_id: await unitId('XTHB'), state: 'done' });
  });

  it('a run that cannot read the portal is stored as could-not-check, never as a pass', async () => {
    t.services.inspection.attachPortal(async () => {
      throw new Error('portal unreachable');
    });
    const r = await detail((await run(c.admin!)).json().id);
    expect(r).toMatchObject({ state: 'failed', error: expect.stringContaining('portal unreachable') });
    expect(r.site.passed).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('leadership and editors read the runs; only the information centre runs them; officers see nothing', async () => {
    for (const who of ['leader', 'editor'] as const) {
      const list = await t.inject({ method: 'GET', url: '/api/v1/inspection/runs', cookie: c[who] });
      expect(list.statusCode).toBe(200);
      expect(list.json().total).toBe(6); // five by hand, one of the night's
      expect((await run(c[who]!)).statusCode).toBe(403);
    }
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/inspection/runs', cookie: c['officer.wl'] })).statusCode,
    ).toBe(403);
  });

  it('two clicks at once start one run; the other is told it is running', async () => {
    // a portal that takes its time, as a real site of hundreds of pages does
    t.services.inspection.attachPortal(async () => {
      await new Promise((r) => setTimeout(r, 50));
      return { status: 200, body: '', contentType: 'text/html' };
    });
    const both = await Promise.all([run(c.admin!), run(c.admin!)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().messageEn).toMatch(/already running/);
  });
});
