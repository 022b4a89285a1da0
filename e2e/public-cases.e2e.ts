// Public cases in headless Chromium: a report filed anonymously with JavaScript off gets its numbers; the
// handler accepts it and assigns it to Wuling's bureau in the console; the county reports its result and
// never sees who reported; the handler replies; the reporter reads the reply with number and code.
// Screenshots: the forms on desktop, at 390 px and in elderly mode, the handler's console.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  // five intakes from one address in a few minutes: the challenge is tested in cases.test.ts
  e = await startE2E({ env: { CASE_INTAKE_CHALLENGE_AFTER: '50' } });
});
afterAll(() => e?.close());

const drawerStep = async (page: Page, action: string, fill?: (p: Page) => Promise<void>) => {
  await page.getByTestId(`case-action-${action}`).click();
  if (fill) await fill(page);
  await page.getByTestId('case-step-submit').click();
};

describe('a 12369 report from the portal to the county and back', () => {
  it('files anonymously without JavaScript, is handled, and the county never sees the reporter', async () => {
    const noJs = await e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    const portal = await noJs.newPage();
    await portal.goto(`${e.base}/`);
    await portal.locator('a[href="/interaction/report"]').first().click();
    await shot(portal, 'cases-report-form');
    await portal.getByRole('button', { name: '提交' }).click();
    expect(await portal.locator('#err-county').textContent()).toContain('请选择事发地所在区县');
    await shot(portal, 'cases-report-errors');
    await portal.selectOption('#f-category', 'water');
    await portal.selectOption('#f-county', '武陵区');
    await portal.fill('#f-address', '丹阳路印染厂后门排污口');
    await portal.fill('#f-description', '夜里十点以后排放带颜色的废水，河面发红，气味刺鼻。');
    await portal.check('#f-anonymous');
    await portal.getByRole('button', { name: '提交' }).click();
    const number = (await portal.getByTestId('tracking-number').textContent())!;
    const code = (await portal.getByTestId('query-code').textContent())!;
    expect(number).toMatch(/^JB-/);
    await shot(portal, 'cases-receipt');

    const console = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(console, e.base, 'handler');
    await console.goto(`${e.base}/admin/cases`);
    await console.getByTestId('cases-table').getByText(number).click();
    await drawerStep(console, 'accept');
    await console.getByTestId('case-action-assign').waitFor();
    await drawerStep(console, 'assign', async (p) => {
      await chooseOption(p, 'case-unit', '武陵区环境保护局');
      await p.getByTestId('case-instructions').fill('请三日内现场核查并附照片报送。');
    });
    await expect.poll(() => console.getByTestId('case-status').textContent()).toContain('已转办属地');
    await shot(console, 'cases-console-handler');

    const county = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(county, e.base, 'handler.wl');
    await county.goto(`${e.base}/admin/cases`);
    await county.getByTestId('cases-table').getByText(number).click();
    expect(await county.getByTestId('case-reporter').textContent()).toContain('匿名');
    // the handler's instructions, in the county's timeline (decision 213)
    const timeline = (await county.getByTestId('case-drawer').textContent()) ?? '';
    expect(timeline).toContain('转办要求');
    expect(timeline).toContain('请三日内现场核查并附照片报送。');
    await drawerStep(county, 'countyReply', (p) =>
      p.getByTestId('case-note').fill('已现场检查，责令停产整改。'),
    );
    await expect.poll(() => county.getByTestId('case-status').textContent()).toContain('属地已办结');
    await shot(county, 'cases-console-county');

    await console.reload();
    await drawerStep(console, 'reply', (p) =>
      p.getByTestId('case-reply').fill('经武陵区环保局现场核查，已责令该厂停产整改并依法处罚。'),
    );
    await expect.poll(() => console.getByTestId('case-status').textContent()).toContain('已答复');

    await portal.goto(`${e.base}/interaction/track`);
    await portal.fill('#f-number', number);
    await portal.fill('#f-code', code);
    await portal.getByRole('button', { name: '查询' }).click();
    expect(await portal.getByTestId('case-reply').textContent()).toContain('已责令该厂停产整改');
    await shot(portal, 'cases-track-reply');
    await noJs.close();
  });

  it('shows a named reporter to the receiving handler only', async () => {
    const ctx = await e.browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/interaction/report`);
    await page.selectOption('#f-category', 'air');
    await page.selectOption('#f-county', '武陵区');
    await page.fill('#f-address', '武陵大道化工厂');
    await page.fill('#f-description', '化工厂夜间偷排废气，味道很重，持续一周。');
    await page.fill('#f-name', '张三');
    await page.fill('#f-phone', '13907361234');
    await shot(page, 'cases-report-phone');
    await page.getByRole('button', { name: '提交' }).click();
    const number = (await page.getByTestId('tracking-number').textContent())!;
    await page.goto(`${e.base}/interaction/mailbox`);
    await page
      .getByRole('button', { name: '长者模式' })
      .click()
      .catch(() => {});
    await shot(page, 'cases-mailbox-care-phone');
    await ctx.close();

    const handler = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(handler, e.base, 'handler');
    await handler.goto(`${e.base}/admin/cases`);
    await handler.getByTestId('cases-table').getByText(number).click();
    await handler.getByTestId('case-reveal').click();
    await expect.poll(() => handler.getByTestId('case-reporter').textContent()).toContain('13907361234');
    await drawerStep(handler, 'accept');
    await handler.getByTestId('case-action-assign').waitFor();
    await drawerStep(handler, 'assign', async (p) => {
      await chooseOption(p, 'case-unit', '武陵区环境保护局');
    });
    await expect.poll(() => handler.getByTestId('case-status').textContent()).toContain('已转办属地');

    const county = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(county, e.base, 'handler.wl');
    await county.goto(`${e.base}/admin/cases`);
    await county.getByTestId('cases-table').getByText(number).click();
    await county.getByTestId('case-status').waitFor();
    const drawer = (await county.getByTestId('case-drawer').textContent()) ?? '';
    expect(drawer).toContain('已保密');
    expect(drawer).not.toContain('张三');
    expect(drawer).not.toContain('13907361234');
  });
});

describe('an information request with an extension, a mailbox letter and a comment on a draft', () => {
  it('extends a request with leadership’s approval and tells the applicant why', async () => {
    const ctx = await e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    const portal = await ctx.newPage();
    await portal.goto(`${e.base}/interaction`);
    await portal.locator('a[href="/interaction/info-request"]').first().click();
    await portal.check('#f-applicantType-0');
    await portal.fill('#f-name', '赵六');
    await portal.fill('#f-idNumber', '430702199001011234');
    await portal.fill('#f-phone', '13907369999');
    await portal.fill('#f-description', '申请公开2026年度常德市重点排污单位名录及其确定依据。');
    await portal.check('#f-infoForm-1');
    await portal.check('#f-infoDelivery-3');
    await portal.getByRole('button', { name: '提交' }).click();
    const number = (await portal.getByTestId('tracking-number').textContent())!;
    const code = (await portal.getByTestId('query-code').textContent())!;
    expect(number).toMatch(/^GK-/);

    const handler = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(handler, e.base, 'handler');
    await handler.goto(`${e.base}/admin/cases`);
    await handler.getByTestId('cases-table').getByText(number).click();
    await handler.getByTestId('case-action-extend').click();
    await handler.locator('#days').fill('15');
    await handler.locator('#reason').fill('所需信息涉及多个科室，需汇总核对。');
    await handler.getByTestId('case-step-submit').click();
    await expect.poll(() => handler.getByTestId('case-drawer').textContent()).toContain('延期待批');

    const leader = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(leader, e.base, 'leader');
    await leader.goto(`${e.base}/admin/cases?extension=requested`);
    await leader.getByTestId('cases-table').getByText(number).click();
    await leader.getByTestId('case-extension-approve').click();
    await expect.poll(() => leader.getByTestId('case-drawer').textContent()).toContain('35');
    await shot(leader, 'cases-extension-approved');

    await handler.reload();
    await handler.getByTestId('case-action-reply').click();
    await chooseOption(
      handler,
      handler.locator('.ant-select').filter({ has: handler.locator('#answerType') }),
      '予以公开',
    );
    await handler.getByTestId('case-reply').fill('予以公开，名录电子版请凭查询编号在线查看。');
    await handler.getByTestId('case-step-submit').click();
    await expect.poll(() => handler.getByTestId('case-status').textContent()).toContain('已答复');

    await portal.goto(`${e.base}/interaction/track`);
    await portal.fill('#f-number', number);
    await portal.fill('#f-code', code);
    await portal.getByRole('button', { name: '查询' }).click();
    const page = (await portal.locator('main').textContent()) ?? '';
    expect(page).toContain('所需信息涉及多个科室，需汇总核对');
    expect(page).toContain('予以公开，名录电子版');
    await shot(portal, 'cases-info-request-extended');
    await ctx.close();
  });

  it('takes a mailbox letter from the portal to a published reply', async () => {
    const ctx = await e.browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const portal = await ctx.newPage();
    await portal.goto(`${e.base}/`);
    await portal.locator('a[href="/interaction/mailbox"]').first().click();
    await portal.fill('#f-subject', '建议公开夜间噪声监测数据');
    await portal.fill('#f-description', '希望在网站上公开城区夜间噪声的监测数据，方便市民了解。');
    await portal.fill('#f-name', '孙七');
    await portal.fill('#f-email', 'sun7@example.com');
    await portal.check('#f-publicReply');
    await portal.getByRole('button', { name: '提交' }).click();
    const number = (await portal.getByTestId('tracking-number').textContent())!;
    expect(number).toMatch(/^XX-/);

    const handler = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(handler, e.base, 'handler');
    await handler.goto(`${e.base}/admin/cases`);
    await handler.getByTestId('cases-table').getByText(number).click();
    await handler.getByTestId('case-action-reply').click();
    await handler
      .getByTestId('case-reply')
      .fill('感谢建议，我局将于下月起在“环境质量”栏目按月公开城区声环境监测结果。');
    await handler.locator('#publish').check();
    await handler.getByTestId('case-step-submit').click();
    await expect.poll(() => handler.getByTestId('case-status').textContent()).toContain('已答复');

    await portal.goto(`${e.base}/interaction`);
    await portal.locator('a[href="/interaction/letters"]').first().click();
    await portal.getByRole('link', { name: '建议公开夜间噪声监测数据' }).click();
    const letter = (await portal.locator('main').textContent()) ?? '';
    expect(letter).toContain('按月公开城区声环境监测结果');
    expect(letter).not.toContain('孙七');
    expect(letter).not.toContain('sun7@example.com');
    await shot(portal, 'cases-letter-published-phone');
    await ctx.close();
  });

  it('takes a comment on the open draft, moderated by the editor before it shows', async () => {
    const ctx = await e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    const portal = await ctx.newPage();
    await portal.goto(`${e.base}/channels/gzcy`);
    await portal.locator('a[href="/interaction/consultations"]').first().click();
    await portal.getByRole('link', { name: /饮用水水源保护区/ }).click();
    await shot(portal, 'consultation-open');
    await portal.fill('#f-description', '建议在保护区内的道路两侧设置防撞护栏，防止危化品车辆事故污染水源。');
    await portal.fill('#f-name', '周八');
    await portal.fill('#f-phone', '13907368888');
    await portal.getByRole('button', { name: '提交意见' }).click();
    const number = (await portal.getByTestId('tracking-number').textContent())!;
    expect(number).toMatch(/^YJ-/);

    const editor = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(editor, e.base, 'editor');
    await editor.goto(`${e.base}/admin/consultations`);
    await editor
      .getByTestId('consultations-table')
      .getByText(/饮用水水源保护区/)
      .click();
    const row = editor.getByTestId('consultation-comments').locator('tr', { hasText: number });
    await row.locator('[data-testid^="comment-show-"]').click();
    await expect.poll(() => row.textContent()).toContain('已公开');
    await shot(editor, 'consultation-console');

    await portal.goto(`${e.base}/interaction/consultations`);
    await portal.getByRole('link', { name: /饮用水水源保护区/ }).click();
    expect(await portal.getByTestId('consultation-comments').textContent()).toContain('防撞护栏');
    expect(await portal.locator('main').textContent()).not.toContain('周八');
    await portal.goto(`${e.base}/interaction/statistics?month=2018-06`);
    await shot(portal, 'cases-statistics');
    await ctx.close();
  });
});
