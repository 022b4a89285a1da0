// The architecture's guardrails fire (decision 089): one planted violation of each — a console feature
// importing another, a module importing the portal, a raw SafeHtml, an import cycle — written as a real
// file inside the tree, checked with the project's own ESLint configuration or cycle checker, removed.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../../scripts/lib/import-cycles.ts';
import { repoRoot } from './child-server.ts';

const planted: string[] = [];
function plant(relPath: string, code: string): string {
  const file = path.join(repoRoot, relPath);
  expect(fs.existsSync(file), `${relPath} must not exist already`).toBe(false);
  fs.writeFileSync(file, code);
  planted.push(file);
  return file;
}
afterEach(() => {
  for (const f of planted.splice(0)) fs.rmSync(f, { force: true });
});

const eslint = new ESLint({ cwd: repoRoot });
async function guardrailErrors(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.filter((m) => m.ruleId?.startsWith('gv-guardrails/')).map((m) => m.ruleId!);
}

const TREE = ['common/src', 'server/src', 'web/src', 'scripts', 'bench', 'e2e', 'eslint'];

describe('lint guardrails', () => {
  it('a console feature importing another feature fails; importing web/src/shared passes', async () => {
    const bad = plant(
      'web/src/features/cms/guardrail-planted.ts',
      "export { useMe } from '../account/use-me.ts';\nexport const page = () => import('../../features/submissions/submissions-page.tsx');\n",
    );
    expect(await guardrailErrors(bad)).toEqual([
      'gv-guardrails/feature-boundaries',
      'gv-guardrails/feature-boundaries',
    ]);
    const good = plant(
      'web/src/features/cms/guardrail-planted-ok.ts',
      "export { apiFetch } from '../../shared/api.ts';\nexport { x } from './cms-helper.ts';\n",
    );
    expect(await guardrailErrors(good)).toEqual([]);
  }, 120_000);

  it('a module importing the portal fails; the portal importing a module passes', async () => {
    const bad = plant(
      'server/src/modules/cms/guardrail-planted.ts',
      "import { html } from '../../portal/html.ts';\nexport const x = html`<p>x</p>`;\n",
    );
    expect(await guardrailErrors(bad)).toEqual(['gv-guardrails/portal-one-way']);
    const good = plant(
      'server/src/portal/pages/guardrail-planted.ts',
      "export { queryTerms } from '../../modules/cms/segment.ts';\n",
    );
    expect(await guardrailErrors(good)).toEqual([]);
  }, 120_000);

  it('a raw SafeHtml outside portal/html.ts fails', async () => {
    const bad = plant(
      'server/src/portal/pages/guardrail-planted.ts',
      "import { SafeHtml } from '../html.ts';\nexport const trusted = (s: string) => new SafeHtml(s);\n",
    );
    expect(await guardrailErrors(bad)).toEqual(['gv-guardrails/no-raw-safe-html']);
  }, 120_000);
});

describe('import cycles', () => {
  it('the tree has none', () => {
    const cycles = importCycles(importGraph(TREE.map((d) => path.join(repoRoot, d))));
    expect(cycles.map((g) => g.map((f) => path.relative(repoRoot, f)))).toEqual([]);
  }, 60_000);

  it('a planted cycle of three files, type-only imports included, is found', () => {
    plant(
      'server/src/http/guardrail-planted-a.ts',
      "import { b } from './guardrail-planted-b.ts';\nexport const a = b;\n",
    );
    plant(
      'server/src/http/guardrail-planted-b.ts',
      "import { c } from './guardrail-planted-c.ts';\nexport const b = c;\n",
    );
    plant(
      'server/src/http/guardrail-planted-c.ts',
      "import type { a } from './guardrail-planted-a.ts';\nexport const c = 1 as unknown as typeof a;\n",
    );
    const cycles = importCycles(importGraph([path.join(repoRoot, 'server/src/http')]));
    expect(cycles.map((g) => g.map((f) => path.basename(f)))).toEqual([
      ['guardrail-planted-a.ts', 'guardrail-planted-b.ts', 'guardrail-planted-c.ts'],
    ]);
  });
});
