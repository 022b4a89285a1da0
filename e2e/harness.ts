// Browser-test harness: a real GreenVoice (demo data, the built console) listening on a free port, and
// Debian's Chromium driven by playwright-core. Screenshots go to .tmp/screenshots/ for people to look at.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoAccount, type DemoUsername } from '../server/src/test/demo-actors.ts';
import { createTestApp, type TestApp } from '../server/src/test/test-app.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(root, '.tmp/screenshots');

export interface E2E {
  t: TestApp;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(options: { env?: Record<string, string> } = {}): Promise<E2E> {
  const t = await createTestApp({
    demo: true,
    consoleDir: path.join(root, 'web/dist'),
    ...(options.env ? { env: options.env } : {}),
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

export async function signIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/admin/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/** signs in through the page as one of the demo accounts */
export function signInAs(page: Page, base: string, username: DemoUsername) {
  return signIn(page, base, username, demoAccount(username).password);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${process.env.TEST_DB ?? 'sqlite'}-${name}.png`),
    fullPage: true,
  });
}
