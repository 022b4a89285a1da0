// The "one way" lint rules fire (decisions 080, 095): a planted LIKE, a query outside a repository, or a
// hand-written error table, upload or If-Match fails eslint; no file is exempt from the repository rule
// (the allow-list is gone, decision 098); China time arithmetic outside common/src/china-time.ts fails too
// (decision 199).
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

const statementInService = `import { sql } from 'kysely';
import type { DB } from '../../db/database.ts';
export const f = (db: DB, id: number) => sql<{ id: number }>\`SELECT id FROM units WHERE id = \${id}\`.execute(db);
`;
const preparedInService = `import type SqliteDatabase from 'better-sqlite3';
export const f = (raw: SqliteDatabase.Database) => raw.prepare('SELECT id FROM units').all();
`;
const fragmentInService = `import { sql } from 'kysely';
export const f = (p: string) => sql\`substr(units.path, 1, \${p.length}) = \${p}\`;
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

  it('refuses a hand-written statement or a prepared one outside a repository; a fragment passes', async () => {
    const service = 'server/src/modules/units/planted.service.ts';
    expect(await ruleIds(statementInService, service)).toContain('one-way/queries-in-repos');
    expect(await ruleIds(preparedInService, service)).toContain('one-way/queries-in-repos');
    expect(await ruleIds(fragmentInService, service)).not.toContain('one-way/queries-in-repos');
    expect(await ruleIds(statementInService, 'server/src/modules/units/planted.repo.ts')).not.toContain(
      'one-way/queries-in-repos',
    );
  });

  it('exempts no file: a query in a portal page or a module helper fails like one in a service', async () => {
    for (const file of [
      'server/src/portal/planted-page.ts',
      'server/src/modules/cms/planted-feed.ts',
      'server/src/modules/monitoring/planted-store.ts',
    ])
      expect(await ruleIds(queryInService, file)).toContain('one-way/queries-in-repos');
    expect(fs.existsSync(path.join(root, 'eslint/query-allow-list.json'))).toBe(false);
  });
});

const errorTable = `import { ErrorResponse } from '@greenvoice/common';
export const errors = { 400: ErrorResponse, 404: ErrorResponse };
`;
const handReadUpload = `import type { FastifyRequest } from 'fastify';
export async function read(req: FastifyRequest) {
  if (!req.isMultipart()) throw new Error('415');
  return (await req.file())?.toBuffer();
}
`;
const handIfMatch = `import type { FastifyRequest } from 'fastify';
export const versionOf = (req: FastifyRequest) => Number(String(req.headers['if-match']).slice(1, -1));
`;

describe('lint: the route kit (decision 095)', () => {
  it.each([
    ['a hand-written error table', errorTable, 1],
    ['hand-read multipart uploads', handReadUpload, 2],
    ['a hand-parsed If-Match header', handIfMatch, 1],
  ])('refuses %s in a routes file', async (_name, code, count) => {
    const ids = await ruleIds(code, 'server/src/modules/units/planted.routes.ts');
    expect(ids.filter((id) => id === 'one-way/route-kit').length).toBeGreaterThanOrEqual(count);
  });

  it('allows them in http/route-kit.ts itself', async () => {
    for (const code of [errorTable, handReadUpload, handIfMatch])
      expect(await ruleIds(code, 'server/src/http/route-kit.ts')).not.toContain('one-way/route-kit');
  });
});

const includesCast = `import { UNIT_KINDS, type UnitKind } from '@greenvoice/common';
export const kindOf = (t: string) => ((UNIT_KINDS as readonly string[]).includes(t) ? (t as UnitKind) : null);
`;
const withIsOneOf = `import { isOneOf, UNIT_KINDS } from '@greenvoice/common';
export const kindOf = (t: string) => (isOneOf(UNIT_KINDS, t) ? t : null);
`;
const presentOneByOne = `import { presentAccount, type AccountRow, type PostRow } from './media-present.ts';
export const present = (accounts: AccountRow[], posts: PostRow[], day: string) =>
  accounts.map((a) => presentAccount(a, posts.filter((p) => p.account_id === a.id), day));
