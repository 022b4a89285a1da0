// npm run files:migrate -- --to database|disk — copies every stored file (evidence, the portal's images
// and attachments, guide forms, report and activity photos, consultation files) from the other store into
// this one under the same keys, reads each back and checks its SHA-256 against the source and the row
// that names it (decision 185). Resumable: run it again and what is already there is skipped. Prints the
// counts per store; exits 1 if any file is missing or differs. The source is left as it was.
import { parseArgs } from 'node:util';
import { nowIso } from '../server/src/db/database.ts';
import { copyFiles } from '../server/src/files/copy-files.ts';
import { fileStorage, type FileBackend } from '../server/src/files/file-stores.ts';
import { openConfiguredDatabase } from './lib/open-database.ts';

const { values } = parseArgs({ options: { to: { type: 'string' } } });
if (values.to !== 'database' && values.to !== 'disk') {
  console.error('用法 Usage: npm run files:migrate -- --to database|disk');
  process.exit(2);
}
const to: FileBackend = values.to;
const from: FileBackend = to === 'database' ? 'disk' : 'database';
const { config, database, auditRepo } = await openConfiguredDatabase();
try {
  const started = performance.now();
  const report = await copyFiles(
    database.db,
    fileStorage({ fileStore: from, dataDir: config.dataDir }, database.db),
    fileStorage({ fileStore: to, dataDir: config.dataDir }, database.db),
    (r) =>
      console.log(
        `  ${r.store.padEnd(20)} ${String(r.files).padStart(7)} files: ${r.copied} copied (${r.bytes} bytes), ${r.alreadyThere} already there; ${r.verified}/${r.referenced} rows verified`,
      ),
  );
  const total = (k: 'files' | 'copied' | 'alreadyThere' | 'referenced' | 'verified') =>
    report.stores.reduce((n, s) => n + s[k], 0);
  const ms = Math.round(performance.now() - started);
  const detail = {
    from,
    to,
    files: total('files'),
    copied: total('copied'),
    alreadyThere: total('alreadyThere'),
    verified: total('verified'),
    problems: report.problems.length,
    ms,
  };
  await database.db.transaction().execute((trx) =>
    auditRepo().append(trx, {
      at: nowIso(),
      actor_id: null,
      actor_name: 'system',
      actor_roles: '',
      client_ip: '127.0.0.1',
      action: 'files.migrate',
      object_type: 'storedFiles',
      object_id: null,
      result: report.problems.length ? 'failure' : 'success',
      request_id: 'files-migrate',
      detail: JSON.stringify(detail),
    }),
  );
  console.log(
    `文件迁移 Files ${from} → ${to}: ${detail.files} files, ${detail.copied} copied, ${detail.alreadyThere} already there, ${detail.verified}/${total('referenced')} rows verified by SHA-256 in ${ms} ms.`,
  );
  if (report.problems.length) {
    console.error(`检查未通过 ${report.problems.length} problem(s):`);
    for (const p of report.problems) console.error(`  ${p}`);
    process.exitCode = 1;
  } else if (to !== config.fileStore)
    console.log(`Now set FILE_STORE=${to} and restart the servers (it is ${config.fileStore}).`);
} finally {
  await database.close();
}
