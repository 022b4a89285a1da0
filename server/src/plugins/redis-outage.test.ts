// Decision 056 proved: with the rate-limit counters in Redis, Redis stopped mid-run does not stop the
// server — requests keep being answered, none with 500, the limits fail open — and the limits are
// enforced again, in Redis, once it is back. The test runs its own redis-server on a port of its own
// (never the machine's shared one) and kills it with SIGKILL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialect, type TestApp } from '../test/test-app.ts';

const PORT = testDialect() === 'postgres' ? 42380 : 42379;
const LIMIT = 10;
const haveRedis = spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;

let redis: ChildProcess | null = null;
async function startRedis() {
  redis = spawn('redis-server', ['--port', String(PORT), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const until = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis({
      port: PORT,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => {});
    const up = await probe
      .connect()
      .then(() => probe.ping())
      .then(
        (r) => r === 'PONG',
        () => false,
      );
    probe.disconnect();
    if (up) return;
    if (Date.now() > until) throw new Error(`redis-server did not start on ${PORT}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
async function killRedis() {
  const proc = redis;
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;
}
async function keysIn(pattern: string): Promise<string[]> {
  const c = new Redis({ port: PORT, maxRetriesPerRequest: 1 });
  c.on('error', () => {});
  try {
    return await c.keys(pattern);
  } finally {
    c.disconnect();
  }
}

let t: TestApp;
const health = (ip: string) => t.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: ip });
async function statusesOf(n: number, ip: string) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await health(ip)).statusCode);
  return out;
}

describe.skipIf(!haveRedis)(
  `rate limits while Redis goes away and comes back${haveRedis ? '' : ' — skipped: no redis-server'}`,
  () => {
    beforeAll(async () => {
      await startRedis();
      t = await createTestApp({
        demo: true,
        env: { REDIS_URL: `redis://127.0.0.1:${PORT}`, RATE_LIMIT_PER_MINUTE: String(LIMIT) },
      });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      await killRedis();
    });

    it('enforces the limit in Redis, answers everything while Redis is down, and enforces it again when it returns', async () => {
      // The app's client connects in the background and, until it is ready, the limits fail open (by
      // design): wait until a request leaves its counter in Redis before asserting the limit.
      for (let i = 0; (await keysIn('gv-rl:*api:10.30.9.9')).length === 0; i++) {
        if (i > 100) throw new Error("the app's Redis client never became ready");
        await health('10.30.9.9');
        await new Promise((r) => setTimeout(r, 100));
      }
      // up: the limit holds, and the counter is Redis's
      expect(await statusesOf(LIMIT + 2, '10.30.0.1')).toEqual([...Array(LIMIT).fill(200), 429, 429]);
      expect((await keysIn('gv-rl:*api:10.30.0.1')).length).toBe(1);

      await killRedis();
      // down: well past the limit, every request is answered as if there were none — no 500, no 429
      expect(await statusesOf(LIMIT * 3, '10.30.0.2')).toEqual(Array(LIMIT * 3).fill(200));
      const portal = await t.inject({ method: 'GET', url: '/search?q=环境', remoteAddress: '10.30.0.2' });
      expect(portal.statusCode).toBe(200);
      const login = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'Wrong-Password-1' },
        remoteAddress: '10.30.0.2',
      });
      expect(login.statusCode).toBe(401);

      await startRedis();
      // back: the app reconnects by itself; a new client is limited again, its counter in the new Redis
      let resumed: number[] = [];
      for (let round = 0; round < 50; round++) {
        resumed = await statusesOf(LIMIT + 1, `10.30.1.${round}`);
        if (resumed.at(-1) === 429) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(resumed).toEqual([...Array(LIMIT).fill(200), 429]);
      expect((await keysIn('gv-rl:*api:10.30.1.*')).length).toBeGreaterThan(0);
    }, 60_000);
  },
);
