// npm run files:migrate (decision 185) on the test's database: every file copied from the disk into the
// database store under its key and verified by SHA-256, a second run skipping what is there, a damaged or
// missing copy in the target copied again, a row whose file is lost reported with exit 1, and back again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuideFormsDemo } from '../demo/portal-content-demo.ts';
import { repoRoot } from '../test/child-server.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { multipartFile } from '../test/multipart.ts';
import { digest, EVERY_FILE } from './copy-files.ts';
import { fileStorage, type FileStorage } from './file-stores.ts';

let t: TestApp;
let disk: FileStorage;
let database: FileStorage;
let env: Record<string, string>;

const migrate = (to: string) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts', 'files-migrate.ts'), '--to', to],
    { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 },
  );

/** Every file of a storage: store name → key → SHA-256, read through the interface. */
async function contents(storage: FileStorage) {
  const out: Record<string, Record<string, string>> = {};
  for (const { name, store } of storage.all) {
    out[name] = {};
    for (const key of await store.keysOlderThan(EVERY_FILE))
      out[name][key] = (await digest(await store.open(key)))!.sha256;
  }
  return out;
}

const pdf = (n: number) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(n, n % 251), Buffer.from('\n%%EOF\n')]);

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { FILE_STORE: 'disk' } });
  const { config } = t;
  env = {
    DATA_DIR: config.dataDir,
    DATABASE_URL: config.databaseUrl,
    FILE_STORE: 'disk',
    ...(config.pgSchema ? { PG_SCHEMA: config.pgSchema } : {}),
  };
  disk = t.services.files;
  database = fileStorage({ fileStore: 'database', dataDir: config.dataDir }, t.database.db);
  const officer = await t.loginAs('officer.wl');
  for (const size of [10, 300_000, 900_000]) {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/evidence',
      cookie: officer,
      ...multipartFile('files', `证明${size}.pdf`, pdf(size), 'application/pdf'),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  expect(await seedGuideFormsDemo(t.database.db, disk.stores.guideForms)).toBeGreaterThan(0);
});
afterAll(() => t.close());

describe('npm run files:migrate', () => {
  it('copies every file into the database store, verified, and a second run skips them all', async () => {
    const onDisk = await contents(disk);
    const total = Object.values(onDisk).reduce((n, s) => n + Object.keys(s).length, 0);
    expect(total).toBeGreaterThanOrEqual(4);
    const first = migrate('database');
    expect(first.status, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain(`${total} files, ${total} copied, 0 already there`);
    expect(first.stdout).toMatch(/Now set FILE_STORE=database/);
    expect(await contents(database)).toEqual(onDisk);

    const again = migrate('database');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${total} files, 0 copied, ${total} already there`);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'files.migrate')
      .execute();
    expect(audited).toHaveLength(2);
    expect(JSON.parse(audited[0]!.detail!)).toMatchObject({ from: 'disk', to: 'database', copied: total });
  }, 120_000);

  it('resumes: a copy missing or damaged in the target is copied again', async () => {
    const [lost, damaged] = await database.stores.evidence.keysOlderThan(EVERY_FILE);
    await database.stores.evidence.remove(lost!);
    await database.stores.evidence.putAs(damaged!, Buffer.from('not what the disk holds'));
    const res = migrate('database');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/files\s+\d+ files: 2 copied/);
    expect(await contents(database)).toEqual(await contents(disk));
  }, 120_000);

  it('reports a row whose file is in neither store, and exits 1', async () => {
    const row = await t.database.db
      .selectFrom('evidence_files')
      .select('stored_name')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await database.stores.evidence.remove(row.stored_name);
    fs.rmSync(path.join(t.config.dataDir, 'files', row.stored_name));
    const res = migrate('database');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`files/${row.stored_name} (evidence_files): not in the store`);
  }, 120_000);

  it('migrates back to the disk: every file is there again', async () => {
    fs.rmSync(path.join(t.config.dataDir, 'guide-forms'), { recursive: true, force: true });
    const res = migrate('disk');
    // the file lost in the test before is still lost; everything else is back
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/guide-forms\s+\d+ files: \d+ copied/);
    expect(await contents(disk)).toEqual(await contents(database));
  }, 120_000);
});
