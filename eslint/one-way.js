// Config blocks for the "one way" rules (decision 080), kept out of eslint.config.js so the other lint
// blocks (import cycles, feature boundaries) merge beside them without conflicts.
import fs from 'node:fs';
import oneWay from './one-way-plugin.js';

const allowList = JSON.parse(fs.readFileSync(new URL('./query-allow-list.json', import.meta.url), 'utf8'));

/** Files where the query builder is the job itself: the database layer, migrations, tests, demo seeding. */
export const QUERY_BUILDER_HOMES = [
  'server/src/**/*.repo.ts',
  'server/src/db/**',
  'server/src/**/*.test.ts',
  'server/src/test/**',
  'server/src/**/test-*.ts',
  'server/src/demo/**',
];

export default [
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/db/expressions.ts'],
    plugins: { 'one-way': oneWay },
    rules: { 'one-way/no-like': 'error' },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: [...QUERY_BUILDER_HOMES, ...allowList.files],
    plugins: { 'one-way': oneWay },
    rules: { 'one-way/queries-in-repos': 'error' },
  },
];
