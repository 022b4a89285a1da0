// npm run restore -- --from FILE --yes — puts a backup made by `npm run backup` back in place of the
// configured database, then checks it (integrity, foreign keys, audit chain) and prints its row counts.
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
import { loadAuditKey } from '../server/src/modules/audit/audit-key.ts';
import { checkDatabase } from './lib/database-check.ts';

const { values } = parseArgs({
  options: { from: { type: 'string' }, yes: { type: 'boolean', default: false } },
});
const fail = (message: string, code = 1): never => {
  console.error(message);
  process.exit(code);
};
if (!values.from) fail('用法 Usage: npm run restore -- --from FILE --yes', 2);
const from = path.resolve(values.from!);
if (!fs.existsSync(from)) fail(`No such backup file: ${from}`, 2);
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
  if (!check.ok) fail(`检查未通过 Check FAILED: ${check.problems.join('; ')}`);
  console.log(`检查通过 Check passed: integrity ok, audit chain intact (${check.auditRecords} records).`);
} finally {
  await database.close();
}
