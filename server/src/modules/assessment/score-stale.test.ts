// Hardening item 9: a process that dies between an approval's commit and the score recompute must not
// leave rankings wrong. The app here commits approvals without recomputing after them
// (recomputeAfterCommit: false) — exactly what such a process leaves behind — and the test checks that
// a restart, the scheduled job and a bulletin draft each bring the stored scores back to a full rebuild.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoresStaleJob, startScheduler } from '../../jobs/scheduler.ts';
import { startChildServer } from '../../test/child-server.ts';
import { createTestApp, testDialect, type TestApp } from '../../test/test-app.ts';
import { newsReport, outletId, unitId } from '../submissions/test-fixtures.ts';

let t: TestApp;
let officer: string;
let reviewer: string;
let admin: string;
let planId: number;
let wl: number;

beforeAll(async () => {
  t = await createTestApp({ demo: true, services: { recomputeAfterCommit: false } });
  [officer, reviewer, admin] = await Promise.all([
    t.loginAs('officer.wl'),
    t.loginAs('reviewer'),
    t.loginAs('admin'),
  ]);
  wl = await unitId(t, 'CD-WL');
  planId = (await t.database.db.selectFrom('assessment_plans').select('id').executeTakeFirstOrThrow()).id;
  await t.services.scoring.rebuildAll();
});
afterAll(() => t.close());

const marks = () => t.database.db.selectFrom('score_stale').selectAll().execute();
const stored = () =>
  t.database.db
    .selectFrom('assessment_unit_months')
    .select(['plan_id', 'unit_id', 'month', 'points'])
    .orderBy('plan_id')
    .orderBy('unit_id')
    .orderBy('month')
    .execute();
/** What a full rebuild computes now (it rewrites the same rows, so it is compared after the check). */
const rebuilt = async () => {
  await t.services.scoring.rebuildAll();
  return stored();
};

/** An officer's report approved through the API: its fact and stale marks commit, nothing recomputes. */
async function approveOne(date: string) {
  const outlet = await outletId(t, '红网');
  const created = await t.inject({
    method: 'POST',
    url: '/api/v1/submissions',
    cookie: officer,
    payload: newsReport(outlet, { date, submit: true }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const s = created.json<{ id: number; version: number }>();
  const res = await t.inject({
    method: 'POST',
    url: `/api/v1/submissions/${s.id}/review`,
    cookie: reviewer,
    headers: { 'if-match': `"${s.version}"` },
    payload: { action: 'approve' },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const wlPoints = async () =>
  (await stored()).filter((r) => r.unit_id === wl).reduce((sum, r) => sum + Number(r.points), 0);

describe('stale score marks', () => {
  it('an approval marks its unit-year stale in its own transaction; without a recompute the scores lag', async () => {
    const before = await wlPoints();
    await approveOne('2018-06-05');
    expect(await marks()).toEqual([expect.objectContaining({ unit_id: wl, year: 2018 })]);
    expect(await wlPoints()).toBe(before); // the "crash": the commit happened, the recompute did not
  });

  it('a restarted server recomputes the marked scores before it says it is ready', async () => {
    expect((await marks()).length).toBeGreaterThan(0);
    const lagging = await stored();
    const server = await startChildServer(
      {
        DATA_DIR: t.config.dataDir,
        DEMO_DATA: 'false',
        JOBS_ENABLED: 'false', // the start itself catches up, not the job
        ...(testDialect() === 'postgres'
          ? { DATABASE_URL: t.config.databaseUrl, PG_SCHEMA: t.config.pgSchema! }
          : { DATABASE_URL: t.config.databaseUrl }),
      },
      200_000,
    ); // a shared machine running other test files starts a server slowly
    try {
      expect(await marks()).toEqual([]);
      const recovered = await stored();
      expect(recovered).not.toEqual(lagging);
      expect(recovered).toEqual(await rebuilt());
    } finally {
      await server.stop();
    }
  }, 300_000);

  it('the scheduled job recomputes marked scores, on one server per tick', async () => {
    await approveOne('2018-07-05');
    expect((await marks()).length).toBe(1);
    const log = { info: () => {}, error: () => {} };
    const jobs = () => [scoresStaleJob(t.services.scoring)];
    const a = startScheduler({ db: t.database.db, audit: t.services.audit, log }, jobs());
    const b = startScheduler({ db: t.database.db, audit: t.services.audit, log }, jobs());
    try {
      const tick = new Date();
      expect(await a.runTick('scores-stale', tick)).toBe('ran');
      expect(await b.runTick('scores-stale', tick)).toBe('skipped');
      expect(await marks()).toEqual([]);
      const recovered = await stored();
      expect(recovered).toEqual(await rebuilt());
    } finally {
      a.stop();
      b.stop();
    }
  });

  it('a bulletin drafted while scores are stale is drafted from recomputed scores', async () => {
    await approveOne('2018-05-06');
    expect((await marks()).length).toBe(1);
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/bulletins',
      cookie: admin,
      payload: { planId, period: 'month', index: 5 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await marks()).toEqual([]);
    const recovered = await stored();
    expect(recovered).toEqual(await rebuilt());
    const row = await t.database.db
      .selectFrom('bulletins')
      .select('snapshot')
      .where('id', '=', res.json<{ id: number }>().id)
      .executeTakeFirstOrThrow();
    const ranking = await t.inject({
      method: 'GET',
      url: `/api/v1/assessment/plans/${planId}/rankings?period=month&index=5`,
      cookie: admin,
    });
    expect(ranking.statusCode, ranking.body).toBe(200);
    const snap = JSON.parse(row.snapshot) as { ranking: { groups: unknown } };
    expect(snap.ranking.groups).toEqual(ranking.json<{ groups: unknown }>().groups);
  });
});
