// The console's one-way rules (decisions 093 and 171) fire: each planted alternative fails lint.
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
    // a list page built another way (decision 171)
    [
      "import { Table } from 'antd';\nexport const T = () => <Table pagination={{ current: 1, pageSize: 20 }} />;\n",
      /ListTable/,
    ],
    ['export const p = (n: number) => ({ x: <div pagination={{ total: n }} /> });\n', /useListState/],
    ["import { Input } from 'antd';\nexport const S = () => <Input.Search />;\n", /SearchFilter/],
    [
      "import { useServerPagination } from '../../shared/list/use-server-pagination.ts';\nexport const u = useServerPagination;\n",
      /useListState/,
    ],
  ])('%s', async (code, expected) => {
    expect((await lint(code)).some((m) => expected.test(m))).toBe(true);
  });

  it('passes the one way', async () => {
    expect(
      await lint(
        "import { keys } from '../../shared/api/query-keys.ts';\nimport { ListTable } from '../../shared/list/list-page.tsx';\nexport const o = { queryKey: keys.units.options };\nexport const T = (p: { total: number; list: { pagination: (n: number) => false } }) => (\n  <ListTable testId=\"t\" columns={[]} pagination={p.list.pagination(p.total)} />\n);\n",
      ),
    ).toEqual([]);
  });
});
