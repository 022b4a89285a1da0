// Test projects: pure unit tests once; server tests on SQLite and on PostgreSQL; browser tests on both.
// scripts/run-tests.mjs picks the projects this machine can run and reports the rest as skipped.
import { defineConfig } from 'vitest/config';

const server = ['server/src/**/*.test.ts'];
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['common/src/**/*.test.ts', 'web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'sqlite',
          include: server,
          // two app servers need one PostgreSQL database: that file runs in the postgres project only
          exclude: ['server/src/multi-server.test.ts'],
          env: { TEST_DB: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: server,
          env: { TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e-sqlite',
          include: ['e2e/**/*.e2e.ts'],
          env: { TEST_DB: 'sqlite' },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e-postgres',
          include: ['e2e/**/*.e2e.ts'],
          env: { TEST_DB: 'postgres' },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
