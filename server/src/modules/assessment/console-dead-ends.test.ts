// The console's dead ends on the assessment side (issue 12 item 3), through the API on one shared app:
// the assessing unit is not ranked (decision 131), negative-list deductions (decision 132), dates outside
// the plan year or in a closed month (decision 133), theme search in Chinese, the adoption level and
// leader instruction recorded after the approval (decision 121).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBottomRankFixture } from '../../test/bottom-rank-fixture.ts';
import type { TestApp } from '../../test/test-app.ts';
import { newsReport, outletId } from '../submissions/test-fixtures.ts';

let t: TestApp;
let admin: string;
let leader: string;
let officer: string;
let reviewer: string;
let planId: number;
let unit: Record<string, number>;

beforeAll(async () => {
  const f = await createBottomRankFixture(['admin', 'leader', 'officer.wl', 'reviewer']);
  ({ t, planId, unit } = f);
  admin = f.as['admin']!;
  leader = f.as['leader']!;
  officer = f.as['officer.wl']!;
  reviewer = f.as['reviewer']!;
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.inject({ method: 'GET', url, cookie });
const post = (url: string, cookie: string, payload: object) =>
  t.inject({ method: 'POST', url, cookie, payload });
const yearRows = async () =>
  (await get(`/api/v1/assessment/plans/${planId}/rankings?period=year`, admin))
    .json()
    .groups.flatMap((g: { rows: Array<{ unitId: number; points: number; rank: number }> }) => g.rows);

describe('the assessing unit', () => {
  it('is not ranked by its own plan, so it is never scored 0 and proposed for an interview', async () => {
    const ids = (await yearRows()).map((r: { unitId: number }) => r.unitId);
    expect(ids).toContain(unit['CD-BGS']);
    expect(ids).not.toContain(unit['CD-XXZX']);
    const list = (await get(`/api/v1/assessment/plans/${planId}/interviews`, leader)).json();
    expect([...list.candidates, ...list.silent].map((c: { unitId: number }) => c.unitId)).not.toContain(
      unit['CD-XXZX'],
    );
  });
});

describe('negative-list deductions', () => {
  it('are recorded by the information centre with reason and evidence, audited, and explained in the score', async () => {
    const base = `/api/v1/assessment/plans/${planId}/deductions`;
    const before = (await yearRows()).find((r: { unitId: number }) => r.unitId === unit['CD-WL']).points;
    const body = {
      unitId: unit['CD-WL'],
      code: 'criticism',
      date: '2018-03-12',
      reason: '3月报送的《……》数据差错',
      evidence: '常环办〔2018〕7号通报',
    };
    // who may, and what is refused (in Chinese and English, on the field)
    expect((await post(base, officer, body)).statusCode).toBe(403);
    expect((await post(base, leader, body)).statusCode).toBe(403);
    const refusals = [
      [{ ...body, code: 'nope' }, '/code'],
      [{ ...body, code: 'staffMisconduct' }, '/code'], // 局属单位 only
      [{ ...body, date: '2019-01-02' }, '/date'],
      [{ ...body, unitId: unit['CD-XXZX'] }, '/unitId'],
    ] as const;
    for (const [payload, field] of refusals) {
      const r = await post(base, admin, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(422);
      expect(r.json().fields[0]).toMatchObject({ field });
      expect(r.json().fields[0].messageEn).toBeTruthy();
    }
    const created = await post(base, admin, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '信息差错被通报批评',
      points: 2,
      recordedBy: expect.any(String),
    });

    const after = (await yearRows()).find((r: { unitId: number }) => r.unitId === unit['CD-WL']).points;
    expect(after).toBeCloseTo(before - 2, 5);
    const why = (
      await get(`/api/v1/assessment/plans/${planId}/units/${unit['CD-WL']}/score?period=year`, admin)
    ).json();
    expect(JSON.stringify(why)).toContain('常环办〔2018〕7号通报');
    // the unit's officer sees it, another unit's list is empty for them
    expect((await get(base, officer)).json().items).toHaveLength(1);

    const del = await post(`/api/v1/assessment/deductions/${created.json().id}/delete`, admin, {
      reason: '录入错误',
    });
    expect(del.statusCode).toBe(200);
    expect((await yearRows()).find((r: { unitId: number }) => r.unitId === unit['CD-WL']).points).toBeCloseTo(
      before,
      5,
    );
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'deduction')
      .where('result', '=', 'success')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['deduction.create', 'deduction.delete']);
  });
});

