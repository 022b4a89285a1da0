// Memory of the production server (decisions 088, 090): `node server/dist/server.js` alone, no npm or tsx
// wrapper, NODE_ENV=production. Resident memory right after the first start's demo seed, at idle after a
// restart on the seeded database (aim < 150 MB), then after one request of each heavy kind — each loads
// its library on first use: the Chinese segmenter (portal search), spreadsheets (the org Excel export),
// image re-encoding (an evidence upload) and the HTML sanitiser (saving an article).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rssMb } from '../lib/process-memory.ts';
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SETTLE_MS = 5000;
// a 1 × 1 PNG: enough for sharp to decode and re-encode
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startBuilt(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'server/dist/server.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // production refuses to start without its keys; fixed ones are fine for a throw-away database
      AUDIT_HMAC_KEY: Buffer.alloc(32, 7).toString('base64'),
      // and the reporters' key (CASES_KEY, decision 142), likewise
      CASES_KEY: Buffer.alloc(32, 9).toString('base64'),
      DATA_DIR: dataDir,
      DATABASE_URL: path.join(dataDir, 'greenvoice.db'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'true',
      // one serving process, the one the aim is about: production's default on this 2-core machine would
      // be a supervising primary and two workers (decision 178), and the pid measured would be the primary's
      WORKERS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  for (let i = 0; i < 600; i++) {
    if (out.includes('门户 Portal:')) return child;
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start in 60 s:\n${out}`);
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** One request of each heavy kind, in order; each returns the status it got. */
function heavyRequests(base: string) {
  return [
    {
      name: 'portal search (jieba)',
      run: async () => (await fetch(`${base}/search?q=${encodeURIComponent('环境保护宣传')}`)).status,
    },
    {
      name: 'org Excel export (exceljs)',
      run: async () => {
        const cookie = await signIn(base, 'admin', 'Demo-Xinxi-2018!');
        const res = await fetch(`${base}/api/v1/org/export.xlsx`, { headers: { cookie } });
        await res.arrayBuffer();
        return res.status;
      },
    },
    {
      name: 'evidence image upload (sharp)',
      run: async () => {
        const cookie = await signIn(base, 'officer.wl', 'Demo-Officer-2018!');
        const form = new FormData();
        form.append('files', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
        return (await fetch(`${base}/api/v1/evidence`, { method: 'POST', headers: { cookie }, body: form }))
          .status;
      },
    },
    {
      name: 'article draft saved (sanitize-html)',
      run: async () => {
        const cookie = await signIn(base, 'editor', 'Demo-Bianji-2018!');
        const channels = (await (
          await fetch(`${base}/api/v1/cms/channels`, { headers: { cookie } })
        ).json()) as Array<{ id: number }> | { items: Array<{ id: number }> };
        const list = Array.isArray(channels) ? channels : channels.items;
        const res = await fetch(`${base}/api/v1/cms/articles`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({
            channelId: list[0]!.id,
            title: '内存测量稿件',
            bodyHtml: '<p>生态环境<strong>宣传</strong></p><script>x()</script>',
          }),
        });
        return res.status;
      },
    },
  ];
}

export const memory: BenchSuite = {
  name: 'memory',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'development' },
    });
    if (build.status !== 0) throw new Error('npm run build failed');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-memory-'));
    const rows: BenchRow[] = [];
    const row = (name: string, value: number, extra: Partial<BenchRow> = {}) =>
      rows.push({ suite: 'memory', name, value, unit: 'MB RSS', ...extra });
    try {
      const port = await ctx.freePort();
      let server = await startBuilt(dataDir, port);
      await sleep(SETTLE_MS);
      row('node server/dist/server.js right after the first start and its demo seed', rssMb(server.pid!));
      await stop(server);

      server = await startBuilt(dataDir, port);
      await sleep(SETTLE_MS);
      row('idle after start (seeded database, no request yet)', rssMb(server.pid!), {
        aim: '< 150 MB',
        note: 'one process: no npm or tsx wrapper',
      });
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/api/v1/health`);
      await health.arrayBuffer();
      for (const h of heavyRequests(base)) {
        const status = await h.run();
        await sleep(ctx.quick ? 500 : 2000);
        row(`after one ${h.name}`, rssMb(server.pid!), { note: `HTTP ${status}; cumulative` });
      }
      await stop(server);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return rows;
  },
};
