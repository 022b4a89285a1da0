// npm run backup [-- --out DIR] — an online backup while the server runs: SQLite's backup API, or
// pg_dump (custom format) for PostgreSQL. Writes a new file; never overwrites one. The audit key
// (AUDIT_HMAC_KEY, or a demo installation's $DATA_DIR/keys/audit.key) is never part of a backup: whoever
// holds a backup must not be able to re-sign a rewritten audit log (decision 070).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../server/src/config.ts';
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
fs.mkdirSync(dir, { recursive: true });
const KEY_NOTE =
  'The audit key is not in the backup (by design): keep AUDIT_HMAC_KEY (or $DATA_DIR/keys/audit.key) apart from it, or the restored audit log cannot be verified.';
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

if (config.dialect === 'sqlite') {
  const target = path.join(dir, `greenvoice-${stamp}.db`);
  const db = new SqliteDatabase(config.databaseUrl, { fileMustExist: true });
  await db.backup(target);
  db.close();
  // A backup is one self-contained file: switch the copy out of WAL mode before checking it.
  const check = new SqliteDatabase(target);
  check.pragma('journal_mode = DELETE');
  const integrity = check.pragma('integrity_check', { simple: true });
  check.close();
  if (integrity !== 'ok') {
    console.error(`Backup written but its integrity check failed: ${String(integrity)}`);
    process.exit(1);
  }
  console.log(`Backup: ${target} (${fs.statSync(target).size} bytes, integrity ok)`);
  console.log(KEY_NOTE);
} else {
  const target = path.join(dir, `greenvoice-${stamp}.pgdump`);
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
  if (res.status !== 0) {
    console.error('pg_dump failed (is the PostgreSQL client installed? apt-get install postgresql-client)');
    process.exit(1);
  }
  console.log(`Backup: ${target} (${fs.statSync(target).size} bytes)`);
  console.log(KEY_NOTE);
}
