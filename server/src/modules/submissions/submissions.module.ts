// Registers the submissions domain: the workflow's and the evidence files' routes, and the sweeper
// that clears unused uploads. The services are built in the composition root (services.ts).
import type { FastifyInstance } from 'fastify';
import { evidenceRoutes } from './evidence.routes.ts';
import type { EvidenceService } from './evidence.service.ts';
import { submissionsRoutes } from './submissions.routes.ts';
import type { SubmissionsService } from './submissions.service.ts';

const SWEEP_EVERY_MS = 15 * 60_000;

export function registerSubmissions(
  app: FastifyInstance,
  parts: { submissions: SubmissionsService; evidence: EvidenceService },
) {
  submissionsRoutes(app, parts.submissions);
  evidenceRoutes(app, parts.evidence);
  // Each app server sweeps; the sweep is idempotent, so several at once do no harm.
  const timer = setInterval(() => {
    parts.evidence.sweep().catch((err: unknown) => app.log.error({ err }, 'evidence sweep failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
