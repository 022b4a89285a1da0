// The "one way" lint rules fire (decision 080): a planted LIKE or a query outside a repository fails
// eslint, and the allow-list of files still holding queries only shrinks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const likeOperator = `import type { DB } from '../../db/database.ts';
export const f = (db: DB, p: string) => db.selectFrom('units').select('id').where('path', 'like', \`\${p}%\`);
`;
const likeInSql = `import { sql } from 'kysely';
export const f = (p: string) => sql\`SELECT id FROM units WHERE path LIKE \${p}\`;
`;
const queryInService = `import type { DB } from '../../db/database.ts';
export const f = (db: DB) => db.selectFrom('units').select('id').execute();
`;

describe('lint: one way for scope, search and queries', () => {
  it.each([
    ['a like operator in a repository', likeOperator, 'server/src/modules/units/planted.repo.ts'],
    ['LIKE in hand-written SQL', likeInSql, 'server/src/modules/cms/planted.repo.ts'],
    ['a like operator in a test', likeOperator, 'server/src/modules/units/planted.test.ts'],
  ])('refuses %s', async (_name, code, file) => {
    expect(await ruleIds(code, file)).toContain('one-way/no-like');
  });

  it('allows LIKE in db/expressions.ts, the one place that writes it', async () => {
    expect(await ruleIds(likeInSql, 'server/src/db/expressions.ts')).not.toContain('one-way/no-like');
  });

  it('refuses a query in a service, and accepts it in the repository', async () => {
    expect(await ruleIds(queryInService, 'server/src/modules/units/planted.service.ts')).toContain(
      'one-way/queries-in-repos',
    );
    expect(await ruleIds(queryInService, 'server/src/modules/units/planted.repo.ts')).not.toContain(
      'one-way/queries-in-repos',
    );
  });

  it('keeps the allow-list honest: every listed file exists and still builds queries', () => {
    const list = JSON.parse(fs.readFileSync(path.join(root, 'eslint/query-allow-list.json'), 'utf8')) as {
      files: string[];
    };
    const stale = list.files.filter((f) => {
      const file = path.join(root, f);
      return (
        !fs.existsSync(file) ||
        !/\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/.test(
          fs.readFileSync(file, 'utf8'),
        )
      );
    });
    expect(stale).toEqual([]);
  });
});
