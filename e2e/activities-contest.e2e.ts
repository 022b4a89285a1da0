/// <reference lib="dom" />
// Activities and the contest in the browser (issue 15), clicked from the menu: an officer records a
// five-into event (a future date refused beside the field), adds a photo and sees it; the information
// centre opens a sign-up event and sees its seats; creates the year's contest, registers a school,
// enters a work, uploads its photos and sees them, names a judge and assigns; the judge scores blind
// (no school on the sheet), the results show the score; the award is proposed, leadership approves it,
// and the work is in the portal's gallery. Screenshots at 1280 and 390 px, Chinese and English.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, chooseOption, confirmPopover, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const serious = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

async function png(page: Page, colour: string): Promise<Buffer> {
  const data = await page.evaluate((c) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d')!;
    g.fillStyle = c;
    g.fillRect(0, 0, 64, 48);
    return canvas.toDataURL('image/png').split(',')[1]!;
  }, colour);
  return Buffer.from(data, 'base64');
}

async function pickDate(page: Page, testId: string, date: string) {
  await page.getByTestId(testId).fill(date);
  await page.getByTestId(testId).press('Enter');
}

async function desk(browser: Browser, who: Parameters<typeof signInAs>[2], lang: 'zh' | 'en' = 'zh') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (lang === 'en') await ctx.addInitScript(() => localStorage.setItem('greenvoice.lang', 'en'));
  const page = await ctx.newPage();
  await signInAs(page, e.base, who);
  return page;
}

const year = new Date().getFullYear();
const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};

