// The production artefact (decision 088): `npm run build` output started with plain node and
// NODE_ENV=production serves the app; everything the bundles import at run time is a production
// dependency (so `npm ci --omit=dev` is enough); heavy packages are loaded on first use (decision 090).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startChildServer, type ChildServer } from './child-server.ts';
import { TEST_PG_URL, testDialect } from './test-app.ts';

const dist = path.join(repoRoot, 'server/dist');
const schema = `gv_build_${randomBytes(5).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-build-'));
// production refuses to start without the audit key (decision 070)
const prodEnv = {
  NODE_ENV: 'production',
  AUDIT_HMAC_KEY: randomBytes(32).toString('base64'),
  CASES_KEY: randomBytes(32).toString('base64'),
};
const dbEnv: Record<string, string> =
  testDialect() === 'postgres' ? { DATABASE_URL: TEST_PG_URL, PG_SCHEMA: schema } : {};

/** The package each bare import names (`@scope/name/sub` → `@scope/name`), builtins left out. */
function runtimePackages(code: string): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)";?\s*$/gm, // esbuild writes one a line
    /^\s*import\s*"([^"]+)";?\s*$/gm,
    /\bimport\(\s*"([^"]+)"\s*\)/g,
    // server/src/lazy-packages.ts: packages required on first use
    /\brequirePackage\d*\(\s*"([^"]+)"\s*\)/g,
  ];
  const PACKAGE = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]+)?$/;
  for (const re of patterns)
    for (const [, spec] of code.matchAll(re)) {
      if (!PACKAGE.test(spec!) || spec!.startsWith('node:')) continue;
      const parts = spec!.split('/');
      const name = spec!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      if (!builtinModules.includes(name)) found.add(name);
    }
  return found;
}

function productionTree(): Set<string> {
  const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json', '--workspace', '@greenvoice/server'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const names = new Set<string>();
  const walk = (deps: Record<string, { dependencies?: Record<string, unknown> }> | undefined) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (names.has(name)) continue;
      names.add(name);
      walk(node.dependencies as never);
    }
  };
  walk(JSON.parse(ls.stdout).dependencies);
  return names;
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), '--if-stale'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'development' },
  });
  expect(build.status, build.stderr).toBe(0);
  if (testDialect() !== 'postgres') return;
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
}, 300_000);

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (testDialect() !== 'postgres') return;
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA ${schema} CASCADE`);
  await c.end();
});

describe('the build artefact', () => {
  it('every package the bundles import is a production dependency of the server, installed without dev', () => {
    const code = fs
      .readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(dist, f), 'utf8'))
      .join('\n');
    const imported = runtimePackages(code);
    // the lazily required ones are found too, or the check would miss exactly the heavy packages
    for (const heavy of ['exceljs', 'sharp', 'sanitize-html', '@node-rs/jieba', 'docx', 'fastify'])
      expect(imported).toContain(heavy);
    const declared = Object.keys(
      JSON.parse(fs.readFileSync(path.join(repoRoot, 'server/package.json'), 'utf8')).dependencies,
    );
    expect([...imported].filter((p) => !declared.includes(p))).toEqual([]);
    const installed = productionTree();
    expect([...imported].filter((p) => !installed.has(p))).toEqual([]);
  }, 60_000);

  it('the check sees a dev-only import: vitest in a bundle would be reported', () => {
    const planted = runtimePackages(
      'import { it } from "vitest";\nconst x = requirePackage2("tsx/esm");\nconst s = `copied from "a, b"`;',
    );
    expect([...planted].sort()).toEqual(['tsx', 'vitest']);
  });

  describe('node server/dist/server.js with NODE_ENV=production', () => {
    let server: ChildServer;
    beforeAll(async () => {
      // the built operating script, as `npm run setup:production` runs it: a bureau, so the portal has a site
      const setup = spawnSync(
        process.execPath,
        [
          path.join(dist, 'setup-production.js'),
          '--bureau-name',
          '构建市生态环境局',
          '--bureau-code',
          'BLD',
          '--admin-username',
          'build.admin',
          '--admin-name',
          '李四',
        ],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...process.env, ...dbEnv, ...prodEnv, DATA_DIR: dataDir, SCRYPT_LOG_N: '10' },
        },
      );
      expect(setup.status, setup.stderr).toBe(0);
      server = await startChildServer(
        // one process: the maps read below are the process that answers (WORKERS defaults to the cores)
        { ...dbEnv, ...prodEnv, DATA_DIR: dataDir, DEMO_DATA: 'false', WORKERS: '1' },
        90_000,
        'build',
      );
    }, 120_000);
    afterAll(() => server?.stop());

    it('answers health, the portal, the console and the API docs', async () => {
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      for (const p of ['/', '/admin/', '/api/docs/', '/api/openapi.json'])
        expect((await fetch(`${server.url}${p}`)).status, p).toBe(200);
    });

    it.runIf(fs.existsSync('/proc/self/maps'))(
      'holds no heavy native library until a request needs it (jieba on the first search)',
      async () => {
        const maps = () => fs.readFileSync(`/proc/${server.proc.pid}/maps`, 'utf8');
        expect(maps()).not.toMatch(/sharp|libvips/);
        expect(maps()).not.toMatch(/jieba/);
        expect((await fetch(`${server.url}/search?q=${encodeURIComponent('环境保护')}`)).status).toBe(200);
        expect(maps()).toMatch(/jieba/);
      },
    );
  });
});
