import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('signs in with the right password and answers who is signed in', async () => {
    const cookie = await t.newAccount('sign.in', 'officer', 'CD-WL');
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'sign.in',
      roles: ['officer'],
      scope: 'unit',
      unitName: '武陵区环境保护局',
    });
    expect(me.body).not.toContain('password');
  });

  it('answers an unknown user exactly like a wrong password (no enumeration)', async () => {
    const unknown = await login('nobody.here', 'Whatever-123456');
    await t.addAccount('wrong.password', 'reviewer', 'CD-XXZX');
    const wrong = await login('wrong.password', 'Wrong-Password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (b: { code: string; message: string; messageEn: string }) => ({
      code: b.code,
      message: b.message,
      messageEn: b.messageEn,
    });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
  });

  it('sets an HttpOnly, SameSite=Strict session cookie holding no personal data', async () => {
    await t.addAccount('cookie.leader', 'leadership', 'CDHB');
    const res = await login('cookie.leader', TEST_PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'gv_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.value).not.toContain('leader');
  });

  it('locks the account after 5 failures in 15 minutes, refusing even the right password, until an admin unlocks it', async () => {
    await t.addAccount('lock.deputy', 'deputyLeader', 'CD-WL');
    for (let i = 0; i < 4; i++)
      expect((await login('lock.deputy', `Wrong-Password-${i}`)).statusCode).toBe(401);
    expect((await login('lock.deputy', 'Wrong-Password-5')).statusCode).toBe(401);
    // locked: the right password answers as a wrong one does, so a lock reveals no account (decision 077)
    const locked = await login('lock.deputy', TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('INVALID_CREDENTIALS');

    const admin = await t.loginAs('admin');
    const unlock = await t.accountAction(admin, 'lock.deputy', { action: 'unlock' });
    expect(unlock.statusCode).toBe(200);
    expect((await login('lock.deputy', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('ends the session on the server at sign-out: the old cookie no longer works', async () => {
    const cookie = await t.loginAs('reviewer');
    expect((await t.inject({ method: 'POST', url: '/api/v1/auth/logout', cookie })).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });

  it('expires a session after the idle timeout and after the absolute timeout', async () => {
    const idle = await t.loginAs('reviewer');
    const abs = await t.loginAs('leader');
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await t.database.db
      .updateTable('sessions')
      .set({ last_seen_at: longAgo })
      .where('person_id', '=', await t.personId('reviewer'))
      .execute();
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('person_id', '=', await t.personId('leader'))
      .execute();
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie: idle })).statusCode).toBe(401);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie: abs })).statusCode).toBe(401);
  });

  it('gives admins a 15-minute idle timeout and others 30', async () => {
    await t.loginAs('admin');
    await t.loginAs('officer.wl');
    const rows = await t.database.db
      .selectFrom('sessions')
      .innerJoin('people', 'people.id', 'sessions.person_id')
      .select(['people.username', 'sessions.idle_minutes'])
      .where('people.username', 'in', ['admin', 'officer.wl'])
      .execute();
    expect(new Set(rows.filter((r) => r.username === 'admin').map((r) => r.idle_minutes))).toEqual(
      new Set([15]),
    );
    expect(new Set(rows.filter((r) => r.username === 'officer.wl').map((r) => r.idle_minutes))).toEqual(
      new Set([30]),
    );
  });
});

describe('passwords', () => {
  it('refuses a new password that breaks the rules, naming the reasons in Chinese and English', async () => {
    const cookie = await t.newAccount('pw.rules', 'officer', 'CD-WL');
    const res = await t.changePassword(cookie, TEST_PASSWORD, 'short');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { message: string }) => f.message).join()).toContain('至少 12');
    expect(body.fields[0].messageEn).toBeTruthy();
  });

  it('refuses context words such as the hotline 12369 and a recently used password', async () => {
    const cookie = await t.newAccount('pw.context', 'officer', 'CD-WL');
    const ctx = await t.changePassword(cookie, TEST_PASSWORD, 'Hotline-12369-Abc');
    expect(ctx.statusCode).toBe(400);
    const reuse = await t.changePassword(cookie, TEST_PASSWORD, TEST_PASSWORD);
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().fields[0].messageEn).toMatch(/last 5/);
  });

  it('changes the password, ends other sessions, and keeps the current one', async () => {
    const other = await t.newAccount('pw.change', 'reportHandler', 'CD-JCZD');
    const cookie = await t.login('pw.change', TEST_PASSWORD);
    const res = await t.changePassword(cookie, TEST_PASSWORD, 'Brand-New-Pass-77');
    expect(res.statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie: other })).statusCode).toBe(401);
    expect((await login('pw.change', 'Brand-New-Pass-77')).statusCode).toBe(200);
  });

  it('stores passwords only as scrypt hashes', async () => {
    const rows = await t.database.db
      .selectFrom('people')
      .select('password_hash')
      .where('password_hash', 'is not', null)
      .execute();
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
  });

  it('makes a person given an initial password change it before doing anything else', async () => {
    const admin = await t.loginAs('admin');
    const created = await t.createAccount(admin, {
      unitCode: 'CD-AX',
      name: '新信息员',
      username: 'new.officer',
      initialPassword: 'Initial-Pass-2026',
    });
    expect(created.statusCode).toBe(201);
    const cookie = await t.login('new.officer', 'Initial-Pass-2026');
    const blocked = await t.inject({ method: 'GET', url: '/api/v1/units', cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.changePassword(cookie, 'Initial-Pass-2026', 'My-Own-Pass-2026');
    const fresh = await t.login('new.officer', 'My-Own-Pass-2026');
    expect((await t.inject({ method: 'GET', url: '/api/v1/units', cookie: fresh })).statusCode).toBe(200);
  });
});

describe('account administration', () => {
  it('disabling a person ends their sessions at once and refuses sign-in', async () => {
    const admin = await t.loginAs('admin');
    const cookie = await t.newAccount('to.disable', 'editor', 'CD-XXZX');
    expect((await t.accountAction(admin, 'to.disable', { action: 'disable' })).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
    expect((await login('to.disable', TEST_PASSWORD)).statusCode).toBe(401);
    await t.accountAction(admin, 'to.disable', { action: 'enable' });
    expect((await login('to.disable', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a reset issues a one-time temporary password that must be changed', async () => {
    const admin = await t.loginAs('admin');
    await t.addAccount('to.reset', 'leadership', 'CDHB');
    const res = await t.accountAction(admin, 'to.reset', { action: 'resetPassword' });
    expect(res.statusCode).toBe(200);
    const temp = res.json().temporaryPassword as string;
    expect(temp).toHaveLength(16);
    expect((await login('to.reset', TEST_PASSWORD)).statusCode).toBe(401);
    const cookie = await t.login('to.reset', temp);
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie })).json().mustChangePassword,
    ).toBe(true);
  });

  it('changing roles ends the person’s sessions', async () => {
    const admin = await t.loginAs('admin');
    const cookie = await t.loginAs('reviewer');
    const id = await t.personId('reviewer');
    const current = await t.inject({ method: 'GET', url: `/api/v1/people/${id}`, cookie: admin });
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/v1/people/${id}`,
      cookie: admin,
      payload: { version: current.json().version, roles: ['reviewer', 'leadership'] },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });
});
