// Validators and serializers are generated on first use (decision 202); the last case is the check the
// eager start used to make: every route's schemas compile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { compileAllPending, onFirstUse } from './compile-on-first-use.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('compiling on first use', () => {
  it('makes a value once, on its first call', () => {
    let made = 0;
    const get = onFirstUse(() => ({ n: ++made }));
    expect(made).toBe(0);
    expect(get()).toBe(get());
    expect(made).toBe(1);
  });

  it('a route answers through the validator and serializer its first request generates', async () => {
    const bad = await t.inject({ method: 'GET', url: '/api/v1/environment/incidents?page=x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    // the query string is coerced from text, the answer serialized by its schema
    const ok = await t.inject({ method: 'GET', url: '/api/v1/environment/incidents?page=1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ items: [], page: 1 });
  });

  it("every route's validators and response serializers compile", () => {
    expect(() => compileAllPending()).not.toThrow();
    expect(compileAllPending()).toBe(0);
  });
});
