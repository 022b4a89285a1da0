// The portal's speed, side by side in one run: the seed notice's article page served by GreenVoice
// (from its byte cache, then with the cache off, which renders and queries every time) and the very
// same HTML served by nginx as a static file. wrk (Debian's) with 100 connections measures each;
// the ratio to nginx holds on a noisy shared machine where absolute numbers do not.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SEED_TITLE = '常德市环境保护局关于印发《2018年常德市环保信息宣传工作实施方案》的通知';

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function toMs(v: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(v.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

function wrk(url: string, seconds: number): WrkResult {
  const r = spawnSync('wrk', ['-t2', '-c100', `-d${seconds}s`, '--latency', url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.error?.message}`);
  const out = r.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const sockErr = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (sockErr ? sockErr.slice(1).reduce((s, x) => s + Number(x), 0) : 0);
  return { rps, p50, p99, errors };
}

/** The round with the median throughput (its latencies go with it). */
function median(runs: WrkResult[]): WrkResult {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

function noteOf(runs: WrkResult[]): string | undefined {
  const errors = runs.reduce((s, r) => s + r.errors, 0);
  const spread = runs.length > 1 ? `rounds ${runs.map((r) => Math.round(r.rps)).join(' / ')} req/s` : '';
  return [spread, errors ? `${errors} errors` : ''].filter(Boolean).join('; ') || undefined;
}

async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
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

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function startGreenVoice(port: number, env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-portal-'));
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
  try {
    await waitFor(`http://127.0.0.1:${port}/api/v1/health`);
  } catch (err) {
    await stop(child);
    throw err;
  }
  return {
    child,
    async close() {
      await stop(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startNginx(port: number, html: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-nginx-'));
  fs.mkdirSync(path.join(dir, 'www/articles'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'www/articles/page.html'), html);
  // One worker, as GreenVoice runs one Node process here; no gzip, as wrk asks for none.
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server { listen 127.0.0.1:${port}; root ${dir}/www; }
}
`,
  );
  // nginx's workers drop root and must still read the page
  for (const p of [dir, path.join(dir, 'www'), path.join(dir, 'www/articles')]) fs.chmodSync(p, 0o755);
  fs.chmodSync(path.join(dir, 'www/articles/page.html'), 0o644);
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/articles/page.html`, 10_000);
  } catch (err) {
    await stop(child);
    throw err;
  }
  return {
    async close() {
      await stop(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function pgSchema(action: 'create' | 'drop', name: string) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(action === 'create' ? `CREATE SCHEMA ${name}` : `DROP SCHEMA ${name} CASCADE`);
  await client.end();
}

export const portalSuite: BenchSuite = {
  name: 'portal',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    for (const tool of ['wrk', 'nginx'])
      if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
        throw new Error(`the portal benchmark needs ${tool}: apt-get install -y wrk nginx`);
    const seconds = ctx.quick ? 3 : 5;
    const rounds = ctx.quick ? 1 : 3;
    const rows: BenchRow[] = [];
    const cachedPort = await ctx.freePort();
    const gv = await startGreenVoice(cachedPort, {});
    const closers: Array<() => Promise<void>> = [() => gv.close()];
    try {
      const list = await (await fetch(`http://127.0.0.1:${cachedPort}/channels/tzgg`)).text();
      const id = new RegExp(`href="/articles/(\\d+)" title="${SEED_TITLE.replace(/[()《》]/g, '.')}"`).exec(
        list,
      )?.[1];
      if (!id) throw new Error('the seed notice is not on the demo portal');
      const articlePath = `/articles/${id}`;
      const html = await (await fetch(`http://127.0.0.1:${cachedPort}${articlePath}`)).text();
      const nginxPort = await ctx.freePort();
      const nginx = await startNginx(nginxPort, html);
      closers.push(() => nginx.close());

      // nginx and GreenVoice take turns, round after round, and each reports its median round:
      // a neighbour's burst of work on this shared machine then hits both alike.
      const nginxUrl = `http://127.0.0.1:${nginxPort}/articles/page.html`;
      const nginxRuns: WrkResult[] = [];
      const cachedRuns: WrkResult[] = [];
      // warm up both (JIT, caches, connection set-up) before anything counts
      wrk(nginxUrl, 2);
      wrk(`http://127.0.0.1:${cachedPort}${articlePath}`, 2);
      for (let i = 0; i < rounds; i++) {
        nginxRuns.push(wrk(nginxUrl, seconds));
        cachedRuns.push(wrk(`http://127.0.0.1:${cachedPort}${articlePath}`, seconds));
      }
      const ref = median(nginxRuns);
      const reference = { name: 'nginx static file, 1 worker', value: Math.round(ref.rps), unit: 'req/s' };
      rows.push({
        suite: 'portal',
        name: `nginx: the same article HTML as a static file (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`,
        value: Math.round(ref.rps),
        unit: 'req/s',
        p50Ms: ref.p50,
        p99Ms: ref.p99,
        note: noteOf(nginxRuns),
      });
      const cached = median(cachedRuns);
      rows.push({
        suite: 'portal',
        name: 'article page, byte cache (sqlite)',
        value: Math.round(cached.rps),
        unit: 'req/s',
        p50Ms: cached.p50,
        p99Ms: cached.p99,
        reference,
        ratio: Number((cached.rps / ref.rps).toFixed(2)),
        aim: '≥ 0.8 × nginx, p99 < 20 ms',
        note: noteOf(cachedRuns),
      });
      await gv.close();
      closers.shift();

      for (const dialect of ctx.dialects) {
        const port = await ctx.freePort();
        const schema = `gv_bench_${process.pid}_${Date.now().toString(36)}`;
        if (dialect === 'postgres') await pgSchema('create', schema);
        // every request is a render here: wrk's one address would spend the portal budget in a second
        const env: Record<string, string> = { PORTAL_CACHE: 'off', PORTAL_RATE_LIMIT_PER_MINUTE: '1000000' };
        if (dialect === 'postgres') Object.assign(env, { DATABASE_URL: PG_URL, PG_SCHEMA: schema });
        const off = await startGreenVoice(port, env);
        try {
          // same demo data, same ids: the seed notice has the same address
          const offRuns: WrkResult[] = [];
          const refRuns: WrkResult[] = [];
          wrk(`http://127.0.0.1:${port}${articlePath}`, 2);
          for (let i = 0; i < rounds; i++) {
            refRuns.push(wrk(nginxUrl, seconds));
            offRuns.push(wrk(`http://127.0.0.1:${port}${articlePath}`, seconds));
          }
          const r = median(offRuns);
          const refNow = median(refRuns);
          rows.push({
            suite: 'portal',
            name: `article page, cache off: render + queries every time (${dialect})`,
            value: Math.round(r.rps),
            unit: 'req/s',
            p50Ms: r.p50,
            p99Ms: r.p99,
            reference: { ...reference, value: Math.round(refNow.rps) },
            ratio: Number((r.rps / refNow.rps).toFixed(2)),
            aim: '≥ 0.15 × nginx',
            note: noteOf(offRuns),
          });
        } finally {
          await off.close();
          if (dialect === 'postgres') await pgSchema('drop', schema);
        }
      }

      const js = fs.readFileSync(path.join(root, 'server/src/portal/assets/portal.js'));
      const css = fs.readFileSync(path.join(root, 'server/src/portal/assets/portal.css'));
      rows.push({
        suite: 'portal',
        name: 'JavaScript per portal page (gzip)',
        value: Number((gzipSync(js).length / 1024).toFixed(2)),
        unit: 'KB',
        aim: '≤ 30 KB',
        note: `stylesheet ${(gzipSync(css).length / 1024).toFixed(1)} KB gzip; every asset served locally`,
      });
    } finally {
      for (const close of closers.reverse()) await close();
    }
    return rows;
  },
};

export default portalSuite;
