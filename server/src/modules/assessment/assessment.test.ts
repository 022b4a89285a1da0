import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_2018 } from '@greenvoice/common';
import { insertFacts } from '../../test/assessment-facts.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { ScoringService } from './scoring.service.ts';

let t: TestApp;
let admin: string;
let leader: string;
let officer: string;
let auditor: string;
let scoring: ScoringService;
let planId: number;
const unit: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  [admin, leader, officer, auditor] = await Promise.all([
    t.loginAs('admin'),
    t.loginAs('leader'),
    t.loginAs('officer.wl'),
    t.loginAs('auditor'),
  ]);
  for (const u of await t.database.db.selectFrom('units').select(['id', 'code']).execute())
    unit[u.code] = u.id;
  scoring = t.services.scoring;
  planId = (await t.database.db.selectFrom('assessment_plans').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.inject({ method: 'GET', url, cookie });
const approve = async (facts: Parameters<typeof insertFacts>[2]) => {
  const ids = await insertFacts(t.database.db, unit.CDHB!, facts);
  // what an approval does: mark in its transaction, recompute after the commit
  const change = {
    ownerUnitId: unit.CDHB!,
    unitIds: facts.flatMap((f) => f.unitIds),
    dates: facts.map((f) => f.date),
  };
  await t.database.db.transaction().execute((trx) => scoring.markStale(trx, change));
  await scoring.afterCommit([change]);
  return ids;
};
const snapshot = async () => ({
  months: await t.database.db
    .selectFrom('assessment_unit_months')
    .selectAll()
    .orderBy('unit_id')
    .orderBy('month')
    .execute(),
  items: await t.database.db
    .selectFrom('assessment_item_months')
    .selectAll()
    .orderBy('unit_id')
    .orderBy('item_code')
    .orderBy('month')
    .execute(),
});

describe('assessment plans', () => {
  it('seeds the 2018 Changde plan as the default template: three blocks summing to 100, values marked as examples', async () => {
    const res = await get(`/api/v1/assessment/plans/${planId}`, officer);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ year: 2018, rulesVersion: 1, ownerUnitName: '常德市环境保护局' });
    expect(plan.document.blocks.map((b: { maxPoints: number }) => b.maxPoints)).toEqual([60, 25, 15]);
    expect(plan.document.note).toContain('示例');
    expect(plan.versions).toHaveLength(1);
  });

  it('scores approved facts incrementally; officers see their own unit, leadership sees all; the auditor sees none', async () => {
    const [central] = await approve([
      {
        kind: 'newsReport',
        date: '2018-03-02',
        unitIds: [unit['CD-WL']!],
        outletLevel: 'central',
        title: '武陵区治水见成效',
      },
      {
        kind: 'newsReport',
        date: '2018-03-09',
        unitIds: [unit['CD-DC']!, unit['CD-WL']!],
        outletLevel: 'provincial',
        title: '鼎城武陵联合执法',
      },
      {
        kind: 'govInfo',
        date: '2018-03-12',
        unitIds: [unit['CD-DC']!],
        adoptionLevel: 'national',
        title: '鼎城区政务信息',
      },
    ]);
    const all = (
      await get(`/api/v1/assessment/plans/${planId}/rankings?period=month&index=3&group=county`, leader)
    ).json();
    const county = all.groups[0];
    expect(county.size).toBe(14);
    expect(
      county.rows
        .slice(0, 2)
        .map((r: { unitName: string; points: number; rank: number }) => [r.unitName, r.points, r.rank]),
    ).toEqual([
      ['武陵区环境保护局', 12.5, 1],
      ['鼎城区环境保护局', 7.5, 2],
    ]);
    expect(county.rows[2]).toMatchObject({ rank: 3, points: 0 });
    expect(county.rows[0].annualPoints).toBe(0.63);

    const own = (
      await get(`/api/v1/assessment/plans/${planId}/rankings?period=month&index=3`, officer)
    ).json();
    expect(own.groups).toHaveLength(1);
    expect(own.groups[0].rows).toEqual([expect.objectContaining({ unitName: '武陵区环境保护局', rank: 1 })]);
    expect(
      (await get(`/api/v1/assessment/plans/${planId}/units/${unit['CD-DC']}/score`, officer)).statusCode,
    ).toBe(404);
    expect((await get(`/api/v1/assessment/plans/${planId}/rankings`, auditor)).statusCode).toBe(403);

    const why = (
      await get(
        `/api/v1/assessment/plans/${planId}/units/${unit['CD-WL']}/score?period=quarter&index=1`,
        officer,
      )
    ).json();
    expect(why).toMatchObject({ points: 12.5, rank: 1, groupSize: 14, label: '2018年第一季度' });
    const a1 = why.blocks[0].items.find((i: { code: string }) => i.code === 'A1');
    expect(a1.lines.map((l: { factId: string; points: number }) => [l.factId, l.points])).toEqual([
      [central, 10],
      [expect.stringMatching(/^submission:\d+$/), 2.5],
    ]);
    expect(a1.lines[1].zh).toContain('联合报送分得 50%');
    // sources in words: a submission line carries that submission's title (these test facts name
    // submission ids that may not exist: then it has none)
    const [, subId] = a1.lines[1].factId.split(':');
    const sub = await t.database.db
      .selectFrom('submissions')
      .select('title')
      .where('id', '=', Number(subId))
      .executeTakeFirst();
    expect(a1.lines[1].factTitle).toBe(sub?.title ?? null);
  });

  it('rebuilds from scratch with identical numbers, and the trend shows each month', async () => {
    await approve([
      { kind: 'mediaSubscription', date: '2018-01-15', unitIds: [unit['CD-LX']!], quantity: 20 },
      // (the opening of WeChat accounts is scored from the new-media registry now: docs/new-media.md)
      { kind: 'newsReport', date: '2018-07-02', unitIds: [unit['CD-LX']!], outletLevel: 'municipal' },
      { kind: 'negative', date: '2018-05-01', unitIds: [unit['CD-JCZ']!], negativeCode: 'staffMisconduct' },
      { kind: 'newsReport', date: '2018-05-02', unitIds: [unit['CD-JCZ']!], outletLevel: 'municipal' },
    ]);
    const before = await snapshot();
    await scoring.rebuildAll();
    expect(await snapshot()).toEqual(before);
    const trend = (await get(`/api/v1/assessment/plans/${planId}/trend?group=county`, leader)).json();
    const lx = trend.series.find((s: { unitId: number }) => s.unitId === unit['CD-LX']);
    expect(trend.months).toHaveLength(12);
    expect(lx.monthly[0]).toBeCloseTo(4.67, 2);
    expect(lx.monthly[6]).toBe(2);
  });

  it('refuses an invalid rule file naming the exact path and reason, and writes nothing', async () => {
    const plan = (await get(`/api/v1/assessment/plans/${planId}`, admin)).json();
    const bad = structuredClone(DEFAULT_PLAN_2018) as unknown as {
      blocks: Array<{ items: Array<{ rule: { perPiece: Record<string, number> } }> }>;
    };
    bad.blocks[0]!.items[0]!.rule.perPiece.central = -3;
    const before = await snapshot();
    const res = await t.inject({
      method: 'PUT',
      url: `/api/v1/assessment/plans/${planId}/rules`,
      cookie: admin,
      payload: { version: plan.version, document: bad, note: '改' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toContainEqual({
      field: '/blocks/0/items/0/rule/perPiece/central',
      message: '必须 ≥ 0',
      messageEn: 'must be ≥ 0',
    });
    const dry = await t.inject({
      method: 'POST',
      url: `/api/v1/assessment/plans/${planId}/dry-run`,
      cookie: admin,
      payload: { document: { blocks: 'x' } },
    });
    expect(dry.statusCode).toBe(400);
    expect(dry.json().fields.map((f: { field: string }) => f.field)).toContain('/blocks');
    expect((await get(`/api/v1/assessment/plans/${planId}`, admin)).json()).toMatchObject({
      rulesVersion: 1,
      version: plan.version,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('dry-runs a change without saving it, then saves it as a new version that recomputes the scores', async () => {
    const plan = (await get(`/api/v1/assessment/plans/${planId}`, admin)).json();
    const next = structuredClone(DEFAULT_PLAN_2018);
    (next.blocks[0]!.items[0]!.rule as { perPiece: Record<string, number> }).perPiece.central = 20;
    const dry = await t.inject({
      method: 'POST',
      url: `/api/v1/assessment/plans/${planId}/dry-run`,
      cookie: admin,
      payload: { document: next },
    });
    expect(dry.statusCode).toBe(200);
    const wl = dry.json().rows.find((r: { unitId: number }) => r.unitId === unit['CD-WL']);
    expect(wl).toMatchObject({ before: 12.5, after: 22.5, delta: 10, rankBefore: 1, rankAfter: 1 });
    expect(wl.groupName).toBe('区县市环保局(分局)');
    expect(dry.json().changed).toBeGreaterThanOrEqual(1);
    expect((await get(`/api/v1/assessment/plans/${planId}`, admin)).json().rulesVersion).toBe(1);

    for (const [cookie, status] of [
      [officer, 403],
      [leader, 403],
    ] as const)
      expect(
        (
          await t.inject({
            method: 'PUT',
            url: `/api/v1/assessment/plans/${planId}/rules`,
            cookie,
            payload: { version: plan.version, document: next, note: '提高中央媒体分值' },
          })
        ).statusCode,
      ).toBe(status);
    const saved = await t.inject({
      method: 'PUT',
      url: `/api/v1/assessment/plans/${planId}/rules`,
      cookie: admin,
      payload: { version: plan.version, document: next, note: '提高中央媒体分值' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      rulesVersion: 2,
      versions: [expect.objectContaining({ rulesVersion: 2, note: '提高中央媒体分值' }), expect.anything()],
    });
    const stale = await t.inject({
      method: 'PUT',
      url: `/api/v1/assessment/plans/${planId}/rules`,
      cookie: admin,
      payload: { version: plan.version, document: next, note: '过时' },
    });
    expect(stale.statusCode).toBe(409);
    const ranking = (await get(`/api/v1/assessment/plans/${planId}/rankings?period=year`, leader)).json();
    expect(ranking.groups[0].rows[0]).toMatchObject({ unitName: '武陵区环境保护局', points: 22.5 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'plan.rules')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('copies a plan to a new year with its deadlines moved, once per year', async () => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/assessment/plans/${planId}/copy`,
      cookie: admin,
      payload: { year: 2019 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      year: 2019,
      title: '2019年度环境信息宣传工作考核方案',
      rulesVersion: 1,
    });
    const c2 = res.json().document.blocks[2].items.find((i: { code: string }) => i.code === 'C2');
    expect(c2.rule).toMatchObject({ due: '2019-06-30', lateUntil: '2019-12-31' });
    expect(res.json().document.blocks[0].items[0].rule.perPiece.central).toBe(20);
    const again = await t.inject({
      method: 'POST',
      url: `/api/v1/assessment/plans/${planId}/copy`,
      cookie: admin,
      payload: { year: 2019 },
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await get('/api/v1/assessment/plans', officer)).json().items.map((p: { year: number }) => p.year),
    ).toEqual([2019, 2018]);
    expect((await get('/api/v1/assessment/plans/99999', admin)).statusCode).toBe(404);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/assessment/plans',
          cookie: leader,
          payload: { year: 2020, title: '2020' },
        })
      ).statusCode,
    ).toBe(403);
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/assessment/plans',
      cookie: admin,
      payload: { year: 2020, title: '2020年度方案' },
    });
    expect(created.json().document.blocks[2].items[1].rule.due).toBe('2020-06-30');
  });

  it('edits the title and the interview rule with optimistic concurrency', async () => {
    const plan = (await get(`/api/v1/assessment/plans/${planId}`, admin)).json();
    const ok = await t.inject({
      method: 'PATCH',
      url: `/api/v1/assessment/plans/${planId}`,
      cookie: admin,
      payload: {
        version: plan.version,
        interviewRule: { bottomN: 3, consecutiveMonths: 2, lastForYear: false },
      },
    });
    expect(ok.json().interviewRule).toEqual({ bottomN: 3, consecutiveMonths: 2, lastForYear: false });
    const stale = await t.inject({
      method: 'PATCH',
      url: `/api/v1/assessment/plans/${planId}`,
      cookie: admin,
      payload: { version: plan.version, title: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const bad = await t.inject({
      method: 'PATCH',
      url: `/api/v1/assessment/plans/${planId}`,
      cookie: admin,
      payload: {
        version: ok.json().version,
        interviewRule: { bottomN: 0, consecutiveMonths: 2, lastForYear: false },
      },
    });
    expect(bad.statusCode).toBe(400);
  });
});
