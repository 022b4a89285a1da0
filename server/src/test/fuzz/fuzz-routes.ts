// Sends schema-generated requests to every declared route of a real app (app.inject), signed in with a
// role that may call the route and anonymously, and checks each answer: no 5xx, no stack trace or SQL,
// every API error in the one error shape, every status declared in the route's response schema, every
// success shaped as its schema says. Used by plugins/fuzz-*.test.ts and `npm run fuzz`.
import { ERROR_MESSAGES, isOneOf, ROLES, ROLE_PERMISSIONS, type Role } from '@greenvoice/common';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { DEMO_ACCOUNTS } from '../../demo/demo-accounts.ts';
import { hashPassword } from '../../modules/auth/password-hash.ts';
import type { DeclaredRoute } from '../../plugins/security.ts';
import type { TestApp } from '../test-app.ts';
import { bodyArbitrary, isForm, text, wellFormed } from './body-arbitrary.ts';
import { fuzzValue, NASTY_STRINGS, type JsonSchema } from './schema-arbitrary.ts';

export { isForm };

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: false }));

/** Evidence of internals leaking: a stack frame, a source path, SQL or a database driver's message. */
const LEAKS: RegExp[] = [
  /\n\s+at\s+\S.*:\d+:\d+/,
  /node_modules\//,
  /\/src\/[\w/.-]+\.(ts|js):\d+/,
  /\bSELECT\s[\s\S]{0,200}?\sFROM\s/i,
  /\bINSERT\s+INTO\b/i,
  /\bUPDATE\s+"?\w+"?\s+SET\b/i,
  /\bDELETE\s+FROM\b/i,
  /syntax error at or near/i,
  /\bSQLITE_[A-Z]+/,
  /no such (table|column)/i,
  /relation "[^"]+" does not exist/i,
  /violates [\w ]*constraint/i,
  /duplicate key value/i,
];

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  principal: Role | 'anonymous';
}

export interface RouteFuzzResult {
  route: string;
  tried: number;
  statuses: Record<number, number>;
  problems: string[];
}

/** The routes to fuzz: the API and the public portal (plugin-served console assets and API docs aside). */
export function fuzzableRoutes(routes: DeclaredRoute[]): DeclaredRoute[] {
  // reads first: heavy reads (walking the audit chain, exports) then meet the seeded data, not the
  // thousands of records the fuzzed writes add
  const order = (r: DeclaredRoute) => (r.method === 'GET' ? 0 : 1);
  return [...routes]
    .sort((a, b) => order(a) - order(b))
    .filter(
      (r) =>
        !r.url.startsWith('/admin') &&
        !r.url.startsWith('/api/docs') &&
        !r.url.includes('*') &&
        r.method !== 'OPTIONS',
    );
}

/** The first role (in ROLES order) whose permissions include the route's access; null for public. */
export function roleFor(route: DeclaredRoute): Role | null {
  if (route.access === 'public') return null;
  return ROLES.find((r) => isOneOf(ROLE_PERMISSIONS[r], route.access)) ?? null;
}

function schemaPart(route: DeclaredRoute, part: 'params' | 'querystring' | 'body' | 'headers') {
  return route.schema?.[part] as JsonSchema | undefined;
}

function queryString(v: unknown): string {
  if (v === undefined) return '';
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return `?q=${encodeURIComponent(wellFormed(text(v)))}`;
  const qs = new URLSearchParams();
  for (const [k, value] of Object.entries(v))
    for (const item of Array.isArray(value) ? value : [value]) qs.append(k, text(item));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

function pathFor(url: string, params: unknown): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const v =
      params && typeof params === 'object' && !Array.isArray(params)
        ? (params as Record<string, unknown>)[name]
        : params;
    const s = text(v);
    // an empty segment would hit another route; that is the router's business, not this route's
    return encodeURIComponent(wellFormed(s === '' ? '0' : s));
  });
}

