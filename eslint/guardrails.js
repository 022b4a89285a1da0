// GreenVoice's own lint rules (decision 089): the architecture's one-way imports and the one place raw
// HTML is trusted. Each rule resolves relative import paths against the file, so `../x` and
// `../../features/x` are judged alike. server/src/test/guardrails.test.ts plants a violation of each.
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

/** Calls check(node, resolvedRepoPath) for every relative import, re-export and import() in the file. */
function eachImport(context, check) {
  const from = path.dirname(context.filename);
  const visit = (node, source) => {
    if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
    if (!source.value.startsWith('.')) return;
    check(node, rel(path.resolve(from, source.value)));
  };
  return {
    ImportDeclaration: (n) => visit(n, n.source),
    ExportNamedDeclaration: (n) => visit(n, n.source),
    ExportAllDeclaration: (n) => visit(n, n.source),
    ImportExpression: (n) => visit(n, n.source),
  };
}

const featureOf = (p) => p.match(/^web\/src\/features\/([^/]+)(\/|$)/)?.[1];

const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'console features never import each other; shared code lives in web/src/shared' },
    messages: {
      cross:
        'features must not import each other: {{from}} imports {{to}} — move what both need to web/src/shared',
    },
    schema: [],
  },
  create(context) {
    const own = featureOf(rel(context.filename));
    if (!own) return {};
    return eachImport(context, (node, target) => {
      const other = featureOf(target);
      if (other && other !== own)
        context.report({ node, messageId: 'cross', data: { from: own, to: other } });
    });
  },
};

const portalOneWay = {
  meta: {
    type: 'problem',
    docs: { description: 'the portal uses the modules, never the other way round' },
    messages: {
      portal:
        'modules must not import the portal ({{to}}): the portal reads modules, so a module importing it makes a cycle of layers',
    },
    schema: [],
  },
  create(context) {
    if (!rel(context.filename).startsWith('server/src/modules/')) return {};
    return eachImport(context, (node, target) => {
      if (target === 'server/src/portal' || target.startsWith('server/src/portal/'))
        context.report({ node, messageId: 'portal', data: { to: target } });
    });
  },
};

const noRawSafeHtml = {
  meta: {
    type: 'problem',
    docs: { description: 'SafeHtml is made only by the html template tag and the helpers in portal/html.ts' },
    messages: {
      raw: 'no raw `new SafeHtml(…)` outside server/src/portal/html.ts: build markup with html`…` (it escapes), or add a named helper to html.ts',
    },
    schema: [],
  },
  create(context) {
    if (rel(context.filename) === 'server/src/portal/html.ts') return {};
    return {
      NewExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'SafeHtml')
          context.report({ node, messageId: 'raw' });
      },
    };
  },
};

export default {
  meta: { name: 'gv-guardrails' },
  rules: {
    'feature-boundaries': featureBoundaries,
    'portal-one-way': portalOneWay,
    'no-raw-safe-html': noRawSafeHtml,
  },
};
