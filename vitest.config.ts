// Test projects: pure unit tests once; server tests on SQLite and on PostgreSQL; browser tests on both.
// scripts/run-tests.mjs picks the projects this machine can run and reports the rest as skipped.
import os from 'node:os';
import { defineConfig } from 'vitest/config';

const server = ['server/src/**/*.test.ts'];
// The page-by-page look of the console and the portal (axe at two widths, screenshots, modes) does not
// depend on the database: each file runs on one, chosen so that the two browser stages, side by side,
// take about the same time (decision 204); their data paths run on both in the API tests and the flows.
// (CI of 2026-12-03 at 9e43206+: SQLite 713 s, PostgreSQL 573 s, before portal-reachable moved over)
const SQLITE_ONLY_E2E = ['e2e/console-shell.e2e.ts', 'e2e/portal.e2e.ts'];
const POSTGRES_ONLY_E2E = ['e2e/console-shell-phone.e2e.ts', 'e2e/portal-reachable.e2e.ts'];
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
