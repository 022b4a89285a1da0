/// <reference lib="dom" />
// Issue 11 "Done when": a citizen starting at / reaches every public page type by CLICKING — channels,
// an article, air (and a station), water (and a section), the key discharging units (and one), the
// incidents (and one), open data, 政府信息公开 (guide, catalogue), 办事指南 (and a guide), every
// public-interaction form, the new-media matrix, search and the footer's pages — in Chinese, English,
// the elderly mode on a 390 px phone, and with JavaScript off. On each page: no error status, a heading,
// no sideways scrolling on a phone, in English no Chinese outside lang="zh-CN" content; axe-core (no
// serious or critical violation) on every page type in Chinese and in the elderly mode; a screenshot of
// each with PORTAL_SHOTS=1 (.tmp/screenshots/). One walk per mode, so the file costs a few tests, not one per page.
// Last, an editor reaches 办事指南 in the console from its menu and publishes a complete guide.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmPopover, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

interface Mode {
  name: string;
  width: number;
  js: boolean;
  /** the top bar's toggle clicked on / first: 'lang' for English, 'care' for the elderly mode */
  toggle?: 'lang' | 'care';
  axe: boolean;
  shots: boolean;
}

const CJK = /[\u3400-\u9fff]/;
/** the walk's screenshots of every page type in every mode, for people to look at: PORTAL_SHOTS=1 */
const SHOTS = process.env.PORTAL_SHOTS === '1';

