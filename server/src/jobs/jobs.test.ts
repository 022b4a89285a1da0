// The job lease and the housekeeping job, on both databases. The two-process proof (two app servers,
// one tick, one run) is in multi-server.test.ts.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { createJobLeases } from './job-leases.repo.ts';
import { AUDIT_RETENTION_DAYS } from '../modules/audit/audit-retention.ts';
import { runHousekeeping } from './housekeeping.ts';
import { auditCheckpointJob, startScheduler, type JobDefinition } from './scheduler.ts';
import { CHECKPOINT_FILE, readCheckpoints } from '../modules/audit/audit-checkpoints.ts';
import { startsWith } from '../db/expressions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const quiet = { info: () => {}, error: () => {} };

describe('job lease', () => {
  it('lets exactly one of many servers claim a tick, even all at once', async () => {
    const leases = createJobLeases(t.database.db);
    const tick = '2026-11-29T03:17:00.000Z';
    const wins = await Promise.all(
      Array.from({ length: 12 }, (_, i) => leases.claim('race', tick, `server-${i}`, 60_000)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    const winner = `server-${wins.indexOf(true)}`;
    expect((await leases.get('race'))?.holder).toBe(winner);
    // the same tick is never run again, whoever asks
    expect(await leases.claim('race', tick, winner, 60_000)).toBe(false);
  });

  it('keeps the next tick from another server while a run still holds the lease', async () => {
    const leases = createJobLeases(t.database.db);
    expect(await leases.claim('slow', '2026-01-01T00:00:00.000Z', 'a', 60_000)).toBe(true);
    expect(await leases.claim('slow', '2026-01-01T00:01:00.000Z', 'b', 60_000)).toBe(false);
    await leases.release('slow', 'a', 'ok');
    expect(await leases.claim('slow', '2026-01-01T00:01:00.000Z', 'b', 60_000)).toBe(true);
    expect((await leases.get('slow'))?.runs).toBe(2);
  });

  it('lets another server take over once a crashed holder’s lease expires', async () => {
    const leases = createJobLeases(t.database.db);
    expect(await leases.claim('crashy', '2026-01-01T00:00:00.000Z', 'a', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(await leases.claim('crashy', '2026-01-01T00:01:00.000Z', 'b', 60_000)).toBe(true);
  });
});

describe('scheduler', () => {
  it('two schedulers firing the same tick run the job once and audit it once', async () => {
    const audit = t.services.audit;
    let runs = 0;
    const job: JobDefinition = {
      name: 'count',
      cron: '0 0 0 1 1 *',
      leaseMs: 60_000,
      run: async () => ({ runs: ++runs }),
    };
    const a = startScheduler({ db: t.database.db, audit, log: quiet }, [job]);
    const b = startScheduler({ db: t.database.db, audit, log: quiet }, [job]);
    try {
      const tick = new Date('2026-11-29T00:00:00.000Z');
      const outcomes = await Promise.all([a.runTick('count', tick), b.runTick('count', tick)]);
      expect(outcomes.sort()).toEqual(['ran', 'skipped']);
      expect(runs).toBe(1);
      const records = await t.database.db
        .selectFrom('audit_log')
        .select(['request_id', 'result'])
        .where('action', '=', 'job.count')
        .execute();
      expect(records).toEqual([{ request_id: 'job:count:2026-11-29T00:00:00.000Z', result: 'success' }]);
    } finally {
      a.stop();
      b.stop();
    }
  });
});

describe('audit checkpoint job', () => {
  it('appends a signed checkpoint to AUDIT_CHECKPOINT_DIR and the log on each tick, once across servers', async () => {
    const audit = t.services.audit;
    const logged: object[] = [];
    const log = { info: (o: object) => logged.push(o), error: () => {} };
    const job = auditCheckpointJob(audit, '0 7 * * * *', t.config.auditCheckpointDir, log);
    const a = startScheduler({ db: t.database.db, audit, log }, [job]);
    const b = startScheduler({ db: t.database.db, audit, log }, [job]);
    try {
      const tick = new Date('2026-11-29T01:07:00.000Z');
      expect((await Promise.all([a.runTick(job.name, tick), b.runTick(job.name, tick)])).sort()).toEqual([
        'ran',
        'skipped',
      ]);
      const file = path.join(t.config.auditCheckpointDir, CHECKPOINT_FILE);
      const { checkpoints } = readCheckpoints(file);
      expect(checkpoints.map((c) => c.cp.kind)).toEqual(['periodic']);
      expect(logged).toContainEqual(expect.objectContaining({ auditCheckpoint: checkpoints[0]!.cp }));
      expect((await audit.verifyWithCheckpoints(checkpoints)).problems).toEqual([]);
    } finally {
      a.stop();
      b.stop();
    }
  });
});

describe('housekeeping', () => {
  it('purges ended sessions and old sign-in attempts, keeps live ones, and only reports audit retention', async () => {
    const db = t.database.db;
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    const session = (id: string, expires: string, revoked: string | null) => ({
      id,
      person_id: person.id,
      created_at: daysAgo(3),
      last_seen_at: daysAgo(3),
      expires_at: expires,
      idle_minutes: 15,
      client_ip: '127.0.0.1',
      user_agent: 'test',
      revoked_at: revoked,
    });
    await db
      .insertInto('sessions')
      .values([
        session('hk-expired', daysAgo(2), null),
        session('hk-revoked', daysAgo(-1), daysAgo(2)),
        session('hk-live', daysAgo(-0.2), null),
      ])
      .execute();
    const attempt = (at: string) => ({
      person_id: person.id,
      username: 'admin',
      client_ip: '1.2.3.4',
      at,
      succeeded: 0,
    });
    await db
      .insertInto('login_attempts')
      .values([attempt(daysAgo(40)), attempt(daysAgo(1))])
      .execute();
    const auditBefore = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const result = await runHousekeeping(db);
    expect(result.sessionsPurged).toBe(2);
    expect(result.loginAttemptsPurged).toBe(1);
    expect(result.auditRetentionDays).toBe(AUDIT_RETENTION_DAYS);
    expect(result.auditRecords).toBe(Number(auditBefore.n));
    const left = await db.selectFrom('sessions').select('id').where(startsWith('id', 'hk-')).execute();
    expect(left.map((s) => s.id)).toEqual(['hk-live']);
    // audit records are never purged: the database itself refuses
    await expect(db.deleteFrom('audit_log').where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
  });
});
