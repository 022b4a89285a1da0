// WORKERS=2 on one port (decision 178), as a real process tree: the primary relays a content change so
// both workers' page caches drop the page at once (the change-feed poll is set to a minute, so only the
// relay can explain it), the scheduled job runs once a tick between the workers (the database lease),
// a rolling restart (SIGHUP) under load loses no request, and a worker killed under load is replaced
// while the other keeps answering. On SQLite: several processes on one file is the new case here; on
// PostgreSQL the same workers run behind nginx in deploy/deploy.test.ts.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { freePort, startChildServer, type ChildServer } from './test/child-server.ts';
import { startLoad } from './test/load-loop.ts';

/** A GET on a connection of its own: the cluster hands each new connection to the next worker. */
const freshGet = (url: string) =>
  new Promise<string>((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });

const pids = (out: string) =>
  out
    .match(/Workers: 2 \(pids (\d+), (\d+)\)/)!
    .slice(1)
    .map(Number);

describe('WORKERS=2: one port, two processes', () => {
  let server: ChildServer;
  let dataDir: string;
  let db: DatabaseHandle;
  let base: string;
  let started: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-workers-'));
    server = await startChildServer(
      {
        DATA_DIR: dataDir,
        DATABASE_URL: path.join(dataDir, 'greenvoice.db'),
        PORT: String(await freePort()),
        WORKERS: '2',
        SCRYPT_LOG_N: '10',
        PORTAL_POLL_MS: '60000',
        HOUSEKEEPING_CRON: '*/2 * * * * *',
      },
      90_000,
    );
    started = Date.now();
    base = server.url;
    db = await openDatabase({ url: path.join(dataDir, 'greenvoice.db'), dialect: 'sqlite', pgSchema: null });
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the primary prints one banner naming both workers', () => {
    expect(server.output().match(/门户 Portal:/g)).toHaveLength(1);
    expect(new Set(pids(server.output())).size).toBe(2);
  });

  it('a channel renamed through one worker is gone from both workers’ caches at once (the primary relays it)', async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;
    // six new connections: each worker renders the home page and keeps it
    for (let i = 0; i < 6; i++) expect(await freshGet(`${base}/`)).toContain('工作动态');
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const channels = (await (await fetch(`${base}/api/v1/cms/channels`, { headers: { cookie } })).json()) as {
      id: number;
      code: string;
      version: number;
    }[];
    const gzdt = channels.find((c) => c.code === 'gzdt')!;
    const patched = await fetch(`${base}/api/v1/cms/channels/${gzdt.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ version: gzdt.version, name: '工作动态（多进程）' }),
    });
    expect(patched.status, await patched.text()).toBe(200);
    // the relay is a message between processes: give it a moment, far less than the minute-long poll
    await new Promise((r) => setTimeout(r, 300));
    const pages = await Promise.all(Array.from({ length: 6 }, () => freshGet(`${base}/`)));
    for (const page of pages) expect(page).toContain('工作动态（多进程）');
  });

  it('the scheduled job runs once a tick between the two workers', async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, 7_000 - (Date.now() - started))));
    const runs = await db.db
      .selectFrom('audit_log')
      .select(['request_id', 'detail'])
      .where('action', '=', 'job.housekeeping')
      .execute();
    const byTick = new Map<string, string[]>();
    for (const r of runs) {
      const holder = String((JSON.parse(String(r.detail)) as { holder: string }).holder);
      byTick.set(String(r.request_id), [...(byTick.get(String(r.request_id)) ?? []), holder]);
    }
    expect(byTick.size, server.output()).toBeGreaterThanOrEqual(2);
    for (const [tick, holders] of byTick) expect(holders, tick).toHaveLength(1);
    const lease = await db.db
      .selectFrom('job_leases')
      .select('runs')
      .where('name', '=', 'housekeeping')
      .executeTakeFirst();
    expect(lease?.runs).toBe(byTick.size);
  }, 20_000);

  it('a rolling restart (SIGHUP) under load: every request answered, both workers replaced', async () => {
    const before = pids(server.output());
    const load = startLoad([`${base}/`, `${base}/channels/gzdt`]);
    await load.answered(50);
    server.proc.kill('SIGHUP');
    while (!/rolling restart done/.test(server.output())) await new Promise((r) => setTimeout(r, 50));
    await load.answered(50);
    const counts = await load.stop();
    const after = server
      .output()
      .match(/rolling restart done: workers (\d+), (\d+)/)!
      .slice(1)
      .map(Number);
    expect(counts.failed).toEqual([]);
    expect(counts.ok).toBeGreaterThan(100);
    expect(after.filter((p) => before.includes(p))).toEqual([]);
    console.info(`rolling restart: ${counts.ok} answers, 0 failed, workers ${before} → ${after}`);
  }, 45_000);

  it('a worker killed (SIGKILL) under load: the other keeps answering and a replacement starts', async () => {
    const [victim, survivor] = server
      .output()
      .match(/rolling restart done: workers (\d+), (\d+)/)!
      .slice(1)
      .map(Number);
    const load = startLoad([`${base}/`, `${base}/channels/gzdt`]);
    await load.answered(50);
    process.kill(victim!, 'SIGKILL');
    const okAtKill = load.counts.ok;
    const replaced = new RegExp(`worker ${victim} exited \\(SIGKILL\\); replacement (\\d+) listening`);
    while (!replaced.test(server.output())) await new Promise((r) => setTimeout(r, 50));
    const okWhileReplacing = load.counts.ok - okAtKill;
    const failedAtReplacement = load.counts.failed.length;
    await load.answered(50);
    const counts = await load.stop();
    // only requests in flight on the killed worker may fail: at most one per client
    expect(counts.failed.length).toBeLessThanOrEqual(6);
    expect(counts.failed.length).toBe(failedAtReplacement); // nothing failed once it was replaced
    expect(okWhileReplacing).toBeGreaterThan(0); // the survivor answered meanwhile
    const replacement = Number(server.output().match(replaced)![1]);
    expect(replacement).not.toBe(survivor);
    expect(() => process.kill(survivor!, 0)).not.toThrow();
    console.info(
      `worker killed: ${okWhileReplacing} answers by the survivor while the replacement started, ${counts.failed.length} in-flight requests lost`,
    );
  }, 45_000);

  it('SIGTERM stops the primary and both workers cleanly', async () => {
    await server.stop();
    expect(server.proc.exitCode).toBe(0);
  }, 30_000);
});
