// npm run audit:purge -- --before 2026-06-01 --confirm — removes audit records from before that day (China
// time) once they are older than the 180 days the law requires (decision 072). It verifies the chain,
// writes a signed checkpoint covering the purged range to AUDIT_CHECKPOINT_DIR first, then deletes in one
// transaction with its own audit record. Without --confirm it only says what it would remove.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAuditService } from '../server/src/modules/audit/audit.service.ts';
import { CHECKPOINT_FILE } from '../server/src/modules/audit/audit-checkpoints.ts';
import { AuditPurgeRefused, purgeAuditLog } from '../server/src/modules/audit/audit-purge.ts';
import { purgeCutoff, purgeRefusal } from '../server/src/modules/audit/audit-retention.ts';
import { openConfiguredDatabase } from './lib/open-database.ts';

const { values } = parseArgs({
  options: { before: { type: 'string' }, confirm: { type: 'boolean', default: false } },
});
const fail = (message: string, code: number): never => {
  console.error(message);
  process.exit(code);
};
const beforeIso = purgeCutoff(values.before ?? '');
if (!beforeIso) fail('用法 Usage: npm run audit:purge -- --before YYYY-MM-DD --confirm', 2);
const refusal = purgeRefusal(beforeIso!, new Date());
if (refusal) fail(`拒绝清理 ${refusal}. Nothing was purged.`, 2);

const { config, database, auditRepo } = await openConfiguredDatabase();
try {
  const repo = auditRepo();
  const head = await repo.head();
  const through = await repo.purgeableThrough(beforeIso!);
  const count = Math.max(0, through - head.purged_through);
  if (!values.confirm) {
    console.error(
      `清理会删除 This would remove ${count} audit records${count ? ` (#${head.purged_through + 1}–#${through})` : ''} from before ${beforeIso}.\nRun again with --confirm to do it.`,
    );
    process.exitCode = 2;
  } else {
    const audit = createAuditService({ db: database.db, repo: repo });
    const log = { info: (o: object) => console.log(JSON.stringify(o)) };
    const outcome = await purgeAuditLog(
      { audit, repo, checkpointDir: config.auditCheckpointDir, log },
      { beforeIso: beforeIso!, operator: os.userInfo().username },
    );
    console.log(
      outcome.purged
        ? `已清理 Purged ${outcome.purged} audit records (#${outcome.detail!.firstId}–#${outcome.detail!.lastId}); signed checkpoint in ${config.auditCheckpointDir}. Verify with: npm run audit:verify -- --checkpoint ${path.join(config.auditCheckpointDir, CHECKPOINT_FILE)}`
        : `Nothing to purge: no audit records from before ${beforeIso} are left.`,
    );
  }
} catch (err) {
  if (!(err instanceof AuditPurgeRefused)) throw err;
  console.error(`拒绝清理 ${err.message}`);
  process.exitCode = 2;
} finally {
  await database.close();
}
