// GreenVoice as a child process for the throughput suites: its own process (so wrk, the references and
// the server each get a CPU of their own on a 2-core machine), a throw-away data directory, the demo
// data of a first start, and on PostgreSQL a schema of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// BENCH_GREENVOICE_ROOT: another checkout's server under the same bench (a "before" for a decision record)
const root =
  process.env.BENCH_GREENVOICE_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function waitFor(url: string, ms = 60_000, child?: ChildProcess) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

export async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

export interface GreenVoiceServer {
  base: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * Starts `server/src/server.ts` on a fresh data directory (demo data), or on `dataDir` — which it then
 * leaves in place, for the caller to start again or remove; `env` adds or overrides settings.
 */
export async function startGreenVoice(
  port: number,
  env: Record<string, string>,
  options: { dataDir?: string } = {},
): Promise<GreenVoiceServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-portal-'));
  const removeData = () => {
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SCRYPT_LOG_N: '12',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/v1/health`, 120_000, child);
  } catch (err) {
    await stopChild(child);
    removeData();
    throw err;
  }
  return {
    base,
    pid: child.pid!,
    async close() {
      await stopChild(child);
      removeData();
    },
  };
}

/** The environment for a GreenVoice on a PostgreSQL schema of its own, made here; `drop` removes it. */
export async function postgresSchema(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const name = `gv_bench_${process.pid}_${Date.now().toString(36)}`;
  const run = async (q: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(q);
    await client.end();
  };
  await run(`CREATE SCHEMA ${name}`);
  return { env: { DATABASE_URL: PG_URL, PG_SCHEMA: name }, drop: () => run(`DROP SCHEMA ${name} CASCADE`) };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers Node's http server writes by itself for every response. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * One GET as wrk sends it (no Accept-Encoding, no cookie): the status, the headers and the bytes; `host`
 * names the site asked for (decision 175) instead of the address's own.
 */
export function getRaw(url: string, host?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, host ? { headers: { host } } : {}, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined && !OWN_HEADERS.has(k)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const SEED_TITLE = '常德市环境保护局关于印发《2018年常德市环保信息宣传工作实施方案》的通知';

/** The address of the demo's seed notice, the article page the portal figures are measured on. */
export async function seedNoticePath(base: string): Promise<string> {
  const list = (await getRaw(`${base}/channels/tzgg`)).body.toString('utf8');
  const id = new RegExp(`href="/articles/(\\d+)" title="${SEED_TITLE.replace(/[()《》]/g, '.')}"`).exec(
    list,
  )?.[1];
  if (!id) throw new Error('the seed notice is not on the demo portal');
  return `/articles/${id}`;
}