describe('activities and the contest', () => {
  it(
    'an officer records a five-into event with a photo; the centre opens a sign-up event',
    { timeout: 200_000 },
    async () => {
      const page = await desk(e.browser, 'officer.wl');
      await page.getByTestId('nav-activities').click();
      await page.getByTestId('activities-table').waitFor();
      await page.getByTestId('activity-add').click();
      await chooseOption(page, 'activity-kind', '“五进”活动');
      await chooseOption(page, 'activity-target', '进学校');
      await page.getByTestId('activity-title').fill('垃圾分类进校园');
      await pickDate(page, 'activity-date', day(30));
      await page.getByTestId('activity-place').fill('武陵区育英小学');
      await page.getByTestId('activity-organiser').fill('武陵区环保局宣教股');
      await page.getByTestId('activity-count').fill('120');
      await page.getByTestId('activity-form-save').click();
      // the server refuses a date still to come; the form says so beside the date
      await page.getByText('活动日期不能晚于今天').waitFor();
      await pickDate(page, 'activity-date', day(-2));
      await page.getByTestId('activity-form-save').click();
      const row = page.getByTestId('activities-table').locator('tr', { hasText: '垃圾分类进校园' });
      await row.waitFor();
      await row.getByTestId('activity-photos-open').click();
      await page.getByTestId('activity-photos-input').setInputFiles({
        name: 'class.png',
        mimeType: 'image/png',
        buffer: await png(page, '#2a7'),
      });
      await page.getByTestId('activity-photos').locator('img').first().waitFor();
      await page.keyboard.press('Escape');
      await expect(row.innerText()).resolves.toContain('1 张');
      await shot(page, 'activities-1280-zh');
      expect(await serious(page)).toEqual([]);

      await page.getByTestId('activities-nav').getByText('统计').click();
      await page.getByTestId('stats-unit').waitFor();
      await page.getByTestId('stats-unit').getByText('武陵区环境保护局').waitFor();
      await page.getByTestId('activities-nav').getByText('“五进”达标').click();
      await page.getByTestId('five-into-board').waitFor();
      await page.getByTestId('five-into-board').getByText('武陵区环境保护局').waitFor();
      await shot(page, 'five-into-1280-zh');
      // the calendar: the month of the event, the event on its day, its details on a click
      await page.getByTestId('activities-nav').getByText('日历').click();
      await page.getByTestId('activity-calendar').waitFor();
      if (day(-2).slice(0, 7) !== day(0).slice(0, 7))
        await page.goto(`${e.base}/admin/activities/calendar?month=${day(-2).slice(0, 7)}`);
      await page.getByTestId('activity-calendar').getByText('垃圾分类进校园').click();
      await page.locator('.ant-popover').getByText('武陵区环境保护局').waitFor();
      await shot(page, 'activity-calendar-1280-zh');
      expect(await serious(page)).toEqual([]);
      await page.context().close();

      const centre = await desk(e.browser, 'admin', 'en');
      await centre.getByTestId('nav-activities').click();
      await centre.getByTestId('activities-nav').getByText('Sign-ups').click();
      await centre.getByTestId('signup-event-add').click();
      await centre.getByTestId('signup-event-title').fill('Monitoring station open day');
      await centre.getByTestId('signup-event-capacity').fill('2');
      await pickDate(centre, 'signup-event-starts', `${day(20)} 09:30`);
      await pickDate(centre, 'signup-event-closes', `${day(18)} 18:00`);
      await centre.getByTestId('signup-event-place').fill('City monitoring station');
      await centre.getByTestId('signup-event-form-save').click();
      const ev = centre
        .getByTestId('signup-events')
        .locator('tr', { hasText: 'Monitoring station open day' });
      await ev.waitFor();
      // two groups sign up on the public API: one takes both seats, the other waits
      const id = Number((await ev.locator('[data-testid^=seats-]').getAttribute('data-testid'))!.slice(6));
      for (const [name, groupSize] of [
        ['Wang', 2],
        ['Li', 1],
      ] as const)
        await e.t.inject({
          method: 'POST',
          url: `/api/v1/public/signup-events/${id}/signups`,
          payload: { name, groupSize },
        });
      await centre.reload();
      const seats = centre.getByTestId(`seats-${id}`);
      await expect(seats.innerText()).resolves.toMatch(/2\s*\/\s*2/);
      await centre
        .getByTestId('signup-events')
        .locator('tr', { hasText: 'Monitoring station open day' })
        .locator('.ant-table-row-expand-icon')
        .click();
      await centre.getByTestId(`signups-${id}`).getByText('Waiting').waitFor();
      await shot(centre, 'signups-1280-en');
      expect(await serious(centre)).toEqual([]);
      await centre.context().close();
    },
  );

  it(
    'the centre registers an education base and opens a visiting slot; a school books it from the footer on a phone, without JavaScript',
    { timeout: 200_000 },
    async () => {
      const centre = await desk(e.browser, 'admin');
      await centre.getByTestId('nav-activities').click();
      await centre.getByTestId('activities-nav').getByText('基地与绿色创建').click();
      await centre.getByTestId('registry-add').click();
      const form = centre.getByTestId('registry-form');
      await form.getByTestId('registry-name').fill('花岩溪环境教育基地');
      await form.getByLabel('区县').fill('鼎城区');
      await centre.getByTestId('registry-form-save').click();
      await centre.getByTestId('registry-table').getByText('花岩溪环境教育基地').waitFor();
      await centre.getByTestId('activities-nav').getByText('报名').click();
      await centre.getByTestId('signup-event-add').click();
      await centre.getByTestId('signup-event-title').fill('森林里的环保课');
      await chooseOption(centre, 'signup-event-kind', '教育基地参观');
      await chooseOption(centre, 'signup-event-base', '花岩溪环境教育基地');
      await centre.getByTestId('signup-event-capacity').fill('40');
      await pickDate(centre, 'signup-event-starts', `${day(25)} 09:00`);
      await pickDate(centre, 'signup-event-closes', `${day(23)} 18:00`);
      await centre.getByTestId('signup-event-place').fill('花岩溪国家森林公园');
      await shot(centre, 'signups-base-slot-form-1280-zh');
      await centre.getByTestId('signup-event-form-save').click();
      await centre
        .getByTestId('signup-events')
        .locator('tr', { hasText: '森林里的环保课' })
        .getByText('花岩溪环境教育基地')
        .waitFor();
      await centre.context().close();

      const ctx = await e.browser.newContext({
        viewport: { width: 390, height: 844 },
        javaScriptEnabled: false,
      });
      const phone = await ctx.newPage();
      await phone.goto(`${e.base}/`);
      await phone.getByRole('button', { name: '长者模式' }).click();
      await phone.locator('footer a[href="/bases"]').click();
      await phone.getByRole('heading', { name: '花岩溪环境教育基地' }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone, 'bases-care-phone');
      await phone.getByRole('link', { name: /森林里的环保课/ }).click();
      await phone.fill('#f-name', '钟老师');
      await phone.fill('#f-groupSize', '41');
      await phone.getByRole('button', { name: '提交报名' }).click();
      // no school and a class bigger than the slot: both said beside their fields, nothing booked
      await phone.getByText('预约基地参观请填写学校或团体名称').first().waitFor();
      await phone.getByText('人数须为 1 至 40 的整数').first().waitFor();
      await phone.fill('#f-organisation', '鼎城区花岩溪小学');
      await phone.fill('#f-groupSize', '36');
      await phone.getByRole('button', { name: '提交报名' }).click();
      await phone.getByRole('heading', { name: '报名成功' }).waitFor();
      const code = (await phone.locator('.code').textContent())!;
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      await shot(phone, 'bases-booked-care-phone');
      await phone.goto(`${e.base}/bases`);
      await phone.getByText('剩余名额 4 / 40').waitFor();
      await ctx.close();
    },
  );

  it(
    'a contest from set-up to the gallery: photos shown, blind judging, results, approval',
    { timeout: 300_000 },
    async () => {
      const page = await desk(e.browser, 'admin');
      await page.getByTestId('nav-contest').click();
      await page.getByTestId('contest-add').click();
      await page.getByTestId('contest-theme').fill('塑战速决');
      await page.getByTestId('contest-title').fill('中小学环保创意大赛');
      await pickDate(page, 'contest-entries-close', day(10));
      await pickDate(page, 'contest-judging-close', day(20));
      await pickDate(page, 'contest-gala', day(30));
      await page.getByLabel('每件作品评委数').fill('1');
      await page.getByTestId('contest-form-save').click();
      await page.getByTestId('contest-overview').waitFor();
      await expect(page.getByTestId('contest-overview').innerText()).resolves.toContain('塑战速决');

      await page.getByRole('tab', { name: '学校' }).click();
      await page.getByTestId('school-add').click();
      await page.getByTestId('school-name').fill('武陵区育英小学');
      await chooseOption(page, 'school-county', '武陵区环境保护局');
      await page.getByTestId('school-teacher').fill('周老师');
      await page.getByTestId('school-form-save').click();
      await page.getByTestId('schools-table').getByText('武陵区育英小学').waitFor();

      await page.getByRole('tab', { name: '作品' }).click();
      await page.getByTestId('work-add').click();
      await chooseOption(page, 'work-school', '武陵区育英小学');
      await page.getByTestId('work-title').fill('塑料瓶的新生');
      await page.getByTestId('work-students').fill('小明、小红');
      await page.getByTestId('work-form-save').click();
      const code = `${year}-A-001`;
      await page.getByTestId('works-table').getByText(code).waitFor();
      await page.getByTestId(`work-photos-${code}-input`).setInputFiles([
        { name: 'front.png', mimeType: 'image/png', buffer: await png(page, '#36c') },
        { name: 'back.png', mimeType: 'image/png', buffer: await png(page, '#c63') },
      ]);
      // the photos stay: shown after the upload and after a reload
      await expect
        .poll(() => page.getByTestId(`work-photos-${code}`).locator('img').count(), { timeout: 30_000 })
        .toBe(2);
      await page.reload();
      await page.getByRole('tab', { name: '作品' }).click();
      await expect
        .poll(() => page.getByTestId(`work-photos-${code}`).locator('img').count(), { timeout: 30_000 })
        .toBe(2);
      // and the images really load (the bytes behind each address are the photo)
      await expect
        .poll(
          () =>
            page
              .getByTestId(`work-photos-${code}`)
              .locator('img')
              .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)),
          { timeout: 30_000 },
        )
        .toEqual([64, 64]);
      await shot(page, 'contest-works-1280-zh');
      expect(await serious(page)).toEqual([]);

      await page.getByRole('tab', { name: '评委' }).click();
      await page.getByTestId('judge-add').click();
      await page.getByTestId('judge-person').click();
      await page.getByTestId('judge-person').pressSequentially('审核员');
      await chooseOption(page, 'judge-person', '审核员（演示）');
      await page.getByTestId('judge-form-save').click();
      await page.getByTestId('judges-table').getByText('审核员（演示）').waitFor();
      await page.getByTestId('judges-assign').click();
      await page.getByText('新分配 1 份评审表').waitFor();
      await page.context().close();

      // the judge sees the work blind: code, title, photos — not the school
      const judge = await desk(e.browser, 'reviewer');
      await judge.getByTestId('nav-contest').click();
      await judge.getByRole('tab', { name: '我的评审' }).click();
      const sheet = judge.getByTestId(`sheet-${code}`);
      await sheet.waitFor();
      expect(await sheet.innerText()).not.toContain('育英');
      await expect.poll(() => sheet.locator('img').count(), { timeout: 30_000 }).toBe(2);
      await judge.getByTestId(`score-${code}-theme`).fill('11');
      for (const c of ['creativity', 'craft']) await judge.getByTestId(`score-${code}-${c}`).fill('8');
      await judge.getByTestId(`sheet-save-${code}`).click();
      await sheet.getByText('的分数须在 0–10 之间').waitFor(); // the server's range check, beside the score
      await judge.getByTestId(`score-${code}-theme`).fill('9');
      await judge.getByTestId(`sheet-save-${code}`).click();
      await sheet.getByText('已评').waitFor();
      await shot(judge, 'contest-sheet-1280-zh');
      await judge.context().close();

      const organiser = await desk(e.browser, 'admin');
      await organiser.getByTestId('nav-contest').click();
      await organiser.getByRole('tab', { name: '评审结果' }).click();
      await organiser.getByTestId('awards-propose').click();
      await organiser.getByText('一等奖').first().waitFor();
      await organiser.context().close();

      const leader = await desk(e.browser, 'leader', 'en');
      await leader.getByTestId('nav-contest').click();
      await leader.getByRole('tab', { name: 'Results' }).click();
      await confirmPopover(leader, leader.getByTestId('awards-approve'), '/approve');
      await leader.locator('.ant-tag:visible', { hasText: 'Approved and locked' }).waitFor();
      // locked: the award's certificate downloads as Word from the results (decision 196)
      const certificate = await leader.getByTestId(`certificate-${code}`).getAttribute('href');
      const word = await apiGet(leader, `${e.base}${certificate}`);
      expect(word.status()).toBe(200);
      expect(word.headers()['content-type']).toContain('wordprocessingml');
      await shot(leader, 'contest-results-1280-en');
      expect(await serious(leader)).toEqual([]);
      await leader.context().close();

      const portal = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await portal.goto(`${e.base}/contest`);
      await portal.getByText('塑料瓶的新生').first().waitFor();
      const photo = portal.locator('img[src^="/contest/photos/"]').first();
      await expect
        .poll(() => photo.evaluate((i) => (i as HTMLImageElement).naturalWidth), { timeout: 30_000 })
        .toBe(64);
      await portal.close();
    },
  );

  it('the pages fit a 390 px phone in Chinese and English', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const ctx = await e.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      if (lang === 'en') await ctx.addInitScript(() => localStorage.setItem('greenvoice.lang', 'en'));
      const page = await ctx.newPage();
      await signInAs(page, e.base, 'admin');
      for (const [name, path, ready] of [
        ['activities', '/activities', 'activities-table'],
        ['signups', '/activities/signups', 'signup-events'],
        ['contest', '/contest', 'contest-overview'],
      ] as const) {
        await page.goto(`${e.base}/admin${path}`);
        await page.getByTestId(ready).waitFor();
        if (name === 'contest') {
          await page.getByRole('tab', { name: lang === 'zh' ? '作品' : 'Works' }).click();
          await page.getByTestId('works-table').waitFor();
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await shot(page, `${name}-390-${lang}`);
      }
      await ctx.close();
    }
  });
});
