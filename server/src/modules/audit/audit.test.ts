import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
  auditor = await t.loginAs('auditor');
});
afterAll(() => t.close());

const lastRecord = () =>
  t.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
const verify = async () =>
  (await t.inject({ method: 'GET', url: '/api/v1/audit/verify', cookie: auditor })).json();

/** Tampering needs the append-only triggers out of the way — which is exactly what an attacker with database access would do. */
async function withoutTriggers(work: () => Promise<unknown>) {
  if (t.database.dialect === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.database.db);
    await work();
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(t.database.db);
  } else {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(t.database.db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(t.database.db);
    await work();
  }
}

describe('audit log', () => {
  it('records sign-ins with who, role, client IP, action, result, request id and time', async () => {
    await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'reviewer', password: 'nope-nope-nope' },
      remoteAddress: '10.1.2.3',
    });
    const r = await lastRecord();
    expect(r).toMatchObject({
      action: 'auth.login',
      result: 'failure',
      client_ip: '10.1.2.3',
      object_type: 'person',
    });
    expect(r.request_id).toBeTruthy();
    expect(r.detail).not.toContain('nope-nope');
    await t.loginAs('reviewer');
    expect(await lastRecord()).toMatchObject({
      action: 'auth.login',
      result: 'success',
      actor_name: '审核员（演示）',
      actor_roles: 'reviewer',
    });
  });

  it('writes exactly one record for every state-changing request: successful, refused or invalid', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const bureau = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'CDHB')
      .executeTakeFirstOrThrow();
    const requests = [
      {
        method: 'POST',
        url: '/api/v1/units',
        cookie: admin,
        payload: { code: 'CD-AUD', name: '审计测试科', kind: 'department', parentId: bureau.id },
      },
      { method: 'POST', url: '/api/v1/units', cookie: admin, payload: { code: 'x y' } },
      { method: 'POST', url: '/api/v1/units', payload: { code: 'CD-ANON' } },
      { method: 'POST', url: '/api/v1/units', cookie: auditor, payload: {} },
      { method: 'DELETE', url: '/api/v1/units/999999', cookie: admin },
    ] as const;
    const expected = [
      'unit.create/success',
      'http.post/failure',
      'http.post/denied',
      'http.post/denied',
      'http.delete/failure',
    ];
    for (const [i, r] of requests.entries()) {
      const before = await count();
      await t.inject(r as never);
      expect(await count(), r.url).toBe(before + 1);
      const last = await lastRecord();
      expect(`${last.action}/${last.result}`).toBe(expected[i]);
    }
  });

  it('keeps before and after values of a change', async () => {
    const unit = await t.database.db
      .selectFrom('units')
      .select(['id', 'version'])
      .where('code', '=', 'CD-AUD')
      .executeTakeFirstOrThrow();
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      cookie: admin,
      payload: { version: unit.version, name: '审计测试科（改名）' },
    });
    const detail = JSON.parse((await lastRecord()).detail!);
    expect(detail.before.name).toBe('审计测试科');
    expect(detail.after.name).toBe('审计测试科（改名）');
  });

  it('lets only the audit administrator read it, filtered and paged', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/audit?action=auth.login&result=failure&pageSize=5',
      cookie: auditor,
    });
    expect(res.statusCode).toBe(200);
    for (const r of res.json().items) expect(r).toMatchObject({ action: 'auth.login', result: 'failure' });
    expect((await t.inject({ method: 'GET', url: '/api/v1/audit', cookie: admin })).statusCode).toBe(403);
  });

  it('names the objects: a person by name, a unit by its current name, a gone object by its number', async () => {
    const reviewer = await t.database.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('username', '=', 'reviewer')
      .executeTakeFirstOrThrow();
    const res = await t.inject({ method: 'GET', url: '/api/v1/audit?pageSize=100', cookie: auditor });
    const items = res.json().items as {
      objectType: string | null;
      objectId: string | null;
      objectName: string | null;
    }[];
    const login = items.find((r) => r.objectType === 'person' && r.objectId === String(reviewer.id));
    expect(login?.objectName).toBe(reviewer.name);
    const unit = items.find((r) => r.objectType === 'unit');
    expect(unit?.objectName).toBe('审计测试科（改名）');
    // an id nothing has: unnamed, its number kept
    await t.services.audit.record(
      { requestId: 'named-test', clientIp: '127.0.0.1', userAgent: 'test', actor: null, audited: false },
      { action: 'person.delete', objectType: 'person', objectId: 987654 },
    );
    const gone = (await t.inject({ method: 'GET', url: '/api/v1/audit?pageSize=1', cookie: auditor })).json()
      .items[0];
    expect(gone).toMatchObject({ objectType: 'person', objectId: '987654', objectName: null });
  });

  it('cannot be changed or deleted through the database', async () => {
    await expect(
      t.database.db.updateTable('audit_log').set({ result: 'success' }).where('id', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('audit_log').where('id', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('verifies, and detects a changed, a deleted and a reordered record', async () => {
    expect(await verify()).toMatchObject({ ok: true, firstBadId: null });
    const records = await t.database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const victim = records[3]!;
    await withoutTriggers(async () => {
      await t.database.db
        .updateTable('audit_log')
        .set({ result: 'denied' })
        .where('id', '=', victim.id)
        .execute();
    });
    expect(await verify()).toMatchObject({ ok: false, firstBadId: victim.id });
    await withoutTriggers(async () => {
      await t.database.db
        .updateTable('audit_log')
        .set({ result: victim.result })
        .where('id', '=', victim.id)
        .execute();
    });
    expect((await verify()).ok).toBe(true);

    // reorder: swap the contents of two records
    const [a, b] = [records[5]!, records[6]!];
    await withoutTriggers(async () => {
      const { id: _a, ...restA } = a;
      const { id: _b, ...restB } = b;
      await t.database.db.updateTable('audit_log').set(restB).where('id', '=', a.id).execute();
      await t.database.db.updateTable('audit_log').set(restA).where('id', '=', b.id).execute();
    });
    expect(await verify()).toMatchObject({ ok: false, firstBadId: a.id });
    await withoutTriggers(async () => {
      const { id: _a, ...restA } = a;
      const { id: _b, ...restB } = b;
      await t.database.db.updateTable('audit_log').set(restA).where('id', '=', a.id).execute();
      await t.database.db.updateTable('audit_log').set(restB).where('id', '=', b.id).execute();
    });
    expect((await verify()).ok).toBe(true);

    // delete the newest record: the chain alone would not notice; the head does
    const newest = await lastRecord();
    await withoutTriggers(() => t.database.db.deleteFrom('audit_log').where('id', '=', newest.id).execute());
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/deleted/);
  });
});
