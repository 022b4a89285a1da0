#!/usr/bin/env node
// `npm run build` makes the production artefact (decision 088):
//   web/dist     the console, by Vite;
//   server/dist  one JavaScript bundle per entry (server.js and the operating scripts) with shared chunks
//                beside them (same folder depth as server/src/*.ts: see server/src/paths.ts), by esbuild — our
//                code and @greenvoice/common inlined, every npm package left as an import that Node resolves
//                from node_modules at run time, so `npm ci --omit=dev` is enough to run it.
// `--if-stale` (npm start, npm test and the operating scripts run it first) builds only a part whose
// sources changed since its last build (a fingerprint of the sources, this script and the lock file).
// With NODE_ENV=production it never builds: it checks that the artefact is there and stops with the
// command to make it otherwise — production servers never build at start, so several starting at once
// cannot race. A build writes into a temporary folder renamed into place, under a lock folder, so two
// `npm start` / `npm test` at once on a developer's machine do not build over each other.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifStale = process.argv.includes('--if-stale');
const production = process.env.NODE_ENV === 'production';

/** The operating scripts a production installation runs (npm run db:migrate, backup, …). */
const SCRIPT_ENTRIES = [
  'db-migrate',
  'setup-production',
  'audit-verify',
  'audit-purge',
  'backup',
  'restore',
  'scores-rebuild',
  'files-migrate',
];

const TARGETS = [
  {
    name: 'web',
    label: '工作台 the console (web/dist)',
    out: 'web/dist',
    marker: 'index.html',
    sources: ['web', 'common/src'],
    build: buildWeb,
  },
  {
    name: 'server',
    label: '服务端 the server (server/dist)',
    out: 'server/dist',
    marker: 'server.js',
    sources: ['server/src', 'common/src', 'scripts', 'server/package.json', 'common/package.json'],
    build: buildServer,
  },
];

function* files(p) {
  if (!fs.existsSync(p)) return;
  if (!fs.statSync(p).isDirectory()) {
    yield p;
    return;
  }
  for (const entry of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // build outputs and their temporary folders are not sources; tests do not change the artefact
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.dist-')) continue;
    if (entry.name.endsWith('.test.ts') || entry.name.endsWith('.e2e.ts')) continue;
    yield* files(path.join(p, entry.name));
  }
}

function fingerprint(target) {
  const hash = createHash('sha256');
  for (const base of [...target.sources, 'scripts/build.mjs', 'package-lock.json']) {
    for (const f of files(path.join(root, base))) {
      hash.update(path.relative(root, f));
      hash.update(fs.readFileSync(f));
    }
  }
  return hash.digest('hex');
}

const stampOf = (target) => path.join(root, target.out, '.build-fingerprint');
const builtFingerprint = (target) =>
  fs.existsSync(path.join(root, target.out, target.marker)) && fs.existsSync(stampOf(target))
    ? fs.readFileSync(stampOf(target), 'utf8')
    : null;

function run(cmd, args, cwd) {
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${res.status}`);
}

function buildWeb(tmp) {
  run(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'],
    path.join(root, 'web'),
  );
}

async function buildServer(tmp) {
  const esbuild = await import('esbuild');
  // @greenvoice/* is our own source: inline it; every other bare import is a package installed beside us,
  // but for two plain-JavaScript ESM packages of hundreds of files each that every start loads: inlined,
  // only the parts we use are parsed and Node links two modules instead of about a thousand — a few MB less
  // heap and a faster start (decision 202)
  const INLINED = /^(@greenvoice\/|typebox(\/|$)|kysely(\/|$))/;
  const externalPackages = {
    name: 'external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        INLINED.test(args.path) ? undefined : { path: args.path, external: true },
      );
    },
  };
  const entryPoints = { server: 'server/src/server.ts' };
  for (const s of SCRIPT_ENTRIES) entryPoints[s] = `scripts/${s}.ts`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: tmp,
    bundle: true,
    // code behind a dynamic import() becomes a chunk of its own, loaded when first used (decision 090)
    splitting: true,
    chunkNames: '[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    tsconfig: 'server/tsconfig.json',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [externalPackages],
  });
  // what each bundle imports at run time, for the dependency check (server/src/test/build-artefact.test.ts)
  fs.writeFileSync(path.join(tmp, 'metafile.json'), JSON.stringify(result.metafile));
}

/** A lock folder (mkdir is atomic); one left by a build that died is taken over after ten minutes. */
function lock() {
  const dir = path.join(root, '.tmp/build.lock');
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(dir);
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs > 600_000)
        fs.rmSync(dir, { recursive: true, force: true });
      if (waited === 0) console.log('等待另一个构建 Waiting for another build to finish…');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

async function buildTarget(target, want) {
  const out = path.join(root, target.out);
  const tmp = path.join(path.dirname(out), `.dist-${target.name}-${process.pid}`);
  const old = `${tmp}-old`;
  console.log(`构建 Building ${target.label}…`);
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await target.build(tmp);
    fs.writeFileSync(path.join(tmp, '.build-fingerprint'), want);
    if (fs.existsSync(out)) fs.renameSync(out, old);
    fs.renameSync(tmp, out);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
}

async function main() {
  if (production && ifStale) {
    const missing = TARGETS.filter((t) => !fs.existsSync(path.join(root, t.out, t.marker)));
    if (missing.length) {
      console.error(
        `NODE_ENV=production: ${missing.map((t) => t.out).join(' and ')} missing. A production server never ` +
          'builds; run `npm ci && npm run build` where the dev dependencies are installed, then ship the folders.',
      );
      process.exit(1);
    }
    return;
  }
  const stale = TARGETS.map((t) => ({ target: t, want: fingerprint(t) })).filter(
    ({ target, want }) => !ifStale || builtFingerprint(target) !== want,
  );
  if (stale.length === 0) return;
  const unlock = lock();
  try {
    for (const { target } of stale) {
      const want = fingerprint(target); // again, under the lock: another build may just have finished
      if (ifStale && builtFingerprint(target) === want) continue;
      await buildTarget(target, want);
    }
  } finally {
    unlock();
  }
}

await main().catch((err) => {
  console.error(`构建失败 Build failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
