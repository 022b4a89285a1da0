// Two-factor sign-in in the browser: an admin of an installation with REQUIRE_TOTP_FOR_ADMINS is sent to
// the enrolment page, scans (reads) the QR code's key, confirms with a code, sees the recovery codes once,
// and from then on signs in with a code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../server/src/modules/auth/totp.ts';
import { shot, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ env: { REQUIRE_TOTP_FOR_ADMINS: 'true' } });
});
afterAll(() => e?.close());

const code = (secret: string, offset = 0) => hotp(base32Decode(secret), totpStep(Date.now()) + offset);

describe('two-factor sign-in', () => {
  it('an admin must enrol, then signs in with a code', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${e.base}/admin/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('Demo-Xinxi-2018!');
    await page.getByTestId('login-submit').click();
    // nothing else is offered until the second factor is set up
    await page.getByTestId('totp-required').waitFor();
    expect(page.url()).toContain('/admin/account/two-factor');
    expect(await page.getByTestId('nav-menu').count()).toBe(0);

    await page.getByTestId('totp-password').fill('Demo-Xinxi-2018!');
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').locator('svg').waitFor();
    await shot(page, 'two-factor-enrol');
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/[^A-Z2-7]/g, '');
    expect(secret).toHaveLength(32);
    await page.getByTestId('totp-code').fill(code(secret));
    await page.getByTestId('totp-confirm').click();
    const codes = page.getByTestId('totp-recovery-codes');
    await codes.waitFor();
    expect((await codes.locator('li').allInnerTexts()).length).toBe(10);
    await page.getByTestId('totp-recovery-done').click();
    await expect(page.getByTestId('totp-state').innerText()).resolves.toBe('已开启');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('Demo-Xinxi-2018!');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-code').waitFor();
    await shot(page, 'two-factor-sign-in');
    await page.getByTestId('login-code').fill(code(secret, 1));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-menu').waitFor();
    await page.close();
  });
});
