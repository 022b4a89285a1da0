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

/** SQL a `sql` template starts with when it is a whole statement (not a fragment for the builder). */
const STATEMENT = /^\s*\(?\s*(select|insert|update|delete|with|replace)\b/i;

/**
 * Query builder calls, hand-written statements (`sql\`SELECT …\``) and prepared statements
 * (`.prepare(…)`, the SQLite driver's) belong in the owning module's `*.repo.ts`.
 */
const queriesInRepos = {
  meta: {
    type: 'problem',
    docs: { description: 'queries live in the repository of the module that owns the table' },
    messages: {
      query:
        "'{{name}}' outside a *.repo.ts: put the query in the owning module's repository (docs/architecture.md, table ownership) and call it with the caller's trx.",
      statement:
        "A hand-written SQL statement outside a *.repo.ts: put it in the owning module's repository (docs/architecture.md, table ownership).",
      prepare:
        "A prepared statement outside a *.repo.ts: put it in the owning module's repository (or server/src/db/ for the database layer's own).",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier')
          return;
        if (QUERY_STARTS.has(callee.property.name))
          context.report({ node: callee.property, messageId: 'query', data: { name: callee.property.name } });
        else if (callee.property.name === 'prepare' && node.arguments.length > 0)
          context.report({ node: callee.property, messageId: 'prepare' });
      },
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'sql') return;
        if (STATEMENT.test(node.quasi.quasis[0]?.value.raw ?? ''))
          context.report({ node, messageId: 'statement' });
      },
    };
  },
};

const MULTIPART_CALLS = new Set(['isMultipart', 'file', 'files', 'parts', 'saveRequestFiles']);

/**
 * The route kit (server/src/http/route-kit.ts, decision 095): no hand-written error table
 * (`{ 404: ErrorResponse, … }`), multipart reading (`req.isMultipart()`, `req.file()`, `req.files()`) or
 * If-Match parsing outside it.
 */
const routeKit = {
  meta: {
    type: 'problem',
    docs: { description: 'error tables, uploads and If-Match go through server/src/http/route-kit.ts' },
    messages: {
      errors:
        'Declare error statuses with errorResponses(…) from http/route-kit.ts, not `{{status}}: ErrorResponse`.',
      multipart:
        "'{{name}}()' outside the route kit: use uploadedFile / uploadedFiles from http/route-kit.ts.",
      ifMatch: 'If-Match is read by ifMatchVersion (and ETags sent by withEtag) from http/route-kit.ts.',
    },
    schema: [],
  },
  create(context) {
    return {
      Property(node) {
        if (
          node.key.type === 'Literal' &&
          typeof node.key.value === 'number' &&
          node.value.type === 'Identifier' &&
          node.value.name === 'ErrorResponse'
        )
          context.report({ node, messageId: 'errors', data: { status: String(node.key.value) } });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          !callee.computed &&
          callee.property.type === 'Identifier' &&
          MULTIPART_CALLS.has(callee.property.name) &&
          node.arguments.length === 0
        )
          context.report({
            node: callee.property,
            messageId: 'multipart',
            data: { name: callee.property.name },
          });
      },
      Literal(node) {
        if (typeof node.value === 'string' && node.value.toLowerCase() === 'if-match')
          context.report({ node, messageId: 'ifMatch' });
      },
    };
  },
};

/** A rule that reports every call `matches` picks out, with one message. */
function callRule(description, message, matches) {
  return {
    meta: { type: 'problem', docs: { description }, messages: { call: message }, schema: [] },
    create(context) {
      return {
        CallExpression(node) {
          if (matches(node)) context.report({ node, messageId: 'call' });
        },
      };
    },
  };
}

/**
 * `(LIST as readonly string[]).includes(x)`, usually followed by `x as T`: common's `isOneOf(LIST, x)`
 * checks and narrows in one step (common/src/one-of.ts).
 */
