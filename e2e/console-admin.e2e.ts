// The information centre's own tools in headless Chromium: the plan's rule form (a bad value shown on its
// field, the dry run and impact dialog, a saved version, its diff, its restore) and an export button
// whose download is a real workbook holding the rows on screen.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, clickToWrite, confirmPopover, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

type Doc = { negativeList: { code: string; name: string; points: number }[] };
async function currentPlan(page: Page) {
  const plans = await (await apiGet(page, `${e.base}/api/v1/assessment/plans`)).json();
  const plan = await (await apiGet(page, `${e.base}/api/v1/assessment/plans/${plans.items[0].id}`)).json();
  return plan as { id: number; rulesVersion: number; document: Doc };
}

describe('the rule form', () => {
  it('refuses a bad value on its field, says which published bulletins would change, saves a version, diffs and restores it', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, e.base, 'admin');
    const before = await currentPlan(page);
    const first = before.document.negativeList[0]!;
    await page.getByTestId('nav-plans').click();
    await page.getByRole('tab', { name: '计分规则表单' }).click();
    const form = page.getByTestId('rules-form');
    await form.waitFor();
    await page.getByTestId('rules-breakdown').waitFor(); // the task-breakdown table beside the form
    await shot(page, 'rules-form-1280-zh');

    // an emptied number: refused by the validator before anything is sent, shown under the field
    const field = page.getByLabel(`负面清单（每次扣分） · ${first.name}`);
    await field.fill('');
    await page.getByTestId('rules-form-save').click();
    const problem = form.locator('.ant-form-item-explain-error').first();
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('必须是数字');
    expect(await page.getByTestId('rules-confirm').isVisible()).toBe(false);
    await shot(page, 'rules-form-error');

    // a good value: the dry run and the impact dialog, which asks for a note before it saves
    const changed = first.points + 1.5;
    await field.fill(String(changed));
    await page.getByTestId('rules-form-save').click();
    const dialog = page.getByTestId('rules-confirm');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toMatch(/试算：\d+ 个单位/);
    const published = await e.t.database.db
      .selectFrom('bulletins')
      .select('id')
      .where('status', '=', 'published')
      .where('plan_id', '=', before.id)
      .execute();
    // which published bulletins the new rules would compute differently (they stay as published)
    expect(text).toContain(published.length ? '以下已发布的通报' : '没有已发布的通报受影响');
    await shot(page, 'rules-form-impact');
    expect(await page.getByTestId('rules-confirm-save').isDisabled()).toBe(true);
    await page.getByTestId('rules-confirm-note').fill('负面清单扣分调整（浏览器测试）');
    await clickToWrite(page, page.getByTestId('rules-confirm-save'), '/rules');
    await page.getByText(`已保存为第 ${before.rulesVersion + 1} 版`).waitFor();
    const saved = await currentPlan(page);
    expect(saved.rulesVersion).toBe(before.rulesVersion + 1);
    expect(saved.document.negativeList[0]!.points).toBe(changed);

    // the versions: the old one against the current one, value by value, then restored as a new version
    await page.getByRole('tab', { name: '版本记录' }).click();
    await page.getByTestId(`version-diff-${before.rulesVersion}`).click();
    const diff = page.getByTestId('version-diff');
    await diff.waitFor();
    const where = `negativeList/${first.code}/points`;
    const row = diff.locator('tbody tr', { hasText: where });
    await expect(row.locator('td').allTextContents()).resolves.toEqual([
      where,
      String(first.points),
      String(changed),
    ]);
    await shot(page, 'rules-version-diff');
    await confirmPopover(page, page.getByTestId('version-restore'), '/restore');
    await page.getByText(`已恢复第 ${before.rulesVersion} 版的规则`).waitFor();
    const restored = await currentPlan(page);
    expect(restored.rulesVersion).toBe(before.rulesVersion + 2);
    expect(restored.document.negativeList[0]!.points).toBe(first.points);
    await page.close();
  });

  it('fits a 390 px phone and reads in English', async () => {
    const ctx = await e.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    await ctx.addInitScript(() => localStorage.setItem('greenvoice.lang', 'en'));
    const page = await ctx.newPage();
    await signInAs(page, e.base, 'admin');
    await page.goto(`${e.base}/admin/assessment/plans`);
    await page.getByRole('tab', { name: 'Rule form' }).click();
    await page.getByTestId('rules-form').waitFor();
    await expect(page.getByTestId('rules-form-save').textContent()).resolves.toContain('Dry run and save');
    await shot(page, 'rules-form-390-en');
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await ctx.close();
  });
});

describe('an export download', () => {
  it('the case queue’s Excel button downloads a real .xlsx holding the rows on screen', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, e.base, 'handler.wl');
    await page.goto(`${e.base}/admin/cases`);
    const table = page.getByTestId('cases-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const shown = (await table.locator('tbody tr.ant-table-row td:first-child').allTextContents()).map((s) =>
      s.trim(),
    );
    expect(shown.length).toBeGreaterThan(0);
    await shot(page, 'cases-export-zh');

    const download = page.waitForEvent('download');
    await page.getByTestId('cases-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^政民互动-\d{4}-\d\d-\d\d\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const numbers: string[] = [];
    ws.eachRow((r, n) => n > 1 && numbers.push(String(r.getCell(1).value)));
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    expect(numbers).toEqual(shown);
    await page.close();
  });
});
