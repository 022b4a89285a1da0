// The self-inspection of every site once a day on one server (leased), before the working day starts, so the morning's
// alerts name what the night found (decision 174).
import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { InspectionService } from './inspection.service.ts';

export const INSPECTION_CRON = '0 10 6 * * *';

export function inspectionJob(inspection: Pick<InspectionService, 'runAll'>): JobDefinition {
  return {
    name: 'site-inspection',
    cron: INSPECTION_CRON,
    leaseMs: 30 * 60_000,
    run: async () => {
      const runs = await inspection.runAll({
        actor: null,
        requestId: 'job:site-inspection',
        clientIp: 'scheduler',
        userAgent: 'scheduler',
        audited: false,
      });
      return { runs };
    },
  };
}
