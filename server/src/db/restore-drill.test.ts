// The restore drill (docs/security-requirements.md §34), on both databases: an online backup of the
// database and its stored files while the app runs, changes after it, `npm run restore` refusing without
// --yes, then restoring, and the restored database passing its integrity and audit-chain checks with the
// row counts of the moment of backup, and every stored file a row names there with its SHA-256 (decision
// 186). On PostgreSQL the files are in the database (FILE_STORE's default), on SQLite on disk: the drill
// removes the live files before restoring, so they can only come from the backup.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../scripts/lib/database-check.ts';
import { repoRoot } from '../test/child-server.ts';
import { createTestApp, TEST_PG_URL } from '../test/test-app.ts';
import { multipartFile } from '../test/multipart.ts';
import { checkStoredFiles, digest } from '../files/copy-files.ts';
import { fileStorage } from '../files/file-stores.ts';
import { FILE_REFERENCES } from '../files/file-references.repo.ts';
import { openDatabase } from './database.ts';

function runScript(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('backup and restore drill', () => {
  it('restores the backup exactly: integrity, audit chain and row counts as they were', async () => {
    const t = await createTestApp({ demo: true });
    const { config } = t;
    const env: Record<string, string> = {
      DATA_DIR: config.dataDir,
      DATABASE_URL: config.databaseUrl,
      // nothing listens there: the "is a server running?" check must not find the test's own app
      PORT: '1',
      ...(config.pgSchema ? { PG_SCHEMA: config.pgSchema } : {}),
    };
    const outDir = path.join(config.dataDir, 'drill');
    try {
      const admin = await t.loginAs('admin');
      const officer = await t.loginAs('officer.wl');
      const upload = async (name: string, bytes: number) => {
        const body = Buffer.concat([
          Buffer.from('%PDF-1.4\n'),
          Buffer.alloc(bytes, bytes % 199),
          Buffer.from('\n%%EOF\n'),
        ]);
        const res = await t.inject({
          method: 'POST',
          url: '/api/v1/evidence',
          cookie: officer,
          ...multipartFile('files', name, body, 'application/pdf'),
        });
        expect(res.statusCode, res.body).toBe(201);
        return (res.json() as Array<{ id: number }>)[0]!.id;
      };
      const kept = [await upload('备份前一.pdf', 700_000), await upload('备份前二.pdf', 20)];
      const storedNames = await t.database.db
        .selectFrom('evidence_files')
        .select(['id', 'stored_name', 'sha256'])
        .where('id', 'in', kept)
        .orderBy('id')
        .execute();
      const before = await checkDatabase(t.database, t.auditKey);
      expect(before.ok, before.problems.join()).toBe(true);

      const backup = runScript('backup.ts', ['--out', outDir], env);
      expect(backup.status, backup.stderr).toBe(0);
      const file = path.join(outDir, fs.readdirSync(outDir)[0]!);
      const manifest = JSON.parse(fs.readFileSync(path.join(file, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ dialect: config.dialect, fileStore: config.fileStore });
      expect(manifest.files.count).toBeGreaterThanOrEqual(2);
      // in the database the files travel inside the dump; on disk beside it
      expect(fs.existsSync(path.join(file, 'files'))).toBe(config.fileStore === 'disk');
      // a file stored after the backup, which the restore must take away with its row
      await upload('备份后.pdf', 1_000);

      // changes after the backup, which the restore must undo
      const created = await t.inject({
        method: 'POST',
        url: '/api/v1/campaigns',
        cookie: admin,
        payload: { title: '恢复演练后新建', deadline: '2027-01-31' },
      });
      expect(created.statusCode).toBe(201);
      const changed = await checkDatabase(t.database, t.auditKey);
      expect(changed.rowCounts.campaigns).toBe(before.rowCounts.campaigns! + 1);
      expect(changed.rowCounts.audit_log).toBeGreaterThan(before.rowCounts.audit_log!);
      await t.app.close();
      await t.database.close();
      // the files as a lost app server has them: none (on disk); in the database they go with the restore
      if (config.fileStore === 'disk')
        for (const name of ['files', 'portal-files'])
          fs.rmSync(path.join(config.dataDir, name), { recursive: true, force: true });

      const refused = runScript('restore.ts', ['--from', file], env);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('--yes');

      const restored = runScript('restore.ts', ['--from', file, '--yes'], env);
      expect(restored.status, restored.stderr + restored.stdout).toBe(0);
      expect(restored.stdout).toContain('Check passed');
      expect(restored.stdout).toMatch(/\d+ stored files intact/);

      const reopened = await openDatabase({
        url: config.databaseUrl,
        dialect: config.dialect,
        pgSchema: config.pgSchema,
      });
      try {
        const after = await checkDatabase(reopened, t.auditKey);
        expect(after.problems).toEqual([]);
        // the migrator's own bookkeeping tables aside, every table holds what it held at backup time
        expect(after.rowCounts).toEqual(before.rowCounts);
        expect(after.auditRecords).toBe(before.auditRecords);
        const titles = await reopened.db.selectFrom('campaigns').select('title').execute();
        expect(titles.map((c) => c.title)).not.toContain('恢复演练后新建');
        // every file the restored rows name is back, byte for byte
        const storage = fileStorage(config, reopened.db);
        const files = await checkStoredFiles(reopened.db, storage);
        expect(files.problems).toEqual([]);
        const named = FILE_REFERENCES.reduce((n, r) => n + (before.rowCounts[r.table] ?? 0), 0);
        expect(files.verified).toBe(named);
        for (const f of storedNames)
          expect((await digest(await storage.stores.evidence.open(f.stored_name)))?.sha256).toBe(f.sha256);
        expect(await storage.stores.evidence.keysOlderThan(Date.UTC(9999, 0, 1))).toEqual(
          expect.arrayContaining(storedNames.map((f) => f.stored_name)),
        );
      } finally {
        await reopened.close();
      }
    } finally {
      if (config.pgSchema) {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${config.pgSchema} CASCADE`);
        await client.end();
      }
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
