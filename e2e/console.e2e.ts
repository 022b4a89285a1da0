// End to end in headless Chromium: an officer sees only their own unit; an admin imports people from
// Excel, first a file with bad rows (nothing imported, every error shown), then a good one; an officer
// registers a WeChat account, imports its statistics (a bad file first) and finds it on the board, in the
// WCI ranking and on the portal's matrix page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, chooseOption, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function peopleWorkbook(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '单位编码', '职务', '手机', '角色', '用户名']);
  rows.forEach((r) => ws.addRow(r));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gv-e2e-')), 'people.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('console', () => {
  it('shows the sign-in page with the demo accounts marked demo-only', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${e.base}/admin/login`);
    await expect(page.getByTestId('demo-accounts').textContent()).resolves.toContain('仅供演示');
    await shot(page, 'sign-in');
    await page.close();
  });

  it('an information officer signs in and sees only their own unit', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, e.base, 'officer.wl');
    await page.getByTestId('nav-units').click();
    const units = page.getByTestId('units-table');
    await units.locator('tbody tr.ant-table-row').first().waitFor();
    await expect(units.locator('tbody tr.ant-table-row').first().textContent()).resolves.toContain(
      '武陵区环境保护局',
    );
    expect(await units.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await units.textContent()).not.toContain('鼎城区');
    await shot(page, 'officer-units');

    await page.getByTestId('nav-people').click();
    const people = page.getByTestId('people-table');
    await people.locator('tbody tr.ant-table-row').first().waitFor();
    const unitCells = await people.locator('tbody tr.ant-table-row').allTextContents();
    expect(unitCells.length).toBeGreaterThan(0);
    for (const row of unitCells) expect(row).toContain('武陵区');
    await shot(page, 'officer-people');

    // another unit's record by address: not found, not forbidden
    const other = await e.t.database.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'CD-DC')
      .executeTakeFirstOrThrow();
    const res = await apiGet(page, `${e.base}/api/v1/units/${other.id}`);
    expect(res.status()).toBe(404);
    await page.close();
  });

  it('an admin imports an Excel file of people: bad rows are listed and nothing is imported; then a good file', async () => {
    const count = async () =>
      Number(
        (
          await e.t.database.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, e.base, 'admin');
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-table').waitFor();
    await shot(page, 'admin-people');
    const before = await count();

    const bad = await peopleWorkbook([
      ['向阳', 'CD-AX', '信息员', '13907361111', '信息员', ''],
      ['错号码', 'CD-AX', '信息员', '12345', '信息员', ''],
      ['无此单位', 'CD-NOWHERE', '', '', '信息员', ''],
    ]);
    await page.getByTestId('org-import').click();
    await page.getByTestId('import-file-input').setInputFiles(bad);
    await page.getByTestId('import-start').click();
    const errors = page.getByTestId('import-error-table');
    await errors.waitFor();
    const text = await errors.textContent();
    expect(text).toContain('手机');
    expect(text).toContain('单位编码');
    expect(text).toMatch(/3/);
    await expect(page.getByTestId('import-errors').textContent()).resolves.toContain('未导入任何数据');
    await shot(page, 'admin-import-errors');
    expect(await count()).toBe(before);

    const good = await peopleWorkbook([
      ['向阳', 'CD-AX', '信息员', '13907361111', '信息员', ''],
      ['柳青', 'CD-HS', '副局长', '13907362222', '分管领导', ''],
    ]);
    await page.keyboard.press('Escape');
    await page.getByTestId('org-import').click();
    await page.getByTestId('import-file-input').setInputFiles(good);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor();
    await expect(page.getByTestId('import-result').textContent()).resolves.toMatch(/2/);
    await shot(page, 'admin-import-ok');
    expect(await count()).toBe(before + 2);
    await page.close();
  });

  it('shows units and the contact-registration board with overdue units highlighted', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAs(page, e.base, 'admin');
    await page.getByTestId('nav-units').click();
    await page.getByTestId('units-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'admin-units');
    await page.getByTestId('nav-campaign').click();
    const board = page.getByTestId('campaign-table');
    await board.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await board.textContent()).toContain('桃花源旅游管理区环保分局');
    await expect(page.getByTestId('campaign-summary').textContent()).resolves.toContain('23');
    await shot(page, 'admin-campaign');
    await page.close();
  });
});

/** a WeChat back-end export (数据统计, days as rows): ten days of May 2018, one post a day */
function wechatExport(badFollowersOnDay?: number): string {
  const head =
    '日期,群发篇数,头条篇数,阅读次数,在看次数,点赞次数,分享次数,新关注人数,取消关注人数,净增关注人数,累积关注人数';
  const rows = Array.from({ length: 10 }, (_, i) => {
    const day = `2018-05-${String(i + 1).padStart(2, '0')}`;
    const total = i + 1 === badFollowersOnDay ? -5 : 500 + i * 12;
    return `${day},1,1,${800 + i * 40},${8 + i},${20 + i},${30 + i},15,3,12,${total}`;
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gv-e2e-')), 'wechat.csv');
  fs.writeFileSync(file, [head, ...rows].join('\n'));
  return file;
}

describe('the menu on a laptop', () => {
  it('at 1366 × 768 the last of the centre’s entries is reached by scrolling the menu alone, and opens', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInAs(page, e.base, 'admin');
    const entries = page.locator('.gv-sider .ant-menu-item');
    await entries.first().waitFor();
    expect(await entries.count()).toBeGreaterThan(20); // taller than the screen
    const last = entries.last();
    await last.scrollIntoViewIfNeeded();
    // the page itself did not move, and the entry is above the collapse button, not under it
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const entry = (await last.boundingBox())!;
    const button = (await page.locator('.ant-layout-sider-trigger').boundingBox())!;
    expect(entry.y + entry.height).toBeLessThanOrEqual(button.y);
    await shot(page, 'menu-scrolled-1366');
    await last.click();
    await page.waitForURL(/\/admin\/notification-channels$/);
    await page.close();
  });
});

describe('new-media matrix', () => {
  it('an officer registers an account, imports its statistics (a bad row first), sees the board, the index and the portal page', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, e.base, 'officer.wl');
    await page.getByTestId('nav-media').click();
    await page.getByRole('tab', { name: '账号台账' }).click();
    await page.getByTestId('media-add').click();
    const form = page.getByTestId('media-account-form');
    await chooseOption(page, 'media-form-unit', '武陵区环境保护局');
    await page.getByTestId('media-form-name').fill('武陵生态环境');
    await page.getByTestId('media-form-platform-id').fill('gh_e2e_wuling');
    await page.getByTestId('media-form-opened').fill('2018-05-01');
    await page.getByTestId('media-form-opened').press('Enter');
    // a link the QR code must not carry: the server refuses it and the form says so beside the field
    await page.getByTestId('media-form-link').fill('javascript:alert(1)');
    await page.getByTestId('media-account-save').click();
    await expect(form.locator('.ant-form-item-explain-error').first().textContent()).resolves.toMatch(/http/);
    await page.getByTestId('media-form-link').fill('https://mp.weixin.qq.com/wuling');
    await page.getByTestId('media-account-save').click();
    await form.waitFor({ state: 'detached' });
    const registry = page.getByTestId('media-accounts-table');
    await registry.getByRole('link', { name: '武陵生态环境' }).click();
    await page.waitForURL(/\/media\/accounts\/\d+/);

    // the account page's own input: the registry tab has an import too, and under load the list may
    // still be on screen while the account page's chunk loads
    const upload = page.getByTestId('media-metrics-import').locator('input[type=file]');
    await upload.setInputFiles(wechatExport(3));
    const problems = page.getByTestId('media-import-problems');
    await problems.waitFor();
    const report = (await problems.textContent()) ?? '';
    expect(report).toContain('累积关注人数');
    expect(report).toMatch(/文件未导入/);
    // the third day is the file's fourth line (the header is line 1)
    const firstProblem = problems.locator('tbody tr.ant-table-row').first().locator('td');
    await expect(firstProblem.first().textContent()).resolves.toBe('4');
    await expect(firstProblem.nth(1).textContent()).resolves.toBe('累积关注人数');
    const stored = () =>
      e.t.database.db
        .selectFrom('media_metrics')
        .innerJoin('media_accounts', 'media_accounts.id', 'media_metrics.account_id')
        .where('media_accounts.platform_id', '=', 'gh_e2e_wuling')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    expect(await stored()).toBe(0);
    await shot(page, 'media-import-refused');
    await upload.setInputFiles(wechatExport());
    // the import's own answer: the problems list goes as the upload starts and the chart was already
    // drawn, so neither says the rows are in (under load the count was read before they were)
    await page.getByText('已导入 10 行').waitFor();
    await problems.waitFor({ state: 'detached' });
    await page.getByTestId('media-chart').locator('svg').first().waitFor();
    expect(await stored()).toBe(10);

    await page.getByTestId('nav-media').click();
    const board = page.getByRole('tabpanel');
    await expect(board.textContent()).resolves.toContain('按期开通');
    // ten days of posts in May, none since: silent at the plan year's end
    await expect(board.textContent()).resolves.toContain('武陵生态环境');
    // 单位走势: the unit's accounts month by month in ECharts, with the numbers as a table beside it
    await page.getByRole('tab', { name: '单位走势' }).click();
    const unitPanel = page.getByRole('tabpanel', { name: '单位走势' });
    await chooseOption(page, 'media-unit-select', '武陵区环境保护局');
    await unitPanel.getByTestId('media-unit-chart').locator('svg, canvas').first().waitFor();
    await expect(unitPanel.getByTestId('media-unit-summary').textContent()).resolves.toContain(
      '武陵区环境保护局',
    );
    await page.getByRole('tab', { name: '传播指数排行' }).click();
    await page.getByLabel('月份').fill('2018-05');
    const ranking = page.getByRole('tabpanel', { name: '传播指数排行' });
    await expect(ranking.getByRole('link', { name: '武陵生态环境' }).textContent()).resolves.toBe(
      '武陵生态环境',
    );
    await shot(page, 'media-ranking');
    await page.close();

    const portal = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await portal.goto(`${e.base}/media`);
    await expect(portal.locator('main').textContent()).resolves.toContain('武陵生态环境');
    await expect(portal.locator('img[alt*="gh_e2e_wuling"]').first().getAttribute('alt')).resolves.toContain(
      '武陵生态环境',
    );
    await portal.close();
  });
});
