// Idempotent creation, duplicates, bulk approval, comments and the facts an approval writes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { count, newsReport, outletId, unitId } from './test-fixtures.ts';

let t: TestApp;
let officer: string;
let officerDc: string;
let reviewer: string;
let outlet: number;
let wl: number;
let dc: number;
let ls: number;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await t.loginAs('officer.wl');
  reviewer = await t.loginAs('reviewer');
  officerDc = await t.newAccount('officer.dc', 'officer', 'CD-DC');
  outlet = await outletId(t, '中国环境报');
  wl = await unitId(t, 'CD-WL');
  dc = await unitId(t, 'CD-DC');
  ls = await unitId(t, 'CD-LL');
});
afterAll(() => t.close());

const post = (payload: object, cookie = officer, key?: string) =>
  t.inject({
    method: 'POST',
    url: '/api/v1/submissions',
    cookie,
    payload,
    headers: key ? { 'idempotency-key': key } : {},
  });
const get = (id: number, cookie = reviewer) =>
  t.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, cookie });
const review = (id: number, version: number, payload: object) =>
  t.inject({
    method: 'POST',
    url: `/api/v1/submissions/${id}/review`,
    cookie: reviewer,
    headers: { 'if-match': `"${version}"` },
    payload,
  });

describe('idempotent creation', () => {
  it('a repeat with the same key returns the stored answer and creates nothing more', async () => {
    const key = randomUUID();
    const body = newsReport(outlet);
    const first = await post(body, officer, key);
    expect(first.statusCode).toBe(201);
    const before = await count(t, 'submissions');
    const again = await post(body, officer, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count(t, 'submissions')).toBe(before);
  });

  it('the same key with another body gets 422 and writes nothing', async () => {
    const key = randomUUID();
    expect((await post(newsReport(outlet), officer, key)).statusCode).toBe(201);
    const before = await count(t, 'submissions');
    const res = await post(newsReport(outlet), officer, key);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count(t, 'submissions')).toBe(before);
  });

  it('keys belong to the person: another officer may use the same key', async () => {
    const key = randomUUID();
    const a = await post(newsReport(outlet), officer, key);
    const b = await post(newsReport(outlet), officerDc, key);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).not.toBe(b.json().id);
  });

  it('50 parallel identical POSTs create one row and all get its answer', async () => {
    const key = randomUUID();
    const body = newsReport(outlet, { submit: true });
    const before = await count(t, 'submissions');
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(body, officer, key)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await count(t, 'submissions')).toBe(before + 1);
    const keys = await t.database.db
      .selectFrom('idempotency_keys')
      .select('status_code')
      .where('idem_key', '=', key)
      .execute();
    expect(keys).toEqual([{ status_code: 201 }]);
  });

  it('refuses a malformed key', async () => {
    const res = await post(newsReport(outlet), officer, 'short');
    expect(res.statusCode).toBe(400);
  });
});

