// Passwords on the list of common and breached passwords are refused, variants included, wherever a
// password is chosen; the list is loaded only when needed (hardening item 13, decision 079).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app.ts';
import {
  commonPasswordCount,
  commonPasswordsLoaded,
  dropCommonPasswords,
  isCommonPassword,
} from './common-passwords.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('the common-password list', () => {
  it('holds at least 10,000 passwords and is loaded on first use, not before', async () => {
    dropCommonPasswords();
    expect(commonPasswordsLoaded()).toBe(false);
    expect(await commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    expect(commonPasswordsLoaded()).toBe(true);
    dropCommonPasswords();
    expect(commonPasswordsLoaded()).toBe(false);
  });

  it.each(['Sunshine2024!!', 'M0nkey12345678!', 'Dr@g0nfly#2018', 'Footb@ll-1990!', 'Pr1nce$$-2020'])(
    'knows %s for a common password in disguise',
    async (pw) => {
      expect(await isCommonPassword(pw)).toBe(true);
    },
  );

  it.each(['Demo-Xinxi-2018!', 'Lvshui-Qingshan-7', 'Yuanjiang-Hu-Dongting-42'])(
    'lets %s through',
    async (pw) => {
      expect(await isCommonPassword(pw)).toBe(false);
    },
  );

  it('refuses a common password when changing one’s password, in Chinese and English', async () => {
    const cookie = await t.newAccount('common.change', 'officer', 'CD-WL');
    const res = await t.changePassword(cookie, TEST_PASSWORD, 'Sunshine2024!!');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: '/newPassword', messageEn: expect.stringContaining('breached') }),
    ]);
  });

  it('refuses a common password as an initial password and as a chosen temporary one', async () => {
    const admin = await t.loginAs('admin');
    const created = await t.createAccount(admin, {
      unitCode: 'CD-WL',
      name: '常用密码测试',
      username: 'common.pw',
      initialPassword: 'Football-1990!',
    });
    expect(created.statusCode).toBe(400);
    await t.addAccount('common.reset', 'officer', 'CD-WL');
    const reset = await t.accountAction(admin, 'common.reset', {
      action: 'resetPassword',
      temporaryPassword: 'Pr1nce$$-2020',
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().fields[0].field).toBe('/temporaryPassword');
  });
});
