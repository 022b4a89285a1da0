// The command-line scripts the README documents, run as a person would run them.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { createAuditRepo } from '../modules/audit/audit.repo.ts';
import { createAuditService } from '../modules/audit/audit.service.ts';
import { auditKeyFrom } from '../modules/audit/audit-key.ts';
import { TEST_PG_URL, testDialect } from './test-app.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-cli-'));
const schema = `gv_cli_${randomBytes(5).toString('hex')}`;
const auditKey = randomBytes(32);
const env: Record<string, string> = {
  ...(process.env as Record<string, string>),
  DATA_DIR: dir,
  SCRYPT_LOG_N: '10',
  AUDIT_HMAC_KEY: auditKey.toString('base64'),
  CASES_KEY: randomBytes(32).toString('base64'),
  ...(testDialect() === 'postgres' ? { DATABASE_URL: TEST_PG_URL, PG_SCHEMA: schema } : {}),
};
const runWith = (overrides: Record<string, string | undefined>, script: string, ...args: string[]) =>
  spawnSync(tsx, [path.join(root, script.includes('/') ? script : `scripts/${script}`), ...args], {
    env: Object.fromEntries(
      Object.entries({ ...env, ...overrides }).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    encoding: 'utf8',
    cwd: root,
  });
const run = (script: string, ...args: string[]) => runWith({}, script, ...args);

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
    const keyless = runWith({ AUDIT_HMAC_KEY: undefined }, 'setup-production.ts', ...args);
    expect(keyless.status).toBe(2);
    expect(keyless.stderr).toContain('AUDIT_HMAC_KEY is required');
    const first = run('setup-production.ts', ...args);
    expect(first.status, first.stderr).toBe(0);
    // a system and a security administrator (decision 078), each with a one-time password
    expect(first.stdout.match(/one-time password .*: \S{16}/g)).toHaveLength(2);
    const again = run('setup-production.ts', ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Nothing was changed');
    const missing = run('setup-production.ts', '--bureau-name', 'x');
    expect(missing.status).toBe(2);
  }, 180_000);

  it('db:migrate reports an up-to-date database', () => {
    const res = run('db-migrate.ts');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('up to date');
  });

  it('audit:verify passes on an intact log (the cut-over and the set-up record)', () => {
    const res = run('audit-verify.ts');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/intact: 2 records verified with key [0-9a-f]{16}/);
  });

  it('the server refuses to start a real installation without AUDIT_HMAC_KEY, and in production', () => {
    const withoutKey = runWith(
      { AUDIT_HMAC_KEY: undefined, DEMO_DATA: 'false', PORT: '43111', JOBS_ENABLED: 'false' },
      'server/src/server.ts',
    );
    expect(withoutKey.status).toBe(1);
    expect(withoutKey.stderr).toContain('AUDIT_HMAC_KEY is required: this installation holds real data');
    const production = runWith(
      { AUDIT_HMAC_KEY: undefined, NODE_ENV: 'production', PORT: '43112' },
      'server/src/server.ts',
    );
    expect(production.status).toBe(1);
    expect(production.stderr).toContain('AUDIT_HMAC_KEY is required in production');
  }, 180_000);

  // a backup is a directory: the database, its manifest, and the stored files when they are on disk
  // (decision 186)
  const backupDir = () => path.join(dir, 'bk', fs.readdirSync(path.join(dir, 'bk'))[0]!);
  it('backup writes the database and its manifest', () => {
    const res = run('backup.ts', '--out', path.join(dir, 'bk'));
    expect(res.status, res.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'bk'))).toEqual([expect.stringMatching(/^greenvoice-/)]);
    expect(fs.readdirSync(backupDir())).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.(db|pgdump)$/), 'manifest.json']),
    );
  });

  it('backup leaves the audit key out, and refuses to write beside it', () => {
    const everyFile = (d: string): string[] =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? everyFile(path.join(d, e.name)) : [path.join(d, e.name)]));
    const files = everyFile(backupDir());
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(auditKey), file).toBe(false);
      expect(bytes.includes(Buffer.from(auditKey.toString('base64'))), file).toBe(false);
    }
    const beside = run('backup.ts', '--out', path.join(dir, 'keys', 'bk'));
    expect(beside.status).toBe(2);
    expect(beside.stderr).toContain('never go beside the audit key');
  });

  it('audit:verify --checkpoint: truncation and a wrong key each fail with their own message', async () => {
    const config = loadConfig(env, root);
    const database = await openDatabase({
      url: config.databaseUrl,
      dialect: config.dialect,
      pgSchema: config.pgSchema,
    });
    const repo = createAuditRepo(database.db, database.dialect, auditKeyFrom(auditKey, 'AUDIT_HMAC_KEY'));
    const audit = createAuditService({ db: database.db, repo: repo });
    const checkpointFile = path.join(config.auditCheckpointDir, 'checkpoints.jsonl');
    try {
      const oldHead = await repo.head();
      const ctx = {
        actor: null,
        requestId: 'cli-test',
        clientIp: '127.0.0.1',
        userAgent: 't',
        audited: false,
      };
      for (let i = 0; i < 3; i++) await audit.record(ctx, { action: 'test.cli' });
      await audit.checkpoint('periodic', config.auditCheckpointDir, { info: () => {} });
      const good = run('audit-verify.ts', '--checkpoint', checkpointFile);
      expect(good.status, good.stderr).toBe(0);
      expect(good.stdout).toMatch(/intact: 5 records .*consistent with 1 signed checkpoints/);

      const wrongKey = runWith(
        { AUDIT_HMAC_KEY: randomBytes(32).toString('base64') },
        'audit-verify.ts',
        '--checkpoint',
        checkpointFile,
      );
      expect(wrongKey.status).toBe(1);
      expect(wrongKey.stderr).toMatch(/wrong key: the chain was keyed with key id/);
      expect(wrongKey.stderr).toMatch(/wrong key: the checkpoints were signed with key id/);

      // the attack: triggers off, the newest records gone, the old head put back
      if (database.dialect === 'postgres') {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(database.db);
        await sql`ALTER TABLE audit_head DISABLE TRIGGER USER`.execute(database.db);
      } else {
        await sql`DROP TRIGGER audit_log_no_delete`.execute(database.db);
        await sql`DROP TRIGGER audit_head_forward_only`.execute(database.db);
      }
      await database.db.deleteFrom('audit_log').where('id', '>', oldHead.last_id).execute();
      await database.db.updateTable('audit_head').set(oldHead).execute();
      expect(run('audit-verify.ts').status).toBe(0);
      const truncated = run('audit-verify.ts', '--checkpoint', checkpointFile);
      expect(truncated.status).toBe(1);
      expect(truncated.stderr).toMatch(/TRUNCATED: .* saw 5 records up to #5; the database ends at #2/);
    } finally {
      await database.close();
    }
  }, 180_000);

  it('audit:purge refuses records younger than 180 days, asks for --confirm, and purges nothing young', () => {
    const young = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    const refused = run('audit-purge.ts', '--before', young, '--confirm');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/kept at least 180 days \(Cybersecurity Law art\. 21\)/);
    expect(run('audit-purge.ts').status).toBe(2);
    const dry = run('audit-purge.ts', '--before', '2025-01-01');
    expect(dry.status).toBe(2);
    expect(dry.stderr).toMatch(/would remove 0 audit records[\s\S]*--confirm/);
    const none = run('audit-purge.ts', '--before', '2025-01-01', '--confirm');
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).toContain('Nothing to purge');
  }, 180_000);
});
