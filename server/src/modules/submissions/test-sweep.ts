// The evidence service of a test app, for calling the sweeper directly rather than waiting 15 minutes.
import type { TestApp } from '../../test/test-app.ts';
import { createAuditRepo } from '../audit/audit.repo.ts';
import { createAuditService } from '../audit/audit.service.ts';
import { createOutletsRepo } from '../outlets/outlets.repo.ts';
import { createOutletsService } from '../outlets/outlets.service.ts';
import { createSubmissions } from './submissions.module.ts';

export function evidenceService(t: TestApp) {
  const db = t.database.db;
  const audit = createAuditService(db, createAuditRepo(db, t.database.dialect, t.auditKey));
  return createSubmissions({
    db,
    dataDir: t.config.dataDir,
    outlets: createOutletsService(createOutletsRepo(db), audit),
    audit,
  });
}
