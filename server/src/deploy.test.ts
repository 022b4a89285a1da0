// deploy/ tried for real (decision 179): nginx with deploy/nginx/greenvoice.conf in front of two app
// servers on one PostgreSQL database, each started as deploy/systemd/greenvoice.service says (its
// ExecStart and Environment; WORKERS=2 each). Proxying, the visitor's address as the app records it
// (X-Forwarded-For set by nginx, believed through TRUST_PROXY, a forged one ignored), cache lifetimes and
// compression, and no request lost while one app server stops.
// Skipped, and saying why, where there is no PostgreSQL or nginx cannot be found.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';
import { freePort, repoRoot, startChildServer, type ChildServer } from './test/child-server.ts';
import { startLoad } from './test/load-loop.ts';
import { TEST_PG_URL, testDialect } from './test/test-app.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((p) =>
  fs.existsSync(p),
);
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';
const SYSTEMD_ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => fs.existsSync(p));
const deployDir = path.join(repoRoot, 'deploy');

async function postgresUp() {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  const ok = await client.connect().then(
    () => true,
    () => false,
  );
  await client.end().catch(() => {});
  return ok;
}
const why =
  testDialect() !== 'postgres'
    ? 'runs in the postgres project (two app servers need PostgreSQL)'
    : !NGINX
      ? 'nginx is not installed (.ci/run installs it with apt-get install nginx)'
      : !(await postgresUp())
        ? `no PostgreSQL at ${TEST_PG_URL}`
        : '';

/** The unit file's ExecStart and Environment= lines, as systemd would read them. */
function unit() {
  const text = fs.readFileSync(path.join(deployDir, 'systemd/greenvoice.service'), 'utf8');
  const values = (key: string) =>
    [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!.trim());
  const env = Object.fromEntries(values('Environment').map((kv) => kv.split(/=(.*)/s).slice(0, 2)));
  return { text, execStart: values('ExecStart')[0]!, reload: values('ExecReload')[0]!, env };
}

