// npm run crashtest -- --route /api/v1/submissions --table submissions --marker-column title \
//   --body '{"title":"{{key}}","...":"..."}' [--user officer.wl --password …] [--file-field evidence \
//   --files-table evidence_files --files-column stored_name] [--clients 200 --rounds 20 --db both]
//
// Crash safety (security-requirements.md §31–32): GreenVoice runs as a child process; N concurrent clients
// POST to the route with Idempotency-Keys (and a file if asked); the server is killed with SIGKILL at a
// random moment, restarted, 20 times; unacknowledged requests are retried with the same key. Afterwards
// every acknowledged write must be in the database exactly once, nothing duplicated, the integrity check
// (and audit chain) must pass and no stored file may be orphaned. Prints the figures; exits 1 otherwise.
// `{{key}}` in --body is replaced by the request's Idempotency-Key, which must end up in --marker-column.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../server/src/db/database.ts';
import { startChildServer, type ChildServer } from '../server/src/test/child-server.ts';
import { TEST_PG_URL } from '../server/src/test/test-app.ts';
import { checkDatabase } from './lib/database-check.ts';

const { values } = parseArgs({
  options: {
    route: { type: 'string' },
    body: { type: 'string' },
    table: { type: 'string' },
    'marker-column': { type: 'string' },
    user: { type: 'string', default: 'officer.wl' },
    password: { type: 'string', default: 'Demo-Officer-2018!' },
    'file-field': { type: 'string' },
    'files-table': { type: 'string' },
    'files-column': { type: 'string' },
    clients: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '20' },
    db: { type: 'string', default: 'both' },
  },
});

