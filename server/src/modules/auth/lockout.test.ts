// The lockout holds under concurrency, tells nothing about which names exist, and counts wrong passwords
// on every route that asks for the password again (hardening items 6, 11 and 12; decision 077).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD as PASSWORD, type TestApp } from '../../test/test-app.ts';
import { hashPassword } from './password-hash.ts';

let t: TestApp;
beforeAll(async () => {
  // a real scrypt cost, so an answer that skips the hash is measurably faster
  t = await createTestApp({ demo: true, env: { SCRYPT_LOG_N: '13' } });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

const person = (username: string) =>
  t.database.db
    .selectFrom('people')
    .select(['id', 'locked_until', 'failed_logins'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();

/** Sign-ins whose password was actually evaluated: wrong ones and successes in the audit log. */
async function evaluated(personId: number): Promise<number> {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['result', 'detail'])
    .where('action', '=', 'auth.login')
    .where('object_id', '=', String(personId))
    .execute();
  return rows.filter((r) => r.result === 'success' || (r.detail ?? '').includes('wrong password')).length;
}

const body = (res: { json(): { code: string; message: string; messageEn: string } }) => {
  const { code, message, messageEn } = res.json();
  return { code, message, messageEn };
};

describe('lockout under concurrency (item 6)', () => {
  it('evaluates at most 5 of 20 parallel sign-ins and locks the account', async () => {
    await t.newAccount('burst.one', 'officer', 'CD-WL');
    const { id } = await person('burst.one');
    const before = await evaluated(id);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login('burst.one', i === 10 ? PASSWORD : `Wrong-Guess-${i}-x`)),
    );
    expect(answers.every((a) => [200, 401].includes(a.statusCode))).toBe(true);
    expect((await evaluated(id)) - before).toBeLessThanOrEqual(5);
    const signedIn = answers[10]!.statusCode === 200;
    // unless the right password held one of the five slots, the account is locked now
    if (!signedIn) expect((await person('burst.one')).locked_until).not.toBeNull();
  });

  it('a right password sent after the fifth wrong one of a burst does not sign in', async () => {
    await t.newAccount('burst.two', 'officer', 'CD-WL');
    const { id } = await person('burst.two');
    // a slow hash for this person, so the five evaluated guesses are still running when the right one arrives
    await t.database.db
      .updateTable('people')
      .set({ password_hash: await hashPassword(PASSWORD, 15) })
      .where('id', '=', id)
      .execute();
    const before = await evaluated(id);
    const wrong = Array.from({ length: 19 }, (_, i) => login('burst.two', `Wrong-Guess-${i}-y`));
    while ((await person('burst.two')).failed_logins < 5) await new Promise((r) => setTimeout(r, 5));
    const right = await login('burst.two', PASSWORD);
    const answers = await Promise.all(wrong);
    expect(right.statusCode).toBe(401);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(19).fill(401));
    expect((await evaluated(id)) - before).toBe(5);
    const after = await person('burst.two');
    expect(after.locked_until! > new Date().toISOString()).toBe(true);
    // and it stays locked: the right password is still refused
    expect((await login('burst.two', PASSWORD)).statusCode).toBe(401);
  });
});

describe('no enumeration through the lockout (item 11)', () => {
  it('answers a locked account exactly like an unknown name, with the same scrypt work', async () => {
    await t.newAccount('enum.known', 'officer', 'CD-WL');
    const known: Awaited<ReturnType<typeof login>>[] = [];
    const unknown: Awaited<ReturnType<typeof login>>[] = [];
    for (let i = 0; i < 8; i++) {
      known.push(await login('enum.known', `Wrong-Guess-${i}-z`));
      unknown.push(await login('enum.nobody', `Wrong-Guess-${i}-z`));
    }
    expect((await person('enum.known')).locked_until).not.toBeNull();
    expect(known.map((r) => r.statusCode)).toEqual(unknown.map((r) => r.statusCode));
    expect(known.map(body)).toEqual(unknown.map(body));
    expect(new Set(known.map((r) => r.statusCode))).toEqual(new Set([401]));

    // timing: a locked account spends a dummy scrypt like an unknown name does
    const time = async (username: string) => {
      const started = performance.now();
      await login(username, 'Wrong-Guess-timing');
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const lockedTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      lockedTimes.push(await time('enum.known'));
      unknownTimes.push(await time('enum.nobody'));
    }
    expect(median(lockedTimes)).toBeGreaterThan(median(unknownTimes) * 0.5);
  });
});

describe('re-authentication counts towards the lockout (item 12)', () => {
  const routes = [
    [
      'change password',
      '/api/v1/auth/change-password',
      (p: string) => ({ currentPassword: p, newPassword: 'Neue-Kennung-7788!' }),
    ],
    ['two-factor enrol', '/api/v1/auth/totp/enrol', (p: string) => ({ password: p })],
    ['two-factor disable', '/api/v1/auth/totp/disable', (p: string) => ({ password: p })],
    ['recovery codes', '/api/v1/auth/totp/recovery-codes', (p: string) => ({ password: p })],
  ] as const;

  it.each(routes)('%s: five wrong passwords lock the account', async (_name, url, payload) => {
    const username = `reauth.${url.split('/').pop()}`;
    const cookie = await t.newAccount(username, 'officer', 'CD-WL');
    for (let i = 0; i < 5; i++) {
      const res = await t.inject({ method: 'POST', url, cookie, payload: payload(`Wrong-Guess-${i}-r`) });
      // four wrong answers, then the fifth locks the account and says so
      expect(res.statusCode, res.body).toBe(i < 4 ? 400 : 423);
    }
    expect((await person(username)).locked_until).not.toBeNull();
    // the right password no longer passes here, nor at sign-in
    const again = await t.inject({ method: 'POST', url, cookie, payload: payload(PASSWORD) });
    expect(again.statusCode).toBe(423);
    expect(again.json().code).toBe('ACCOUNT_LOCKED');
    expect((await login(username, PASSWORD)).statusCode).toBe(401);
  });

  it('a right password on a re-authentication route clears earlier failures', async () => {
    const cookie = await t.newAccount('reauth.mixed', 'officer', 'CD-WL');
    for (let i = 0; i < 4; i++) await login('reauth.mixed', `Wrong-Guess-${i}-m`);
    const ok = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrol',
      cookie,
      payload: { password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    expect((await person('reauth.mixed')).failed_logins).toBe(0);
    expect((await login('reauth.mixed', 'Wrong-Guess-last')).statusCode).toBe(401);
    expect((await person('reauth.mixed')).locked_until).toBeNull();
  });
});
