// Test projects: pure unit tests once; server tests on SQLite and on PostgreSQL; browser tests on both.
// scripts/run-tests.mjs picks the projects this machine can run and reports the rest as skipped.
import os from 'node:os';
import { defineConfig } from 'vitest/config';

const server = ['server/src/**/*.test.ts'];
// Each browser file runs on one database, except the staff loop (assessment-flow) on both: the browser
// tests check what a person sees and clicks, and the API tests under it run on both databases. The files
// are placed so that the two browser stages, side by side, take about the same time (decisions 204, 208;
// seconds from the quiet run of 2026-12-04, before the split: e2e-sqlite 736 s, e2e-postgres 729 s).
const SQLITE_ONLY_E2E = [
  'e2e/console-shell.e2e.ts', // 245 s
  'e2e/portal.e2e.ts', // 68 s
  'e2e/public-cases.e2e.ts', // 79 s
  'e2e/inspection.e2e.ts', // 36 s
  'e2e/submission.e2e.ts', // 32 s
  'e2e/two-factor.e2e.ts', // 8 s
];
const POSTGRES_ONLY_E2E = [
  'e2e/portal-reachable.e2e.ts', // 135 s
  'e2e/console-shell-phone.e2e.ts', // 131 s
  'e2e/activities-contest.e2e.ts', // 92 s
  'e2e/console.e2e.ts', // 45 s
  'e2e/console-admin.e2e.ts', // 22 s
  'e2e/environment.e2e.ts', // 17 s
];
// Server test files share one module graph per worker (isolate: false): each file builds its own app and
// database, nothing in the server keeps state in a module between apps, and importing the server once per
// worker instead of once per file took a third off the suite's CPU time (decision 180).
export default defineConfig({
  test: {
    // At least two workers: vitest's default on a 2-core machine is one (cores − 1), and the suite ran file
    // after file while the second core idled — its tests wait on the database and on the browser more than
    // they compute. Two workers run the SQLite and PostgreSQL projects, and the two browser projects, side
    // by side (decision 192).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      { test: { name: 'unit', include: ['common/src/**/*.test.ts', 'web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'sqlite',
          include: server,
          // two app servers need one PostgreSQL database: that file runs in the postgres project only
          exclude: ['server/src/multi-server.test.ts', 'server/src/deploy.test.ts'],
          env: { TEST_DB: 'sqlite' },
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: server,
          // several workers on one SQLite file is the case that file covers; on PostgreSQL the same
          // workers run behind nginx (deploy/deploy.test.ts)
          exclude: ['server/src/workers.test.ts'],
          env: { TEST_DB: 'postgres' },
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e-sqlite',
          include: ['e2e/**/*.e2e.ts'],
          exclude: POSTGRES_ONLY_E2E,
          env: { TEST_DB: 'sqlite' },
          setupFiles: ['e2e/failure-evidence.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e-postgres',
          include: ['e2e/**/*.e2e.ts'],
          exclude: SQLITE_ONLY_E2E,
          env: { TEST_DB: 'postgres' },
          setupFiles: ['e2e/failure-evidence.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
