// Hardening items 10, 14 and 15 (decision 066): the display-settings form never answers 500, a client
// address counts a few reads of an article a day whatever User-Agent it sends, and portal requests the
// server has to work for are limited per client — over HTTP through the fast lane too — while pages
// answered from the byte cache spend nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialect, type TestApp } from '../test/test-app.ts';
import { READS_PER_ADDRESS } from './portal-runtime.ts';

const PORTAL_LIMIT = 12;
let t: TestApp;
let seedId = 0;
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { PORTAL_RATE_LIMIT_PER_MINUTE: String(PORTAL_LIMIT) } });
  seedId = await t.seedNoticeId();
});
afterAll(() => t.close());

let nextIp = 1;
/** every test its own client address, so one test's budget does not spend another's */
const freshIp = () => `10.60.${Math.floor(nextIp / 250)}.${nextIp++ % 250}`;

describe('the display-settings form (item 10)', () => {
  const post = (payload: string, ip = freshIp(), type = 'application/x-www-form-urlencoded') =>
    t.inject({
      method: 'POST',
      url: '/portal/prefs',
      headers: { 'content-type': type },
      payload,
      remoteAddress: ip,
    });

  it('goes back to a path with Chinese (or any non-Latin-1) characters, percent-encoded', async () => {
    const res = await post(`lang=en&back=${encodeURIComponent('/search?q=环境监测')}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/search?q=%E7%8E%AF%E5%A2%83%E7%9B%91%E6%B5%8B');
    const emoji = await post(`care=1&back=${encodeURIComponent('/channels/tzgg?x=😀ŁĀ')}`);
    expect(emoji.statusCode).toBe(303);
    expect(emoji.headers.location).toBe(`/channels/tzgg?x=${encodeURIComponent('😀ŁĀ')}`);
    // raw UTF-8 bytes in the form, undecodable bytes, still never off the site
    for (const back of ['/%E7%8E%AF', '/%ED%A0%80', '//evil.example/%E7', '/\\evil.example'])
      expect((await post(`lang=zh&back=${back}`)).headers.location).toMatch(/^\/(?![/\\])/);
  });

  it('answers a malformed form with a portal page in Chinese and English, not JSON', async () => {
    for (const [payload, type, status] of [
      ['lang=zh&evil=1', 'application/x-www-form-urlencoded', 400],
      [`back=/${'a'.repeat(5000)}`, 'application/x-www-form-urlencoded', 413],
      ['lang=zh', 'text/plain', 400],
      ['<lang>zh</lang>', 'application/xml', 415],
    ] as const) {
      const res = await post(payload, freshIp(), type);
      expect(res.statusCode, payload.slice(0, 20)).toBe(status);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<html lang="zh-CN">');
      expect(res.body).toMatch(/lang="en"/);
    }
  });
});

describe('read counts per address (item 14)', () => {
  const beacon = (ua: string, ip: string) =>
    t.inject({
      method: 'POST',
      url: `/api/v1/portal/articles/${seedId}/reads`,
      headers: { 'user-agent': ua },
      payload: {},
      remoteAddress: ip,
    });

  it(`counts at most ${READS_PER_ADDRESS} reads of an article a day from one address, whatever User-Agent it sends`, async () => {
    // (fewer requests than the portal budget: the limit must not be what stops the counting)
    const countedOf = async (ips: (i: number) => string) => {
      let counted = 0;
      for (let i = 0; i < PORTAL_LIMIT - 1; i++) {
        const res = await beacon(`Mozilla/5.0 rotating-${i}`, ips(i));
        expect(res.statusCode).toBe(200);
        if (res.json().counted) counted++;
      }
      return counted;
    };
    const ip = freshIp();
    const counted = await countedOf(() => ip);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(READS_PER_ADDRESS);
    // IPv6: a whole /64 is one address
    expect(await countedOf((i) => `2001:db8:1:2::${(i + 1).toString(16)}`)).toBeLessThanOrEqual(
      READS_PER_ADDRESS,
    );
    // another address still counts
    expect((await beacon('Mozilla/5.0 rotating-0', freshIp())).json().counted).toBe(true);
  });
});

describe('the portal limit (item 15)', () => {
  const search = (ip: string, q = '环境') =>
    t.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}`, remoteAddress: ip });

  it('limits searches per client with a 429 page in Chinese and English and Retry-After', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < PORTAL_LIMIT + 3; i++) {
      last = await search(ip, `环境${i}`);
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([...Array(PORTAL_LIMIT).fill(200), 429, 429, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.headers['content-type']).toContain('text/html');
    expect(last!.headers['cache-control']).toBe('no-store');
    expect(last!.body).toContain('请求过于频繁');
    expect(last!.body).toContain('Too many requests');
    // other clients are not affected, nor the API's own budget
    expect((await search(freshIp())).statusCode).toBe(200);
    const api = await t.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: ip });
    expect(api.statusCode).toBe(200);
  });

  it('the read beacon spends the portal budget and answers 429 in the error shape', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < PORTAL_LIMIT + 1; i++)
      statuses.push(
        (
          await t.inject({
            method: 'POST',
            url: `/api/v1/portal/articles/${seedId}/reads`,
            payload: {},
            remoteAddress: ip,
          })
        ).statusCode,
      );
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, PORTAL_LIMIT)).toEqual(Array(PORTAL_LIMIT).fill(200));
  });

  it('over HTTP: cache hits spend nothing, pages the fast lane renders are limited', async () => {
    const port = testDialect() === 'postgres' ? 42102 : 42101;
    await t.app.listen({ port, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    // teach the lane (a page through Fastify), then cache the article: 2 of the budget
    expect((await fetch(`${base}/channels/tzgg`)).status).toBe(200);
    t.app.portal.cache.clear();
    expect((await fetch(`${base}/articles/${seedId}`)).status).toBe(200);
    for (let i = 0; i < PORTAL_LIMIT * 5; i++)
      expect((await fetch(`${base}/articles/${seedId}`)).status).toBe(200);
    // the rest of the budget for pages that must be rendered: searches, rendered by the lane
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < PORTAL_LIMIT; i++) {
      last = await fetch(`${base}/search?q=${encodeURIComponent(`水${i}`)}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(PORTAL_LIMIT - 2).fill(200), 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await last!.text()).toContain('Too many requests');
    // still served from the cache while the budget is spent
    expect((await fetch(`${base}/articles/${seedId}`)).status).toBe(200);
    // a page the lane hands to Fastify (404) is refused there too, and counted once only
    expect((await fetch(`${base}/articles/999999`)).status).toBe(429);
  });
});
