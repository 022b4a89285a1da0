// The second factor end to end through the API (docs/security-requirements.md §9): enrol with the password,
// confirm with a code, sign-in needs a code, codes and recovery codes work once, turning it off needs
// the password, admins must enrol when REQUIRE_TOTP_FOR_ADMINS is on, secrets sealed at rest.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app.ts';
import { base32Decode, hotp, totpStep } from './totp.ts';
import { startsWith } from '../../db/expressions.ts';

const codeAt = (secret: string, offsetSteps = 0) =>
  hotp(base32Decode(secret), totpStep(Date.now()) + offsetSteps);

async function enrol(t: TestApp, cookie: string, password: string) {
  const start = await t.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/enrol',
    cookie,
    payload: { password },
  });
  expect(start.statusCode).toBe(200);
  const { secret, otpauthUri } = start.json() as { secret: string; otpauthUri: string };
  const confirm = await t.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/confirm',
    cookie,
    payload: { code: codeAt(secret) },
  });
  expect(confirm.statusCode).toBe(200);
  return { secret, otpauthUri, recoveryCodes: confirm.json().recoveryCodes as string[] };
}

describe('second factor (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());
  const login = (payload: Record<string, string>) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
  const PASSWORD = TEST_PASSWORD;

  it('enrols only with the password and a confirming code', async () => {
    const cookie = await t.newAccount('totp.reviewer', 'reviewer', 'CD-XXZX');
    const wrong = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrol',
      cookie,
      payload: { password: 'not-my-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].field).toBe('/password');

    const start = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrol',
      cookie,
      payload: { password: PASSWORD },
    });
    const { secret, otpauthUri } = start.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.+totp\.reviewer\?secret=[A-Z2-7]{32}&issuer=/);
    const status = await t.inject({ method: 'GET', url: '/api/v1/auth/totp', cookie });
    expect(status.json()).toMatchObject({ enabled: false, pending: true });
    // a pending enrolment asks nothing at sign-in yet
    expect((await login({ username: 'totp.reviewer', password: PASSWORD })).statusCode).toBe(200);

    const bad = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      cookie,
      payload: { code: '000000' === codeAt(secret) ? '111111' : '000000' },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      cookie,
      payload: { code: codeAt(secret) },
    });
    expect(ok.statusCode).toBe(200);
    const codes = ok.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    // only hashes are stored
    const stored = await t.database.db.selectFrom('totp_recovery_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash).join()).not.toContain(codes[0]!.replace(/-/g, ''));
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(me.json()).toMatchObject({ totpEnabled: true, totpRequired: false });

    // sign-in now needs a code; a code works once
    const noCode = await login({ username: 'totp.reviewer', password: PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('TOTP_REQUIRED');
    // the confirming code's step is used: the next step (the window allows one ahead) signs in once
    const next = codeAt(secret, 1);
    expect((await login({ username: 'totp.reviewer', password: PASSWORD, code: next })).statusCode).toBe(200);
    const replay = await login({ username: 'totp.reviewer', password: PASSWORD, code: next });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('TOTP_INVALID');
    // a code never reveals a wrong password: the password is checked first
    const wrongPassword = await login({
      username: 'totp.reviewer',
      password: 'Wrong-Password-1',
      code: codeAt(secret),
    });
    expect(wrongPassword.json().code).toBe('INVALID_CREDENTIALS');

    // a recovery code signs in once, in any spelling
    const rc = codes[0]!;
    expect(
      (await login({ username: 'totp.reviewer', password: PASSWORD, code: rc.toUpperCase() })).statusCode,
    ).toBe(200);
    expect((await login({ username: 'totp.reviewer', password: PASSWORD, code: rc })).json().code).toBe(
      'TOTP_INVALID',
    );
    const after = await t.inject({ method: 'GET', url: '/api/v1/auth/totp', cookie });
    expect(after.json().recoveryCodesLeft).toBe(9);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where(startsWith('action', 'auth.totp.'))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['auth.totp.enrol', 'auth.totp.confirm']);

    // changing it needs the password; turning it off too
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/auth/totp/enrol',
          cookie,
          payload: { password: PASSWORD },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/auth/totp/disable',
          cookie,
          payload: { password: 'nope-nope' },
        })
      ).statusCode,
    ).toBe(400);
    const regenerated = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      cookie,
      payload: { password: PASSWORD },
    });
    expect(regenerated.json().recoveryCodes).toHaveLength(10);
    expect(
      (await login({ username: 'totp.reviewer', password: PASSWORD, code: codes[1]! })).json().code,
    ).toBe('TOTP_INVALID');
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/auth/totp/disable',
          cookie,
          payload: { password: PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
    expect((await login({ username: 'totp.reviewer', password: PASSWORD })).statusCode).toBe(200);
  });

  it('wrong codes count towards the lockout like wrong passwords', async () => {
    const password = TEST_PASSWORD;
    const cookie = await t.newAccount('totp.leader', 'leadership', 'CDHB');
    const { secret } = await enrol(t, cookie, password);
    const valid = new Set([-1, 0, 1, 2].map((o) => codeAt(secret, o)));
    const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555', '666666'].filter(
      (c) => !valid.has(c),
    );
    for (const code of wrongCodes.slice(0, 5))
      expect((await login({ username: 'totp.leader', password, code })).json().code).toBe('TOTP_INVALID');
    // locked: even the right password and code answer as a wrong password does (decision 077)
    const locked = await login({ username: 'totp.leader', password, code: codeAt(secret, 1) });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('INVALID_CREDENTIALS');
  });
});

describe('REQUIRE_TOTP_FOR_ADMINS and secrets at rest', () => {
  let t: TestApp;
  const key = randomBytes(32).toString('base64');
  beforeAll(async () => {
    t = await createTestApp({
      demo: true,
      env: { REQUIRE_TOTP_FOR_ADMINS: 'true', TOTP_ENCRYPTION_KEY: key },
    });
  });
  afterAll(() => t.close());

  it('an admin without a second factor reaches only their own account until they enrol', async () => {
    const password = TEST_PASSWORD;
    const cookie = await t.newAccount('totp.admin', 'admin', 'CD-XXZX');
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(me.json()).toMatchObject({ totpEnabled: false, totpRequired: true });
    const units = await t.inject({ method: 'GET', url: '/api/v1/units', cookie });
    expect(units.statusCode).toBe(403);
    expect(units.json().code).toBe('TOTP_ENROLMENT_REQUIRED');
    // staff who are not admins are not held up
    const officer = await t.loginAs('officer.wl');
    expect((await t.inject({ method: 'GET', url: '/api/v1/units', cookie: officer })).statusCode).toBe(200);

    const { secret } = await enrol(t, cookie, password);
    expect((await t.inject({ method: 'GET', url: '/api/v1/units', cookie })).statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('people')
      .select('totp_secret')
      .where('username', '=', 'totp.admin')
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1:/);
    expect(row.totp_secret).not.toContain(secret);
    // the sealed secret still verifies at sign-in
    const signIn = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'totp.admin', password, code: codeAt(secret, 1) },
    });
    expect(signIn.statusCode).toBe(200);
  });
});
