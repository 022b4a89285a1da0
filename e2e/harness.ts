// Browser-test harness: a real GreenVoice (demo data, the built console) listening on a free port, and
// Debian's Chromium driven by playwright-core. Screenshots go to .tmp/screenshots/ for people to look at.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { demoAccount, type DemoUsername } from '../server/src/test/demo-actors.ts';
import { createTestApp, type TestApp } from '../server/src/test/test-app.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(root, '.tmp/screenshots');

/** The browsers open in this test file, so that a failed test can leave a picture of each page. */
export const openBrowsers = new Set<Browser>();

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
  openBrowsers.add(browser);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      openBrowsers.delete(browser);
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

/** Finite animations (a list item growing in, a dialog zooming) finished; spinners are left spinning. */
const settled = (page: Page) =>
  page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => {})),
      ),
      new Promise((r) => setTimeout(r, 2_000)),
    ]),
  );

/** A full-page screenshot for people to look at, taken once the page has stopped moving. */
export async function shot(page: Page, name: string) {
  await settled(page);
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${process.env.TEST_DB ?? 'sqlite'}-${name}.png`),
    fullPage: true,
  });
}

/**
 * Picks an option of an Ant Design select and checks that the select took it. Under load a click on an
 * option that the list re-rendered at that moment is lost and the list stays open over the form (seen in
 * CI): the pick is tried again until the select shows the option, never assumed.
 */
export async function chooseOption(page: Page, selectOrTestId: string | Locator, text: string) {
  const select = typeof selectOrTestId === 'string' ? page.getByTestId(selectOrTestId) : selectOrTestId;
  const selectTestId = typeof selectOrTestId === 'string' ? selectOrTestId : String(selectOrTestId);
  const option = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    {
      hasText: text,
    },
  );
  for (let attempt = 1; ; attempt++) {
    if (!(await option.isVisible())) await select.click();
    // a dispatched click, not a pointer click: the list is virtual and re-renders while it scrolls, so an
    // option outside the viewport is "not stable" or detached by the time a pointer would reach it (CI)
    await option.first().dispatchEvent('click', undefined, { timeout: 10_000 });
    const chosen = await select.textContent({ timeout: 2_000 }).catch(() => '');
    if (chosen?.includes(text)) return;
    if (attempt === 3)
      throw new Error(`the select ${selectTestId} did not take “${text}” (shows “${chosen}”)`);
  }
}

/**
 * Clicks a button that starts a write — a dialog's 确定, a confirmation's OK — and waits for that write:
 * the first response whose method is not GET and whose path ends with `path`. Under load a click can
 * land while the dialog or bubble is still zooming in and be lost (seen in CI: the leader's "approve the
 * awards" and the admin's "create a login" never reached the server). So the click is dispatched once the
 * page's animations have finished, and tried again only while no write has been sent (the button stays
 * loading while the write runs, so a second click never doubles a write). A write the server refuses
 * fails here, with its status and body, not 30 s later on something that never appears.
 */
export async function clickToWrite(page: Page, button: Locator, path: string) {
  const isWrite = (method: string, url: string) => method !== 'GET' && new URL(url).pathname.endsWith(path);
  const sent = page.waitForRequest((r) => isWrite(r.method(), r.url()), { timeout: 60_000 });
  const answered = page.waitForResponse((r) => isWrite(r.request().method(), r.url()), { timeout: 60_000 });
  let started = false;
  void sent.then(() => (started = true)).catch(() => {});
  answered.catch(() => {});
  for (let attempt = 1; !started && attempt <= 3; attempt++) {
    await button.waitFor();
    await settled(page);
    await button.dispatchEvent('click');
    await Promise.race([sent, new Promise((r) => setTimeout(r, 5_000))]).catch(() => {});
  }
  const response = await answered;
  if (!response.ok())
    throw new Error(`${path}: the server answered ${response.status()} ${await response.text()}`);
  return response;
}

/** Opens an Ant Design confirmation (Popconfirm) with `trigger` and confirms it (clickToWrite). */
export async function confirmPopover(page: Page, trigger: Locator, path: string) {
  await trigger.click();
  const ok = page.locator(
    '.ant-popconfirm:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary',
  );
  return clickToWrite(page, ok, path);
}

/**
 * A GET from the test with the page's session (its cookies), outside the page. The request context
 * keeps connections open between calls, and the app closes one idle for its keep-alive time (5 s,
 * `server/src/app.ts`): a read sent on it at that instant sees a reset (seen in CI on a loaded machine,
 * decision 212). A browser answers such a reset on a reused connection by sending an idempotent request
 * again on a new one; this does the same, once, for a GET only (a write is not sent twice: the tests
 * write through the page, clickToWrite, or on a context's first connection, which cannot be stale).
 */
export async function apiGet(page: Page, url: string) {
  try {
    return await page.request.get(url);
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return page.request.get(url);
  }
}