/** The arbitrary of one request to a route. */
export function requestArbitrary(route: DeclaredRoute): fc.Arbitrary<Omit<FuzzRequest, 'principal'>> {
  const params = schemaPart(route, 'params');
  const query = schemaPart(route, 'querystring');
  const body = schemaPart(route, 'body');
  const headerSchema = schemaPart(route, 'headers');
  const extraHeaders = fc.dictionary(
    fc.constantFrom('if-match', 'idempotency-key', 'accept-language', 'x-forwarded-for', 'accept', 'range'),
    fc.oneof(fc.constantFrom(...NASTY_STRINGS.filter((s) => !/[\r\n]|[^\x20-\x7e]/.test(s))), fc.uuid()),
    { maxKeys: 2 },
  );
  const bodyArb = bodyArbitrary(route, body);
  return fc
    .record({
      params: params ? fuzzValue(params) : fc.constant(undefined),
      query: query
        ? fuzzValue(query)
        : fc.option(
            fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 16 }), { maxKeys: 2 }),
            { nil: undefined },
          ),
      headerValues: headerSchema ? fuzzValue(headerSchema) : fc.constant(undefined),
      extraHeaders,
      body: bodyArb,
    })
    .map(({ params: p, query: q, headerValues, extraHeaders: extra, body: b }) => {
      const headers: Record<string, string> = { ...extra, ...b.headers };
      if (headerValues && typeof headerValues === 'object' && !Array.isArray(headerValues))
        for (const [k, v] of Object.entries(headerValues)) {
          const s = text(v);
          if (!/[^\x20-\x7e]/.test(s) && /^[a-z0-9-]+$/i.test(k)) headers[k.toLowerCase()] = s;
        }
      return {
        method: route.method,
        url: pathFor(route.url, p) + queryString(q),
        headers,
        ...(b.payload !== undefined ? { payload: b.payload } : {}),
      };
    });
}

