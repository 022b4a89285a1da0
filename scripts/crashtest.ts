// npm run crashtest -- --route /api/v1/submissions --table submissions --marker-column title \
//   --body '{"title":"{{key}}","...":"..."}' [--user officer.wl --password …]
//   [--evidence-route /api/v1/evidence --evidence-field files --evidence-ids-field evidenceIds |
//    --file-field evidence] [--files-table evidence_files --files-column stored_name]
//   [--clients 200 --rounds 20 --db both]
//
// Crash safety (docs/security-requirements.md §31–32): GreenVoice runs as a child process; N concurrent clients
// POST to the route with Idempotency-Keys (and a file if asked); the server is killed with SIGKILL at a
// random moment, restarted, 20 times; unacknowledged requests are retried with the same key. Afterwards
// every acknowledged write must be in the database exactly once, nothing duplicated, the integrity check
// (and audit chain) must pass and no stored file may be orphaned. Prints the figures; exits 1 otherwise.
// Evidence either goes in the same multipart request (--file-field) or is uploaded first and named by id
// in the JSON body (--evidence-route: the client uploads once per key and keeps the body it built, so a
// retry sends the same body under the same key). A crash between a file's rename and its row's commit
// leaves a file without a row by design; --sweep runs the evidence sweeper's next pass (one grace period
// on) and counts what is still orphaned after it — besides what the crashes left.
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
import { loadConfig } from '../server/src/config.ts';
import { ORPHAN_GRACE_MS } from '../server/src/modules/submissions/evidence.service.ts';
import { sweepFileTemps, TEMP_MAX_AGE_MINUTES } from '../server/src/jobs/file-temps.ts';
import { createServices } from '../server/src/services.ts';
import { loadAuditKey } from '../server/src/modules/audit/audit-key.ts';
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
    'evidence-route': { type: 'string' },
    'evidence-field': { type: 'string', default: 'files' },
    'evidence-ids-field': { type: 'string', default: 'evidenceIds' },
    sweep: { type: 'boolean', default: false },
    'files-table': { type: 'string' },
    'files-column': { type: 'string' },
    clients: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '20' },
    db: { type: 'string', default: 'both' },
  },
});

const USAGE = `用法 Usage: npm run crashtest -- --route /api/v1/<resource> --table <table> --marker-column <column> --body '<JSON with {{key}}>'
  [--user U --password P] [--evidence-route R --evidence-field F --evidence-ids-field I | --file-field F]
  [--files-table T --files-column C [--sweep]] [--clients 200] [--rounds 20] [--db sqlite|postgres|both]
The route must honour the Idempotency-Key header (docs/security-requirements.md §32).`;
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

/** the JSON body a key was first sent with: a retry must send the same body under the same key */
const bodies = new Map<string, string>();

function multipart(fields: Record<string, unknown>, fileField: string, key: string) {
  const boundary = `----gvcrash${key.replace(/[^A-Za-z0-9]/g, '')}`;
  const text = Object.entries(fields)
    .map(
      ([k, v]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`,
    )
    .join('');
  const file = `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="evidence.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(text + file), PNG_1PX, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function requestFor(
  server: ChildServer,
  cookie: string,
  key: string,
): Promise<{ body: Buffer | string; headers: Record<string, string> }> {
  const json = values.body!.replaceAll('{{key}}', key);
  if (values['file-field'])
    return multipart(JSON.parse(json) as Record<string, unknown>, values['file-field'], key);
  if (values['evidence-route'] && !bodies.has(key)) {
    const upload = multipart({}, values['evidence-field']!, key);
    const res = await fetch(server.url + values['evidence-route'], {
      method: 'POST',
      headers: { ...upload.headers, cookie },
      body: upload.body,
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`evidence upload answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const stored = (await res.json()) as Array<{ id: number }> | { id: number };
    const ids = (Array.isArray(stored) ? stored : [stored]).map((e) => e.id);
    bodies.set(
      key,
      JSON.stringify({ ...(JSON.parse(json) as object), [values['evidence-ids-field']!]: ids }),
    );
  }
  return { body: bodies.get(key) ?? json, headers: { 'content-type': 'application/json' } };
}

async function post(server: ChildServer, cookie: string, key: string) {
  const { body, headers } = await requestFor(server, cookie, key);
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
    // the orphan count below reads the evidence directory: the disk store on both databases
    FILE_STORE: 'disk',
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
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            // a refused upload is a finding; a dead connection is the crash we caused
            if (/answered 4\d\d/.test(message)) fatal.push(new Error(message));
            // the server died under the request: unacknowledged, retried later with the same key
            else if (running) await new Promise((r) => setTimeout(r, 20));
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
      // the key the child servers used: theirs is the same environment (AUDIT_HMAC_KEY or the key file)
      const auditKey = loadAuditKey(loadConfig({ ...process.env, ...env }));
      const check = await checkDatabase(database, auditKey);
      let orphans = 0;
      let orphansBeforeSweep = 0;
      let lostAfterSweep = 0;
      let temps = 0;
      if (values['files-table'] && values['files-column']) {
        const stored = await sql<{
          f: string;
        }>`SELECT ${sql.ref(values['files-column'])} AS f FROM ${sql.table(values['files-table'])}`.execute(
          database.db,
        );
        const known = new Set(stored.rows.map((r) => path.basename(String(r.f))));
        const filesDir = path.join(dataDir, 'files');
        // stored files sit directly in files/; files/tmp holds uploads that never finished (swept later)
        const onDisk = fs.existsSync(filesDir)
          ? fs.readdirSync(filesDir).filter((f) => fs.statSync(path.join(filesDir, f)).isFile())
          : [];
        const tmpDir = path.join(filesDir, 'tmp');
        temps = fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir).length : 0;
        orphansBeforeSweep = onDisk.filter((f) => !known.has(path.basename(f))).length;
        if (values.sweep) {
          const { evidence, files } = createServices({
            config: loadConfig({ ...env, LOG_LEVEL: 'silent' }, dataDir),
            database,
            log: console,
            auditKey,
          });
          // the pass a server makes once the grace period is over; attached files must all survive it
          await evidence.sweep(Date.now() + ORPHAN_GRACE_MS + 60_000);
          await sweepFileTemps(files, Date.now() + TEMP_MAX_AGE_MINUTES * 60_000 + 60_000);
          const left = fs.readdirSync(filesDir).filter((f) => fs.statSync(path.join(filesDir, f)).isFile());
          const attached = await sql<{
            f: string;
          }>`SELECT e.stored_name AS f FROM evidence_files e WHERE e.submission_id IS NOT NULL`.execute(
            database.db,
          );
          lostAfterSweep = attached.rows.filter((r) => !left.includes(r.f)).length;
          orphans = left.filter((f) => !known.has(f)).length;
          temps = fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir).length : 0;
        } else orphans = orphansBeforeSweep;
      }
      console.log(
        `${dialect}: ${kills} SIGKILLs, ${clients} clients, ${sent} requests, ${acked.size} acknowledged writes, ` +
          `${missing.length} missing, ${duplicated.length} duplicated, integrity ${check.ok ? 'ok' : 'FAILED'}, ${orphans} orphaned files${values.sweep ? ` after the sweeper (${orphansBeforeSweep} before it; ${lostAfterSweep} attached files lost)` : ''}, ${temps} unfinished temporary files, ${pending.size} never acknowledged`,
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
