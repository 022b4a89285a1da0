// What the cases tests share: an app with the demo's handler, county bureau, leader and auditor signed
// in; the portal's public case forms as they send them — a urlencoded form, a multipart report with
// photos, the receipt's tracking number and query code — and client addresses of their own so the
// portal's per-client budgets of one test do not spill into another.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';
import { multipartForm } from './multipart.ts';

/**
 * `app`: the test file's app (made in its beforeAll, hence a function); `net`: the first two parts of
 * the addresses this file's clients get ('10.77')
 */
export function caseForms(app: () => TestApp, net: string) {
  let clients = 0;
  /** a client address of its own */
  const client = () => `${net}.${Math.floor(++clients / 250)}.${(clients % 250) + 1}`;
  return {
    client,
    /** without `ip`: the default address of app.inject, shared by every call */
    postForm: (url: string, form: Record<string, string>, ip?: string) =>
      app().inject({
        method: 'POST',
        url,
        payload: new URLSearchParams(form).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        ...(ip ? { remoteAddress: ip } : {}),
      }),
    postMultipart: (
      url: string,
      form: Record<string, string>,
      files: Parameters<typeof multipartForm>[1] = [],
      ip?: string,
    ) => {
      const m = multipartForm(form, files);
      return app().inject({
        method: 'POST',
        url,
        payload: m.payload,
        headers: m.headers,
        ...(ip ? { remoteAddress: ip } : {}),
      });
    },
  };
}

/** the receipt page's numbers */
export const numbersOf = (body: string) => ({
  number: /data-testid="tracking-number">([^<]+)</.exec(body)?.[1] ?? '',
  code: /data-testid="query-code">([^<]+)</.exec(body)?.[1] ?? '',
});

/**
 * The demo app with this environment and the services' `today` (a test's controllable clock), the
 * cases' four accounts signed in (cookies) and the id of the 武陵区 county bureau.
 */
export async function casesTestApp(env: Record<string, string>, today: () => string) {
  const t = await createTestApp({ demo: true, env, services: { today } });
  const [handler, county, leader, auditor] = await Promise.all([
    t.loginAs('handler'),
    t.loginAs('handler.wl'),
    t.loginAs('leader'),
    t.loginAs('auditor'),
  ]);
  const counties = (await t.inject({ method: 'GET', url: '/api/v1/cases/counties', cookie: handler })).json();
  const wlId: number = counties.find((c: { area: string }) => c.area === '武陵区').id;
  return { t, handler, county, leader, auditor, wlId };
}

/** a fresh form token, as the portal's form pages put in each form */
export const formToken = () => randomBytes(18).toString('base64url');

/** a citizen's complete information request (条例 art. 29) */
export const infoRequestForm = () => ({
  formToken: formToken(),
  applicantType: 'citizen',
  name: '王五',
  idNumber: '430702199001011234',
  phone: '13907365555',
  description: '请公开2025年某污水处理厂的在线监测数据。',
  infoForm: 'electronic',
  infoDelivery: 'online',
});

/** a form post that filed a case: its receipt's numbers and the case's id as the handler finds it */
export async function filedCase(
  t: TestApp,
  handler: string,
  res: Promise<{ statusCode: number; body: string }>,
) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  const n = numbersOf(r.body);
  const list = await t.inject({ method: 'GET', url: `/api/v1/cases?q=${n.number}`, cookie: handler });
  return { ...n, id: list.json().items[0].id as number };
}
