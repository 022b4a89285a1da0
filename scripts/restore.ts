// npm run restore -- --from DIR --yes — puts a backup made by `npm run backup` (its directory; a single
// database file of an older backup is accepted too) back in place of the configured database and its
// stored files, then checks it (integrity, foreign keys, audit chain, every stored file a row names, by
// SHA-256; decision 186) and prints its row counts. Files kept on disk are copied back into the configured
// file store under their keys; files in the database come back with the dump.
//   SQLite: only while the server is stopped; the current file is first copied to
//           $DATA_DIR/backups/pre-restore-….db, then the backup is copied in through SQLite's backup API.
//   PostgreSQL: pg_restore --clean --single-transaction into the configured database and schema.
// Destructive, so it refuses to do anything without --yes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { checkStoredFiles, copyFiles } from '../server/src/files/copy-files.ts';
import { fileStorage } from '../server/src/files/file-stores.ts';
import { loadAuditKey } from '../server/src/modules/audit/audit-key.ts';
import { checkDatabase } from './lib/database-check.ts';

const { values } = parseArgs({
  options: { from: { type: 'string' }, yes: { type: 'boolean', default: false } },
});
const fail = (message: string, code = 1): never => {
  console.error(message);
  process.exit(code);
};
if (!values.from) fail('用法 Usage: npm run restore -- --from DIR --yes', 2);
const given = path.resolve(values.from!);
if (!fs.existsSync(given)) fail(`No such backup: ${given}`, 2);
// a backup directory names its database file in manifest.json; its files/ holds the files kept on disk
const folder = fs.statSync(given).isDirectory() ? given : null;
const manifest = folder
  ? (JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { database: string })
  : null;
const from = manifest ? path.join(folder!, manifest.database) : given;
const filesDir = folder && fs.existsSync(path.join(folder, 'files')) ? path.join(folder, 'files') : null;
const config = loadConfig();
const target =
  config.dialect === 'sqlite'
    ? config.databaseUrl
    : `${config.databaseUrl} (schema ${config.pgSchema ?? 'public'})`;
if (!values.yes)
  fail(
    `恢复会覆盖当前数据库 This replaces the database ${target} with ${from}.\nRun again with --yes to do it.`,
    2,
  );

async function serverAnswers(): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${config.port}/api/v1/health`, {
      signal: AbortSignal.timeout(1500),
    });
    return res.ok;
  } catch {
    return false;
  }
}

if (config.dialect === 'sqlite') {
  if (await serverAnswers())
    fail(`GreenVoice answers on port ${config.port}: stop the server before restoring a SQLite database.`);
  const source = new SqliteDatabase(from, { readonly: true, fileMustExist: true });
  const verdict = source.pragma('integrity_check', { simple: true });
  if (verdict !== 'ok')
    fail(`The backup itself fails its integrity check (${String(verdict)}); nothing was changed.`);
  if (fs.existsSync(config.databaseUrl)) {
    const dir = path.join(config.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const keep = path.join(dir, `pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
    const current = new SqliteDatabase(config.databaseUrl, { fileMustExist: true });
    await current.backup(keep);
    current.close();
    console.log(`当前数据库已另存 The database as it was: ${keep}`);
  }
  // Page by page through SQLite's backup API into the live file (its WAL included), not a file copy.
  await source.backup(config.databaseUrl);
  source.close();
} else {
  const list = spawnSync('pg_restore', ['--list', from], { encoding: 'utf8' });
  if (list.status !== 0) fail(`pg_restore cannot read ${from}: ${list.stderr}`);
  const wanted = config.pgSchema ?? 'public';
  const tableSchemas = new Set([...list.stdout.matchAll(/ TABLE (\S+) /g)].map((m) => m[1]));
  if (tableSchemas.size && !tableSchemas.has(wanted))
    fail(
      `The backup holds schema ${[...tableSchemas].join(', ')}, not the configured ${wanted} (PG_SCHEMA).`,
    );
  const res = spawnSync(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${config.databaseUrl}`,
      from,
    ],
    { encoding: 'utf8' },
  );
  if (res.status !== 0)
    fail(`pg_restore failed; the database is unchanged (one transaction):\n${res.stderr}`);
}

const database = await openDatabase({
  url: config.databaseUrl,
  dialect: config.dialect,
  pgSchema: config.pgSchema,
});
try {
  const check = await checkDatabase(database, loadAuditKey(config));
  console.log(`已恢复 Restored ${target} from ${from}`);
  for (const [table, n] of Object.entries(check.rowCounts))
    console.log(`  ${table.padEnd(28)} ${String(n).padStart(8)} rows`);
  const live = fileStorage(config, database.db);
  const files = filesDir
    ? await copyFiles(database.db, fileStorage({ fileStore: 'disk', dataDir: filesDir }, database.db), live)
    : null;
  const stored = files
    ? {
        verified: files.stores.reduce((n, s) => n + s.verified, 0),
        copied: files.stores.reduce((n, s) => n + s.copied, 0),
        problems: files.problems,
      }
    : { ...(await checkStoredFiles(database.db, live)), copied: 0 };
  console.log(
    `存储文件 Stored files (${config.fileStore}): ${stored.copied} copied back, ${stored.verified} named by rows verified by SHA-256`,
  );
  const problems = [...check.problems, ...stored.problems];
  if (problems.length) fail(`检查未通过 Check FAILED: ${problems.join('; ')}`);
  console.log(
    `检查通过 Check passed: integrity ok, audit chain intact (${check.auditRecords} records), ${stored.verified} stored files intact.`,
  );
} finally {
  await database.close();
}
