// Fuzzing every declared route with inputs generated from its schemas (docs/security-requirements.md §16):
// at least 200 requests a route, as a role that may call it and anonymously; 0 5xx, 0 crashes, no stack
// trace or SQL in any answer, every error in the one error shape. `npm run fuzz` runs many more.
import type { Role } from '@greenvoice/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzableRoutes, fuzzRoute, isForm, type RouteFuzzResult } from '../test/fuzz/fuzz-routes.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

const RUNS_PER_ROUTE = 200;
const FUZZ_SEED = 20180321;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('fuzzing every route from its schemas', () => {
  it(`sends ${RUNS_PER_ROUTE} generated requests to each route and gets no 5xx, no leak, one error shape`, async () => {
    const routes = fuzzableRoutes(t.app.declaredRoutes);
    expect(routes.length).toBeGreaterThan(20);
    const sessions = new Map<Role, string>();
    const results: RouteFuzzResult[] = [];
    // Fixed seeds: the suite gives the same verdict on every run (CI must not flake); `npm run fuzz`
    // explores new random seeds and prints them for reproduction.
    for (const [i, route] of routes.entries())
      results.push(await fuzzRoute(t, route, RUNS_PER_ROUTE, sessions, FUZZ_SEED + i));
    const problems = results.flatMap((r) => r.problems.slice(0, 3).map((p) => `${r.route}: ${p}`));
    expect(problems).toEqual([]);
    for (const r of results) expect(r.tried, r.route).toBeGreaterThanOrEqual(RUNS_PER_ROUTE);
  }, 240_000);

  // The settings form answered 500 for a non-Latin-1 return path (hardening item 10): every form the
  // portal takes gets many more inputs, raw bytes and return paths included.
  it('sends 1,000 generated form bodies to each form-encoded portal route: no 5xx, always a page or a redirect', async () => {
    const forms = fuzzableRoutes(t.app.declaredRoutes).filter(isForm);
    expect(forms.map((r) => r.url)).toContain('/portal/prefs');
    const sessions = new Map<Role, string>();
    for (const [i, route] of forms.entries()) {
      const r = await fuzzRoute(t, route, 1000, sessions, FUZZ_SEED + 1000 + i);
      expect(r.problems.slice(0, 5)).toEqual([]);
      expect(r.statuses[303] ?? 0, JSON.stringify(r.statuses)).toBeGreaterThan(100);
    }
  }, 120_000);
});
