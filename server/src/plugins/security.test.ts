// Route coverage and the role × route matrix (docs/security-requirements.md §10, §11, §13, §18).
import { ROLES, ROLE_PERMISSIONS, type Role } from '@greenvoice/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.ts';
import { checkDatabase } from '../../../scripts/lib/database-check.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test/test-app.ts';

let t: TestApp;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  // one person of the test's own per role, in the demo account's unit (so the same scope)
  for (const a of DEMO_ACCOUNTS)
    cookies.set(a.role, await t.newAccount(`matrix.${a.username}`, a.role, a.unitCode));
});
afterAll(() => t.close());

const apiRoutes = () => t.app.declaredRoutes.filter((r) => r.url.startsWith('/api/v1/'));
const concrete = (url: string) => url.replace(/:id\b/g, '1').replace(/:[a-zA-Z]+/g, 'x');
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('route coverage', () => {
  it('every route declares its access (the app refuses to start otherwise)', () => {
    expect(t.app.declaredRoutes.length).toBeGreaterThan(20);
    for (const r of t.app.declaredRoutes) expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('every API route declares a response schema and schemas for its params, query and body', () => {
    // every gap at once, so one run names all the routes to fix
    const missing: string[] = [];
    for (const r of apiRoutes()) {
      const where = `${r.method} ${r.url}`;
      if (!r.schema?.response) missing.push(`${where}: response`);
      if (r.url.includes('/:') && !r.schema?.params) missing.push(`${where}: params`);
      const multipart =
        Array.isArray(r.schema?.consumes) && (r.schema.consumes as string[]).includes('multipart/form-data');
      if (
        UNSAFE.has(r.method) &&
        r.method !== 'DELETE' &&
        !r.url.endsWith('/logout') &&
        !r.url.endsWith('/reveal-mobile') &&
        !multipart &&
        !r.schema?.body
      )
        missing.push(`${where}: body`);
    }
    expect(missing).toEqual([]);
  });

  it('public API routes are exactly the intended list', () => {
    const publicRoutes = apiRoutes()
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/auth/login-info',
        'GET /api/v1/health',
        'POST /api/v1/auth/login',
      ]),
    );
    for (const r of publicRoutes)
      expect(r).toMatch(
        /^(GET \/api\/v1\/(health|auth\/login-info|open-data(\/.+)?|environment\/(air|water|dischargers|incidents)(\/.+)?)|POST \/api\/v1\/(auth\/login|tools\/.+|portal\/articles\/:id\/reads|public\/signup-events\/:id\/signups|public\/signups\/cancel))$/,
      );
  });
});

describe('role × route matrix', () => {
  it('anonymous visitors get 401 on every non-public API route', async () => {
    for (const r of apiRoutes().filter((x) => x.access !== 'public')) {
      const res = await t.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        ...(UNSAFE.has(r.method) ? { payload: {} } : {}),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('each role reaches exactly the routes its permissions grant; all others answer 403', async () => {
    for (const role of ROLES) {
      const cookie = cookies.get(role)!;
      for (const r of apiRoutes().filter((x) => x.access !== 'public' && x.url !== '/api/v1/auth/logout')) {
        const res = await t.inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          cookie,
          ...(UNSAFE.has(r.method) ? { payload: {} } : {}),
        });
        const where = `${role} ${r.method} ${r.url} → ${res.statusCode}`;
        if (ROLE_PERMISSIONS[role].includes(r.access as never))
          expect([401, 403], where).not.toContain(res.statusCode);
        else {
          expect(res.statusCode, where).toBe(403);
          expect(res.json().code).toBe('FORBIDDEN');
        }
      }
    }
  }, 120_000); // nine roles × every route on a shared machine

  it('only the audit administrator reads the audit log; admins cannot', async () => {
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/audit', cookie: cookies.get('auditor') })).statusCode,
    ).toBe(200);
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/audit', cookie: cookies.get('admin') })).statusCode,
    ).toBe(403);
  });
});

describe('safe methods', () => {
  it('no GET changes stored state: every table holds the same rows after every GET route (§17)', async () => {
    const counts = async () => (await checkDatabase(t.database, t.auditKey)).rowCounts;
    // the earlier tests' anonymous refusals are summarised once their minute is over (decision 065):
    // written now, not in the middle of the GETs
    await t.app.refusalAudit.flush(true);
    const before = await counts();
    const lastId = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    for (const role of ROLES)
      for (const r of apiRoutes().filter((x) => x.method === 'GET'))
        await t.inject({ method: 'GET', url: concrete(r.url), cookie: cookies.get(role) });
    const after = await counts();
    // reading leaves audit records only where §24 asks for them: exports and unmasked personal data
    const written = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('id', '>', Number(lastId.id ?? 0))
      .execute();
    // (a reporter's identity read by the receiving bureau is such a reading: cases.reporter.read)
    for (const w of written) expect(w.action).toMatch(/export|reveal|view|reporter\.read/);
    expect({ ...after, audit_log: 0, audit_head: 0 }).toEqual({ ...before, audit_log: 0, audit_head: 0 });
  }, 120_000); // nine roles × every GET route on a shared machine
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request from another site, with or without a session', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      cookie: cookies.get('admin'),
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { title: 'x', deadline: '2026-01-01' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_REJECTED');
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'matrix.admin', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
  });

  it('accepts the same origin', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      cookie: cookies.get('admin'),
      headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
      payload: { title: '2027年联络信息报送', deadline: '2027-04-30' },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('headers', () => {
  it('sends security headers and no-store on personal API answers', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/people', cookie: cookies.get('admin') });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeTruthy();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After in the error shape once a client exceeds the sign-in limit', async () => {
    const limited = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 5; i++) {
        last = await limited.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'nobody', password: 'Wrong-Password-1' },
        });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.json()).toMatchObject({ code: 'RATE_LIMITED', requestId: last!.headers['x-request-id'] });
    } finally {
      await limited.close();
    }
  });
});
