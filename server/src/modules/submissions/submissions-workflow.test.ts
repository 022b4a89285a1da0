// Every transition and every permission of the workflow, through the API (docs/security-requirements.md
// §12, §14, §15).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { count, newsReport, outletId } from './test-fixtures.ts';

let t: TestApp;
let officer: string; // 武陵区 (CD-WL)
let officerDc: string; // 鼎城区 (CD-DC)
let reviewer: string; // 信息中心
let reviewerWl: string; // a reviewer who works in 武陵区
let deputy: string; // 武陵区's deputy leader
let editor: string;
let outlet: number;
let dcUnit: number;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await t.loginAs('officer.wl');
  reviewer = await t.loginAs('reviewer');
  deputy = await t.loginAs('deputy.wl');
  editor = await t.loginAs('editor');
  officerDc = await t.newAccount('officer.dc', 'officer', 'CD-DC');
  reviewerWl = await t.newAccount('reviewer.wl', 'reviewer', 'CD-WL');
  outlet = await outletId(t, '湖南日报');
  dcUnit = (
    await t.database.db.selectFrom('units').select('id').where('code', '=', 'CD-DC').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const ifMatch = (v: number) => ({ 'if-match': `"${v}"` });

async function create(cookie: string, body: object = newsReport(outlet)) {
  const res = await t.inject({ method: 'POST', url: '/api/v1/submissions', cookie, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; status: string };
}
const get = (id: number, cookie: string) =>
  t.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, cookie });
const submit = (id: number, version: number, cookie = officer) =>
  t.inject({
    method: 'POST',
    url: `/api/v1/submissions/${id}/submit`,
    cookie,
    headers: ifMatch(version),
    payload: {},
  });
const review = (id: number, version: number, payload: object, cookie = reviewer) =>
  t.inject({
    method: 'POST',
    url: `/api/v1/submissions/${id}/review`,
    cookie,
    headers: ifMatch(version),
    payload,
  });
const edit = (id: number, version: number, payload: object, cookie = officer) =>
  t.inject({ method: 'PATCH', url: `/api/v1/submissions/${id}`, cookie, headers: ifMatch(version), payload });

/** Brings a new submission into a status by the real transitions. */
async function inStatus(status: string) {
  let s = await create(officer);
  const step = async (res: Awaited<ReturnType<typeof submit>>) => {
    expect(res.statusCode, res.body).toBe(200);
    s = res.json();
  };
  if (status === 'draft') return s;
  await step(await submit(s.id, s.version));
  if (status === 'submitted') return s;
  if (status === 'approved') await step(await review(s.id, s.version, { action: 'approve' }));
  if (status === 'rejected')
    await step(await review(s.id, s.version, { action: 'reject', reason: '不符合要求' }));
  if (status === 'returned' || status === 'resubmitted')
    await step(await review(s.id, s.version, { action: 'return', reason: '请补充链接' }));
  if (status === 'resubmitted') await step(await submit(s.id, s.version));
  return s;
}

const withdraw = (id: number, version: number, cookie = officer) =>
  t.inject({
    method: 'POST',
    url: `/api/v1/submissions/${id}/withdraw`,
    cookie,
    headers: ifMatch(version),
    payload: {},
  });
const remove = (id: number, version: number, cookie = officer) =>
  t.inject({ method: 'DELETE', url: `/api/v1/submissions/${id}`, cookie, headers: ifMatch(version) });

type Act = 'edit' | 'submit' | 'withdraw' | 'delete' | 'approve' | 'return' | 'reject';
const act = (a: Act, s: { id: number; version: number }) => {
  switch (a) {
    case 'edit':
      return edit(s.id, s.version, { title: `改过的标题 ${s.id}` });
    case 'submit':
      return submit(s.id, s.version);
    case 'withdraw':
      return withdraw(s.id, s.version);
    case 'delete':
      return remove(s.id, s.version);
    case 'approve':
      return review(s.id, s.version, { action: 'approve' });
    case 'return':
    case 'reject':
      return review(s.id, s.version, { action: a, reason: '理由' });
  }
};