async function walk(mode: Mode): Promise<string[]> {
  const ctx = await e.browser.newContext({
    viewport: { width: mode.width, height: 900 },
    javaScriptEnabled: mode.js,
  });
  const page = await ctx.newPage();
  let status = 0;
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) status = r.status();
  });
  const problems: string[] = [];
  const seen = new Set<string>();

  /** checks the page the last click opened; `type` names it for the screenshot and the report */
  async function check(type: string) {
    const where = `${mode.name} ${type} ${new URL(page.url()).pathname}`;
    if (status >= 400) problems.push(`${where}: status ${status}`);
    if ((await page.locator('main h1').count()) === 0) problems.push(`${where}: no heading`);
    if (mode.width < 500) {
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 0) problems.push(`${where}: ${over}px wider than the phone`);
    }
    if (mode.toggle === 'lang') {
      // every text outside content marked lang="zh-CN" must be English
      const chinese = await page.evaluate((cjk) => {
        const re = new RegExp(cjk);
        const out: string[] = [];
        const it = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = it.nextNode(); n; n = it.nextNode()) {
          const el = n.parentElement;
          if (!el || !re.test(n.textContent ?? '') || el.closest('[lang="zh-CN"], script, style')) continue;
          if (el.closest('[hidden], [aria-hidden="true"]')) continue;
          out.push((n.textContent ?? '').trim().slice(0, 30));
        }
        return out.slice(0, 5);
      }, CJK.source);
      if (chinese.length) problems.push(`${where}: Chinese not marked zh-CN: ${chinese.join(' | ')}`);
    }
    if (!seen.has(type)) {
      seen.add(type);
      if (mode.axe) {
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
          problems.push(`${where}: axe ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      if (mode.shots && SHOTS) await shot(page, `reach-${mode.name}-${type}`);
    }
  }
  /** clicks the first element `selector` finds and waits for the page it opens */
  async function click(selector: string, type: string) {
    status = 0;
    // the settings toggles come back to the same address: wait for the new page, not a new URL
    const loaded = page.waitForEvent('load');
    await page.locator(selector).first().click();
    await loaded;
    await check(type);
  }
  const bar = (href: string) => `nav.channel-bar a[href="${href}"]`;
  const footer = (href: string) => `footer.site-footer a[href="${href}"]`;
  const tab = (href: string) => `nav.env-tabs a[href="${href}"]`;

  try {
    await steps();
  } catch (err) {
    problems.push(`${mode.name} at ${page.url()}: ${String(err).slice(0, 300)}`);
  }
  await ctx.close();
  return problems;

  async function steps() {
    status = 0;
    await page.goto(`${e.base}/`);
    if (mode.toggle) {
      await click(`.topbar button[name="${mode.toggle}"]`, 'home');
    } else await check('home');

    // articles
    await click(bar('/channels/tzgg'), 'channel');
    await click('main .news-list a', 'article');
    // the environment section: from its channel through every tab, each with one item
    await click(bar('/channels/hjzl'), 'quality-channel');
    await click(tab('/environment/air'), 'air');
    await click('main a[href^="/environment/air/"]', 'air-station');
    await click(tab('/environment/water'), 'water');
    await click('main a[href^="/environment/water/"]', 'water-section');
    await click(tab('/environment/enterprises'), 'enterprises');
    await click('main a[href^="/environment/enterprises/"]', 'enterprise');
    await click(tab('/environment/incidents'), 'incidents');
    await click('main a[href^="/environment/incidents/"]', 'incident');
    await click(tab('/open-data'), 'open-data');
    await click(bar('/channels/qyhjxx'), 'enterprises-channel');
    // 公众参与: every form from its channel
    for (const [href, type] of [
      ['/interaction/report', 'form-report'],
      ['/interaction/mailbox', 'form-mailbox'],
      ['/interaction/consultation', 'form-consultation'],
      ['/interaction/info-request', 'form-info-request'],
      ['/interaction/track', 'form-track'],
      ['/interaction/letters', 'letters'],
    ] as const) {
      await click(bar('/channels/gzcy'), 'participation-channel');
      await click(`main a[href="${href}"]`, type);
    }
    // 新媒体矩阵
    await click(bar('/channels/xmtjz'), 'media-channel');
    await click('main a[href="/media"]', 'media');
    // 政府信息公开 and 办事指南 from the footer
    await click(footer('/xxgk'), 'xxgk');
    await click('main a[href="/xxgk/guide"]', 'xxgk-guide');
    await click(footer('/xxgk'), 'xxgk');
    await click('main a[href="/xxgk/catalogue"]', 'xxgk-catalogue');
    await click(footer('/services'), 'services');
    await click('main a[href^="/services/"]', 'service');
    await click(footer('/about/statement'), 'statement');
    await click(footer('/about/contact'), 'contact');
    // search from the header box
    await page.locator('#site-q').fill('环保');
    await click('form.search button[type="submit"]', 'search');
    await click('main .results a[href^="/articles/"]', 'search-result');
  }
}

describe('every public page by clicking from /', () => {
  it('in Chinese (axe on every page type) and in English (everything translated)', async () => {
    const problems = [
      ...(await walk({ name: 'zh', width: 1280, js: true, axe: true, shots: true })),
      ...(await walk({ name: 'en', width: 1280, js: true, toggle: 'lang', axe: false, shots: true })),
    ];
    expect(problems).toEqual([]);
  }, 300_000);

  it('elderly mode on a 390 px phone (axe on every page type), and with JavaScript off', async () => {
    const problems = [
      ...(await walk({ name: 'care-phone', width: 390, js: true, toggle: 'care', axe: true, shots: true })),
      ...(await walk({ name: 'nojs-phone', width: 390, js: false, axe: false, shots: false })),
    ];
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('办事指南 in the console', () => {
  it('an editor opens it from the menu, writes a guide, sees what it lacks, completes and publishes it', async () => {
    const page: Page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, e.base, 'editor');
    await page.getByTestId('nav-serviceGuides').click();
    await page.getByTestId('guides-table').waitFor();
    await page.getByTestId('guide-create').click();
    await page.getByTestId('guide-name').fill('建设项目竣工环境保护验收信息公开（浏览器测试）');
    await page.getByTestId('guide-save').click();
    const row = page.getByTestId('guides-table').locator('tr', { hasText: '浏览器测试' });
    await expect(row.textContent()).resolves.toContain('缺少');
    await shot(page, 'console-service-guides');
    await row.locator('a', { hasText: '浏览器测试' }).click();
    const drawer = page.locator('.ant-drawer');
    for (const label of [
      '设定依据',
      '申请条件',
      '办理材料',
      '办理地点',
      '办理机构',
      '办理时间',
      '收费标准',
      '联系电话',
      '办理流程',
    ])
      await drawer.getByLabel(label, { exact: true }).fill(`${label}（测试）`);
    await page.getByTestId('guide-save').click();
    await drawer.waitFor({ state: 'detached' });
    await expect(row.textContent()).resolves.toContain('草稿');
    await confirmPopover(page, row.getByRole('button', { name: /发\s*布/ }), '/transition');
    await row.locator('a', { hasText: '门户查看' }).waitFor();
    const id = (await row.getByRole('link', { name: '门户查看' }).getAttribute('href'))!;
    await page.goto(`${e.base}/services`);
    await page.locator(`main a[href="${id}"]`).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('浏览器测试');
    await expect(page.locator('.guide-elements').textContent()).resolves.toContain('办理流程（测试）');
    await page.close();
  });
});
