// The console's one way for texts, cache keys and form errors (docs/decisions/093-console-one-way.md):
// the alternatives the review found are refused, so a new feature cannot bring them back.
export const consoleOneWay = {
  files: ['web/src/features/**/*.{ts,tsx}', 'web/src/app/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "BinaryExpression[left.name='lang'][right.value='en']",
        message: "choose a language with t(key) or pick({ zh, en }), not lang === 'en' (decision 093)",
      },
      {
        selector: "Property[key.name='queryKey'] > ArrayExpression",
        message: 'use a key from shared/api/query-keys.ts, not a hand-typed array (decision 093)',
      },
      {
        selector: "CallExpression[callee.property.name='setFields']",
        message: 'report server errors with useFormErrors(form) from shared/forms (decision 093)',
      },
    ],
  },
};
