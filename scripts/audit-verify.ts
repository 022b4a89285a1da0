// npm run audit:verify — walks the audit log's hash chain; exits 1 if any record was changed, deleted
// or reordered.
import { createAuditRepo } from '../server/src/modules/audit/audit.repo.ts';
import { verifyChain } from '../server/src/modules/audit/audit-chain.ts';
import { openConfiguredDatabase } from './lib/open-database.ts';

const { config, database } = await openConfiguredDatabase();
try {
  const repo = createAuditRepo(database.db, database.dialect);
  const result = await verifyChain(repo.all(), await repo.head());
  if (result.ok) {
    console.log(`审计日志完整 Audit log intact: ${result.checked} records verified (${config.dialect}).`);
  } else {
    console.error(
      `审计日志被篡改 Audit log TAMPERED: ${result.reason}${result.firstBadId ? ` — first bad record #${result.firstBadId}` : ''} (${result.checked} records verified before it).`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
