/// <reference lib="dom" />
// The console's frame in headless Chromium, in English, at 1280 px: every console page passes axe-core
// (WCAG 2.1 A and AA, no serious or critical violation) and is photographed; the keyboard reaches the
// skip link. The same pages at 390 px, and an officer on a phone: console-shell-phone.e2e.ts.
import { describe, expect, it } from 'vitest';
import { shot, signInAs } from './harness.ts';
import {
  axe,
  PAGES,
  routesNotVisited,
  sessions,
  setUpShell,
  shell,
  unexpected,
  visit,
} from './console-shell-kit.ts';

setUpShell();

describe('console pages: axe and screenshots, English', () => {
  it('visits every page of the console’s router', () => {
    expect(routesNotVisited()).toEqual([]);
  });

  it('every page at 1280 px: no serious or critical violation', { timeout: 600_000 }, async () => {
    const s = await sessions(shell.e.browser, 1280);
    const found: Record<string, string[]> = {};
    for (const [name, account, p, ready] of PAGES) {
      const page = await s.page(account);
      await visit(page, typeof p === 'function' ? p() : p, ready);
      const bad = await axe(page);
      if (bad.length) found[name] = bad;
      await shot(page, `shell-1280-${name}`);
    }
    await s.close();
    expect(
      unexpected(
        found,
        PAGES.map(([n]) => n),
      ),
    ).toEqual({});
  });

  it('a keyboard reaches the skip link first, and it moves focus to the content', async () => {
    const ctx = await shell.e.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await ctx.newPage();
    await signInAs(page, shell.e.base, 'admin');
    await page.goto(`${shell.e.base}/admin/units`);
    await page.getByTestId('units-table').waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused.getAttribute('href')).resolves.toBe('#main-content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
    await ctx.close();
  });
});
