// The database going away is an outage, not a crash (hardening issue item 1, decision 060): PostgreSQL
// ending the app's connections — idle or in the middle of a request — answers that request 503
// DATABASE_UNAVAILABLE in the one error shape (public pages: an HTML page), and the next request gets a
// fresh connection. On SQLite the analogue is a lock held past the busy timeout. The child-process
// version (the process survives a database made unreachable) is database-outage.test.ts.
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy.ts';
import { createTestApp, TEST_PG_URL, testDialect, type TestApp } from '../test/test-app.ts';
import { pgApplicationName } from './database.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let seq = 0;
const outlet = () => ({ name: `断线演练 ${process.pid}-${++seq}`, level: 'municipal', medium: 'web' });

function expectUnavailable(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect(res.statusCode).toBe(503);
  expect(res.json()).toMatchObject({
    code: 'DATABASE_UNAVAILABLE',
    message: expect.stringContaining('数据库'),
    messageEn: expect.stringContaining('database'),
    requestId: res.headers['x-request-id'],
  });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe.skipIf(testDialect() !== 'postgres')('PostgreSQL ending the app’s connections', () => {
  let t: TestApp;
  let admin: string;
  let dba: pg.Client;
  const appName = () => pgApplicationName(t.config.pgSchema);
  const outletStored = async (name: string) =>
    (await t.database.db.selectFrom('outlets').select('id').where('name', '=', name).execute()).length;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.loginAs('admin');
    dba = new pg.Client({ connectionString: TEST_PG_URL });
    await dba.connect();
  });
  afterAll(async () => {
    await dba?.end();
    await t?.close();
  });

  it('survives pg_terminate_backend of its idle connections and reconnects by itself', async () => {
    // several requests at once, so the pool holds several idle connections
    await Promise.all(Array.from({ length: 4 }, () => t.inject({ method: 'GET', url: '/api/v1/health' })));
    const ended = await dba.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
      [appName()],
    );
    expect(ended.rowCount).toBeGreaterThan(0);
    await sleep(300); // the 'error' events arrive; without a listener this process would end here
    expect((await t.inject({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({
      status: 'ok',
      database: 'postgres',
    });
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/outlets',
      cookie: admin,
      payload: outlet(),
    });
    expect(created.statusCode).toBe(201);
  });

  it('answers the request whose connection is ended mid-query 503 in the error shape, writing nothing', async () => {
    const body = outlet();
    await dba.query('BEGIN');
    await dba.query(`LOCK TABLE ${t.config.pgSchema}.outlets IN ACCESS EXCLUSIVE MODE`); // the request waits on it…
    const pending = t.inject({ method: 'POST', url: '/api/v1/outlets', cookie: admin, payload: body });
    let victim: number | undefined;
    for (let i = 0; i < 100 && victim === undefined; i++) {
      await sleep(50);
      const waiting = await dba.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
        [appName()],
      );
      victim = waiting.rows[0]?.pid;
    }
    expect(victim, 'the request never reached the database').toBeDefined();
    await dba.query('SELECT pg_terminate_backend($1)', [victim]); // …and its connection is ended
    await dba.query('COMMIT');
    expectUnavailable(await pending);
    expect(await outletStored(body.name)).toBe(0);
    // the next request gets a fresh connection
    const again = await t.inject({ method: 'POST', url: '/api/v1/outlets', cookie: admin, payload: body });
    expect(again.statusCode).toBe(201);
    expect(await outletStored(body.name)).toBe(1);
  });
});

describe.skipIf(testDialect() !== 'postgres')('pages and API while PostgreSQL is unreachable', () => {
  let t: TestApp;
  let admin: string;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const target = new URL(TEST_PG_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    t = await createTestApp({ demo: true, env: { DATABASE_URL: target.toString() } });
    admin = await t.loginAs('admin');
  });
  afterAll(async () => {
    await proxy?.start();
    await t?.close();
    await proxy?.stop();
  });

  it('a public page answers an HTML 503 page, the API and health JSON, and both recover', async () => {
    await proxy.stop();
    const page = await t.inject({ method: 'GET', url: '/search?q=%E7%8E%AF%E4%BF%9D' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('数据库暂时无法连接');
    expect(page.body).toContain(String(page.headers['x-request-id']));
    expectUnavailable(await t.inject({ method: 'GET', url: '/api/v1/outlets', cookie: admin }));
    const health = await t.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ database: 'down', code: 'DATABASE_UNAVAILABLE' });

    await proxy.start();
    expect((await t.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/search?q=%E7%8E%AF%E4%BF%9D' })).statusCode).toBe(200);
  });
});

describe.skipIf(testDialect() !== 'sqlite')('SQLite locked beyond its busy timeout', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.loginAs('admin');
  });
  afterAll(() => t?.close());

  it('answers 503 DATABASE_UNAVAILABLE, not 500, while another process holds the write lock', async () => {
    const other = new SqliteDatabase(t.config.databaseUrl);
    const body = outlet();
    try {
      other.exec('BEGIN IMMEDIATE'); // what a backup, a restore drill or a stuck script would hold
      const res = await t.inject({ method: 'POST', url: '/api/v1/outlets', cookie: admin, payload: body });
      expectUnavailable(res);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const again = await t.inject({ method: 'POST', url: '/api/v1/outlets', cookie: admin, payload: body });
    expect(again.statusCode).toBe(201);
  }, 30_000);
});
