// The rule form's server side (decision 127): a saved version read back, restored as the newest
// version (audited), the documentation served, the published bulletins new rules would change, and the
// submission kinds the form offers following the rules (decision 211).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let planId: number;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
  planId = (await t.inject({ url: '/api/v1/assessment/plans', cookie: admin })).json().items[0].id;
});
afterAll(() => t.close());

const plan = async () =>
  (await t.inject({ url: `/api/v1/assessment/plans/${planId}`, cookie: admin })).json();

describe('rules versions', () => {
  it('saves a change, reads the old version back and restores it as a new version', async () => {
    const before = await plan();
    const doc = structuredClone(before.document);
    doc.annualWeight = before.document.annualWeight + 1;
    const saved = await t.inject({
      method: 'PUT',
      url: `/api/v1/assessment/plans/${planId}/rules`,
      cookie: admin,
      payload: { version: before.version, document: doc, note: '测试' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const old = (
      await t.inject({
        url: `/api/v1/assessment/plans/${planId}/versions/${before.rulesVersion}`,
        cookie: admin,
      })
    ).json();
    expect(old.document).toEqual(before.document);
    const restored = await t.inject({
      method: 'POST',
      url: `/api/v1/assessment/plans/${planId}/versions/${before.rulesVersion}/restore`,
      cookie: admin,
      payload: { version: saved.json().version },
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().rulesVersion).toBe(before.rulesVersion + 2);
    expect(restored.json().document).toEqual(before.document);
    expect(restored.json().versions[0].note).toBe(`恢复第${before.rulesVersion}版`);
    const log = (
      await t.inject({ url: '/api/v1/audit?action=plan.rules.restore', cookie: await t.loginAs('auditor') })
    ).json();
    expect(log.total).toBe(1);
    // a stale version is refused, a missing one is not found
    expect(
      (
        await t.inject({
          method: 'POST',
          url: `/api/v1/assessment/plans/${planId}/versions/1/restore`,
          cookie: admin,
          payload: { version: before.version },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await t.inject({ url: `/api/v1/assessment/plans/${planId}/versions/999`, cookie: admin })).statusCode,
    ).toBe(404);
  });

  it('serves the rule documentation', async () => {
    const res = await t.inject({ url: '/api/v1/assessment/rules-doc', cookie: admin });
    expect(res.json().markdown).toContain('# Scoring rules');
  });

  it('rules impact: invalid rules are refused with their paths; no published bulletin, nothing named', async () => {
    const doc = (await plan()).document;
    const bad = await t.inject({
      method: 'POST',
      url: '/api/v1/bulletins/rules-impact',
      cookie: admin,
      payload: { planId, document: { ...doc, annualWeight: -1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('/annualWeight');
    const ok = await t.inject({
      method: 'POST',
      url: '/api/v1/bulletins/rules-impact',
      cookie: admin,
      payload: { planId, document: doc },
    });
    expect(ok.json()).toEqual({ published: [] });
  });
});

describe('the submission kinds the form offers follow the current plan (decision 211)', () => {
  it('the 2018 template offers the reports and activities; a rule that scores 公众号粉丝数 again offers it; old kinds still read', async () => {
    const officer = await t.loginAs('officer.wl');
    const offered = async () =>
      (await t.inject({ url: '/api/v1/assessment/submission-kinds', cookie: officer })).json();
    expect(await offered()).toEqual({
      planId,
      year: 2018,
      kinds: ['newsReport', 'govInfo', 'onlineMedia', 'newMedia', 'activity'],
    });

    const before = await plan();
    const doc = structuredClone(before.document);
    type Item = { code: string; rule: { match: { kinds: string[] } } };
    const c3 = (doc.blocks as Array<{ items: Item[] }>).flatMap((b) => b.items).find((i) => i.code === 'C3')!;
    c3.rule.match.kinds = ['mediaFollowers', 'followerCount'];
    const saved = await t.inject({
      method: 'PUT',
      url: `/api/v1/assessment/plans/${planId}/rules`,
      cookie: admin,
      payload: { version: before.version, document: doc, note: '粉丝数报送重新计分' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await offered()).kinds).toEqual([
      'newsReport',
      'govInfo',
      'onlineMedia',
      'newMedia',
      'activity',
      'followerCount',
    ]);

    // back to the template's rules: no longer offered, yet the API still takes and reads the kind
    const back = await t.inject({
      method: 'PUT',
      url: `/api/v1/assessment/plans/${planId}/rules`,
      cookie: admin,
      payload: { version: saved.json().version, document: before.document, note: '恢复' },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await offered()).kinds).not.toContain('followerCount');
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      cookie: officer,
      payload: {
        kind: 'followerCount',
        title: '6月底粉丝数',
        date: '2018-06-30',
        accountName: '武陵环保',
        quantity: 1520,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const read = await t.inject({ url: `/api/v1/submissions/${created.json().id}`, cookie: officer });
    expect(read.json()).toMatchObject({ kind: 'followerCount', quantity: 1520, accountName: '武陵环保' });
    // the auditor has no assessment:read: the offer is not theirs to ask
    expect(
      (await t.inject({ url: '/api/v1/assessment/submission-kinds', cookie: await t.loginAs('auditor') }))
        .statusCode,
    ).toBe(403);
  });
});