/** A request from a chosen local address, so nginx sees a visitor other than itself. */
function request(url: string, options: http.RequestOptions & { body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = http.request(url, { agent: false, ...options }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

describe.skipIf(why !== '')(`nginx in front of two app servers${why ? ` — skipped: ${why}` : ''}`, () => {
  let a: ChildServer;
  let b: ChildServer;
  let nginx: ChildProcess;
  let nginxLog = '';
  let front: string;
  let dir: string;
  let schema: string;
  const { execStart, reload, env: unitEnv } = unit();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-deploy-'));
    schema = `gv_deploy_${randomBytes(5).toString('hex')}`;
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    // the unit starts the built server with node; the tree here stands where the unit says /opt/greenvoice
    expect(execStart).toBe('/usr/bin/node server/dist/server.js');
    const [portA, portB, portFront] = [await freePort(), await freePort(), await freePort()];
    const key = () => randomBytes(32).toString('base64');
    const shared = { audit: key(), cases: key() };
    const env = (port: number, name: string) => ({
      ...unitEnv,
      DATA_DIR: path.join(dir, name),
      DATABASE_URL: TEST_PG_URL,
      PG_SCHEMA: schema,
      PORT: String(port),
      // b runs two workers on PostgreSQL; a stays one process (a start costs a worker's start each)
      WORKERS: '2',
      SCRYPT_LOG_N: '10',
      TRUST_PROXY: '127.0.0.1',
      AUDIT_HMAC_KEY: shared.audit,
      CASES_KEY: shared.cases,
    });
    // the first migrates and seeds; the second finds it done
    a = await startChildServer({ ...env(portA, 'a'), WORKERS: '1' }, 90_000, 'build');
    b = await startChildServer(env(portB, 'b'), 90_000, 'build');

    let conf = fs.readFileSync(path.join(deployDir, 'nginx/greenvoice.conf'), 'utf8');
    const swap = (from: string | RegExp, to: string) => {
      const next = conf.replace(from, to);
      expect(next, `greenvoice.conf no longer has ${from}`).not.toBe(conf);
      conf = next;
    };
    swap('server 127.0.0.1:3001 ', `server 127.0.0.1:${portA} `);
    swap('server 127.0.0.1:3002 ', `server 127.0.0.1:${portB} `);
    swap('listen 80;', `listen 127.0.0.1:${portFront};`);
    swap(/\/opt\/greenvoice/g, repoRoot);
    swap('/etc/nginx/conf.d/greenvoice-brotli', path.join(dir, 'greenvoice-brotli'));
    const brotli = fs.existsSync(BROTLI);
    if (brotli)
      fs.copyFileSync(
        path.join(deployDir, 'nginx/greenvoice-brotli.inc'),
        path.join(dir, 'greenvoice-brotli.inc'),
      );
    fs.writeFileSync(path.join(dir, 'greenvoice.conf'), conf);
    const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        brotli ? `load_module ${BROTLI};` : '',
        'worker_processes 2;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/nginx-error.log warn;`,
        'daemon off;',
        'events { worker_connections 1024; }',
        'http {',
        '  include /etc/nginx/mime.types;',
        '  access_log off;',
        ...temps.map((t) => `  ${t}_temp_path ${dir}/${t};`),
        `  include ${dir}/greenvoice.conf;`,
        '}',
      ].join('\n'),
    );
    execFileSync(NGINX!, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')]);
    nginx = spawn(NGINX!, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    nginx.stderr!.on('data', (c: Buffer) => (nginxLog += c.toString()));
    front = `http://127.0.0.1:${portFront}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${front}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 200_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT'); // graceful stop of the master and its workers
      await exited;
    }
    await Promise.all([a?.stop(), b?.stop()]);
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('proxies the portal, the API and the console', async () => {
    const home = await request(`${front}/`);
    expect(home.status, nginxLog).toBe(200);
    expect(home.body.toString()).toContain('<html');
    expect((await request(`${front}/api/v1/health`)).status).toBe(200);
    expect((await request(`${front}/admin/`)).body.toString()).toContain('<div id="root">');
  });

  it('the app records the visitor’s address from nginx, never one the visitor forged', async () => {
    const admin = DEMO_ACCOUNTS.find((x) => x.username === 'admin')!;
    const login = await request(`${front}/api/v1/auth/login`, {
      method: 'POST',
      localAddress: '127.0.0.3',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    expect(login.status, login.body.toString()).toBe(200);
    const client = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      const row = await client.query<{ client_ip: string }>(
        `SELECT client_ip FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`,
      );
      expect(row.rows[0]?.client_ip).toBe('127.0.0.3');
    } finally {
      await client.end();
    }
  });

  it('hashed files are cached for a year and compressed; pages keep the app’s own compression', async () => {
    // the largest: nginx leaves files under gzip_min_length as they are
    const assets = path.join(repoRoot, 'web/dist/assets');
    const file = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .sort((x, y) => fs.statSync(path.join(assets, y)).size - fs.statSync(path.join(assets, x)).size)[0]!;
    const gz = await request(`${front}/admin/assets/${file}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toContain('Accept-Encoding');
    if (fs.existsSync(BROTLI)) {
      const br = await request(`${front}/admin/assets/${file}`, { headers: { 'accept-encoding': 'br' } });
      expect(br.headers['content-encoding']).toBe('br');
    }
    // the console's index is the app's to answer (not cached for a year: it names the next release's files)
    const index = await request(`${front}/admin/`);
    expect(index.headers['cache-control'] ?? '').not.toContain('immutable');
    const page = await request(`${front}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.headers['content-encoding']).toBe('br');
    const css = (await request(`${front}/`)).body.toString().match(/\/portal\/assets\/[^"]+\.css/);
    expect(css).not.toBeNull();
    const asset = await request(`${front}${css![0]}`);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('the unit file passes systemd-analyze verify, with a low exposure score', () => {
    if (!SYSTEMD_ANALYZE) return console.info('systemd-analyze not installed: unit file not verified');
    const copy = path.join(dir, 'greenvoice.service');
    fs.writeFileSync(copy, unit().text.replace('/usr/bin/node', process.execPath));
    execFileSync(SYSTEMD_ANALYZE, ['verify', '--man=no', copy], { stdio: 'pipe' });
    const report = execFileSync(SYSTEMD_ANALYZE, ['security', '--offline=yes', copy], { encoding: 'utf8' });
    const score = Number(report.match(/Overall exposure level for .*: ([\d.]+)/)![1]);
    expect(score).toBeLessThanOrEqual(2);
    console.info(`systemd-analyze security: exposure ${score}`);
  });

  it('an app server reloaded under load (systemctl reload): its workers replaced, no request lost', async () => {
    expect(reload).toBe('/bin/kill -HUP $MAINPID');
    const before = b
      .output()
      .match(/Workers: 2 \(pids (\d+), (\d+)\)/)!
      .slice(1)
      .map(Number);
    const urls = [`${front}/`, `${front}/channels/gzdt`, `${front}/environment/air`];
    const load = startLoad(urls);
    await load.answered(100);
    b.proc.kill('SIGHUP'); // what the unit's ExecReload sends to the primary
    const until = Date.now() + 40_000;
    while (!/rolling restart done/.test(b.output()) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    await load.answered(100);
    const counts = await load.stop();
    const after = (b.output().match(/rolling restart done: workers (\d+), (\d+)/) ?? []).slice(1).map(Number);
    expect(after, b.output()).toHaveLength(2);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
    expect(counts.failed, nginxLog).toEqual([]);
    console.info(`nginx: ${counts.ok} answers while app server b reloaded its workers, 0 failed`);
  }, 60_000);

  it('one app server stopped under load (systemctl stop): no request lost, the other answers', async () => {
    const urls = [`${front}/`, `${front}/channels/gzdt`, `${front}/environment/air`];
    const load = startLoad(urls);
    await load.answered(100);
    await a.stop(); // SIGTERM, as systemctl stop sends (KillSignal); the drain runs first
    await load.answered(300);
    const counts = await load.stop();
    expect(a.proc.exitCode).toBe(0);
    expect(counts.failed, nginxLog).toEqual([]);
    console.info(`nginx: ${counts.ok} answers while one app server stopped, 0 failed`);
  }, 30_000);
});
