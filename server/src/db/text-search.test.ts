// Every console list with a search box answers the same on SQLite and PostgreSQL (decision 080): `%` and
// `_` are ordinary characters, ASCII letters match in either case, Chinese matches as typed. Each list gets
// the same six probe rows (copies of a demo row in the admin's bureau) and the same searches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepo } from '../modules/audit/audit.repo.ts';
import { loadAuditKey } from '../modules/audit/audit-key.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import type { Database } from './types.ts';
import { withinScope } from './expressions.ts';

/** Probe texts; a decoy beside each (`50` for `50%`, `axb` for `a_b`) catches an unescaped pattern. */
const PROBES = ['ZQ达标率50%', 'ZQ达标率50', 'ZQa_b', 'ZQaxb', 'ZQABC绿讯', 'ZQ其他'] as const;
const SEARCHES: Array<[query: string, expected: (typeof PROBES)[number][]]> = [
  ['50%', ['ZQ达标率50%']],
  ['%', ['ZQ达标率50%']],
  ['_', ['ZQa_b']],
  ['a_b', ['ZQa_b']],
  ['ABC', ['ZQABC绿讯']],
  ['abc', ['ZQABC绿讯']],
  ['绿讯', ['ZQABC绿讯']],
  ['zq', [...PROBES]],
];

let t: TestApp;
const cookies: Record<string, string> = {};
let bureauPath = '';

/** Copies `template` once per probe text, `set` putting the text (and any unique column) in place. */
async function copies<T extends keyof Database & string>(
  table: T,
  template: Record<string, unknown>,
  set: (text: string, i: number) => Record<string, unknown>,
) {
  const { id: _id, ...rest } = template;
  for (const [i, text] of PROBES.entries())
    await t.database.db
      .insertInto(table)
      .values({ ...rest, ...set(text, i) } as never)
      .execute();
}