describe('dates a piece counts for', () => {
  it('warns outside every plan year and in a month whose bulletin is published (which stays as published)', async () => {
    const check = async (date: string) =>
      (await get(`/api/v1/assessment/date-check?date=${date}`, officer))
        .json()
        .warnings.map((w: { code: string }) => w.code);
    expect(await check('2017-12-30')).toEqual(['outsidePlanYear']);
    expect(await check('2018-03-05')).toEqual([]);
    // March's bulletin is published: March is closed
    let b = (await post('/api/v1/bulletins', admin, { planId, period: 'month', index: 3 })).json();
    b = (await post(`/api/v1/bulletins/${b.id}/submit`, admin, { version: b.version })).json();
    b = (await post(`/api/v1/bulletins/${b.id}/approve`, leader, { version: b.version })).json();
    expect((await post(`/api/v1/bulletins/${b.id}/publish`, admin, { version: b.version })).statusCode).toBe(
      200,
    );
    expect(await check('2018-03-05')).toEqual(['closedMonth']);
    expect(await check('2018-04-05')).toEqual([]);
    expect((await get('/api/v1/assessment/date-check?date=2018-13-01', officer)).statusCode).toBe(400);
  });
});

describe('theme search', () => {
  it('finds a piece by the Chinese name of its theme (普查 → 污染源普查)', async () => {
    const outlet = await outletId(t, '常德日报');
    const piece = newsReport(outlet, { title: '武陵区开展专项宣传', themes: ['census'] });
    expect((await post('/api/v1/submissions', officer, piece)).statusCode).toBe(201);
    const found = (await get(`/api/v1/submissions?q=${encodeURIComponent('普查')}`, officer)).json();
    expect(found.items.map((s: { title: string }) => s.title)).toContain('武陵区开展专项宣传');
    const none = (await get(`/api/v1/submissions?q=${encodeURIComponent('大讲堂')}`, officer)).json();
    expect(none.items.map((s: { title: string }) => s.title)).not.toContain('武陵区开展专项宣传');
  });
});

describe('adoption and leader instruction after the approval', () => {
  it('are recorded later by a reviewer, audited, re-scored and explained', async () => {
    const ifMatch = (v: number) => ({ 'if-match': `"${v}"` });
    const piece = {
      kind: 'govInfo',
      title: '武陵区污染源普查入户调查工作情况',
      date: '2018-05-20',
      themes: ['census'],
      submit: true,
    };
    const s = (await post('/api/v1/submissions', officer, piece)).json();
    const approved = await t.inject({
      method: 'POST',
      url: `/api/v1/submissions/${s.id}/review`,
      cookie: reviewer,
      headers: ifMatch(s.version),
      payload: { action: 'approve' },
    });
    expect(approved.json()).toMatchObject({
      adoptionLevel: 'none',
      allowedActions: ['return', 'reject', 'recordOutcome'],
    });
    const points = async () =>
      (await yearRows()).find((r: { unitId: number }) => r.unitId === unit['CD-WL']).points as number;
    const before = await points();
    const outcome = (cookie: string, version: number, payload: object) =>
      t.inject({
        method: 'POST',
        url: `/api/v1/submissions/${s.id}/outcome`,
        cookie,
        headers: ifMatch(version),
        payload,
      });
    const v = approved.json().version;
    // the author's unit cannot grade its own piece; a stale version is a conflict
    expect((await outcome(officer, v, { adoptionLevel: 'provincial' })).statusCode).toBe(403);
    expect((await outcome(reviewer, v - 1, { adoptionLevel: 'provincial' })).statusCode).toBe(409);
    const res = await outcome(reviewer, v, {
      adoptionLevel: 'provincial',
      leaderInstruction: 'municipal',
      instructionNote: '市长批示：做法值得推广',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      adoptionLevel: 'provincial',
      leaderInstruction: 'municipal',
    });
    expect(await points()).toBeGreaterThan(before);
    const why = JSON.stringify(
      (
        await get(`/api/v1/assessment/plans/${planId}/units/${unit['CD-WL']}/score?period=year`, admin)
      ).json(),
    );
    expect(why).toContain('武陵区污染源普查入户调查工作情况');
    expect(why).toContain('省级采用');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'submission.recordOutcome')
      .where('object_id', '=', String(s.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({
      before: { adoptionLevel: 'none', leaderInstruction: null },
      after: { adoptionLevel: 'provincial', leaderInstruction: 'municipal' },
    });
    // a news report has no adoption level, later as at approval
    const news = (
      await post('/api/v1/submissions', officer, newsReport(await outletId(t, '常德日报'), { submit: true }))
    ).json();
    const ok = (
      await t.inject({
        method: 'POST',
        url: `/api/v1/submissions/${news.id}/review`,
        cookie: reviewer,
        headers: ifMatch(news.version),
        payload: { action: 'approve' },
      })
    ).json();
    const refused = await t.inject({
      method: 'POST',
      url: `/api/v1/submissions/${news.id}/outcome`,
      cookie: reviewer,
      headers: ifMatch(ok.version),
      payload: { adoptionLevel: 'national' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('/adoptionLevel');
  });
});
