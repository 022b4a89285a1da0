// A city's records are out of another city's reach by id (PRODUCT: many bureaus in one installation):
// for every by-id route the app declares — every module's, so a new module is covered without editing
// this file — the demo's second city (Xiangtan), signed in with every permission there is, asks for a
// record of the first city (Changde) and must get exactly what a record that does not exist gets: 404
// for a read, and a write that changes nothing. The Changde record's id comes from the route's own list
// (the address before its first id, read as Changde); a route whose list is empty in the demo must be
// named below with the reason, so a route cannot drop out of the test unnoticed.
import { ROLES, type Role } from '@greenvoice/common';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/types.ts';
import type { DeclaredRoute } from '../plugins/security.ts';
import { validValue, type JsonSchema } from '../test/fuzz/schema-arbitrary.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { seedDemoStory } from '../demo/demo-story.ts';
import { seedMediaDemo } from '../demo/media-demo.ts';

/** Routes whose first parameter is no record of a city's, or that are public on purpose. */
const NOT_A_CITY_RECORD: Record<string, string> = {
  '/api/v1/disclosure-reports/:year': 'a year: each bureau has its own report of that year',
  '/api/v1/working-calendar/:year': 'a year: the working calendar is the country’s',
  '/api/v1/notifications/:id': 'a person’s own notification: only its recipient may mark it read',
  '/api/v1/outlets/:id': 'the outlet registry is the installation’s reference data (decision 023)',
};
/**
 * Records with no list at the address before their id (their lists hang under a plan, a contest, …):
 * the table to take one from. In the demo the second city owns only its site (units, people, channels,
 * articles), so any row of these tables is Changde's.
 */
const TABLE_OF: Record<string, keyof Database> = {
  '/api/v1/bulletins/:id': 'bulletins',
  '/api/v1/interviews/:id': 'interviews',
  '/api/v1/submissions/:id': 'submissions',
  '/api/v1/evidence/:id': 'evidence_files',
  '/api/v1/media/accounts/:id': 'media_accounts',
  '/api/v1/media/units/:id': 'units',
  '/api/v1/media/commentators/:id': 'media_commentators',
  '/api/v1/media/commentator-posts/:id': 'media_commentator_posts',
  '/api/v1/media/subscriptions/:id': 'media_subscriptions',
  '/api/v1/media/columns/:id': 'media_columns',
  '/api/v1/activities/:id': 'activities',
  '/api/v1/signup-events/:id': 'signup_events',
  '/api/v1/contests/:id': 'contests',
  '/api/v1/contest-sheets/:id': 'contest_sheets',
  '/api/v1/inspection/runs/:id': 'inspection_runs',
  '/api/v1/inspection/findings/:id': 'inspection_findings',
  '/api/v1/inspection/bulletins/:id': 'inspection_bulletins',
  '/api/v1/assessment/deductions/:id': 'negative_deductions',
  '/api/v1/environment/water/sections/:id': 'water_sections',
  '/api/v1/environment/disclosures/:id': 'discharger_disclosures',
};
/** Routes whose records the demo data (its first start included) has none of: no record to try. */
const NONE_IN_DEMO = 'the demo data has none';
const NO_DEMO_RECORD: Record<string, string> = {
  '/api/v1/notification-channels/:id': 'the demo sets up no notification channel',
  '/api/v1/notification-deliveries/:id': 'the demo sends nothing',
  '/api/v1/interviews/:id': NONE_IN_DEMO,
  '/api/v1/evidence/:id': NONE_IN_DEMO,
  '/api/v1/activities/:id': NONE_IN_DEMO,
  '/api/v1/signup-events/:id': NONE_IN_DEMO,
  '/api/v1/activity-registry/:id': NONE_IN_DEMO,
  '/api/v1/contests/:id': NONE_IN_DEMO,
  '/api/v1/contest-sheets/:id': NONE_IN_DEMO,
  '/api/v1/inspection/runs/:id': NONE_IN_DEMO,
  '/api/v1/inspection/findings/:id': NONE_IN_DEMO,
  '/api/v1/inspection/bulletins/:id': NONE_IN_DEMO,
  '/api/v1/assessment/deductions/:id': NONE_IN_DEMO,
};
/**
 * Lists that are the installation's, not a city's: none since decision 197 made the environmental
 * data each site's (a signed-in person's lists are their bureau's).
 */
const SHARED_LISTS: Record<string, string> = {};

const NONE = '2147483000';
let t: TestApp;
let changde: string;
let xiangtan: string;

/** Gives the account every role, so that no refusal is a permission's rather than the city's. */
async function everyRole(username: string) {
  const id = await t.personId(username);
  const db = t.database.db;
  await db.deleteFrom('person_roles').where('person_id', '=', id).execute();
  await db
    .insertInto('person_roles')
    .values(ROLES.map((role: Role) => ({ person_id: id, role, assigned_at: new Date().toISOString() })))
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  // the demo's year of submissions, bulletins and interviews, and its new-media accounts, as a first
  // start makes them (server.ts): records of the modules the bare seed leaves empty
  const s = t.services;
  await seedMediaDemo(t.database.db, { facts: s.mediaFacts, scores: s.handOff, today: s.mediaToday });
  await seedDemoStory({ db: t.database.db, ...s });
  await everyRole('admin');
  await everyRole('admin.xt');
  changde = await t.loginAs('admin');
  xiangtan = await t.loginAs('admin.xt');
});
afterAll(() => t.close());

const byIdRoutes = () =>
  t.app.declaredRoutes.filter(
    (r) =>
      r.url.startsWith('/api/v1/') &&
      r.access !== 'public' &&
      /:\w+/.test(r.url) &&
      ['GET', 'PATCH', 'PUT', 'DELETE', 'POST'].includes(r.method),
  );
