// npm run audit:verify [-- --checkpoint FILE …] — walks the audit log's keyed chain (HMAC-SHA-256 with
// AUDIT_HMAC_KEY or the demo key file; legacy SHA-256 before the cut-over) and its head, and compares the
// database with signed checkpoint files (decision 071). Exits 1 if any record was changed, deleted,
// inserted or reordered, the newest ones truncated, or the key is not the one the log was written with.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createAuditService } from '../server/src/modules/audit/audit.service.ts';
import { readCheckpoints, type NumberedCheckpoint } from '../server/src/modules/audit/audit-checkpoints.ts';
import { openConfiguredDatabase } from './lib/open-database.ts';

const { values } = parseArgs({ options: { checkpoint: { type: 'string', multiple: true } } });
const { config, database, auditRepo } = await openConfiguredDatabase();
try {
  const repo = auditRepo();
  const audit = createAuditService({ db: database.db, repo: repo });
  const files = values.checkpoint ?? [];
  const checkpoints: NumberedCheckpoint[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`No such checkpoint file: ${file}`);
      process.exit(2);
    }
    const read = readCheckpoints(file);
    checkpoints.push(...read.checkpoints);
    problems.push(...read.problems);
  }
  const { walk, problems: compared } = await audit.verifyWithCheckpoints(checkpoints);
  if (!walk.ok)
    problems.unshift(
      `${walk.reason}${walk.firstBadId ? ` — first bad record #${walk.firstBadId}` : ''} (${walk.checked} records verified before it)`,
    );
  problems.push(...compared);
  if (problems.length === 0) {
    const against = files.length ? `, consistent with ${checkpoints.length} signed checkpoints` : '';
    console.log(
      `审计日志完整 Audit log intact: ${walk.checked} records verified with key ${repo.key.id}${against} (${config.dialect}).`,
    );
    if (!files.length)
      console.log(
        '  Without --checkpoint FILE the newest records could have been removed together with an old head: compare with the checkpoints to rule it out.',
      );
  } else {
    console.error(`审计日志被篡改 Audit log TAMPERED (${config.dialect}):`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
