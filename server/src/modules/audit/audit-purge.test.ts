// The retention purge (decision 072) on SQLite and PostgreSQL: records older than 180 days go, after a
// signed checkpoint; verification still passes from the MAC at the cut; nothing younger can ever go.
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { CHECKPOINT_FILE, readCheckpoints } from './audit-checkpoints.ts';
import { AuditPurgeRefused, purgeAuditLog } from './audit-purge.ts';
import { createAuditRepo } from './audit.repo.ts';
import { createAuditService } from './audit.service.ts';

const quiet = { info: () => {} };
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
let t: TestApp;
afterEach(() => t?.close());

/** 6 records from 400 days ago (the first append writes the cut-over with them), then 3 from today. */
async function setUp() {
  t = await createTestApp();
  const db = t.database.db;
  const repo = createAuditRepo(db, t.database.dialect, t.auditKey);
  const audit = createAuditService({ db: db, repo: repo });
  const dir = path.join(t.config.dataDir, 'checkpoints');
  const append = (action: string, at: string) =>
    db.transaction().execute((trx) =>
      repo.append(trx, {
        at,
        actor_id: null,
        actor_name: '测试',
        actor_roles: '',
        client_ip: '127.0.0.1',
        action,
        object_type: null,
        object_id: null,
        result: 'success',
        request_id: 'test',
        detail: null,
      }),
    );
  for (let i = 0; i < 6; i++) await append(`old.event${i}`, daysAgo(400 - i));
  for (let i = 0; i < 3; i++) await append(`new.event${i}`, daysAgo(i / 10));
  await audit.checkpoint('periodic', dir, quiet);
  const checkpoints = () => readCheckpoints(path.join(dir, CHECKPOINT_FILE)).checkpoints;
  const purge = (beforeIso: string) =>
    purgeAuditLog({ audit, repo, checkpointDir: dir, log: quiet }, { beforeIso, operator: 'tester' });
  return { db, repo, audit, dir, checkpoints, purge };
}

describe('audit retention purge', () => {
  it('removes records older than the cut-off after a signed checkpoint; the log still verifies', async () => {
    const { db, repo, audit, dir, checkpoints, purge } = await setUp();
    const outcome = await purge(daysAgo(200));
    // the cut-over (#1, written with the first old record) and the six old records
    expect(outcome).toMatchObject({ purged: 7, detail: { firstId: 1, lastId: 7, count: 7 } });
    const left = await db
      .selectFrom('audit_log')
      .select(['id', 'action', 'prev_hash'])
      .orderBy('id')
      .execute();
    expect(left.map((r) => r.action)).toEqual(['new.event0', 'new.event1', 'new.event2', 'audit.purge']);
    expect(left[0]!.prev_hash).toBe(outcome.detail!.macAtCut);
    expect(await repo.head()).toMatchObject({ purged_through: 7, count: 4, last_id: 11, keyed_from: 1 });
    expect(await db.selectFrom('audit_purge_permit').selectAll().execute()).toEqual([]);

    expect(await audit.verify()).toMatchObject({ ok: true, checked: 4 });
    const cps = checkpoints();
    expect(cps.map((c) => c.cp.kind)).toEqual(['periodic', 'purge']);
    expect(cps[1]!.cp.purge).toMatchObject({ count: 7, firstId: 1, lastId: 7 });
    expect((await audit.verifyWithCheckpoints(cps)).problems).toEqual([]);
    // the purge itself is audited, naming who ran it
    expect(
      await db.selectFrom('audit_log').select('actor_name').where('id', '=', 11).executeTakeFirst(),
    ).toEqual({ actor_name: 'tester (audit:purge)' });
    // a second purge with nothing old left removes nothing; checkpoints after the purge agree
    expect((await purge(daysAgo(200))).purged).toBe(0);
    await audit.checkpoint('periodic', dir, quiet);
    expect((await audit.verifyWithCheckpoints(checkpoints())).problems).toEqual([]);
  });

  it('refuses anything younger than 180 days, in the service and in the database', async () => {
    const { db, audit, purge } = await setUp();
    await expect(purge(daysAgo(179))).rejects.toThrow(AuditPurgeRefused);
    await expect(purge(daysAgo(179))).rejects.toThrow(/at least 180 days/);
    // a permit written by hand for a date too recent does not let the trigger delete either
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('audit_purge_permit')
          .values({ id: 1, through_id: 99, before_at: daysAgo(10) })
          .execute();
        await trx.deleteFrom('audit_log').where('id', '<=', 2).execute();
      }),
    ).rejects.toThrow(/append-only/);
    // nor does a permit let a young record go with the old ones
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('audit_purge_permit')
          .values({ id: 1, through_id: 99, before_at: daysAgo(200) })
          .execute();
        await trx.deleteFrom('audit_log').where('id', '=', 8).execute();
      }),
    ).rejects.toThrow(/append-only/);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 10 });
  });

  it('refuses to purge a chain that does not verify', async () => {
    const { db, purge } = await setUp();
    if (t.database.dialect === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    else await sql`DROP TRIGGER audit_log_no_update`.execute(db);
    await db.updateTable('audit_log').set({ result: 'failure' }).where('id', '=', 3).execute();
    await expect(purge(daysAgo(200))).rejects.toThrow(/does not verify/);
    expect(
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(10);
  });

  it('oldest records deleted by hand, without a purge: detected with and without checkpoints', async () => {
    const { db, audit, checkpoints } = await setUp();
    if (t.database.dialect === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    else await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    await db.deleteFrom('audit_log').where('id', '<=', 3).execute();
    expect((await audit.verify()).reason).toMatch(/#1–#3 are missing/);
    expect((await audit.verifyWithCheckpoints(checkpoints())).problems).toEqual([
      'records #1–#3 are missing and no purge checkpoint covers them',
    ]);
  });
});
