// Bad input of every shape gets one clear error shape, never a 5xx, a stack trace or SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

function expectErrorShape(body: Record<string, unknown>) {
  expect(body).toMatchObject({
    code: expect.any(String),
    message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    messageEn: expect.any(String),
    requestId: expect.any(String),
  });
  expect(JSON.stringify(body)).not.toMatch(/at .+\.ts:\d+|SELECT|INSERT|sqlite|postgres/i);
}

describe('errors', () => {
  it('malformed JSON → 400', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      cookie: admin,
      headers: { 'content-type': 'application/json' },
      payload: '{"code": "x",',
    });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json());
  });

  it('a body over 1 MiB → 413', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      cookie: admin,
      payload: { code: 'x', name: 'y'.repeat(1_100_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an unsupported content type → 415', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      cookie: admin,
      headers: { 'content-type': 'text/xml' },
      payload: '<unit/>',
    });
    expect(res.statusCode).toBe(415);
    expectErrorShape(res.json());
  });

  it('an unknown API route → 404 in the same shape', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/nothing-here', cookie: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ROUTE_NOT_FOUND');
  });

  it('bad query values and ids name the offending parameter', async () => {
    const page = await t.inject({ method: 'GET', url: '/api/v1/units?page=0', cookie: admin });
    expect(page.statusCode).toBe(400);
    expect(page.json().fields[0].field).toBe('query/page');
    const big = await t.inject({ method: 'GET', url: '/api/v1/people?pageSize=100000', cookie: admin });
    expect(big.statusCode).toBe(400);
    const id = await t.inject({ method: 'GET', url: '/api/v1/units/abc', cookie: admin });
    expect(id.statusCode).toBe(400);
    expect(id.json().fields[0].field).toBe('params/id');
    const huge = await t.inject({ method: 'GET', url: '/api/v1/units/99999999999999999999', cookie: admin });
    expect(huge.statusCode).toBe(400);
  });

  it('search text of any length or script is answered safely', async () => {
    for (const q of [
      "'; DROP TABLE units; --",
      '%_%',
      '<script>alert(1)</script>',
      '环保'.repeat(50),
      '\u0000\uffff',
    ]) {
      const res = await t.inject({
        method: 'GET',
        url: `/api/v1/units?q=${encodeURIComponent(q)}`,
        cookie: admin,
      });
      expect(res.statusCode, q).toBeLessThan(500);
    }
    const tooLong = await t.inject({
      method: 'GET',
      url: `/api/v1/units?q=${'x'.repeat(500)}`,
      cookie: admin,
    });
    expect(tooLong.statusCode).toBe(400);
  });
});

describe('errors found by fuzzing (each answered 5xx or outside the error shape before)', () => {
  it('a path parameter longer than the router allows → 400 in the shape, with a request id', async () => {
    const res = await t.inject({ method: 'GET', url: `/api/v1/units/${'9'.repeat(300)}`, cookie: admin });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json());
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toContain('999999');
  });

  it('a multipart body without a boundary → 400', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/org/import',
      cookie: admin,
      headers: { 'content-type': 'multipart/form-data' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json());
  });

  it('an absurd concentration → 400, not a 200 whose multiple is Infinity', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/tools/water-class',
      payload: { waterbody: 'river', values: { hg: 1e308 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('/values/hg');
  });

  it('an id beyond PostgreSQL integer range → 400 naming the field, on both databases', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/people',
      cookie: admin,
      payload: { unitId: 1e21, name: '张三', roles: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('/unitId');
    const list = await t.inject({ method: 'GET', url: '/api/v1/people?unitId=3000000000', cookie: admin });
    expect(list.statusCode).toBe(400);
  });
});

describe('system', () => {
  it('answers health with the database in use', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.json()).toEqual({ status: 'ok', database: t.database.dialect });
  });

  it('publishes an OpenAPI document covering the API, and browsable docs', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/units',
        '/api/v1/people/{id}',
        '/api/v1/auth/login',
        '/api/v1/health',
      ]),
    );
    const docs = await t.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('serves the portal placeholder at / linking to the console', async () => {
    const res = await t.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('href="/admin/"');
    expect(res.body).toContain('常德市环境保护局');
  });
});

describe('database constraints the service did not foresee', () => {
  it('answer 409 REFERENCED or DUPLICATE on both databases, never 500', async () => {
    const { toApiError } = await import('./errors.ts');
    const fk = (code: string) => Object.assign(new Error('FOREIGN KEY constraint failed'), { code });
    expect(toApiError(fk('SQLITE_CONSTRAINT_FOREIGNKEY') as never)).toMatchObject({
      code: 'REFERENCED',
      status: 409,
    });
    expect(toApiError(fk('23503') as never)).toMatchObject({ code: 'REFERENCED', status: 409 });
    expect(toApiError(fk('23505') as never)).toMatchObject({ code: 'DUPLICATE', status: 409 });
  });
});