const compiled = new WeakMap<object, ReturnType<Ajv['compile']>>();
function validator(schema: object) {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** Everything wrong with one answer; empty when it is fine. */
export function problemsWith(
  route: DeclaredRoute,
  req: FuzzRequest,
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
): string[] {
  const problems: string[] = [];
  const sent = `${req.url} ${text(req.payload)} ${JSON.stringify(req.headers)}`;
  if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`);
  for (const re of LEAKS) {
    const m = res.body.match(re);
    // an answer may quote input back — this request's, or what an earlier fuzzed request stored (the
    // hostile strings); only text that no input contained counts as a leak
    if (
      m &&
      !sent.includes(m[0]) &&
      !decodeURIComponentSafe(sent).includes(m[0]) &&
      !decodeURIComponentSafe(sent.replace(/\+/g, ' ')).includes(m[0]) &&
      !NASTY_STRINGS.some((n) => n.includes(m[0].trim()))
    )
      problems.push(`leaks internals (${re.source}): ${m[0].slice(0, 80)}`);
  }
  const api = route.url.startsWith('/api/v1/');
  const responses = route.schema?.response as Record<string, object> | undefined;
  if (api && res.statusCode >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      problems.push(`${res.statusCode} error is not JSON`);
    }
    const b = body as { code?: string; message?: string; messageEn?: string; requestId?: string } | undefined;
    if (b) {
      const std = b.code ? ERROR_MESSAGES[b.code as keyof typeof ERROR_MESSAGES] : undefined;
      if (!std) problems.push(`unknown error code ${String(b.code)}`);
      else if (std.status !== res.statusCode) problems.push(`${b.code} answered with ${res.statusCode}`);
      if (!b.message || !b.messageEn) problems.push('error without a Chinese and an English message');
      if (!b.requestId || b.requestId !== res.headers['x-request-id'])
        problems.push('error without its request id');
    }
  }
  // a browser's form is answered with a page or a redirect, even when it is refused
  if (isForm(route) && res.statusCode >= 400 && !String(res.headers['content-type']).includes('text/html'))
    problems.push(`${res.statusCode} answer to a form is not an HTML page`);
  if (api && responses && !responses[String(res.statusCode)])
    problems.push(`status ${res.statusCode} is not declared in the response schema`);
  const ok = responses?.[String(res.statusCode)];
  // a string schema with a media type documents a file streamed as is (open data's whole files): its
  // bytes are that file, not a JSON-encoded string
  const isFile = typeof ok === 'object' && ok !== null && 'contentMediaType' in ok;
  if (
    api &&
    ok &&
    !isFile &&
    res.statusCode < 300 &&
    String(res.headers['content-type'] ?? '').includes('json')
  ) {
    const validate = validator(ok);
    if (!validate(JSON.parse(res.body)))
      problems.push(`${res.statusCode} answer does not match its schema: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Keeps the demo account of `role` usable: a fuzzed request may have locked, disabled or demoted it,
 * or reset its password. Returns a session cookie.
 */
export async function ensureSession(t: TestApp, role: Role, cookie: string | undefined): Promise<string> {
  if (cookie) {
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', cookie });
    if (me.statusCode === 200 && me.json().roles.includes(role) && !me.json().mustChangePassword)
      return cookie;
  }
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const db = t.database.db;
  let person = await db
    .selectFrom('people')
    .select('id')
    .where('username', '=', account.username)
    .executeTakeFirst();
  if (!person) {
    // a fuzzed DELETE removed the demo account's person: put it back
    const unit = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', account.unitCode)
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    person = await db
      .insertInto('people')
      .values({
        unit_id: unit.id,
        name: account.name,
        title: '',
        mobile: null,
        username: account.username,
        password_hash: null,
        password_changed_at: null,
        must_change_password: 0,
        disabled: 0,
        locked_until: null,
        last_login_at: null,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        is_demo: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  await db
    .updateTable('people')
    .set({
      disabled: 0,
      locked_until: null,
      must_change_password: 0,
      password_hash: await hashPassword(account.password, t.config.scryptLogN),
      password_changed_at: new Date().toISOString(),
    })
    .where('id', '=', person.id)
    .execute();
  const has = await db
    .selectFrom('person_roles')
    .select('role')
    .where('person_id', '=', person.id)
    .where('role', '=', role)
    .executeTakeFirst();
  if (!has)
    await db
      .insertInto('person_roles')
      .values({ person_id: person.id, role, assigned_at: new Date().toISOString() })
      .execute();
  return t.login(account.username, account.password);
}

/** Fuzzes one route with `runs` requests; the result lists every problem found (empty when clean). */
export async function fuzzRoute(
  t: TestApp,
  route: DeclaredRoute,
  runs: number,
  sessions: Map<Role, string>,
  seed?: number,
): Promise<RouteFuzzResult> {
  const role = roleFor(route);
  const result: RouteFuzzResult = {
    route: `${route.method} ${route.url}`,
    tried: 0,
    statuses: {},
    problems: [],
  };
  const samples = fc.sample(
    fc.tuple(requestArbitrary(route), fc.integer({ min: 0, max: 99 })),
    seed === undefined ? runs : { numRuns: runs, seed },
  );
  for (const [i, [req, dice]] of samples.entries()) {
    // mostly as someone who may call the route, sometimes anonymously
    const principal: Role | 'anonymous' = role && dice >= 15 ? role : 'anonymous';
    if (principal !== 'anonymous' && (i % 20 === 0 || !sessions.has(principal)))
      sessions.set(principal, await ensureSession(t, principal, sessions.get(principal)));
    const cookie = principal === 'anonymous' ? undefined : sessions.get(principal);
    const full: FuzzRequest = { ...req, principal };
    result.tried++;
    let res;
    try {
      res = await t.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: req.headers,
        ...(req.payload !== undefined ? { payload: req.payload } : {}),
        ...(cookie ? { cookie } : {}),
      });
    } catch (err) {
      result.problems.push(`crashed: ${String(err)} — ${describe(full)}`);
      continue;
    }
    result.statuses[res.statusCode] = (result.statuses[res.statusCode] ?? 0) + 1;
    for (const p of problemsWith(route, full, res)) result.problems.push(`${p} — ${describe(full)}`);
  }
  return result;
}

function describe(req: FuzzRequest): string {
  const body = req.payload === undefined ? '' : ` body=${text(req.payload).slice(0, 300)}`;
  return `${req.principal} ${req.method} ${req.url.slice(0, 300)} headers=${JSON.stringify(req.headers).slice(0, 200)}${body}`;
}
