// The fuzz suite (docs/security-requirements.md §16), in shards: every declared route gets at least 200
// generated requests, as a role that may call it and anonymously — 0 5xx, 0 crashes, no stack trace or
// SQL in any answer, every error in the one error shape — and every form-encoded portal route 1,000.
// On PostgreSQL the same seeds replay the first quarter of each sequence (decision 208): the requests are
// the same for both databases, the validation they meet is the same code, and what only PostgreSQL can
// refuse (a NUL byte, an out-of-range number, an overlong string) is what the generators try first.
// plugins/fuzz-<k>.test.ts each run one shard on an app of their own, so that the test runner spreads
// the fuzzing over its workers instead of ending on one long file (the suite grows with every route).
import type { Role } from '@greenvoice/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { fuzzableRoutes, fuzzRoute, isForm, type RouteFuzzResult } from './fuzz-routes.ts';

export const FUZZ_SHARDS = 4;
const ON_POSTGRES = process.env.TEST_DB === 'postgres';
const RUNS_PER_ROUTE = ON_POSTGRES ? 50 : 200;
const FORM_RUNS = ON_POSTGRES ? 250 : 1000;
const FUZZ_SEED = 20180321;

/** Shard `shard` (1-based) of FUZZ_SHARDS: the routes whose index in the declared list falls to it. */
export function fuzzShard(shard: number) {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());
  const mine = <T>(all: T[]) => all.flatMap((x, i) => (i % FUZZ_SHARDS === shard - 1 ? [{ x, i }] : []));

  describe(`fuzzing every route from its schemas (shard ${shard} of ${FUZZ_SHARDS})`, () => {
    it(`sends ${RUNS_PER_ROUTE} generated requests to each route and gets no 5xx, no leak, one error shape`, async () => {
      const all = fuzzableRoutes(t.app.declaredRoutes);
      expect(all.length).toBeGreaterThan(20);
      const sessions = new Map<Role, string>();
      const results: RouteFuzzResult[] = [];
      // Fixed seeds (by the route's place in the whole list, whatever the sharding): the suite gives the
      // same verdict on every run (CI must not flake); `npm run fuzz` explores new random seeds.
      for (const { x: route, i } of mine(all))
        results.push(await fuzzRoute(t, route, RUNS_PER_ROUTE, sessions, FUZZ_SEED + i));
      const problems = results.flatMap((r) => r.problems.slice(0, 3).map((p) => `${r.route}: ${p}`));
      expect(problems).toEqual([]);
      for (const r of results) expect(r.tried, r.route).toBeGreaterThanOrEqual(RUNS_PER_ROUTE);
    }, 600_000);

    // The settings form answered 500 for a non-Latin-1 return path (hardening item 10): every form the
    // portal takes gets many more inputs, raw bytes and return paths included.
    it(`sends ${FORM_RUNS} generated form bodies to each form-encoded portal route: no 5xx, always a page or a redirect`, async () => {
      const forms = fuzzableRoutes(t.app.declaredRoutes).filter(isForm);
      expect(forms.map((r) => r.url)).toContain('/portal/prefs');
      // the first test's generated requests may have given the default site host names of its own, and
      // then "localhost" names no site (decision 175: every form answers 404): the forms are fuzzed on a
      // single-site installation, as they were written for
      await t.database.db.deleteFrom('portal_site_domains').execute();
      t.services.sites.forget();
      const sessions = new Map<Role, string>();
      for (const { x: route, i } of mine(forms)) {
        const r = await fuzzRoute(t, route, FORM_RUNS, sessions, FUZZ_SEED + 1000 + i);
        expect(r.problems.slice(0, 5)).toEqual([]);
        // the settings form redirects once it has taken a setting; the public intakes (cases) answer
        // their form again with the errors (400) and, past a client's hourly budget, a 429 page — either
        // way the generated bodies must reach the form's own handling, not stop before it
        const handled =
          route.url === '/portal/prefs' ? (r.statuses[303] ?? 0) : r.tried - (r.statuses[429] ?? 0);
        expect(handled, JSON.stringify(r.statuses)).toBeGreaterThan(FORM_RUNS / 10);
      }
    }, 600_000);
  });
}