describe('duplicates', () => {
  it('flags the same link (shared another way) and a near-identical title, with the other record', async () => {
    const first = (
      await post(
        newsReport(outlet, {
          title: '常德市举办2018年六五环境日主题宣传活动',
          link: 'https://www.rednet.example.cn/content/2018/06/05/123.html',
          submit: true,
        }),
      )
    ).json();
    const sameLink = (
      await post(
        newsReport(outlet, {
          link: 'http://rednet.example.cn/content/2018/06/05/123.html/?utm_source=wechat#p2',
          submit: true,
        }),
        officerDc,
      )
    ).json();
    const sameTitle = (
      await post(
        newsReport(outlet, { title: '常德市举办2018年“六五”环境日主题宣传活动！', submit: true }),
        officerDc,
      )
    ).json();
    const byLink = (await get(sameLink.id)).json().duplicates;
    expect(byLink).toEqual([
      expect.objectContaining({
        id: first.id,
        match: 'link',
        unitName: '武陵区环境保护局',
        status: 'submitted',
      }),
    ]);
    const byTitle = (await get(sameTitle.id)).json().duplicates;
    expect(byTitle[0]).toMatchObject({ id: first.id, match: 'title', similarity: 1 });
    // the reviewer's queue filter finds them; an unrelated piece is not flagged
    const unrelated = (await post(newsReport(outlet, { submit: true }), officerDc)).json();
    expect((await get(unrelated.id)).json().duplicates).toEqual([]);
    const flagged = (
      await t.inject({
        method: 'GET',
        url: '/api/v1/submissions?status=awaitingReview&duplicatesOnly=true&pageSize=100',
        cookie: reviewer,
      })
    ).json();
    const ids = flagged.items.map((i: { id: number }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, sameLink.id, sameTitle.id]));
    expect(ids).not.toContain(unrelated.id);
  });

  it("an officer is not shown another unit's record as a duplicate", async () => {
    const link = `https://example.cn/only-${randomUUID()}`;
    await post(newsReport(outlet, { link, submit: true }), officerDc);
    const mine = (await post(newsReport(outlet, { link, submit: true }))).json();
    expect(mine.duplicates).toEqual([]);
    expect((await get(mine.id)).json().duplicates).toHaveLength(1);
  });
});

