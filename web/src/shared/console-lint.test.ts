// The console's one-way rules (decision 093) fire: each planted alternative fails lint.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });
const lint = async (code: string) => {
  const [result] = await eslint.lintText(code, {
    filePath: path.join(root, 'web/src/features/x/planted.tsx'),
  });
  return (result?.messages ?? []).map((m) => m.message);
};

describe('console lint refuses the alternatives', { timeout: 60_000 }, () => {
  it.each([
    ["export const f = (lang: string, a: string, b: string) => (lang === 'en' ? a : b);\n", /pick/],
    ["export const o = { queryKey: ['units', 'list'] };\n", /query-keys/],
    [
      'export const g = (form: { setFields: (x: unknown[]) => void }) => form.setFields([]);\n',
      /useFormErrors/,
    ],
  ])('%s', async (code, expected) => {
    expect((await lint(code)).some((m) => expected.test(m))).toBe(true);
  });

  it('passes the one way', async () => {
    expect(
      await lint(
        "import { keys } from '../../shared/api/query-keys.ts';\nexport const o = { queryKey: keys.units.options };\n",
      ),
    ).toEqual([]);
  });
});
