// Opens the configured database for a command-line script, exactly as the server does; `auditRepo()`
// gives the audit chain with the configured key (AUDIT_HMAC_KEY or the demo key file), as the server's.
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/db/database.ts';
import { createAuditRepo } from '../../server/src/modules/audit/audit.repo.ts';
import { loadAuditKey } from '../../server/src/modules/audit/audit-key.ts';

export async function openConfiguredDatabase() {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dialect: config.dialect,
    pgSchema: config.pgSchema,
  });
  const auditRepo = () => createAuditRepo(database.db, database.dialect, loadAuditKey(config));
  return { config, database, auditRepo };
}
