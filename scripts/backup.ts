// npm run backup [-- --out DIR] — an online backup of the database and its stored files together, while the
// server runs (decision 186): a new directory greenvoice-<time>/ holding the database (SQLite's backup API,
// or pg_dump in custom format for PostgreSQL), the stored files when they are on disk (FILE_STORE=disk;
// in the database they are in the dump) and manifest.json. Never overwrites anything. The audit key
// (AUDIT_HMAC_KEY, or a demo installation's $DATA_DIR/keys/audit.key) is never part of a backup: whoever
// holds a backup must not be able to re-sign a rewritten audit log (decision 070).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { copyFiles, type CopyReport } from '../server/src/files/copy-files.ts';
import { fileStorage } from '../server/src/files/file-stores.ts';
import { createStoredFilesRepo } from '../server/src/files/stored-files.repo.ts';
import { auditKeyFile } from '../server/src/modules/audit/audit-key.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const dir = path.resolve(values.out ?? path.join(config.dataDir, 'backups'));
const keysDir = path.dirname(auditKeyFile(config.dataDir));
if (dir === keysDir || dir.startsWith(keysDir + path.sep)) {
  console.error(
    `--out ${dir}: backups never go beside the audit key (${keysDir}); choose another directory.`,
  );
  process.exit(2);
}
const KEY_NOTE =
  'The audit key is not in the backup (by design): keep AUDIT_HMAC_KEY (or $DATA_DIR/keys/audit.key) apart from it, or the restored audit log cannot be verified.';
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const folder = path.join(dir, `greenvoice-${stamp}`);
fs.mkdirSync(folder, { recursive: true });
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

// Files on disk are copied before the database snapshot and again after it: a file named by the snapshot
// existed when it was taken, so it is in the first pass or, if it came just before, in the second.
const filesOnDisk = config.fileStore === 'disk';
const database = await openDatabase({
  url: config.databaseUrl,
  dialect: config.dialect,
  pgSchema: config.pgSchema,
});
const copyOut = (): Promise<CopyReport> =>
  copyFiles(
    database.db,
    fileStorage(config, database.db),
    fileStorage({ fileStore: 'disk', dataDir: path.join(folder, 'files') }, database.db),
  );
if (filesOnDisk) await copyOut();

let databaseFile: string;
if (config.dialect === 'sqlite') {
  const target = path.join(folder, 'database.db');
  databaseFile = target;
  const db = new SqliteDatabase(config.databaseUrl, { fileMustExist: true });
  await db.backup(target);
  db.close();
  // A backup is one self-contained file: switch the copy out of WAL mode before checking it.
  const check = new SqliteDatabase(target);
  check.pragma('journal_mode = DELETE');
  const integrity = check.pragma('integrity_check', { simple: true });
  check.close();
  if (integrity !== 'ok') fail(`Backup written but its integrity check failed: ${String(integrity)}`);
  console.log(`Backup: ${target} (${fs.statSync(target).size} bytes, integrity ok)`);
} else {
  const target = path.join(folder, 'database.pgdump');
  databaseFile = target;
  const res = spawnSync(
    'pg_dump',
    [
      '--format=custom',
      '--no-owner',
      `--file=${target}`,
      ...(config.pgSchema ? [`--schema=${config.pgSchema}`] : []),
      config.databaseUrl,
    ],
    { stdio: 'inherit' },
  );
  if (res.status !== 0)
    fail('pg_dump failed (is the PostgreSQL client installed? apt-get install postgresql-client)');
  console.log(`Backup: ${target} (${fs.statSync(target).size} bytes)`);
}

// every file a row names must be in the backup with the SHA-256 the row recorded
const report = filesOnDisk ? await copyOut() : null;
const stored = filesOnDisk ? null : await createStoredFilesRepo(database.db).totals();
await database.close();
const files = report
  ? {
      where: 'files/',
      count: report.stores.reduce((n, s) => n + s.files, 0),
      verified: report.stores.reduce((n, s) => n + s.verified, 0),
    }
  : { where: path.basename(databaseFile), ...stored! };
const manifest = {
  createdAt: new Date().toISOString(),
  dialect: config.dialect,
  pgSchema: config.pgSchema,
  fileStore: config.fileStore,
  database: path.basename(databaseFile),
  files,
};
fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
if (report?.problems.length)
  fail(`Stored files incomplete: ${report.problems.join('; ')}\nRun the backup again.`);
console.log(
  `存储文件 Stored files: ${files.count} ${filesOnDisk ? `copied to ${path.join(folder, 'files')}, ${(files as { verified: number }).verified} rows verified by SHA-256` : 'inside the database dump'}`,
);
console.log(`Backup directory: ${folder}`);
console.log(KEY_NOTE);
