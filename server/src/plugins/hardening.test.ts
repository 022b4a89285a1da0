// Checklist items that need a setting of their own: password age for privileged roles (§4), proxy
// headers trusted only from a configured proxy (§20), the upload size limit (§21; the 5-files limit
// needs a route that takes several files — evidence uploads), and what the
// server's log may never contain (§3, §26).
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_ALIVE_MS } from '../app.ts';
import { repoRoot, startChildServer } from '../test/child-server.ts';
import { multipartFile } from '../test/multipart.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { demoAccount } from '../test/demo-actors.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

describe('password age (§4)', () => {
  it('makes admins change a password older than 90 days before anything else; others are not asked', async () => {
    await t.database.db
      .updateTable('people')
      .set({ password_changed_at: daysAgo(91) })
      .where('username', 'in', ['admin', 'officer.wl'])
      .execute();
    const admin = await t.loginAs('admin');
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie: admin })).json().mustChangePassword,
    ).toBe(true);
    const units = await t.inject({ method: 'GET', url: '/api/v1/units', cookie: admin });
    expect(units.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const officer = await t.loginAs('officer.wl');
    expect((await t.inject({ method: 'GET', url: '/api/v1/units', cookie: officer })).statusCode).toBe(200);
    await t.database.db
      .updateTable('people')
      .set({ password_changed_at: daysAgo(1), must_change_password: 0 })
      .where('username', 'in', ['admin', 'officer.wl'])
      .execute();
  });
});

describe('keep-alive (decision 212)', () => {
  it('the app says how long it keeps an idle connection, and nginx in deploy/ closes its own sooner', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const agent = new http.Agent({ keepAlive: true });
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path: '/api/v1/health', agent }, (res) => {
          res.resume();
          resolve(res.headers);
        })
        .on('error', reject),
    );
    agent.destroy();
    // Node states its keepAliveTimeout in this header; Fastify's 72 s would say 72
    expect(headers['keep-alive']).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
    const conf = fs.readFileSync(path.join(repoRoot, 'deploy/nginx/greenvoice.conf'), 'utf8');
    const upstream = /upstream greenvoice \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    const nginxSeconds = Number(/^\s*keepalive_timeout (\d+)s;/m.exec(upstream)?.[1]);
    expect(nginxSeconds).toBeGreaterThan(0);
    expect(nginxSeconds * 1000).toBeLessThan(KEEP_ALIVE_MS);
  });
});

describe('proxy headers (§20)', () => {
  const lastLoginIp = async (app: TestApp) =>
    (
      await app.database.db
        .selectFrom('audit_log')
        .select('client_ip')
        .where('action', '=', 'auth.login')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).client_ip;
  const attempt = (app: TestApp) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload: { username: 'nobody', password: 'Wrong-Password-1' },
    });

  it('ignores X-Forwarded-For unless it comes from a configured proxy', async () => {
    await attempt(t);
    expect(await lastLoginIp(t)).toBe('127.0.0.1');
    const proxied = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      await attempt(proxied);
      expect(await lastLoginIp(proxied)).toBe('203.0.113.9');
    } finally {
      await proxied.close();
    }
  });
});

describe('rate-limit store outage (§20)', () => {
  it('keeps answering when Redis is unreachable: limits fail open, nothing answers 500', async () => {
    const app = await createTestApp({ demo: true, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'Wrong-Password-1' },
      });
      expect(login.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('upload limits (§21)', () => {
  it('refuses a file over 10 MiB with 413, before reading it whole', async () => {
    const adminCookie = await t.loginAs('admin');
    const big = multipartFile('file', 'big.xlsx', Buffer.alloc(10 * 1024 * 1024 + 1024, 1));
    const tooBig = await t.inject({ method: 'POST', url: '/api/v1/org/import', cookie: adminCookie, ...big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('logs (§3, §26)', () => {
  it('never hold passwords, session tokens or full mobile numbers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-logs-'));
    const server = await startChildServer({
      DATA_DIR: dir,
      LOG_LEVEL: 'trace',
      SCRYPT_LOG_N: '10',
      JOBS_ENABLED: 'false',
    });
    try {
      const post = (url: string, body: unknown, cookie?: string) =>
        fetch(server.url + url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify(body),
        });
      await post('/api/v1/auth/login', { username: 'admin', password: 'Wrong-But-Secret-Pw-1' });
      const ok = await post('/api/v1/auth/login', {
        username: 'admin',
        password: demoAccount('admin').password,
      });
      const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
      const token = cookie.split('=')[1]!;
      const created = await post(
        '/api/v1/people',
        { unitId: 1, name: '日志测试', mobile: '13912345678', roles: [] },
        cookie,
      );
      expect(created.status).toBe(201);
      const id = ((await created.json()) as { id: number }).id;
      await post(`/api/v1/people/${id}/reveal-mobile`, {}, cookie);
      await fetch(`${server.url}/api/v1/people?q=日志`, { headers: { cookie } });
      // the log proper: pino's JSON lines (the start-up banner lists the demo accounts on purpose)
      const log = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .join('\n');
      expect(log).toContain('"reqId"'); // it did log the requests
      for (const secret of ['Wrong-But-Secret-Pw-1', demoAccount('admin').password, token, '13912345678'])
        expect(log, `log holds ${secret}`).not.toContain(secret);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
