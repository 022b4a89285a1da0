// The cases module's scheduled work, once a day on one server (leased): erasing reporters' identities
// whose keeping period after closure ended (docs/public-interaction.md "Reporter protection"), and
// treating as withdrawn the information requests not completed in time (decision 145).
import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { CasesService } from './cases.service.ts';

export const CASE_IDENTITY_ERASE_CRON = '0 40 3 * * *';

export function caseIdentityEraseJob(cases: Pick<CasesService, 'eraseExpiredReporters'>): JobDefinition {
  return {
    name: 'case-identity-erase',
    cron: CASE_IDENTITY_ERASE_CRON,
    leaseMs: 10 * 60_000,
    run: async () =>
      cases.eraseExpiredReporters({
        actor: null,
        requestId: 'job:case-identity-erase',
        clientIp: 'scheduler',
        userAgent: 'scheduler',
        audited: false,
      }),
  };
}

export const CASE_COMPLETION_LAPSE_CRON = '0 20 1 * * *';

export function caseCompletionLapseJob(
  cases: Pick<CasesService, 'lapseUncompleted'>,
  today?: () => string,
): JobDefinition {
  return {
    name: 'case-completion-lapse',
    cron: CASE_COMPLETION_LAPSE_CRON,
    leaseMs: 10 * 60_000,
    run: async () =>
      cases.lapseUncompleted(
        {
          actor: null,
          requestId: 'job:case-completion-lapse',
          clientIp: 'scheduler',
          userAgent: 'scheduler',
          audited: false,
        },
        today?.(),
      ),
  };
}
