import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let officer: string;
let reviewer: string;
let unitWl: number;
let unitDc: number;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
  officer = await t.loginAs('officer.wl');
  reviewer = await t.loginAs('reviewer');
  const id = async (code: string) =>
    (await t.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;
  unitWl = await id('CD-WL');
  unitDc = await id('CD-DC');
});
afterAll(() => t.close());

const peopleCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('people', () => {
  it('shows mobile numbers masked in lists, to everyone', async () => {
    for (const cookie of [admin, reviewer]) {
      const res = await t.inject({ method: 'GET', url: '/api/v1/people?pageSize=100', cookie });
      expect(res.statusCode).toBe(200);
      for (const p of res.json().items)
        if (p.mobileMasked) expect(p.mobileMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(res.body).not.toMatch(/"1[3-9]\d{9}"/);
    }
  });

  it('reveals a full number only to roles that need it, and audits each reveal', async () => {
    const person = (
      await t.inject({ method: 'GET', url: `/api/v1/people?unitId=${unitDc}`, cookie: admin })
    ).json().items[0];
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/reveal-mobile`,
      cookie: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().mobile).toMatch(/^1[3-9]\d{9}$/);
    expect(res.json().mobile.slice(0, 3)).toBe(person.mobileMasked.slice(0, 3));
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.mobile.reveal')
      .where('object_id', '=', String(person.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail ?? '').not.toContain(res.json().mobile);
    expect(
      (await t.inject({ method: 'POST', url: `/api/v1/people/${person.id}/reveal-mobile`, cookie: reviewer }))
        .statusCode,
    ).toBe(403);
  });

  it('creates a person, normalising the mobile number', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/people',
      cookie: admin,
      payload: {
        unitId: unitDc,
        name: '李新',
        title: '科员',
        mobile: '+86 139-0736-1234',
        roles: ['officer'],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '李新',
      mobileMasked: '139****1234',
      roles: ['officer'],
      unitName: '鼎城区环境保护局',
    });
    const row = await t.database.db
      .selectFrom('people')
      .select('mobile')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.mobile).toBe('13907361234');
  });

  it('refuses a wrong phone number, a duplicate user name, an unknown unit and unknown fields — writing nothing', async () => {
    const before = await peopleCount();
    const bad: Array<[object, number, string]> = [
      [{ unitId: unitDc, name: '甲', mobile: '12345678901', roles: [] }, 400, '/mobile'],
      [{ unitId: unitDc, name: '乙', mobile: '010-12345678', roles: [] }, 400, '/mobile'],
      [{ unitId: unitDc, name: '丙', roles: [], username: 'admin' }, 409, '/username'],
      [{ unitId: 99999, name: '丁', roles: [] }, 400, '/unitId'],
      [{ unitId: unitDc, name: '戊', roles: ['superuser'] }, 400, '/roles/0'],
      [{ unitId: unitDc, name: '己', roles: [], isAdmin: true }, 400, '/isAdmin'],
      [
        {
          unitId: unitDc,
          name: '庚',
          roles: ['reviewer'],
          username: 'geng.rev',
          initialPassword: 'Short-1a',
        },
        400,
        '/initialPassword',
      ],
    ];
    for (const [payload, status, field] of bad) {
      const res = await t.inject({ method: 'POST', url: '/api/v1/people', cookie: admin, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await peopleCount()).toBe(before);
  });

  it('an information officer sees only their own unit’s people; another unit’s person answers 404', async () => {
    const list = await t.inject({ method: 'GET', url: '/api/v1/people?pageSize=100', cookie: officer });
    expect(list.statusCode).toBe(200);
    expect(new Set(list.json().items.map((p: { unitId: number }) => p.unitId))).toEqual(new Set([unitWl]));
    const other = (
      await t.inject({ method: 'GET', url: `/api/v1/people?unitId=${unitDc}`, cookie: admin })
    ).json().items[0];
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/people/${other.id}`, cookie: officer })).statusCode,
    ).toBe(404);
    const filtered = await t.inject({
      method: 'GET',
      url: `/api/v1/people?unitId=${unitDc}`,
      cookie: officer,
    });
    expect(filtered.json().items).toHaveLength(0);
  });

  it('filters by role and searches by name', async () => {
    const officers = await t.inject({
      method: 'GET',
      url: '/api/v1/people?role=officer&pageSize=100',
      cookie: admin,
    });
    for (const p of officers.json().items) expect(p.roles).toContain('officer');
    const search = await t.inject({
      method: 'GET',
      url: `/api/v1/people?q=${encodeURIComponent('审计')}`,
      cookie: admin,
    });
    expect(search.json().items.map((p: { username: string }) => p.username)).toContain('auditor');
  });

  it('never returns password hashes or secrets', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/people?pageSize=100', cookie: admin });
    expect(res.body).not.toMatch(/scrypt|password_hash|passwordHash|totp/i);
  });
});

describe('a named contact gets a login from the console', () => {
  it('with an e-mail address, then a user name and a temporary password that must be changed', async () => {
    const made = await t.inject({
      method: 'POST',
      url: '/api/v1/people',
      cookie: admin,
      payload: { unitId: unitDc, name: '周联络', roles: ['officer'], email: ' Zhou@CD-DC.Example.cn ' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const person = made.json();
    expect(person).toMatchObject({ username: null, email: 'Zhou@cd-dc.example.cn' });
    const bad = await t.inject({
      method: 'PATCH',
      url: `/api/v1/people/${person.id}`,
      cookie: admin,
      payload: { version: person.version, email: 'not-an-address' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: '/email', messageEn: 'Not an e-mail address' });

    const grant = (cookie: string, payload: object) =>
      t.inject({ method: 'POST', url: `/api/v1/people/${person.id}/account`, cookie, payload });
    expect((await grant(officer, { action: 'createLogin', username: 'zhou.dc' })).statusCode).toBe(403);
    expect((await grant(admin, { action: 'createLogin' })).json().fields[0].field).toBe('/username');
    expect(
      (await grant(admin, { action: 'createLogin', username: 'officer.wl' })).json().fields[0].field,
    ).toBe('/username');
    const res = await grant(admin, { action: 'createLogin', username: 'Zhou.DC' });
    expect(res.statusCode, res.body).toBe(200);
    const temporary = res.json().temporaryPassword as string;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect((await grant(admin, { action: 'createLogin', username: 'zhou.two' })).statusCode).toBe(422);

    // the contact signs in and must choose their own password first
    const cookie = await t.login('zhou.dc', temporary);
    const me = await t.inject({ method: 'GET', url: '/api/v1/submissions', cookie });
    expect(me.statusCode).toBe(403);
    expect(me.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'account.createLogin')
      .where('object_id', '=', String(person.id))
      .executeTakeFirstOrThrow();
    expect(audit.detail).not.toContain(temporary);
    expect(JSON.parse(audit.detail!).after).toEqual({ username: 'zhou.dc', mustChangePassword: true });
  });
});