// [from, action, expected status code, expected status after]; reviewers never see drafts (404); a
// deleted draft is gone (after: 'gone').
const TABLE: Array<[string, Act, number, string | null]> = [
  ['draft', 'withdraw', 409, null],
  ['draft', 'delete', 200, 'gone'],
  ['submitted', 'withdraw', 200, 'draft'],
  ['submitted', 'delete', 409, null],
  ['returned', 'withdraw', 409, null],
  ['returned', 'delete', 409, null],
  ['resubmitted', 'withdraw', 200, 'returned'],
  ['resubmitted', 'delete', 409, null],
  ['approved', 'withdraw', 409, null],
  ['approved', 'delete', 409, null],
  ['rejected', 'withdraw', 409, null],
  ['rejected', 'delete', 409, null],
  ['draft', 'edit', 200, 'draft'],
  ['draft', 'submit', 200, 'submitted'],
  ['draft', 'approve', 404, null],
  ['draft', 'return', 404, null],
  ['draft', 'reject', 404, null],
  ['submitted', 'edit', 409, null],
  ['submitted', 'submit', 409, null],
  ['submitted', 'approve', 200, 'approved'],
  ['submitted', 'return', 200, 'returned'],
  ['submitted', 'reject', 200, 'rejected'],
  ['returned', 'edit', 200, 'returned'],
  ['returned', 'submit', 200, 'resubmitted'],
  ['returned', 'approve', 409, null],
  ['returned', 'return', 409, null],
  ['returned', 'reject', 409, null],
  ['resubmitted', 'edit', 409, null],
  ['resubmitted', 'submit', 409, null],
  ['resubmitted', 'approve', 200, 'approved'],
  ['resubmitted', 'return', 200, 'returned'],
  ['resubmitted', 'reject', 200, 'rejected'],
  ['approved', 'edit', 409, null],
  ['approved', 'submit', 409, null],
  ['approved', 'approve', 409, null],
  ['approved', 'return', 200, 'returned'],
  ['approved', 'reject', 200, 'rejected'],
  ['rejected', 'edit', 409, null],
  ['rejected', 'submit', 409, null],
  ['rejected', 'approve', 409, null],
  ['rejected', 'return', 409, null],
  ['rejected', 'reject', 409, null],
];

describe('the workflow, transition by transition', () => {
  it.each(TABLE)('%s → %s answers %i', async (from, action, code, after) => {
    const s = await inStatus(from);
    const res = await act(action, s);
    expect(res.statusCode, res.body).toBe(code);
    if (code === 409) expect(res.json().code).toBe('INVALID_TRANSITION');
    const read = await get(s.id, officer);
    if (after === 'gone') expect(read.statusCode).toBe(404);
    const now = read.json();
    if (after !== 'gone') expect(now.status).toBe(after ?? from);
    // every transition leaves its audit record and a line in the timeline
    if (code === 200) {
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', 'submission')
        .where('object_id', '=', String(s.id))
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const expected =
        action === 'submit' && from === 'returned' ? 'resubmit' : action === 'edit' ? 'update' : action;
      expect(audit.action).toBe(`submission.${expected}`);
      if (after !== 'gone') expect(now.events.at(-1).action).toBe(expected === 'update' ? 'edit' : expected);
    }
  });

  it('a return or reject without a reason is refused', async () => {
    const s = await inStatus('submitted');
    for (const action of ['return', 'reject']) {
      const res = await review(s.id, s.version, { action, reason: '  ' });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe('/reason');
    }
  });

  it('the officer sees the reason and what they may do next', async () => {
    const s = await inStatus('returned');
    const mine = (await get(s.id, officer)).json();
    expect(mine).toMatchObject({
      status: 'returned',
      reviewReason: '请补充链接',
      allowedActions: ['edit', 'resubmit'],
    });
    expect((await get(s.id, reviewer)).json().allowedActions).toEqual([]);
  });
});

