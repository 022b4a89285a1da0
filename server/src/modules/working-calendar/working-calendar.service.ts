// The working-day calendar: per year, the State Council's holidays and the weekend days worked (调休).
// Deadlines counted in working days read it through `load()`; the admin edits a year at a time.
import {
  calendarProblems,
  workingCalendar,
  type WorkingCalendar,
  type WorkingCalendarInput,
  type WorkingCalendarYear,
} from '@greenvoice/common';
import { ApiError, conflict } from '../../http/api-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { WorkingCalendarRepo } from './working-calendar.repo.ts';

export function createWorkingCalendarService({
  repo,
  audit,
}: {
  repo: WorkingCalendarRepo;
  audit: AuditService;
}) {
  async function get(year: number): Promise<WorkingCalendarYear> {
    const { row, days } = await repo.year(year);
    return {
      year,
      configured: !!row,
      version: row?.version ?? 0,
      days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    };
  }

  return {
    get,

    async load(): Promise<WorkingCalendar> {
      const { years, days } = await repo.all();
      return workingCalendar(
        days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
        years,
      );
    },

    async put(ctx: RequestContext, year: number, input: WorkingCalendarInput): Promise<WorkingCalendarYear> {
      const problems = calendarProblems(year, input.days);
      if (problems.length)
        throw new ApiError(
          'VALIDATION_FAILED',
          problems.map((p) => ({ field: `/days/${p.index}/date`, message: p.zh, messageEn: p.en })),
        );
      const before = await get(year);
      if (before.version !== input.version) throw conflict();
      await audit.transact(ctx, async (trx, record) => {
        const days = input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() }));
        if (!(await repo.replaceYear(trx, year, before.configured ? input.version : null, days)))
          throw conflict();
        await record({
          action: 'workingCalendar.update',
          objectType: 'workingCalendar',
          objectId: year,
          detail: { before: before.days, after: input.days },
        });
      });
      return get(year);
    },
  };
}
export type WorkingCalendarService = ReturnType<typeof createWorkingCalendarService>;
