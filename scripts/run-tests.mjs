#!/usr/bin/env node
// `npm test`: runs every test project this machine can run — unit, API on SQLite and PostgreSQL,
// browser tests in Debian's Chromium — and reports the projects it cannot run as skipped, with the
// command that installs what they need. Ends with the line `N passed, N failed, N skipped`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extraArgs = process.argv.slice(2);

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const projects = ['unit', 'sqlite'];
const skipped = [];
if (await postgresReachable()) projects.push('postgres');
else
  skipped.push({
    project: 'postgres',
    why: `no PostgreSQL at ${pgUrl}`,
    install:
      'sudo apt-get install -y postgresql && sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start  (or set TEST_DATABASE_URL)',
  });
const haveChromium = fs.existsSync(chromium);
const pgOk = projects.includes('postgres');
if (haveChromium) {
  projects.push('e2e-sqlite');
  if (pgOk) projects.push('e2e-postgres');
  else skipped.push({ project: 'e2e-postgres', why: 'no PostgreSQL', install: 'see above' });
} else {
  for (const p of ['e2e-sqlite', 'e2e-postgres'])
    skipped.push({
      project: p,
      why: `no Chromium at ${chromium}`,
      install: 'sudo apt-get install -y chromium fonts-noto-cjk',
    });
}

const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });

// Two stages: the browser tests run after the rest, not beside the fuzzing and the database tests, so
// that two cores are not shared by everything at once (a page waiting 30 s on a busy machine is noise).
// Within the browser stage each database is its own vitest process, the two side by side: one vitest
// runs its browser projects file after file, and the second core idled (decision 192).
const e2e = projects.filter((p) => p.startsWith('e2e-'));
const stages = [[projects.filter((p) => !p.startsWith('e2e-'))], e2e.map((p) => [p])];
let passed = 0;
let failed = 0;
let skippedCount = 0;
let exitStatus = 0;
for (const [i, stage] of stages.entries()) {
  const groups = stage.filter((g) => g.length > 0);
  if (groups.length === 0) continue;
  const started = Date.now();
  const runs = await Promise.all(
    groups.map((group, j) => {
      const report = path.join(
        root,
        `.tmp/vitest-report-${i + 1}${groups.length > 1 ? `-${j + 1}` : ''}.json`,
      );
      fs.rmSync(report, { force: true });
      const child = spawn(
        process.execPath,
        [
          vitest,
          'run',
          ...group.flatMap((p) => ['--project', p]),
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}`,
          ...extraArgs,
        ],
        { stdio: 'inherit', cwd: root },
      );
      return new Promise((resolve) => child.on('close', (status) => resolve({ status, report })));
    }),
  );
  // the time of each stage, so that CI's log shows where its 30 minutes go (decision 180)
  console.log(
    `stage ${i + 1} (${groups.map((g) => g.join(', ')).join(' | ')}): ${Math.round((Date.now() - started) / 1000)} s`,
  );
  for (const { status, report } of runs) {
    const summary = readSummary(report);
    passed += summary.passed;
    failed += summary.failed;
    skippedCount += summary.skipped;
    if (status !== 0) exitStatus = status ?? 1;
  }
}

function readSummary(report) {
  // no report at all: vitest itself failed to run
  if (!fs.existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + countFilesFailedWithoutFailedTests(r),
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

for (const s of skipped) {
  const count = countTests(s.project);
  skippedCount += count;
  console.log(`skipped: ${count} tests of project ${s.project} — ${s.why}. To run them: ${s.install}`);
}

const failedExit = exitStatus !== 0 && failed === 0 ? 1 : failed;
console.log(`${passed} passed, ${failedExit} failed${skippedCount ? `, ${skippedCount} skipped` : ''}`);
process.exit(exitStatus === 0 && failed === 0 ? 0 : 1);

/**
 * A test file that failed to load (or in a hook) counts as one failure; one that merely contains failed
 * tests is counted by those. Counted from the files, not from `numFailedTestSuites`, which counts every
 * failing describe block too — it made 11 failed tests read as 22.
 */
function countFilesFailedWithoutFailedTests(r) {
  return r.testResults.filter(
    (s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed'),
  ).length;
}

function countTests(project) {
  const res = spawnSync(process.execPath, [vitest, 'list', '--project', project, '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  try {
    return JSON.parse(res.stdout).length;
  } catch {
    return 0;
  }
}