const recordOf = (url: string) =>
  url.slice(0, url.search(/\/:\w+/) + 1) + url.slice(url.search(/\/:\w+/) + 1).split('/')[0];
const listOf = (url: string) => url.slice(0, url.search(/\/:\w+/));

/** The first record of the list at `list` as Changde sees it, or null when there is none. */
async function firstChangdeId(list: string): Promise<string | null> {
  const res = await t.inject({ method: 'GET', url: `${list}?pageSize=5`, cookie: changde });
  if (res.statusCode === 400)
    return firstChangdeIdOf(await t.inject({ method: 'GET', url: list, cookie: changde }));
  return firstChangdeIdOf(res);
}
function firstChangdeIdOf(res: { statusCode: number; json(): unknown }): string | null {
  if (res.statusCode !== 200) return null;
  const body = res.json() as unknown;
  const items = Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? []);
  const id = (items[0] as { id?: unknown } | undefined)?.id;
  return id === undefined ? null : String(id);
}

async function changdeRecord(record: string, list: string): Promise<string | null> {
  const table = TABLE_OF[record];
  if (!table) return firstChangdeId(list);
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.min<number>(sql.ref('id')).as('id'))
    .executeTakeFirst();
  return row?.id ? String(row.id) : null;
}

/** A value the schema accepts (so a refusal is never the request's shape), or undefined. */
const ajv = new Ajv({ strict: false, logger: false });
function validSample(schema: JsonSchema): unknown {
  const check = ajv.compile(schema);
  return fc.sample(validValue(schema), { numRuns: 30, seed: 17 }).find((v) => check(v));
}
function validBody(route: DeclaredRoute): string | undefined {
  const schema = route.schema?.body as JsonSchema | undefined;
  if (!schema || route.method === 'GET' || route.method === 'DELETE') return undefined;
  if ((route.schema?.consumes as string[] | undefined)?.some((c) => c.startsWith('multipart/')))
    return undefined;
  return JSON.stringify(validSample(schema) ?? {});
}
/** The query the route requires, from its schema ('' when it reads none). */
function validQuery(route: DeclaredRoute): string {
  const schema = route.schema?.querystring as JsonSchema | undefined;
  if (!schema?.required?.length) return '';
  const v = validSample(schema) as Record<string, unknown> | undefined;
  return v
    ? `?${new URLSearchParams(Object.entries(v).map(([k, x]): [string, string] => [k, String(x)]))}`
    : '';
}

/** The address with its first id set to `id` and any further parameter to 1. */
const fill = (url: string, id: string) => url.replace(/:\w+/, id).replace(/:\w+/g, '1');

describe('another city’s records by id', () => {
  it('every by-id route answers Xiangtan for a Changde record as for a record that does not exist', async () => {
    const routes = byIdRoutes().filter((r) => !NOT_A_CITY_RECORD[recordOf(r.url)]);
    expect(routes.length).toBeGreaterThan(100);
    const ids = new Map<string, string | null>();
    const unresolved = new Set<string>();
    const problems: string[] = [];
    let tried = 0;
    // reads first: a write that wrongly succeeded must not hide what the reads would show
    const order = (r: DeclaredRoute) => (r.method === 'GET' ? 0 : 1);
    for (const route of [...routes].sort((a, b) => order(a) - order(b))) {
      const record = recordOf(route.url);
      if (!ids.has(record)) ids.set(record, await changdeRecord(record, listOf(route.url)));
      const id = ids.get(record);
      if (!id) {
        if (!NO_DEMO_RECORD[record]) unresolved.add(record);
        continue;
      }
      const payload = validBody(route);
      const query = validQuery(route);
      const send = (recordId: string) =>
        t.inject({
          method: route.method as 'GET',
          url: fill(route.url, recordId) + query,
          cookie: xiangtan,
          ...(payload !== undefined
            ? { payload, headers: { 'content-type': 'application/json' } }
            : route.method === 'GET' || route.method === 'DELETE'
              ? {}
              : { payload: '{}', headers: { 'content-type': 'application/json' } }),
        });
      const [foreign, missing] = [await send(id), await send(NONE)];
      tried++;
      const what = `${route.method} ${route.url} (Changde ${id})`;
      if (foreign.statusCode !== missing.statusCode)
        problems.push(`${what}: ${foreign.statusCode}, but ${missing.statusCode} for no record`);
      else if (route.method === 'GET' && foreign.statusCode !== 404)
        problems.push(`${what}: ${foreign.statusCode}, not 404`);
      else if (foreign.statusCode < 300) problems.push(`${what}: succeeded (${foreign.statusCode})`);
    }
    expect(problems).toEqual([]);
    expect([...unresolved], 'by-id routes with no Changde record to try: add one or name it').toEqual([]);
    expect(tried).toBeGreaterThan(80);
  });

  it('the lists themselves show Xiangtan none of Changde’s records', async () => {
    const lists = new Set(byIdRoutes().map((r) => listOf(r.url)));
    let compared = 0;
    for (const list of lists) {
      if (NOT_A_CITY_RECORD[`${list}/:id`] || SHARED_LISTS[list]) continue;
      const cd = await firstChangdeId(list);
      if (!cd || !t.app.declaredRoutes.some((r) => r.method === 'GET' && r.url === list)) continue;
      const res = await t.inject({ method: 'GET', url: `${list}?pageSize=200`, cookie: xiangtan });
      const items = res.statusCode === 200 ? (res.json() as unknown) : [];
      const rows = Array.isArray(items) ? items : ((items as { items?: unknown[] }).items ?? []);
      expect(
        rows.map((r) => String((r as { id: unknown }).id)),
        `${list} as Xiangtan`,
      ).not.toContain(cd);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });
});