describe('withdrawing and deleting', () => {
  it('a withdrawn piece leaves the review queue and can be edited and sent again', async () => {
    const s = await inStatus('submitted');
    const queue = async () =>
      (
        await t.inject({
          method: 'GET',
          url: '/api/v1/submissions?status=awaitingReview&pageSize=100',
          cookie: reviewer,
        })
      )
        .json()
        .items.map((i: { id: number }) => i.id);
    expect(await queue()).toContain(s.id);
    const back = (await withdraw(s.id, s.version)).json();
    expect(back).toMatchObject({
      status: 'draft',
      submittedAt: null,
      allowedActions: ['edit', 'submit', 'delete'],
    });
    expect(await queue()).not.toContain(s.id);
    expect((await get(s.id, reviewer)).statusCode).toBe(404); // a draft again: its unit's business
    expect((await edit(s.id, back.version, { title: `撤回后改过 ${s.id}` })).statusCode).toBe(200);
  });

  it('only the lead unit withdraws or deletes; a stale version gets 409; the deletion keeps its audit record', async () => {
    const s = await inStatus('submitted');
    expect((await withdraw(s.id, s.version, deputy)).statusCode).toBe(403);
    expect((await withdraw(s.id, s.version, reviewer)).statusCode).toBe(403);
    expect((await withdraw(s.id, s.version, officerDc)).statusCode).toBe(404);
    expect((await withdraw(s.id, s.version - 1)).statusCode).toBe(409);
    const d = await inStatus('draft');
    expect((await remove(d.id, d.version, officerDc)).statusCode).toBe(404);
    expect((await remove(d.id, d.version + 1)).json().code).toBe('CONFLICT');
    expect((await remove(d.id, d.version)).statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('object_type', '=', 'submission')
      .where('object_id', '=', String(d.id))
      .where('action', '=', 'submission.delete')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!).before.title).toContain('篇');
  });
});

describe('who may do what', () => {
  it('roles without the permission get 403', async () => {
    const s = await inStatus('submitted');
    expect((await review(s.id, s.version, { action: 'approve' }, officer)).statusCode).toBe(403);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/submissions',
          cookie: reviewer,
          payload: newsReport(outlet),
        })
      ).statusCode,
    ).toBe(403);
    expect((await edit(s.id, s.version, { title: 'x' }, deputy)).statusCode).toBe(403);
    expect((await get(s.id, editor)).statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: '/api/v1/submissions' })).statusCode).toBe(401);
  });

  it("nobody reviews their own unit's work, nor a piece their unit co-submitted", async () => {
    const s = await inStatus('submitted');
    const own = await review(s.id, s.version, { action: 'approve' }, reviewerWl);
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toBe('不能审核本单位的报送');
    const joint = await create(
      officerDc,
      newsReport(outlet, { coUnitIds: [(await get(s.id, officer)).json().unitId], submit: true }),
    );
    expect((await review(joint.id, joint.version, { action: 'approve' }, reviewerWl)).statusCode).toBe(403);
    const other = await create(officerDc, newsReport(outlet, { submit: true }));
    expect((await review(other.id, other.version, { action: 'approve' }, reviewerWl)).statusCode).toBe(200);
  });

  it("another unit's submission answers 404, to read, edit or submit", async () => {
    const s = await inStatus('draft');
    expect((await get(s.id, officerDc)).statusCode).toBe(404);
    expect((await edit(s.id, s.version, { title: '别人的' }, officerDc)).statusCode).toBe(404);
    expect((await submit(s.id, s.version, officerDc)).statusCode).toBe(404);
    const list = (
      await t.inject({ method: 'GET', url: '/api/v1/submissions?pageSize=100', cookie: officerDc })
    ).json();
    expect(list.items.every((i: { unitId: number }) => i.unitId === dcUnit)).toBe(true);
  });

  it('drafts stay with their unit; the deputy leader reads the unit’s records', async () => {
    const s = await inStatus('draft');
    expect((await get(s.id, reviewer)).statusCode).toBe(404);
    expect((await get(s.id, deputy)).statusCode).toBe(200);
    const queue = (
      await t.inject({ method: 'GET', url: '/api/v1/submissions?pageSize=100', cookie: reviewer })
    ).json();
    expect(queue.items.some((i: { status: string }) => i.status === 'draft')).toBe(false);
  });

  it('a co-submitting unit reads the joint piece but only the lead unit edits it', async () => {
    const wl = (await get((await inStatus('draft')).id, officer)).json().unitId;
    const joint = await create(officerDc, newsReport(outlet, { coUnitIds: [wl], submit: true }));
    expect((await get(joint.id, officer)).json().coUnits.map((u: { id: number }) => u.id)).toEqual([wl]);
    const res = await submit(joint.id, joint.version, officer);
    expect(res.statusCode).toBe(403);
    expect(res.json().messageEn).toBe('Only the lead submitting unit can edit or submit it');
  });

  it('offers the bureau’s assessed units, not its own, as co-submitters', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/submissions/co-unit-options',
      cookie: officer,
    });
    const names = res.json().map((u: { name: string }) => u.name);
    expect(names).toContain('鼎城区环境保护局');
    expect(names).toContain('信息中心');
    expect(names).not.toContain('武陵区环境保护局');
    expect(names).not.toContain('常德市环境保护局');
  });

  it('a unit that has submissions cannot be deleted (422, not a database error)', async () => {
    const admin = await t.loginAs('admin');
    const unit = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      cookie: admin,
      payload: {
        code: 'CD-TMP',
        name: '临时科室',
        kind: 'department',
        parentId: (await get((await inStatus('submitted')).id, reviewer)).json().unitId,
      },
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const tmpOfficer = await t.newAccount('officer.tmp', 'officer', 'CD-TMP');
    await create(tmpOfficer);
    // the officer moves away: the unit is empty but its submission names it
    await t.database.db
      .updateTable('people')
      .set({ unit_id: (await get((await inStatus('draft')).id, officer)).json().unitId })
      .where('username', '=', 'officer.tmp')
      .execute();
    const res = await t.inject({
      method: 'DELETE',
      url: `/api/v1/units/${unit.json().id}`,
      cookie: await t.loginAs('admin'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('该单位已有报送记录、考核数据或新媒体账号等登记，不能删除');
  });

  it('status, unit and review fields cannot be set by the client', async () => {
    const before = await count(t, 'submissions');
    for (const extra of [
      { status: 'approved' },
      { unitId: dcUnit },
      { adoptionLevel: 'national' },
      { version: 9 },
    ]) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/submissions',
        cookie: officer,
        payload: { ...newsReport(outlet), ...extra },
      });
      expect(res.statusCode).toBe(400);
    }
    expect(await count(t, 'submissions')).toBe(before);
  });
});

