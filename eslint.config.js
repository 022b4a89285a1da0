// One lint set-up for every workspace (run by `npm run check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { consoleOneWay } from './eslint/console-one-way.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'web/dist/**', 'data/**', '.tmp/**'] },
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
    // Migrations work on Kysely<any>: they must not depend on today's table types (ENGINEERING.md).
    files: ['server/src/db/migrations/**/*.ts', 'server/src/db/migrator.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // features never import each other (bulletproof-react): shared code lives in web/src/shared.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../features/*'], message: 'features must not import each other' }] },
      ],
    },
  },
  consoleOneWay,
);
