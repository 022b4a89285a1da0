// External links in the self-inspection (decision 188), on a real database and a real receiver: answers
// are kept a day and asked again after it; an unchecked one is asked again at the next run; with the
// checker off nothing is fetched and every link is unchecked, never broken.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createExternalLinks } from './external-links.ts';
import { createInspectionRepo } from './inspection.repo.ts';
import { LINK_CHECK_DEFAULTS } from './link-checker.ts';

let t: TestApp;
let server: http.Server;
let asked: string[] = [];
let base = '';
let clock = Date.parse('2026-12-01T00:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  server = http.createServer((req, res) => {
    asked.push(req.url!);
    res.writeHead(req.url === '/gone' ? 404 : 200).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

const links = () => [
  { from: '/', href: `${base}/fine` },
  { from: '/about/contact', href: `${base}/gone` },
  { from: '/', href: 'http://10.0.0.8/intranet' },
];
const checker = (on: boolean) =>
  createExternalLinks({
    repo: createInspectionRepo(t.database.db),
    options: on
      ? { ...LINK_CHECK_DEFAULTS, delayMs: 0, timeoutMs: 1000, allowAddresses: ['127.0.0.1'] }
      : null,
    agent: async () => 'GreenVoice-LinkCheck/1.0 (test)',
    now: () => clock,
  });

describe('external links of the inspection', () => {
  it('off: nothing fetched, every link unchecked', async () => {
    expect(await checker(false)(links())).toEqual({ broken: [], checked: 0, unchecked: 3 });
    expect(asked).toEqual([]);
  });

  it('on: broken ones become facts with their page; a private address stays unchecked', async () => {
    const r = await checker(true)(links());
    expect(r).toEqual({
      broken: [{ from: '/about/contact', href: `${base}/gone`, status: 404, detail: 'HTTP 404' }],
      checked: 2,
      unchecked: 1,
    });
    expect(asked.sort()).toEqual(['/fine', '/gone']);
  });

  it('answers are reused for a day, then asked again', async () => {
    asked = [];
    clock += 23 * 3_600_000;
    expect((await checker(true)(links())).checked).toBe(2);
    expect(asked).toEqual([]);
    clock += 2 * 3_600_000;
    expect((await checker(true)(links())).broken).toHaveLength(1);
    expect(asked.sort()).toEqual(['/fine', '/gone']);
  });
});
