/// <reference lib="dom" />
// The self-inspection in the browser (decision 174): the information centre opens 网站与新媒体检查 from the
// menu, runs the checks on the demo site and reads the single-veto findings with their evidence — at
// 1280 px and on a 390 px phone, with axe-core finding no serious or critical problem. Then the month's
// monitoring bulletin (decision 187): drafted and submitted by the centre, approved by leadership,
// published, downloaded as Word; its public summary on the portal; the trend chart in both languages.
import { chinaNow } from '@greenvoice/common';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, clickToWrite, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const serious = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('site and new-media checks', () => {
  it('the information centre runs the checks from the menu and reads the findings, on a desktop and a phone', async () => {
    const ctx = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signInAs(page, e.base, 'admin');
    await page.getByTestId('nav-menu').getByText('网站与新媒体检查').click();
    await page.getByTestId('inspection-runs').waitFor();
    await page.getByTestId('inspection-run').click();
    const detail = page.getByTestId('inspection-detail');
    await detail.waitFor();
    await expect(detail.innerText()).resolves.toContain('单项否决');
    const findings = await page.getByTestId('inspection-findings').innerText();
    expect(findings).toContain('首页超过2周未更新');
    expect(findings).toMatch(/首页最新信息发布于 \d{4}-\d{2}-\d{2}/);
    await shot(page, 'inspection-1280');
    expect(await serious(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    // on a phone the newest run is shown again, its findings as a table that scrolls under its key column
    await page.getByTestId('inspection-findings').waitFor();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(390);
    await shot(page, 'inspection-390');
    expect(await serious(page)).toEqual([]);
    await ctx.close();
  });

  it('the month’s monitoring bulletin: drafted, approved by leadership, published, downloaded; the trend chart', async () => {
    // axe wants a page of its own context
    const adminCtx = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await adminCtx.newPage();
    await signInAs(admin, e.base, 'admin');
    await admin.goto(`${e.base}/admin/inspection`);
    // the first test ran the checks today: this month has a run to report
    const month = chinaNow().month;
    const card = admin.getByTestId('monitoring-bulletins');
    await card.waitFor();
    await chooseOption(admin, 'monitoring-month', month);
    await clickToWrite(admin, admin.getByTestId('monitoring-create'), '/inspection/bulletins');
    const submit = card.locator('[data-testid^="monitoring-submit-"]');
    await submit.waitFor();
    const id = Number((await submit.getAttribute('data-testid'))!.split('-').at(-1));
    await expect(card.innerText()).resolves.toContain('全市政府网站与政务新媒体监测情况的通报');
    // the public summary is the bureau's own words
    await admin.getByTestId(`monitoring-edit-${id}`).click();
    await admin.getByTestId('monitoring-summary').fill('本月自查发现首页更新不及时，已通报整改。');
    await admin.getByRole('button', { name: /OK|确\s*定/ }).click();
    await admin.getByTestId('monitoring-summary').waitFor({ state: 'hidden' });
    await admin.getByTestId(`monitoring-submit-${id}`).click();
    await admin.getByTestId('monitoring-status-pending').waitFor();

    const leader = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(leader, e.base, 'leader');
    await leader.getByTestId('nav-menu').getByText('网站与新媒体检查').click();
    await leader.getByTestId(`monitoring-approve-${id}`).click();
    await leader.getByTestId('monitoring-status-approved').waitFor();
    await expect(leader.getByTestId('monitoring-bulletins').innerText()).resolves.toMatch(/监〔\d{4}〕\d+号/);
    await shot(leader, 'inspection-bulletin-approved');

    await admin.reload();
    await admin.getByTestId(`monitoring-publish-${id}`).click();
    await admin.getByTestId('monitoring-status-published').waitFor();
    const download = admin.waitForEvent('download');
    await admin.getByTestId(`monitoring-docx-${id}`).click();
    const bytes = fs.readFileSync((await (await download).path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5000);

    // the portal's footer leads to the public summary
    const visitor = await e.browser.newPage();
    await visitor.goto(`${e.base}/`);
    await visitor.locator('footer').getByText('监测通报').click();
    await expect(visitor.locator('main').innerText()).resolves.toContain(
      '本月自查发现首页更新不及时，已通报整改。',
    );

    // the trend: drawn, and the same numbers as a table, in Chinese and in English, also at 390 px
    const trend = admin.getByTestId('inspection-trend');
    await trend.locator('svg path').first().waitFor({ state: 'attached' });
    await expect(admin.getByTestId('inspection-trend-table').textContent()).resolves.toContain(
      `${month.slice(0, 4)}年${Number(month.slice(5))}月`,
    );
    await admin.evaluate(() => localStorage.setItem('greenvoice.lang', 'en'));
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.reload();
    await trend.locator('svg path').first().waitFor({ state: 'attached' });
    await expect(admin.getByTestId('inspection-trend-table').textContent()).resolves.toContain(month);
    expect(await trend.getAttribute('aria-label')).toMatch(/Site score and findings/);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(admin, 'inspection-trend-390-en');
    expect(await serious(admin)).toEqual([]);
    await Promise.all([adminCtx.close(), leader.close(), visitor.close()]);
  });
});
