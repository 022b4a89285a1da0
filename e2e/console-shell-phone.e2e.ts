/// <reference lib="dom" />
// The console at 390 px in headless Chromium, in English: the menu is a drawer behind the header's menu
// button, no page is wider than the screen, axe-core on the pages officers and reviewers use on a phone,
// screenshots of each page (menu closed and open); and an officer submits a piece with a photo from the
// camera input. Runs on PostgreSQL; the 1280 px walk on SQLite (decision 204).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shot, signInAs } from './harness.ts';
import {
  axe,
  DRAWER_CHECKED,
  PAGES,
  PHONE_AXE,
  sessions,
  setUpShell,
  shell,
  unexpected,
  visit,
} from './console-shell-kit.ts';

setUpShell();

describe('console pages at 390 px, English', () => {
  it(
    'every page at 390 px: the menu is a drawer, nothing wider than the screen; axe on the phone pages',
    { timeout: 600_000 },
    async () => {
      const s = await sessions(shell.e.browser, 390);
      const found: Record<string, string[]> = {};
      const wide: string[] = [];
      for (const [name, account, p, ready] of PAGES) {
        const page = await s.page(account);
        await visit(page, typeof p === 'function' ? p() : p, ready);
        // axe checked every page at 1280 px; at 390 px the pages an officer and a reviewer use on a phone
        // (CI time: each check costs seconds)
        if (PHONE_AXE.includes(name)) {
          const bad = await axe(page);
          if (bad.length) found[name] = bad;
        }
        // the page itself never scrolls sideways (tables scroll inside themselves)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) wide.push(`${name}: ${overflow}px`);
        await shot(page, `shell-390-${name}`);
        // the drawer is the shell's, the same on every page: opened on the phone pages and one of each
        // kind (CI time: opening, settling and photographing it on all 47 pages cost over a minute)
        if (!DRAWER_CHECKED.includes(name)) continue;
        await page.getByTestId('nav-open').click();
        await page.getByTestId('nav-menu').waitFor();
        // the drawer slides and fades in: check and photograph it once it stands still
        await page.evaluate(() => Promise.all(document.getAnimations().map((x) => x.finished)));
        // the drawer is the same on every page: axe checks it once
        if (name === 'home') {
          const menuBad = await axe(page);
          if (menuBad.length) found[`${name} (menu open)`] = menuBad;
        }
        await shot(page, `shell-390-${name}-menu`);
        await page.keyboard.press('Escape');
        await page.getByTestId('nav-menu').waitFor({ state: 'hidden' });
      }
      await s.close();
      expect(unexpected(found, [...PHONE_AXE, 'home (menu open)'])).toEqual({});
      expect(wide).toEqual([]);
    },
  );
});

describe('an officer on a phone', () => {
  it('opens the menu, records a piece, photographs the evidence with the camera input, submits it', async () => {
    const ctx = await shell.e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await ctx.addInitScript(() => localStorage.setItem('greenvoice.lang', 'en'));
    const page = await ctx.newPage();
    await signInAs(page, shell.e.base, 'officer.wl');
    // no side menu on a phone: the header's button opens it as a drawer
    await expect(page.locator('.ant-layout-sider').count()).resolves.toBe(0);
    await page.getByTestId('nav-open').click();
    await page.getByTestId('nav-submissions').click();
    await page.getByTestId('nav-menu').waitFor({ state: 'hidden' });
    await page.getByTestId('submissions-table').waitFor();
    await page.getByTestId('submission-create').click();

    const TITLE = '武陵区在柳叶湖开展环境日现场宣传（手机报送）';
    await page.getByTestId('submission-title').fill(TITLE);
    await page.getByTestId('submission-outlet').click();
    await page.keyboard.type('常德日报');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('submission-link')
      .fill('https://www.cdrb.example.cn/html/2018-06/06/content_9.htm');

    // the camera button's input asks for an image from the camera
    const camera = page.locator('input[type=file][capture]');
    await expect(camera.getAttribute('accept')).resolves.toBe('image/*');
    await expect(camera.getAttribute('capture')).resolves.toBe('environment');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('evidence-camera').click();
    await (await chooser).setFiles(path.join(shell.dir, 'camera.jpg'));
    await page.locator('.ant-upload-list-item-done').first().waitFor();

    // the form fits the screen: the dialog is no wider than the phone
    const box = await page.locator('.ant-modal-container').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await shot(page, 'shell-390-phone-submission-form');

    await page.getByTestId('submission-submit').click();
    const row = page.getByTestId('submissions-table').locator('tbody tr.ant-table-row', { hasText: TITLE });
    await row.getByTestId('status-submitted').waitFor();
    await shot(page, 'shell-390-phone-submitted');

    const saved = await shell.e.t.database.db
      .selectFrom('submissions')
      .select(['id', 'status'])
      .where('title', '=', TITLE)
      .executeTakeFirstOrThrow();
    expect(saved.status).toBe('submitted');
    const files = await shell.e.t.database.db
      .selectFrom('evidence_files')
      .select('media_type')
      .where('submission_id', '=', saved.id)
      .execute();
    expect(files.map((f) => f.media_type)).toEqual(['image/jpeg']);
    await ctx.close();
  });
});
