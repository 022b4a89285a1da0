// One lint set-up for every workspace (run by `npm run check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import oneWay from './eslint/one-way.js';
import guardrails from './eslint/guardrails.js';
import { consoleOneWay } from './eslint/console-one-way.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'web/dist/**', 'server/dist/**', '**/.dist-*/**', 'data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Migrations work on Kysely<any>: they must not depend on today's table types (docs/engineering.md).
    files: ['server/src/db/migrations/**/*.ts', 'server/src/db/migrator.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // Architecture guardrails (decision 089), in a block of their own: the console's features never import
    // each other (bulletproof-react; shared code lives in web/src/shared), the portal → modules one way
    // only, raw SafeHtml only in portal/html.ts. Import cycles are checked by scripts/lib/import-cycles.ts.
    files: ['**/*.{js,mjs,ts,tsx}'],
    plugins: { 'gv-guardrails': guardrails },
    rules: {
      'gv-guardrails/feature-boundaries': 'error',
      'gv-guardrails/portal-one-way': 'error',
      'gv-guardrails/no-raw-safe-html': 'error',
    },
  },
  consoleOneWay,
  // scope, search and query placement: one way each (decision 080)
  ...oneWay,
);
