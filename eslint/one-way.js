// Config blocks for the "one way" rules (decision 080), kept out of eslint.config.js so the other lint
// blocks (import cycles, feature boundaries) merge beside them without conflicts.
import oneWay from './one-way-plugin.js';

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
    // no allow-list: every query outside these homes lives in its owner's repository (decision 098)
    ignores: QUERY_BUILDER_HOMES,
    plugins: { 'one-way': oneWay },
    rules: { 'one-way/queries-in-repos': 'error' },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/http/route-kit.ts', 'server/src/**/*.test.ts', 'server/src/test/**'],
    plugins: { 'one-way': oneWay },
    rules: { 'one-way/route-kit': 'error' },
  },
  {
    files: ['server/src/**/*.ts', 'common/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: ['common/src/one-of.ts'],
    plugins: { 'one-way': oneWay },
    rules: { 'one-way/one-of': 'error' },
  },
  {
    files: ['server/src/**/*.ts'],
    // the function itself, and its test comparing presentEach with it account by account
    ignores: ['server/src/modules/media/media-present.ts', 'server/src/modules/media/media-present.test.ts'],
    plugins: { 'one-way': oneWay },
    rules: { 'one-way/present-each': 'error' },
  },
  {
    files: [
      'server/src/**/*.ts',
      'common/src/**/*.ts',
      'web/src/**/*.{ts,tsx}',
      'e2e/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'bench/**/*.{ts,mjs}',
    ],
    // the one module that does China time (UTC+8) arithmetic, its own test, and the lint test that plants
    // violations of it (decision 199)
    ignores: [
      'common/src/china-time.ts',
      'common/src/china-time.test.ts',
      'server/src/db/one-way-lint.test.ts',
    ],
    plugins: { 'one-way': oneWay },
    rules: { 'one-way/china-time': 'error' },
  },
  {
    // A service or repository is an object of functions handed around by reference (routes, Pick<…>,
    // other services): a method that calls a sibling through `this` breaks when it is passed on its own.
    // Siblings are named functions of the factory (decision 203).
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // the object a factory returns or names (a stream's own methods, new Readable({ read() { this.push(…) } }),
        // are the stream's and stay allowed)
        ...['ReturnStatement', 'VariableDeclarator'].map((holder) => ({
          selector: `${holder} > ObjectExpression > Property > FunctionExpression ThisExpression:not(NewExpression ThisExpression)`,
          message:
            'No `this` in an object-literal method: name the sibling as a function of the factory and call it (decision 203).',
        })),
      ],
    },
  },
  {
    // A confirmation bubble's button clicked by hand is lost under load (decision 204): browser tests go
    // through confirmPopover, which confirms, retries only while nothing was sent, and waits for the write.
    files: ['e2e/**/*.ts'],
    ignores: ['e2e/harness.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/ant-popconfirm/]',
          message: 'Confirm an Ant Design Popconfirm with confirmPopover from e2e/harness.ts (decision 204).',
        },
        {
          // a read on a kept-open connection the app is closing sees a reset (decision 212)
          selector: "CallExpression[callee.property.name='get'][callee.object.property.name='request']",
          message: 'Read the API from a browser test with apiGet from e2e/harness.ts (decision 212).',
        },
      ],
    },
  },
];
