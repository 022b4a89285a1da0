// Bad input on every public page (issue 11, decision 117): each GET route of the portal — found in the
// app's own route list, so a page added later is walked too — is sent hostile query strings (unknown
// fields, markup, wrong types, huge values, broken encoding, 5,000 characters). Every answer is the
// portal's HTML page with 400 or 404: never JSON, never a 5xx, never the markup sent. Share parameters
// messengers append still open the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { PORTAL_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

/** Not pages: files, assets and the feeds' machine formats are checked for 5xx and JSON only. */
const NOT_PAGES = /^\/(portal\/|favicon|robots\.txt|sitemap\.xml|media\/qr\/|services\/:id\/forms\/)|\.xml$/;

const MARK = 'gvXSS';
const LONG = 'a'.repeat(5000);
const HOSTILE = [
  'x=1',
  `<b>${MARK}</b>=1`,
  `page=abc`,
  `page=<script>${MARK}</script>`,
  'page=99999999999999999999999',
  'page=-1',
  'page[]=1',
  'page=1&page=2&x=3',
  `q=${LONG}`,
  `q=${LONG}&page=2`,
  'from=2018-99-99&to=2018-01-01',
  'from=2018-12-01&to=2018-01-01',
  'category=%3Cb%3E',
  'channel=%3Cimg%20src%3Dx%3E',
  'sort=%22%3E%3Csvg%3E',
  'page=%ZZ',
  'q=%00',
  `${'k'.repeat(3000)}=${'v'.repeat(1500)}`,
];

/** A real address for each pattern: the demo's first station, section, unit, incident, article, … */
async function addresses(): Promise<Map<string, string>> {
  const sitemap = (await t.inject({ method: 'GET', url: '/sitemap.xml' })).body;
  const urls = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+([^<]*)<\/loc>/g)].map((m) => m[1]!);
  const first = (re: RegExp) => urls.find((u) => re.test(u));
  const article = first(/^\/articles\/\d+$/)!;
  return new Map([
    ['/channels/:code', first(/^\/channels\/tzgg$/)!],
    ['/channels/:code/rss.xml', '/channels/tzgg/rss.xml'],
    ['/channels/:code/atom.xml', '/channels/tzgg/atom.xml'],
    ['/articles/:id', article],
    ['/articles/:id/print', `${article}/print`],
    ['/services/:id', first(/^\/services\/\d+$/)!],
    ['/environment/air/:id', first(/^\/environment\/air\/\d+$/)!],
    ['/environment/water/:id', first(/^\/environment\/water\/\d+$/)!],
    ['/environment/enterprises/:id', first(/^\/environment\/enterprises\/\d+$/)!],
    ['/environment/incidents/:id', first(/^\/environment\/incidents\/\d+$/)!],
    // a published reply if the demo has one; else the 404 page is what is checked
    ['/interaction/letters/:id', '/interaction/letters/1'],
    ['/interaction/consultations/:id', '/interaction/consultations/1'],
    // files: any answer but a 5xx, JSON or the markup sent
    ['/media/qr/:file', '/media/qr/1.svg'],
    ['/portal/assets/:name', '/portal/assets/portal.css'],
    ['/portal/images/:file', '/portal/images/aaaaaaaaaaaaaaaa.png'],
    ['/portal/attachments/:id', '/portal/attachments/1'],
    ['/services/:id/forms/:formId', '/services/1/forms/1'],
    ['/interaction/consultations/:id/files/:fileId', '/interaction/consultations/1/files/1'],
    ['/contest/photos/:id', '/contest/photos/1'],
    // an event open for sign-up if the demo has one; else the 404 page
    ['/events/:id', '/events/1'],
  ]);
}

describe('hostile query strings on every public page', () => {
  it('answer an HTML 400 or 404 page: never JSON, never a 5xx, never the markup sent', async () => {
    const concrete = await addresses();
    const routes = t.app.declaredRoutes.filter(
      (r) => r.method === 'GET' && r.access === 'public' && !/^\/(api|admin)(\/|$)/.test(r.url),
    );
    const pages = routes.filter((r) => !NOT_PAGES.test(r.url));
    // the walk covers the page types the issue names
    for (const p of ['/', '/environment/air', '/open-data', '/xxgk/catalogue', '/services', '/search'])
      expect(pages.map((r) => r.url)).toContain(p);
    const problems: string[] = [];
    for (const r of routes) {
      const path = r.url.includes(':') ? concrete.get(r.url) : r.url;
      if (!path) {
        problems.push(`${r.url}: no address to try (add one to the walk)`);
        continue;
      }
      const page = !NOT_PAGES.test(r.url);
      for (const q of HOSTILE) {
        const res = await t.inject({ method: 'GET', url: `${path}?${q}` });
        const where = `${path}?${q.slice(0, 40)} → ${res.statusCode}`;
        const type = String(res.headers['content-type'] ?? '');
        if (res.statusCode >= 500) problems.push(`${where}: server error`);
        if (type.includes('json')) problems.push(`${where}: JSON`);
        if (res.body.includes(`<b>${MARK}`) || res.body.includes(`<script>${MARK}`))
          problems.push(`${where}: markup reflected`);
        if (page && ![400, 404].includes(res.statusCode)) problems.push(`${where}: not 400/404`);
        if (page && !type.startsWith('text/html')) problems.push(`${where}: not HTML (${type})`);
        if (page && !res.body.includes('class="site-footer"'))
          problems.push(`${where}: not the portal's page`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a shared link keeps its messenger parameters and opens the page; an unknown one is named', async () => {
    const shared = await t.inject({
      method: 'GET',
      url: '/environment/air?from=singlemessage&isappinstalled=0&utm_source=wechat',
    });
    expect(shared.statusCode).toBe(200);
    const en = await t.inject({
      method: 'GET',
      url: '/environment/water?foo=1',
      headers: { cookie: 'gv_prefs=en.0.m' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('Address not understood');
    expect(en.body).toContain('href="/environment/water"');
  });
});
