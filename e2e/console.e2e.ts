// End to end in headless Chromium: an officer sees only their own unit; an admin imports people from
// Excel, first a file with bad rows (nothing imported, every error shown), then a good one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, signInAs, startE2E, type E2E } from './harness.ts';

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
    const res = await page.request.get(`${e.base}/api/v1/units/${other.id}`);
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