describe('approval writes the fact', () => {
  it('writes one fact with the right fields, lead unit first, and takes it back on return', async () => {
    const s = (
      await post({
        kind: 'govInfo',
        title: '关于我区开展污染源普查入户调查的情况报告',
        date: '2018-05-20',
        themes: ['census', 'pollutionWater'],
        coUnitIds: [dc, ls],
        submit: true,
      })
    ).json();
    const approved = await review(s.id, s.version, {
      action: 'approve',
      adoptionLevel: 'provincial',
      leaderInstruction: 'municipal',
      instructionNote: '市长批示：做法好',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ adoptionLevel: 'provincial', leaderInstruction: 'municipal' });
    const fact = await t.database.db
      .selectFrom('assessment_facts')
      .selectAll()
      .where('source', '=', 'submission')
      .where('source_id', '=', s.id)
      .executeTakeFirstOrThrow();
    const bureau = await unitId(t, 'CDHB');
    expect(fact).toMatchObject({
      owner_unit_id: bureau,
      kind: 'govInfo',
      fact_date: '2018-05-20',
      adoption_level: 'provincial',
      leader_instruction: 'municipal',
      outlet_level: null,
      title: '关于我区开展污染源普查入户调查的情况报告',
    });
    expect(JSON.parse(fact.themes)).toEqual(['census', 'pollutionWater']);
    const units = await t.database.db
      .selectFrom('assessment_fact_units')
      .select(['unit_id', 'position'])
      .where('fact_id', '=', fact.id)
      .orderBy('position')
      .execute();
    expect(units).toEqual([
      { unit_id: wl, position: 0 },
      { unit_id: dc, position: 1 },
      { unit_id: ls, position: 2 },
    ]);
    const back = await review(s.id, approved.json().version, { action: 'return', reason: '采用级别有误' });
    expect(back.statusCode).toBe(200);
    const left = await t.database.db
      .selectFrom('assessment_facts')
      .select('id')
      .where('source_id', '=', s.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('carries the outlet level and medium, and the platform facts of blocks B and C', async () => {
    const cases = [
      [
        newsReport(outlet, { submit: true }),
        { kind: 'newsReport', outlet_level: 'central', outlet_medium: 'paper' },
      ],
      [
        {
          kind: 'activity',
          title: '六五环境日广场宣传',
          date: '2018-06-05',
          activityType: 'environmentDay',
          quantity: 800,
          submit: true,
        },
        { kind: 'activity', activity_type: 'environmentDay', quantity: 800, award_rank: null },
      ],
      [
        {
          kind: 'activity',
          title: '手工作品获一等奖',
          date: '2018-06-05',
          activityType: 'contestAward',
          awardRank: 'first',
          submit: true,
        },
        { kind: 'activity', activity_type: 'contestAward', award_rank: 'first' },
      ],
      [
        {
          kind: 'subscription',
          title: '2018年度《中国环境报》征订',
          date: '2018-01-10',
          outletId: outlet,
          quantity: 12,
          submit: true,
        },
        { kind: 'subscription', quantity: 12, outlet_level: 'central' },
      ],
      [
        {
          kind: 'wechatAccount',
          title: '“武陵环保”公众号开通',
          date: '2018-06-20',
          accountName: '武陵环保',
          submit: true,
        },
        { kind: 'wechatAccount', fact_date: '2018-06-20' },
      ],
      [
        {
          kind: 'followerCount',
          title: '6月底粉丝数',
          date: '2018-06-30',
          accountName: '武陵环保',
          quantity: 1520,
          submit: true,
        },
        { kind: 'followerCount', quantity: 1520, fact_date: '2018-06-30' },
      ],
    ] as const;
    for (const [body, expected] of cases) {
      const s = (await post(body)).json();
      expect((await review(s.id, s.version, { action: 'approve' })).statusCode).toBe(200);
      const fact = await t.database.db
        .selectFrom('assessment_facts')
        .selectAll()
        .where('source_id', '=', s.id)
        .executeTakeFirstOrThrow();
      expect(fact).toMatchObject(expected);
    }
  });

  it('an adoption level only belongs to government information', async () => {
    const s = (await post(newsReport(outlet, { submit: true }))).json();
    const res = await review(s.id, s.version, { action: 'approve', adoptionLevel: 'national' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('/adoptionLevel');
  });
});

describe('bulk approval', () => {
  it('approves all listed, writing their facts', async () => {
    const items = [];
    for (let i = 0; i < 3; i++) {
      const s = (await post(newsReport(outlet, { submit: true }))).json();
      items.push({ id: s.id, version: s.version });
    }
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/submissions/bulk-approve',
      cookie: reviewer,
      payload: { items },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().approved).toEqual(items.map((i) => i.id));
    for (const i of items) expect((await get(i.id)).json().status).toBe('approved');
  });

  it('changes nothing if one is stale or not approvable', async () => {
    const a = (await post(newsReport(outlet, { submit: true }))).json();
    const b = (await post(newsReport(outlet, { submit: true }))).json();
    const facts = await count(t, 'assessment_facts');
    const stale = await t.inject({
      method: 'POST',
      url: '/api/v1/submissions/bulk-approve',
      cookie: reviewer,
      payload: {
        items: [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version + 1 },
        ],
      },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().fields[0].field).toBe('/items/1');
    const draft = (await post(newsReport(outlet))).json();
    const notReady = await t.inject({
      method: 'POST',
      url: '/api/v1/submissions/bulk-approve',
      cookie: reviewer,
      payload: {
        items: [
          { id: a.id, version: a.version },
          { id: draft.id, version: draft.version },
        ],
      },
    });
    expect(notReady.statusCode).toBe(400);
    expect((await get(a.id)).json().status).toBe('submitted');
    expect(await count(t, 'assessment_facts')).toBe(facts);
  });
});

describe('comments', () => {
  it('both sides comment; the timeline shows them in order', async () => {
    const s = (await post(newsReport(outlet, { submit: true }))).json();
    for (const [cookie, body] of [
      [reviewer, '请补充刊发版面截图'],
      [officer, '已补充，见附件'],
    ] as const) {
      const res = await t.inject({
        method: 'POST',
        url: `/api/v1/submissions/${s.id}/comments`,
        cookie,
        payload: { body },
      });
      expect(res.statusCode).toBe(200);
    }
    const events = (await get(s.id, officer)).json().events;
    expect(events.map((e: { action: string; text: string | null }) => [e.action, e.text])).toEqual([
      ['create', null],
      ['comment', '请补充刊发版面截图'],
      ['comment', '已补充，见附件'],
    ]);
    const foreign = await t.inject({
      method: 'POST',
      url: `/api/v1/submissions/${s.id}/comments`,
      cookie: officerDc,
      payload: { body: '看看' },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
