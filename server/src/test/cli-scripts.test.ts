// The command-line scripts the README documents, run as a person would run them.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_URL, testDialect } from './test-app.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-cli-'));
const schema = `gv_cli_${randomBytes(5).toString('hex')}`;
const env: Record<string, string> = {
  ...(process.env as Record<string, string>),
  DATA_DIR: dir,
  SCRYPT_LOG_N: '10',
  ...(testDialect() === 'postgres' ? { DATABASE_URL: TEST_PG_URL, PG_SCHEMA: schema } : {}),
};
const run = (script: string, ...args: string[]) =>
  spawnSync(tsx, [path.join(root, 'scripts', script), ...args], { env, encoding: 'utf8', cwd: root });

beforeAll(async () => {
  if (testDialect() !== 'postgres') return;
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (testDialect() !== 'postgres') return;
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA ${schema} CASCADE`);
  await c.end();
});

describe('command-line scripts', () => {
  it('setup:production creates the bureau and a first admin who must change the password — once only', () => {
    const args = [
      '--bureau-name',
      '测试市生态环境局',
      '--bureau-code',
      'TST',
      '--admin-username',
      'first.admin',
      '--admin-name',
      '王五',
      '--security-username',
      'first.security',
      '--security-name',
      '赵六',
    ];
    const first = run('setup-production.ts', ...args);
    expect(first.status, first.stderr).toBe(0);
    // a system and a security administrator (decision 078), each with a one-time password
    expect(first.stdout.match(/one-time password .*: \S{16}/g)).toHaveLength(2);
    const again = run('setup-production.ts', ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Nothing was changed');
    const missing = run('setup-production.ts', '--bureau-name', 'x');
    expect(missing.status).toBe(2);
  }, 120_000); // three tsx start-ups on a shared machine

  it('db:migrate reports an up-to-date database', () => {
    const res = run('db-migrate.ts');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('up to date');
  });

  it('audit:verify passes on an intact log', () => {
    const res = run('audit-verify.ts');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/intact: 1 records/);
  });

  it('backup writes a file', () => {
    const res = run('backup.ts', '--out', path.join(dir, 'bk'));
    expect(res.status, res.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'bk'))).toEqual([
      expect.stringMatching(/^greenvoice-.*\.(db|pgdump)$/),
    ]);
  });
});
