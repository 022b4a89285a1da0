// A real GreenVoice process whose PostgreSQL goes away and comes back (hardening issue item 1, decision
// 060). The server reaches PostgreSQL through a TCP proxy this test runs: stopping the proxy cuts every
// connection (idle ones and one in the middle of a request) and refuses new ones — a network drop or a
// stopped database. The process must keep running, answer 503 (health: "database":"down") while the
// database is away, and serve again by itself once it is back. pg_terminate_backend of all its
// connections (a PostgreSQL restart, a failover) must not end it either.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../test/child-server.ts';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy.ts';
import { TEST_PG_URL, testDialect } from '../test/test-app.ts';
import { demoAccount } from '../test/demo-actors.ts';
import { seedDemoData } from '../demo/seed-demo.ts';
import { loadAuditKey } from '../modules/audit/audit-key.ts';
import { createAuditRepo } from '../modules/audit/audit.repo.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrator.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pgTarget = new URL(TEST_PG_URL);

describe.skipIf(testDialect() !== 'postgres')('a server whose PostgreSQL goes away', () => {
  let proxy: TcpProxy;
  let server: ChildServer;
  let dba: pg.Client;
  let schema: string;
  let dataDir: string;
  let cookie: string;
  let officer: string;
  let seq = 0;

  const alive = () => server.proc.exitCode === null && server.proc.signalCode === null;
  const health = async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const createOutlet = async (name = `断网演练 ${++seq}`) => {
    const res = await fetch(`${server.url}/api/v1/outlets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name, level: 'municipal', medium: 'web' }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, name };
  };
  // an officer's submission with an Idempotency-Key: the retry a client makes after a 503
  const submission = { title: '', key: randomUUID() };
  const createSubmission = async (outletId: number) => {
    const res = await fetch(`${server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: officer, 'idempotency-key': submission.key },
      body: JSON.stringify({
        kind: 'newsReport',
        title: submission.title,
        date: '2018-06-05',
        outletId,
        link: 'https://www.hnrb.example.cn/news/2018/outage.html',
        themes: ['environmentDay'],
      }),
    });
    return {
      status: res.status,
      replayed: res.headers.get('idempotent-replayed'),
      body: (await res.json()) as Record<string, unknown>,
    };
  };
  const stored = async (name: string) =>
    (await dba.query(`SELECT id FROM ${schema}.outlets WHERE name = $1`, [name])).rowCount;

  beforeAll(async () => {
    schema = `gv_outage_${randomBytes(5).toString('hex')}`;
    dba = new pg.Client({ connectionString: TEST_PG_URL });
    await dba.connect();
    await dba.query(`CREATE SCHEMA ${schema}`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-outage-'));
    // seeded here, directly: the server then finds the data there and starts in seconds
    const direct = await openDatabase({ url: TEST_PG_URL, dialect: 'postgres', pgSchema: schema });
    await migrateToLatest(direct.db);
    // the generated audit key file in DATA_DIR, which the server then loads
    const auditKey = loadAuditKey({ auditHmacKey: null, dataDir, production: false });
    await seedDemoData(direct.db, createAuditRepo(direct.db, 'postgres', auditKey), 10);
    await direct.close();
    proxy = await startTcpProxy({ host: pgTarget.hostname, port: Number(pgTarget.port || 5432) });
    const viaProxy = new URL(TEST_PG_URL);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startChildServer(
      {
        DATABASE_URL: viaProxy.toString(),
        PG_SCHEMA: schema,
        DATA_DIR: dataDir,
        SCRYPT_LOG_N: '10',
      },
      110_000,
    );
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: demoAccount('admin').password }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const officerLogin = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.wl', password: demoAccount('officer.wl').password }),
    });
    expect(officerLogin.status).toBe(200);
    officer = officerLogin.headers.get('set-cookie')!.split(';')[0]!;
  }, 170_000);

  afterAll(async () => {
    await server?.stop();
    await proxy?.stop();
    await dba?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dba?.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('survives pg_terminate_backend of every connection it holds', async () => {
    expect((await createOutlet()).status).toBe(201);
    const ended = await dba.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1`,
      [`greenvoice ${schema} %`],
    );
    expect(ended.rowCount).toBeGreaterThan(0);
    await sleep(500);
    expect(alive(), server.output()).toBe(true);
    expect((await health()).status).toBe(200);
    expect((await createOutlet()).status).toBe(201);
  });

  it('answers 503 while the database is unreachable, stays up, and recovers by itself', async () => {
    // a write waiting on a lock holds a connection when the network goes
    await dba.query('BEGIN');
    await dba.query(`LOCK TABLE ${schema}.outlets IN ACCESS EXCLUSIVE MODE`);
    const inFlight = createOutlet();
    for (let i = 0; i < 100; i++) {
      const waiting = await dba.query(
        `SELECT 1 FROM pg_stat_activity WHERE application_name LIKE $1 AND wait_event_type = 'Lock'`,
        [`greenvoice ${schema} %`],
      );
      if (waiting.rowCount) break;
      await sleep(50);
    }
    await proxy.stop();
    await dba.query('COMMIT');
    const cut = await inFlight;
    expect(cut.status).toBe(503);
    expect(cut.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', messageEn: expect.any(String) });
    expect(await stored(cut.name)).toBe(0);

    const askedAt = Date.now();
    const down = await health();
    console.info(`database outage: health answered 503 in ${Date.now() - askedAt} ms`);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ database: 'down', code: 'DATABASE_UNAVAILABLE' });
    const refused = await createOutlet();
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('DATABASE_UNAVAILABLE');
    // a write with an Idempotency-Key while the database is away (a failover): the error shape, nothing kept
    const outletId = (await dba.query(`SELECT id FROM ${schema}.outlets WHERE name = '中国环境报'`)).rows[0]
      .id as number;
    submission.title = `断网期间的投稿 ${randomBytes(3).toString('hex')}`;
    const duringOutage = await createSubmission(outletId);
    expect(duringOutage.status).toBe(503);
    expect(duringOutage.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', messageEn: expect.any(String) });
    await sleep(1000);
    expect(alive(), server.output()).toBe(true);

    await proxy.start();
    const restarted = Date.now();
    let back = 0;
    for (let i = 0; i < 50 && back !== 200; i++) {
      back = (await health()).status;
      if (back !== 200) await sleep(200);
    }
    expect(back).toBe(200);
    console.info(
      `database outage: health 200 again ${Date.now() - restarted} ms after the database came back`,
    );
    // the session (in the database) still holds, and writes go through again
    const after = await createOutlet();
    expect(after.status).toBe(201);
    expect(await stored(after.name)).toBe(1);
    // the client's retry with the same key succeeds once; a second retry gets the same answer, replayed
    const retried = await createSubmission(outletId);
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(retried.replayed).toBeNull();
    const again = await createSubmission(outletId);
    expect(again.status).toBe(201);
    expect(again.replayed).toBe('true');
    expect(again.body.id).toBe(retried.body.id);
    const kept = await dba.query(`SELECT id FROM ${schema}.submissions WHERE title = $1`, [submission.title]);
    expect(kept.rowCount).toBe(1);
    expect(alive()).toBe(true);
  }, 60_000);
});