const USAGE = `用法 Usage: npm run crashtest -- --route /api/v1/<resource> --table <table> --marker-column <column> --body '<JSON with {{key}}>'
  [--user U --password P] [--file-field F --files-table T --files-column C] [--clients 200] [--rounds 20] [--db sqlite|postgres|both]
The route must honour the Idempotency-Key header (security-requirements.md §32).`;
if (!values.route || !values.body || !values.table || !values['marker-column']) {
  console.error(USAGE);
  process.exit(2);
}
const route = values.route;
const table = values.table;
const marker = values['marker-column']!;
const clients = Number(values.clients);
const rounds = Number(values.rounds);
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function requestFor(key: string): { body: Buffer | string; headers: Record<string, string> } {
  const json = values.body!.replaceAll('{{key}}', key);
  if (!values['file-field']) return { body: json, headers: { 'content-type': 'application/json' } };
  const boundary = `----gvcrash${key.replace(/-/g, '')}`;
  const fields = Object.entries(JSON.parse(json) as Record<string, unknown>)
    .map(
      ([k, v]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`,
    )
    .join('');
  const file = `--${boundary}\r\nContent-Disposition: form-data; name="${values['file-field']}"; filename="evidence.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(fields + file), PNG_1PX, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function post(server: ChildServer, cookie: string, key: string) {
  const { body, headers } = requestFor(key);
  const res = await fetch(server.url + route, {
    method: 'POST',
    headers: { ...headers, cookie, 'idempotency-key': key },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, text: await res.text() };
}

async function signIn(server: ChildServer): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: values.user, password: values.password }),
  });
  if (res.status !== 200)
    throw new Error(`cannot sign in as ${values.user}: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function runDialect(dialect: 'sqlite' | 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-crash-'));
  const schema = dialect === 'postgres' ? `gv_crash_${randomUUID().slice(0, 8)}` : null;
  if (schema) {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
  }
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SCRYPT_LOG_N: '10',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    JOBS_ENABLED: 'false',
    ...(schema ? { DATABASE_URL: TEST_PG_URL, PG_SCHEMA: schema } : {}),
  };
  const acked = new Map<string, string>();
  const pending = new Set<string>();
  let sent = 0;
  let kills = 0;
  try {
    let server = await startChildServer(env);
    const cookie = await signIn(server);
    // preflight: the route exists and honours Idempotency-Key, or there is nothing to test
    const probeKey = randomUUID();
    const first = await post(server, cookie, probeKey);
    if (first.status === 404 && first.text.includes('ROUTE_NOT_FOUND'))
      throw new Error(`${route} does not exist in this build`);
    if (first.status >= 300)
      throw new Error(`${route} refused a valid request: ${first.status} ${first.text.slice(0, 300)}`);
    const again = await post(server, cookie, probeKey);
    if (again.text !== first.text)
      throw new Error(`${route} does not honour Idempotency-Key: a repeat answered differently`);
    acked.set(probeKey, first.text);

    for (let round = 1; round <= rounds; round++) {
      let running = true;
      const fatal: Error[] = [];
      const inFlight = new Set<string>();
      const nextKey = () => {
        // a client retries its own unacknowledged request; two clients never send one key at once
        for (const k of pending) if (!inFlight.has(k) && Math.random() < 0.5) return k;
        return randomUUID();
      };
      const worker = async () => {
        while (running && fatal.length === 0) {
          const key = nextKey();
          inFlight.add(key);
          pending.add(key);
          sent++;
          try {
            const r = await post(server, cookie, key);
            if (r.status >= 200 && r.status < 300) {
              const previous = acked.get(key);
              if (previous !== undefined && previous !== r.text)
                fatal.push(new Error(`key ${key} was acknowledged twice with different answers`));
              acked.set(key, r.text);
              pending.delete(key);
            } else if (r.status < 500 && r.status !== 409 && r.status !== 429)
              fatal.push(new Error(`unexpected ${r.status}: ${r.text.slice(0, 300)}`));
          } catch {
            // the server died under the request: unacknowledged, retried later with the same key
            if (running) await new Promise((r) => setTimeout(r, 20));
          } finally {
            inFlight.delete(key);
          }
        }
      };
      const workers = Array.from({ length: clients }, worker);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
      await server.kill();
      kills++;
      running = false;
      await Promise.all(workers);
      if (fatal.length) throw fatal[0];
      server = await startChildServer(env);
      process.stdout.write(
        `  ${dialect} round ${round}/${rounds}: ${acked.size} acknowledged, ${pending.size} to retry\n`,
      );
    }
    // every unacknowledged request is completed with its own key, as a real client would
    for (const key of [...pending]) {
      const r = await post(server, cookie, key);
      if (r.status >= 200 && r.status < 300) {
        acked.set(key, r.text);
        pending.delete(key);
      }
    }
    await server.stop();

    const database = await openDatabase({
      url: schema ? TEST_PG_URL : path.join(dataDir, 'greenvoice.db'),
      dialect,
      pgSchema: schema,
    });
    try {
      const rows = await sql<{
        m: string;
        n: number;
      }>`SELECT ${sql.ref(marker)} AS m, COUNT(*) AS n FROM ${sql.table(table)} GROUP BY ${sql.ref(marker)}`.execute(
        database.db,
      );
      const counts = new Map(rows.rows.map((r) => [String(r.m), Number(r.n)]));
      const missing = [...acked.keys()].filter(
        (k) => !counts.has(k) && ![...counts.keys()].some((m) => m.includes(k)),
      );
      const duplicated = [...counts].filter(([, n]) => n > 1);
      const check = await checkDatabase(database);
      let orphans = 0;
      if (values['files-table'] && values['files-column']) {
        const stored = await sql<{
          f: string;
        }>`SELECT ${sql.ref(values['files-column'])} AS f FROM ${sql.table(values['files-table'])}`.execute(
          database.db,
        );
        const known = new Set(stored.rows.map((r) => path.basename(String(r.f))));
        const filesDir = path.join(dataDir, 'files');
        const onDisk = fs.existsSync(filesDir)
          ? fs
              .readdirSync(filesDir, { recursive: true })
              .map(String)
              .filter((f) => fs.statSync(path.join(filesDir, f)).isFile())
          : [];
        orphans = onDisk.filter((f) => !known.has(path.basename(f))).length;
      }
      console.log(
        `${dialect}: ${kills} SIGKILLs, ${clients} clients, ${sent} requests, ${acked.size} acknowledged writes, ` +
          `${missing.length} missing, ${duplicated.length} duplicated, integrity ${check.ok ? 'ok' : 'FAILED'}, ${orphans} orphaned files, ${pending.size} never acknowledged`,
      );
      return (
        missing.length === 0 && duplicated.length === 0 && check.ok && orphans === 0 && pending.size === 0
      );
    } finally {
      await database.close();
    }
  } finally {
    if (schema) {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const dialects =
  values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db as 'sqlite' | 'postgres'];
let ok = true;
for (const d of dialects) {
  try {
    ok = (await runDialect(d)) && ok;
  } catch (err) {
    ok = false;
    console.error(`${d}: crash test could not run — ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exit(ok ? 0 : 1);
