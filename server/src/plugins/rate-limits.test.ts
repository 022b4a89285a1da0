// Hardening item 2 (decision 065): every request spends its client's budget before anything refuses
// it, and refusals nobody is accountable for are audited in bounded form — a flood can neither grow
// the append-only log without bound nor bury real events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test/test-app.ts';

const LIMIT = 20;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
});
afterAll(() => t.close());

const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const recordsFrom = (ip: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where('client_ip', '=', ip).orderBy('id').execute();

async function flood(n: number, ip: string, headers: Record<string, string> = {}, cookie?: string) {
  const statuses: number[] = [];
  let last;
  for (let i = 0; i < n; i++) {
    last = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: `FLOOD-${i}`, name: '洪水', kind: 'department', parentId: 1 },
      headers,
      remoteAddress: ip,
      ...(cookie ? { cookie } : {}),
    });
    statuses.push(last.statusCode);
  }
  return { statuses, last: last! };
}

describe('refused requests spend the rate limit', () => {
  it('a flood of anonymous refused requests gets 429 after the limit and leaves a handful of audit records', async () => {
    const before = await auditCount();
    const { statuses, last } = await flood(60, '10.20.0.1');
    expect(statuses).toEqual([...Array(LIMIT).fill(401), ...Array(60 - LIMIT).fill(429)]);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.json()).toMatchObject({ code: 'RATE_LIMITED', requestId: last.headers['x-request-id'] });
    // the first refusal of each kind and minute at once, as any refusal is recorded (two kinds here;
    // a flood that straddles a minute's end starts a second minute)
    expect(await auditCount()).toBeLessThanOrEqual(before + 4);
    await t.app.refusalAudit.flush(true);
    const records = await recordsFrom('10.20.0.1');
    expect(records.length).toBeGreaterThanOrEqual(4);
    expect(records.length).toBeLessThanOrEqual(8);
    // …and every other one is counted in its minute's summary: nothing goes unrecorded
    const total = (reason: string) =>
      records
        .map((r) => JSON.parse(r.detail!) as { reason: string; count?: number })
        .filter((d) => d.reason === reason)
        .reduce((sum, d) => sum + (d.count ?? 1), 0);
    expect(total('UNAUTHENTICATED')).toBe(LIMIT);
    expect(total('RATE_LIMITED')).toBe(60 - LIMIT);
    const summaries = records.filter((r) => r.action === 'http.refused');
    expect(new Set(summaries.map((r) => r.result))).toEqual(new Set(['denied', 'failure']));
  });

  it('cross-site requests refused by the CSRF check count too', async () => {
    const { statuses, last } = await flood(LIMIT + 3, '10.20.0.2', { 'sec-fetch-site': 'cross-site' });
    expect(statuses).toEqual([...Array(LIMIT).fill(403), 429, 429, 429]);
    expect(last.json().code).toBe('RATE_LIMITED');
    await t.app.refusalAudit.flush(true);
    const reasons = (await recordsFrom('10.20.0.2')).map((r) => JSON.parse(r.detail!).reason);
    expect(reasons.filter((r) => r === 'CSRF_REJECTED').length).toBeGreaterThanOrEqual(2);
    expect(reasons.filter((r) => r === 'CSRF_REJECTED').length).toBeLessThanOrEqual(4);
  });

  it("a signed-in person's refusals are audited one by one, and limited like anyone's", async () => {
    await t.addAccount('limits.officer', 'officer', 'CD-WL');
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'limits.officer', password: TEST_PASSWORD },
      remoteAddress: '10.20.0.3',
    });
    const cookie = `${login.cookies[0]!.name}=${login.cookies[0]!.value}`;
    const { statuses } = await flood(LIMIT + 5, '10.20.0.3', {}, cookie);
    // the sign-in spent one request of the budget
    expect(statuses).toEqual([...Array(LIMIT - 1).fill(403), ...Array(6).fill(429)]);
    await t.app.refusalAudit.flush(true);
    const records = await recordsFrom('10.20.0.3');
    const forbidden = records.filter((r) => r.action === 'http.post' && r.result === 'denied');
    expect(forbidden).toHaveLength(LIMIT - 1);
    for (const r of forbidden) expect(r.actor_name).toBe('limits.officer（测试）');
    // the 429s are the limiter's, not a decision about the person: one first record and one summary
    const limited = records.filter((r) => r.result === 'failure');
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited.length).toBeLessThanOrEqual(4);
  });

  it('real events are not buried: they stay on the first page, and the auditor can filter the summaries', async () => {
    await t.addAccount('limits.admin', 'admin', 'CD-XXZX');
    await t.addAccount('limits.auditor', 'auditor', 'CD-BGS');
    const admin = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'limits.admin', password: TEST_PASSWORD },
      remoteAddress: '10.20.0.9',
    });
    expect(admin.statusCode).toBe(200);
    await flood(60, '10.20.0.4');
    await t.app.refusalAudit.flush(true);
    const auditorLogin = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'limits.auditor', password: TEST_PASSWORD },
      remoteAddress: '10.20.0.10',
    });
    const auditor = `${auditorLogin.cookies[0]!.name}=${auditorLogin.cookies[0]!.value}`;
    const page = await t.inject({
      method: 'GET',
      url: '/api/v1/audit?pageSize=10',
      cookie: auditor,
      remoteAddress: '10.20.0.10',
    });
    const items = page.json().items as Array<{ action: string; actorName: string | null }>;
    expect(items.some((r) => r.action === 'auth.login' && r.actorName === 'limits.admin（测试）')).toBe(true);
    const summaries = await t.inject({
      method: 'GET',
      url: '/api/v1/audit?action=http.refused',
      cookie: auditor,
      remoteAddress: '10.20.0.10',
    });
    expect(summaries.json().items.length).toBeGreaterThan(0);
    for (const r of summaries.json().items) expect(r.action).toBe('http.refused');
  });
});