`;

describe('lint: one way to narrow to a union and to present accounts (decision 106)', () => {
  it.each([
    'server/src/modules/units/planted.ts',
    'common/src/planted.ts',
    'web/src/features/units/planted.ts',
  ])('refuses an includes-and-cast in %s, and accepts isOneOf', async (file) => {
    expect(await ruleIds(includesCast, file)).toContain('one-way/one-of');
    expect(await ruleIds(withIsOneOf, file)).not.toContain('one-way/one-of');
  });

  it('refuses presenting accounts one by one outside media-present.ts', async () => {
    for (const file of [
      'server/src/modules/media/planted.service.ts',
      'server/src/modules/inspection/planted.service.ts',
    ])
      expect(await ruleIds(presentOneByOne, file)).toContain('one-way/present-each');
    expect(await ruleIds(presentOneByOne, 'server/src/modules/media/media-present.ts')).not.toContain(
      'one-way/present-each',
    );
  });
});

const chinaOffsets = `const HOUR = 3_600_000;
export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
export const hour = (ms: number) => new Date(ms + 8 * HOUR).toISOString();
export const seconds = 8 * 60 * 60;
export const offset = 28_800_000;
`;
const chinaZones = `export const start = (day: string) => new Date(\`\${day}T00:00:00+08:00\`).toISOString();
export const zone = 'Asia/Shanghai';
`;
const withChinaTime = `import { CHINA_TIME_ZONE, chinaDayStart, chinaToday } from '@greenvoice/common';
export const today = () => chinaToday();
export const start = (day: string) => chinaDayStart(day);
export const zone = CHINA_TIME_ZONE;
export const eightHours = 8 * 60;
`;

describe('lint: China time in one module (decision 199)', () => {
  it.each([
    'server/src/modules/units/planted.service.ts',
    'server/src/portal/planted-page.ts',
    'web/src/features/units/planted.tsx',
    'e2e/planted.e2e.ts',
    'server/src/modules/units/planted.test.ts',
  ])('refuses UTC+8 arithmetic and zone suffixes in %s, and accepts the helpers', async (file) => {
    const offsets = await ruleIds(chinaOffsets, file);
    expect(offsets.filter((id) => id === 'one-way/china-time')).toHaveLength(4);
    const zones = await ruleIds(chinaZones, file);
    expect(zones.filter((id) => id === 'one-way/china-time')).toHaveLength(2);
    expect(await ruleIds(withChinaTime, file)).not.toContain('one-way/china-time');
  });

  it('allows them in common/src/china-time.ts, the one place that writes them', async () => {
    for (const code of [chinaOffsets, chinaZones])
      expect(await ruleIds(code, 'common/src/china-time.ts')).not.toContain('one-way/china-time');
  });
});

const thisInService = `export function createThingsService() {
  return {
    async get(id: number) { return { id }; },
    async rename(id: number) { return this.get(id); },
  };
}
`;
const namedSibling = `export function createThingsService() {
  async function get(id: number) { return { id }; }
  return {
    get,
    async rename(id: number) { return get(id); },
  };
}
`;

describe('lint: no `this` in a service object (decision 203)', () => {
  it('refuses a method that calls its sibling through this, and accepts a named function', async () => {
    const file = 'server/src/modules/units/planted.service.ts';
    expect(await ruleIds(thisInService, file)).toContain('no-restricted-syntax');
    expect(await ruleIds(namedSibling, file)).not.toContain('no-restricted-syntax');
  });
});

describe('lint: confirmations in browser tests go through confirmPopover (decision 204)', () => {
  it('refuses a hand-clicked Popconfirm button, and accepts confirmPopover', async () => {
    const file = 'e2e/planted.e2e.ts';
    const byHand = `export async function f(page: any) {\n  await page.locator('.ant-popconfirm .ant-btn-primary').click();\n}\n`;
    const viaHelper = `import { confirmPopover } from './harness.ts';\nexport async function f(page: any) {\n  await confirmPopover(page, page.getByTestId('x'), '/approve');\n}\n`;
    expect(await ruleIds(byHand, file)).toContain('no-restricted-syntax');
    expect(await ruleIds(viaHelper, file)).not.toContain('no-restricted-syntax');
  });
});

describe('lint: API reads in browser tests go through apiGet (decision 212)', () => {
  it('refuses page.request.get, and accepts apiGet', async () => {
    const file = 'e2e/planted.e2e.ts';
    const byHand = `export async function f(page: any) {\n  return page.request.get('/api/v1/health');\n}\n`;
    const viaHelper = `import { apiGet } from './harness.ts';\nexport async function f(page: any) {\n  return apiGet(page, '/api/v1/health');\n}\n`;
    expect(await ruleIds(byHand, file)).toContain('no-restricted-syntax');
    expect(await ruleIds(viaHelper, file)).not.toContain('no-restricted-syntax');
  });
});

describe('lint: the console shows stored times one way (decision 093)', () => {
  it('refuses new Date(…).toLocaleString in a feature, and accepts formatDateTime', async () => {
    const file = 'web/src/features/planted/planted.tsx';
    const byHand = `export const at = (iso: string) => new Date(iso).toLocaleString('zh-CN');\n`;
    const viaHelper = `import { formatDateTime } from '../../shared/format.ts';\nexport const at = (iso: string) => formatDateTime(iso);\n`;
    expect(await ruleIds(byHand, file)).toContain('no-restricted-syntax');
    expect(await ruleIds(viaHelper, file)).not.toContain('no-restricted-syntax');
  });
});
