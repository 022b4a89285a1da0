// The external-link checker against a real HTTP receiver on this machine (decision 188): answers and
// status codes, HEAD refused then GET, an endless body never read, a slow host bounded by its timeout, a
// redirect loop, redirects into private space refused before any request, one request at a time per host
// with the delay between them, the bureau's User-Agent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkLinks,
  isPrivateAddress,
  LINK_CHECK_DEFAULTS,
  linkCheckerAgent,
  type LinkCheckOptions,
} from './link-checker.ts';

const seen: Array<{ method: string; path: string; host: string; ua: string; at: number }> = [];
let active = 0;
let maxActive = 0;
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url!;
    seen.push({
      method: req.method!,
      path,
      host: req.headers.host!,
      ua: req.headers['user-agent']!,
      at: Date.now(),
    });
    active++;
    maxActive = Math.max(maxActive, active);
    res.on('close', () => active--);
    if (path === '/ok') return void setTimeout(() => res.end('fine'), 30);
    if (path === '/gone') return void res.writeHead(404).end();
    if (path === '/no-head') {
      if (req.method === 'HEAD') return void res.writeHead(405).end();
      return void res.writeHead(200).end('got');
    }
    if (path === '/huge') {
      if (req.method === 'HEAD') return void res.writeHead(405).end();
      // "10 GB": a body that never ends; the checker must not read it
      res.writeHead(200, { 'content-length': String(10 * 1024 ** 3) });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
      return;
    }
    if (path === '/slow') return; // never answers
    if (path === '/loop-a') return void res.writeHead(302, { location: '/loop-b' }).end();
    if (path === '/loop-b') return void res.writeHead(302, { location: '/loop-a' }).end();
    if (path === '/to-private')
      return void res.writeHead(301, { location: `http://127.0.0.2:${port()}/ok` }).end();
    if (path === '/to-metadata')
      return void res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
    if (path === '/moved') return void res.writeHead(301, { location: '/ok' }).end();
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  base = `http://127.0.0.1:${port()}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
const port = () => (server.address() as AddressInfo).port;

const options = (o: Partial<LinkCheckOptions> = {}): LinkCheckOptions => ({
  ...LINK_CHECK_DEFAULTS,
  userAgent: linkCheckerAgent('常德市环境保护局', 'https://hbj.example.gov.cn'),
  timeoutMs: 500,
  delayMs: 0,
  concurrency: 4,
  perHost: 2,
  // the receiver on this machine may be asked; nothing else private
  allowAddresses: ['127.0.0.1'],
  ...o,
});
const one = async (path: string, o?: Partial<LinkCheckOptions>) =>
  (await checkLinks([`${base}${path}`], options(o)))[0]!;

describe('the external-link checker', () => {
  it('answers ok, broken with its status, and follows a redirect to its end', async () => {
    expect(await one('/ok')).toMatchObject({ outcome: 'ok', status: 200 });
    expect(await one('/gone')).toMatchObject({ outcome: 'broken', status: 404, detail: 'HTTP 404' });
    expect(await one('/error')).toMatchObject({ outcome: 'broken', status: 500 });
    expect(await one('/moved')).toMatchObject({ outcome: 'ok', status: 200 });
  });

  it('asks HEAD first and GET only when HEAD is refused, naming the bureau', async () => {
    seen.length = 0;
    expect(await one('/no-head')).toMatchObject({ outcome: 'ok', status: 200 });
    expect(seen.map((s) => s.method)).toEqual(['HEAD', 'GET']);
    expect(
      seen.every((s) => s.ua === linkCheckerAgent('常德市环境保护局', 'https://hbj.example.gov.cn')),
    ).toBe(true);
    expect(decodeURIComponent(seen[0]!.ua)).toContain('常德市环境保护局');
  });

  it('never reads a body: a 10 GB answer is checked from its status line', async () => {
    expect(await one('/huge')).toMatchObject({ outcome: 'ok', status: 200 });
  });

  it('a slow host costs its timeout and is unchecked, not broken', async () => {
    expect(await one('/slow', { timeoutMs: 200 })).toMatchObject({
      outcome: 'unchecked',
      detail: expect.stringContaining('timed out after 200 ms'),
    });
  });

  it('reports a redirect loop as broken', async () => {
    expect(await one('/loop-a')).toMatchObject({
      outcome: 'broken',
      detail: expect.stringContaining('redirect loop'),
    });
  });

  it('refuses private addresses — directly, by DNS and by redirect — before any request', async () => {
    seen.length = 0;
    expect(await one('/to-private')).toMatchObject({
      outcome: 'unchecked',
      detail: expect.stringContaining('private address'),
    });
    expect(await one('/to-metadata')).toMatchObject({
      outcome: 'unchecked',
      detail: expect.stringContaining('169.254.169.254'),
    });
    // only the two first hops reached the receiver; the 127.0.0.2 hop was never asked
    expect(seen.map((s) => s.path)).toEqual(['/to-private', '/to-metadata']);
    expect(seen.some((s) => s.host.startsWith('127.0.0.2'))).toBe(false);
    // without the test setting the receiver itself is refused, and a name resolving to it too
    const strict = { allowAddresses: [] };
    expect(await one('/ok', strict)).toMatchObject({ outcome: 'unchecked' });
    const byName = await checkLinks(
      [`http://intranet.example:${port()}/ok`],
      options({ ...strict, lookup: async () => ['203.0.113.9', '10.1.2.3'] }),
    );
    expect(byName[0]).toMatchObject({
      outcome: 'unchecked',
      detail: expect.stringContaining('private address'),
    });
    expect(seen.length).toBe(2);
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['203.0.113.9', '8.8.8.8', '2001:db8::1']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('is polite: one request at a time per host, with the delay between them; other hosts in parallel', async () => {
    seen.length = 0;
    maxActive = 0;
    const urls = ['/ok', '/gone', '/moved', '/no-head'].map((p) => `${base}${p}?n=1`);
    const results = await checkLinks(urls, options({ perHost: 1, delayMs: 100 }));
    expect(results).toHaveLength(4);
    expect(maxActive).toBe(1);
    const starts = seen.map((s) => s.at);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(95);
  });

  it('a network that is closed leaves every link unchecked, never broken', async () => {
    const r = await checkLinks(
      ['https://www.mee.gov.cn/', 'http://www.hunan.gov.cn/'],
      options({
        allowAddresses: [],
        lookup: async () => Promise.reject(Object.assign(new Error('x'), { code: 'EAI_AGAIN' })),
      }),
    );
    expect(r.map((x) => x.outcome)).toEqual(['unchecked', 'unchecked']);
    expect(r[0]!.detail).toBe('DNS: EAI_AGAIN');
  });
});
