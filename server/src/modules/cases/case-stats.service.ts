// The monthly statistics of public cases for the portal and the console (decision 147): counted by the
// pure monthlyStats from rows that carry states, days and places only — never a text or a person.
import {
  chinaDayStart,
  addDays,
  chinaDate,
  monthlyStats,
  type MonthlyCaseStats,
  type StatsCase,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import type { CasesRepo } from './cases.repo.ts';

/** How many months back the month chooser offers. */
const MONTHS_OFFERED = 36;

export function createCaseStatsService(deps: {
  repo: CasesRepo;
  site: () => Promise<{ id: number } | null>;
  today?: () => string;
}) {
  const today = deps.today ?? (() => chinaDate(nowIso()));
  /** `month` YYYY-MM; by default the newest month anything was filed in */
  async function monthly(bureauUnitId: number, month?: string): Promise<MonthlyCaseStats> {
    const d = today();
    // everything filed up to today (China time): the running month's figures are as of today
    const rows: StatsCase[] = (await deps.repo.statsRows(bureauUnitId, chinaDayStart(addDays(d, 1)))).map(
      (r) => ({
        kind: r.kind,
        status: r.status,
        category: r.category,
        county: r.county,
        unitName: r.unit_name,
        filedOn: chinaDate(r.created_at),
        acceptedOn: r.accepted_on,
        answeredOn: r.replied_at
          ? chinaDate(r.replied_at)
          : r.status === 'notAccepted' && r.closed_at
            ? chinaDate(r.closed_at)
            : null,
        answeredDueOn: r.answered_due_on,
        dueOn: r.due_on,
      }),
    );
    const months = [...new Set(rows.map((r) => r.filedOn.slice(0, 7)))]
      .sort()
      .reverse()
      .slice(0, MONTHS_OFFERED);
    const chosen = month ?? months[0] ?? d.slice(0, 7);
    return { ...monthlyStats(rows, chosen, d), months };
  }

  return {
    monthly,
    /** the portal's: the site bureau's figures */
    async site(month?: string): Promise<MonthlyCaseStats | null> {
      const s = await deps.site();
      return s ? monthly(s.id, month) : null;
    },
  };
}
export type CaseStatsService = ReturnType<typeof createCaseStatsService>;
