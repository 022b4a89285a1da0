/// <reference lib="dom" />
// The public portal in headless Chromium: every page type screenshotted (home, channel, article,
// search, 404, large-type mode, English, print) and checked by axe-core — no serious or critical
// violations; pages work with JavaScript off; keyboard reaches the content; and an article travels
// from the console's editor through the three reviews onto the portal.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_NOTICE } from '../server/src/demo/portal-seed-notice.ts';
import { chooseOption, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
let seedId = 0;
beforeAll(async () => {
  e = await startE2E();
  seedId = (
    await e.t.database.db
      .selectFrom('portal_articles')
      .select('id')
      .where('title', '=', SEED_NOTICE.title)
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => e?.close());

async function axe(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function context(
  browser: Browser,
  opts: { javaScriptEnabled?: boolean; width?: number } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
}

describe('portal pages', () => {
  it.each([
    ['home', '/'],
    ['channel', '/channels/tzgg'],
    ['article', () => `/articles/${seedId}`],
    ['search', `/search?q=${encodeURIComponent('环保督察')}`],
  ] as const)('%s: renders, passes axe, screenshot', async (name, path) => {
    const ctx = await context(e.browser);
    const page = await ctx.newPage();
    const res = await page.goto(`${e.base}${typeof path === 'function' ? path() : path}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('meta[name="SiteName"]').getAttribute('content')).resolves.toBe(
      '常德市环境保护局',
    );
    await axe(page);
    await shot(page, `portal-${name}`);
    await ctx.close();
  });

  it('404: the site frame with a way home', async () => {
    const ctx = await context(e.browser);
    const page = await ctx.newPage();
    const res = await page.goto(`${e.base}/articles/987654`);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toContain('页面不存在');
    await axe(page);
    await shot(page, 'portal-404');
    await ctx.close();
  });

  it('the read beacon counts the visit and shows the fresh count', async () => {
    // a visitor not seen today (visitors are told apart by address and browser)
    const ctx = await e.browser.newContext({ userAgent: 'GreenVoice e2e reader' });
    const page = await ctx.newPage();
    const before = Number(
      (
        await e.t.database.db
          .selectFrom('portal_articles')
          .select('read_count')
          .where('id', '=', seedId)
          .executeTakeFirstOrThrow()
      ).read_count,
    );
    await page.goto(`${e.base}/articles/${seedId}`);
    await page.waitForFunction(
      (n) => document.getElementById('read-count')?.textContent === String(n),
      before + 1,
    );
    await ctx.close();
  });

  it('works with JavaScript off: the font size and large-type mode are plain forms, and remembered', async () => {
    const ctx = await context(e.browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/articles/${seedId}`);
    await page.locator('.article-meta button[name="fs"][value="l"]').click();
    await page.waitForURL(`${e.base}/articles/${seedId}`);
    await expect(page.locator('html').getAttribute('class')).resolves.toContain('fs-l');
    const size = await page
      .locator('.article-body p')
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(size).toBe('21px');
    await page.locator('.topbar button[name="care"]').click();
    await expect(page.locator('html').getAttribute('class')).resolves.toBe('care fs-l');
    // remembered on the next page, without browser zoom
    await page.goto(`${e.base}/`);
    await expect(page.locator('html').getAttribute('class')).resolves.toBe('care fs-l');
    const base = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(base).toBe('20px');
    await ctx.close();
  });

  it('large-type, high-contrast mode: screenshots and axe on home and article', async () => {
    const ctx = await context(e.browser);
    await ctx.addCookies([{ name: 'gv_prefs', value: 'zh.1.l', url: e.base }]);
    const page = await ctx.newPage();
    await page.goto(`${e.base}/`);
    await axe(page);
    await shot(page, 'portal-care-home');
    await page.goto(`${e.base}/articles/${seedId}`);
    await axe(page);
    await shot(page, 'portal-care-article');
    await ctx.close();
  });

  it('English interface; content stays as authored', async () => {
    const ctx = await context(e.browser);
    const page = await ctx.newPage();
    await page.goto(`${e.base}/articles/${seedId}`);
    await page.locator('.topbar button[name="lang"]').click();
    await page.waitForURL(`${e.base}/articles/${seedId}`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.article-meta').textContent()).resolves.toContain('Published');
    await expect(page.locator('h1').textContent()).resolves.toBe(SEED_NOTICE.title);
    await axe(page);
    await shot(page, 'portal-english-article');
    await page.goto(`${e.base}/`);
    await shot(page, 'portal-english-home');
    await ctx.close();
  });

  it('phone width: one column', async () => {
    const ctx = await context(e.browser, { width: 390 });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'portal-phone-home');
    await page.goto(`${e.base}/articles/${seedId}/print`);
    await shot(page, 'portal-print');
    await ctx.close();
  });

  it('keyboard: the skip link leads to the content, the search box is reachable', async () => {
    const ctx = await context(e.browser);
    const page = await ctx.newPage();
    await page.goto(`${e.base}/`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
    await page.locator('#site-q').focus();
    await page.keyboard.type('督察');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator('.results mark').first().textContent()).resolves.toBe('督察');
    await ctx.close();
  });

  it('per-page JavaScript stays small and every asset is local', async () => {
    const ctx = await context(e.browser);
    const page = await ctx.newPage();
    const requests: string[] = [];
    let jsBytes = 0;
    page.on('response', async (r) => {
      requests.push(r.url());
      if (r.request().resourceType() === 'script')
        jsBytes += Number(r.headers()['content-length'] ?? (await r.body()).length);
    });
    await page.goto(`${e.base}/articles/${seedId}`, { waitUntil: 'networkidle' });
    expect(requests.every((u) => u.startsWith(e.base))).toBe(true);
    expect(jsBytes).toBeLessThan(30 * 1024);
    await ctx.close();
  });
});

describe('console: from the editor through three reviews onto the portal', () => {
  it('editor writes (Word paste keeps a list), reviewer reviews, admin approves, editor publishes', async () => {
    const title = '关于开展生态环保五进活动的通知（浏览器测试）';
    const editorCtx = await context(e.browser);
    const page = await editorCtx.newPage();
    await signInAs(page, e.base, 'editor');
    await page.getByTestId('nav-cmsArticles').click();
    await page.getByTestId('articles-table').waitFor();
    await shot(page, 'console-articles');
    await page.getByTestId('article-create').click();
    await chooseOption(page, 'article-channel', '通知公告');
    await page.getByTestId('article-title').fill(title);
    const body = page.getByTestId('article-body-editor');
    await body.click();
    // a paste from Word: its list paragraphs arrive as mso-list paragraphs
    await page.evaluate(() => {
      const html =
        "<h1>一、活动安排</h1><p style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span>1.</span><!--[endif]-->进企业</p>" +
        "<p style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span>2.</span><!--[endif]-->进学校</p>" +
        '<table><tr><td>时间</td><td>地点</td></tr><tr><td>6月5日</td><td>柳叶湖</td></tr></table>';
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '一、活动安排 进企业 进学校');
      document
        .querySelector('[data-testid="article-body-editor"]')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(body.locator('ol li').count()).resolves.toBe(2);
    await expect(body.locator('h2').textContent()).resolves.toBe('一、活动安排');
    await expect(body.locator('table td').count()).resolves.toBe(4);
    await page.getByTestId('article-save').click();
    await page.waitForURL(/\/admin\/cms\/articles\/\d+$/);
    const id = Number(page.url().split('/').pop());
    await page.getByTestId('article-action-submit').click();
    await page.getByTestId('article-action-submit').waitFor({ state: 'detached' });
    await shot(page, 'console-article-editor');
    await editorCtx.close();

    const reviewCtx = await context(e.browser);
    const rp = await reviewCtx.newPage();
    await signInAs(rp, e.base, 'reviewer');
    await rp.goto(`${e.base}/admin/cms/articles/${id}`);
    await rp.getByTestId('article-action-review').click();
    await rp.getByTestId('article-action-review').waitFor({ state: 'detached' });
    await reviewCtx.close();

    const adminCtx = await context(e.browser);
    const ap = await adminCtx.newPage();
    await signInAs(ap, e.base, 'admin');
    await ap.goto(`${e.base}/admin/cms/articles/${id}`);
    await ap.getByTestId('article-action-approve').click();
    await ap.getByTestId('article-action-approve').waitFor({ state: 'detached' });
    await ap.getByTestId('nav-cmsChannels').click();
    await ap.getByTestId('channels-table').waitFor();
    await shot(ap, 'console-channels');
    await adminCtx.close();

    const pubCtx = await context(e.browser);
    const pp = await pubCtx.newPage();
    await signInAs(pp, e.base, 'editor');
    await pp.goto(`${e.base}/admin/cms/articles/${id}`);
    await pp.getByTestId('article-action-publish').click();
    await pp.getByTestId('publish-confirm').click();
    await pp.getByTestId('article-action-publish').waitFor({ state: 'detached' });
    await pp.getByTestId('article-revisions').click();
    await pp.getByTestId('revisions-table').locator('tbody tr').nth(4).waitFor();
    await shot(pp, 'console-revisions');
    await pp.goto(`${e.base}/articles/${id}`);
    await expect(pp.locator('h1').textContent()).resolves.toBe(title);
    await expect(pp.locator('.article-body ol li').count()).resolves.toBe(2);
    await expect(pp.locator('.article-body table td').count()).resolves.toBe(4);
    await pubCtx.close();
  });
});