describe('optimistic concurrency', () => {
  it('a stale version gets 409 with a clear message; a missing If-Match is refused', async () => {
    const s = await inStatus('submitted');
    const stale = await review(s.id, s.version - 1, { action: 'approve' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', message: '数据已被他人修改，请刷新后重试' });
    const missing = await t.inject({
      method: 'POST',
      url: `/api/v1/submissions/${s.id}/review`,
      cookie: reviewer,
      payload: { action: 'approve' },
    });
    expect(missing.statusCode).toBe(400);
    const res = await get(s.id, reviewer);
    expect(res.headers.etag).toBe(`"${s.version}"`);
  });

  it('two reviewers at once: exactly one wins, the other gets a conflict', async () => {
    const other = await t.newAccount('reviewer.two', 'reviewer', 'CD-BGS');
    for (let round = 0; round < 3; round++) {
      const s = await inStatus('submitted');
      const answers = await Promise.all([
        review(s.id, s.version, { action: 'approve' }),
        review(s.id, s.version, { action: 'reject', reason: '重复' }, other),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const facts = await t.database.db
        .selectFrom('assessment_facts')
        .select('id')
        .where('source_id', '=', s.id)
        .execute();
      const final = (await get(s.id, officer)).json().status;
      expect(facts.length).toBe(final === 'approved' ? 1 : 0);
    }
  });
});

describe('bad input writes nothing', () => {
  it('refuses an unknown outlet, a future date, a foreign co-unit and missing fields at submit', async () => {
    const before = await count(t, 'submissions');
    const bad: Array<[object, string]> = [
      [newsReport(outlet, { outletId: 99999 }), '/outletId'],
      [newsReport(outlet, { date: '2999-01-01' }), '/date'],
      [newsReport(outlet, { coUnitIds: [99999] }), '/coUnitIds/0'],
      [newsReport(outlet, { outletId: null, submit: true }), '/outletId'],
      [{ ...newsReport(outlet), kind: 'subscription', submit: true }, '/quantity'],
      [newsReport(outlet, { evidenceIds: [99999] }), '/evidenceIds/0'],
    ];
    for (const [payload, field] of bad) {
      const res = await t.inject({ method: 'POST', url: '/api/v1/submissions', cookie: officer, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await count(t, 'submissions')).toBe(before);
  });
});
