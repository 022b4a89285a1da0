// The console's one way for texts, cache keys, form errors (docs/decisions/093-console-one-way.md) and
// list pages (docs/decisions/171-one-list-scaffold.md): the alternatives the reviews found are refused,
// so a new feature cannot bring them back.
const LIST = 'decision 171: list pages use shared/list/list-page.tsx';
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
      {
        selector: "JSXAttribute[name.name='pagination'] ObjectExpression",
        message: `page with list.pagination(total) from useListState, or useLocalPagination() (${LIST})`,
      },
      {
        selector:
          "JSXOpeningElement[name.name='Table'] > JSXAttribute[name.name='pagination'] > JSXExpressionContainer > :not(Literal)",
        message: `a paged table is a ListTable (${LIST})`,
      },
      {
        selector: "JSXMemberExpression[object.name='Input'][property.name='Search']",
        message: `a list's search box is SearchFilter (${LIST})`,
      },
      {
        selector: "ImportSpecifier[imported.name='useServerPagination']",
        message: `a list's paging comes from useListState (${LIST})`,
      },
      {
        // one way to show a stored time (shared/format.ts); toLocaleString wrote 2026/12/6 21:40:03 beside
        // every other page's 2026-12-06 21:40
        selector:
          "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/][callee.object.type='NewExpression'][callee.object.callee.name='Date']",
        message: 'show a time with formatDateTime or formatDate from shared/format.ts (decision 093)',
      },
    ],
  },
};