/** Makes one record per probe text through the module's own create route, as the officer. */
async function created(url: string, body: (text: string, i: number) => Promise<Record<string, unknown>>) {
  for (const [i, text] of PROBES.entries()) {
    const res = await t.inject({
      method: 'POST',
      url,
      cookie: cookies.officer!,
      payload: await body(text, i),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

interface ListCase {
  name: string;
  as: string;
  url: (q: string) => string;
  /** the searched text of each item in the answer */
  text: (item: Record<string, unknown>) => string;
  seed: () => Promise<void>;
}

const db = () => t.database.db;
/** a department in the admin's bureau: probe units and people go under it */
const department = () =>
  db()
    .selectFrom('units')
    .selectAll()
    .where(withinScope('path', bureauPath))
    .where('kind', '=', 'department')
    .orderBy('id')
    .executeTakeFirstOrThrow();

const CASES: ListCase[] = [
  {
    name: 'units',
    as: 'admin',
    url: (q) => `/api/v1/units?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.name),
    seed: async () => {
      const unit = await department();
      await copies('units', unit, (text, i) => ({
        name: text,
        code: `ZQ-${i}`,
        path: `${unit.path}${90000 + i}/`,
        parent_id: unit.id,
      }));
    },
  },
  {
    name: 'people',
    as: 'admin',
    url: (q) => `/api/v1/people?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.name),
    seed: async () => {
      const unit = await department();
      const person = await db()
        .selectFrom('people')
        .selectAll()
        .where('unit_id', '=', unit.id)
        .executeTakeFirstOrThrow();
      await copies('people', person, (text) => ({
        name: text,
        username: null,
        password_hash: null,
        mobile: null,
      }));
    },
  },
  {
    name: 'outlets',
    as: 'admin',
    url: (q) => `/api/v1/outlets?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.name),
    seed: async () => {
      const outlet = await db()
        .selectFrom('outlets')
        .selectAll()
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      await copies('outlets', outlet, (text) => ({ name: text }));
    },
  },
  {
    name: 'dischargers',
    as: 'admin',
    url: (q) => `/api/v1/environment/dischargers?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.name),
    seed: async () => {
      const d = await db().selectFrom('dischargers').selectAll().executeTakeFirstOrThrow();
      await copies('dischargers', d, (text, i) => ({
        name: text,
        credit_code: `91ZQ${i}`,
        permit_number: null,
      }));
    },
  },
  {
    name: 'submissions',
    as: 'admin',
    url: (q) => `/api/v1/submissions?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.title),
    seed: async () => {
      const unit = await department();
      const bureau = await db()
        .selectFrom('units')
        .select('id')
        .where('path', '=', bureauPath)
        .executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      await copies(
        'submissions',
        {
          owner_unit_id: bureau.id,
          unit_id: unit.id,
          kind: 'other',
          status: 'submitted',
          fact_date: at.slice(0, 10),
          themes: '[]',
          submitted_at: at,
          created_by: (await db().selectFrom('people').select('id').executeTakeFirstOrThrow()).id,
          created_by_name: 'ZQ',
          created_at: at,
          updated_at: at,
        },
        (text) => ({ title: text, title_norm: text }),
      );
    },
  },
  {
    name: 'cms articles',
    as: 'admin',
    url: (q) => `/api/v1/cms/articles?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.title),
    seed: async () => {
      const a = await db().selectFrom('portal_articles').selectAll().executeTakeFirstOrThrow();
      await copies('portal_articles', a, (text, i) => ({ title: text, doc_number: `ZQ-${i}` }));
    },
  },
  {
    name: 'cases (public interaction)',
    as: 'reportHandler',
    url: (q) => `/api/v1/cases?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.subject),
    seed: async () => {
      const c = await db().selectFrom('cases').selectAll().executeTakeFirstOrThrow();
      await copies('cases', c, (text, i) => ({
        subject: text,
        // the other searched columns hold nothing a probe search could find
        tracking_number: `GVZQ${90000 + i}`,
        idempotency_key: `zq-${i}`,
        description: '测试用的案件描述文字',
        address: null,
      }));
    },
  },
  {
    name: 'media accounts',
    as: 'officer',
    url: (q) => `/api/v1/media/accounts?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.name),
    seed: () =>
      created('/api/v1/media/accounts', async (text, i) => ({
        unitId: await t.unitId('CD-WL'),
        platform: 'douyin',
        name: text,
        platformId: `9000${i}`,
        filing: 'filed',
        functions: { messages: 'working', autoReply: 'absent', menu: 'absent' },
        state: 'active',
      })),
  },
  {
    name: 'activities',
    as: 'officer',
    url: (q) => `/api/v1/activities?pageSize=100&q=${encodeURIComponent(q)}`,
    text: (i) => String(i.title),
    seed: () =>
      created('/api/v1/activities', async (text) => ({
        unitId: await t.unitId('CD-WL'),
        kind: 'fiveInto',
        target: 'school',
        title: text,
        heldOn: '2018-05-10',
        place: '测试地点',
        organiser: '测试单位',
        audienceKind: 'students',
        audienceCount: 30,
        themes: [],
      })),
  },
  {
    name: 'audit log (actor)',
    as: 'auditor',
    url: (q) => `/api/v1/audit?pageSize=100&actor=${encodeURIComponent(q)}`,
    text: (i) => String(i.actorName),
    seed: async () => {
      const repo = createAuditRepo(db(), t.database.dialect, loadAuditKey(t.config));
      for (const text of PROBES)
        await db()
          .transaction()
          .execute((trx) =>
            repo.append(trx, {
              at: new Date().toISOString(),
              actor_id: null,
              actor_name: text,
              actor_roles: '',
              client_ip: '127.0.0.1',
              action: 'test.probe',
              object_type: null,
              object_id: null,
              result: 'success',
              request_id: 'zq',
              detail: null,
            }),
          );
    },
  },
];

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  // accounts of the test's own, in the demo accounts' units (so with the same scope)
  for (const [as, unitCode] of [
    ['admin', 'CD-XXZX'],
    ['auditor', 'CD-BGS'],
    ['reportHandler', 'CD-JCZD'],
    ['officer', 'CD-WL'],
  ] as const)
    cookies[as] = await t.newAccount(`search.${as.toLowerCase()}`, as, unitCode);
  const bureau = await db()
    .selectFrom('units')
    .select('path')
    .where('kind', '=', 'cityBureau')
    .executeTakeFirstOrThrow();
  bureauPath = bureau.path;
  for (const c of CASES) await c.seed();
});
afterAll(() => t.close());

describe.each(CASES)('search in $name', (c) => {
  it.each(SEARCHES)('%s finds exactly the probes that contain it', async (query, expected) => {
    const res = await t.inject({ method: 'GET', url: c.url(query), cookie: cookies[c.as]! });
    expect(res.statusCode, res.body).toBe(200);
    const found = (res.json().items as Record<string, unknown>[])
      .map(c.text)
      .filter((x) => x.startsWith('ZQ'));
    expect(found.sort()).toEqual([...expected].sort());
  });
});
