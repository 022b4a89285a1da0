// GreenVoice's own lint rules for "one way to do each rule" (decision 080). They are rules of a small local
// plugin rather than `no-restricted-syntax` selectors so that other config blocks may use that core rule
// for their own purposes without one block's options replacing the other's.

const LIKE_OPERATORS = new Set(['like', 'not like', 'ilike', 'not ilike']);
const QUERY_STARTS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);

/** `'like'` as a Kysely operator, or LIKE inside a sql`` template, outside server/src/db/expressions.ts. */
const noLike = {
  meta: {
    type: 'problem',
    docs: { description: 'scope and text search go through server/src/db/expressions.ts' },
    messages: {
      operator:
        "Use withinScope / containsText / startsWithText from db/expressions.ts instead of '{{op}}' (escaping, case and the two databases are handled there).",
      template: 'LIKE in hand-written SQL: use containsText / withinScope from db/expressions.ts.',
    },
    schema: [],
  },
  create(context) {
    return {
      Literal(node) {
        if (typeof node.value === 'string' && LIKE_OPERATORS.has(node.value.trim().toLowerCase()))
          context.report({ node, messageId: 'operator', data: { op: node.value } });
      },
      'TaggedTemplateExpression TemplateElement'(node) {
        if (/\b(i?like)\b/i.test(node.value.raw)) context.report({ node, messageId: 'template' });
      },
    };
  },
};

/** Query builder calls belong in the owning module's `*.repo.ts`. */
const queriesInRepos = {
  meta: {
    type: 'problem',
    docs: { description: 'queries live in the repository of the module that owns the table' },
    messages: {
      query:
        "'{{name}}' outside a *.repo.ts: put the query in the owning module's repository (docs/architecture.md, table ownership) and call it with the caller's trx.",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          !callee.computed &&
          callee.property.type === 'Identifier' &&
          QUERY_STARTS.has(callee.property.name)
        )
          context.report({ node: callee.property, messageId: 'query', data: { name: callee.property.name } });
      },
    };
  },
};

export default {
  meta: { name: 'greenvoice-one-way' },
  rules: { 'no-like': noLike, 'queries-in-repos': queriesInRepos },
};