const oneOf = callRule(
  'a value is checked against a list of a union through isOneOf',
  'Use isOneOf(list, value) from @greenvoice/common: it checks and narrows, with no cast.',
  ({ callee }) =>
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'includes' &&
    callee.object.type === 'TSAsExpression' &&
    callee.object.typeAnnotation.type === 'TSTypeOperator',
);

/**
 * presentAccount called account by account with its posts filtered out of the whole history
 * (accounts × rows): presentEach / accountsOn (server/src/modules/media/) group the posts once.
 */
const presentEachRule = callRule(
  'accounts are presented through presentEach / accountsOn',
  'Use accountsOn(repo, scopePath, day) or presentEach(accounts, posts, day) from the media module: they group the posts once.',
  ({ callee }) => callee.type === 'Identifier' && callee.name === 'presentAccount',
);

/** Seconds or milliseconds in 8 hours: the China offset written as one number. */
const EIGHT_HOURS = new Set([28_800, 28_800_000]);
const HOUR_UNITS = new Set([3_600, 3_600_000]);
const isNumber = (node, values) =>
  node.type === 'Literal' && typeof node.value === 'number' && values.has(node.value);
const isEight = (node) => isNumber(node, new Set([8]));
const CHINA_ZONE_TEXT = /\+08:?00\b|asia\/shanghai/i;

/**
 * China time (UTC+8) arithmetic — `8 * 3_600_000`, `8 * HOUR`, `8 * 60 * 60`, 28,800 s, a '+08:00' suffix,
 * 'Asia/Shanghai' — outside common/src/china-time.ts (decision 199): use chinaDate, chinaNow, chinaToday,
 * chinaDateTime, chinaInstant, chinaDayStart/End, nextChinaMidnight or CHINA_TIME_ZONE from there.
 */
const chinaTime = {
  meta: {
    type: 'problem',
    docs: { description: 'China time arithmetic lives in common/src/china-time.ts' },
    messages: {
      offset:
        'China time (UTC+8) arithmetic outside common/src/china-time.ts: use chinaDate / chinaNow / chinaToday / chinaDateTime / chinaInstant from @greenvoice/common.',
      zone: "'{{text}}' outside common/src/china-time.ts: use chinaInstant / chinaDayStart (or CHINA_TIME_ZONE) from @greenvoice/common.",
    },
    schema: [],
  },
  create(context) {
    const zone = (node, text) => {
      const m = CHINA_ZONE_TEXT.exec(text);
      if (m) context.report({ node, messageId: 'zone', data: { text: m[0] } });
    };
    return {
      BinaryExpression(node) {
        if (node.operator !== '*') return;
        // 8 * 3_600_000, 8 * 3600, 8 * HOUR (either way round)
        const pair = (a, b) =>
          isEight(a) && (isNumber(b, HOUR_UNITS) || (b.type === 'Identifier' && /hour/i.test(b.name)));
        // 8 * 60 * 60 (seconds) and 8 * 60 * 60_000 (ms) read as (8 * 60) * …
        const eightTimesSixty = (n) =>
          n.type === 'BinaryExpression' &&
          n.operator === '*' &&
          isEight(n.left) &&
          isNumber(n.right, new Set([60]));
        if (
          pair(node.left, node.right) ||
          pair(node.right, node.left) ||
          (eightTimesSixty(node.left) && isNumber(node.right, new Set([60, 60_000, 1_000])))
        )
          context.report({ node, messageId: 'offset' });
      },
      Literal(node) {
        if (typeof node.value === 'number' && EIGHT_HOURS.has(node.value))
          context.report({ node, messageId: 'offset' });
        else if (typeof node.value === 'string') zone(node, node.value);
      },
      TemplateElement(node) {
        zone(node, node.value.raw);
      },
    };
  },
};

export default {
  meta: { name: 'greenvoice-one-way' },
  rules: {
    'no-like': noLike,
    'queries-in-repos': queriesInRepos,
    'route-kit': routeKit,
    'one-of': oneOf,
    'present-each': presentEachRule,
    'china-time': chinaTime,
  },
};
