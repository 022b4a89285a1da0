// Puts the submissions domain together: evidence files on disk, the workflow service, their routes,
// and the sweeper that clears unused uploads. app.ts calls this once.
import type { FastifyInstance } from 'fastify';
import type { DB } from '../../db/database.ts';
import { createIdempotency } from '../../http/idempotency.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createFactsRepo } from '../facts/facts.repo.ts';
import type { OutletsService } from '../outlets/outlets.service.ts';
import { evidenceFiles } from '../../files/file-stores.ts';
import { evidenceRoutes } from './evidence.routes.ts';
import { createEvidenceService } from './evidence.service.ts';
import type { SubmissionsOptions } from './submission-review.ts';
import { createSubmissionsRepo } from './submissions.repo.ts';
import { submissionsRoutes } from './submissions.routes.ts';
import { createSubmissionsService } from './submissions.service.ts';

const SWEEP_EVERY_MS = 15 * 60_000;

export function createSubmissions(
  deps: { db: DB; dataDir: string; outlets: OutletsService; audit: AuditService },
  options: SubmissionsOptions = {},
) {
  const repo = createSubmissionsRepo(deps.db);
  const evidence = createEvidenceService(deps.db, evidenceFiles(deps.dataDir), repo, deps.audit);
  const submissions = createSubmissionsService(
    {
      db: deps.db,
      repo,
      evidence,
      outlets: deps.outlets,
      facts: createFactsRepo(),
      audit: deps.audit,
      idempotency: createIdempotency(deps.db),
    },
    options,
  );
  return { submissions, evidence };
}

export function registerSubmissions(app: FastifyInstance, parts: ReturnType<typeof createSubmissions>) {
  submissionsRoutes(app, parts.submissions);
  evidenceRoutes(app, parts.evidence);
  // Each app server sweeps; the sweep is idempotent, so several at once do no harm.
  const timer = setInterval(() => {
    parts.evidence.sweep().catch((err: unknown) => app.log.error({ err }, 'evidence sweep failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
