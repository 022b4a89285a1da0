// The working-day calendar: per year, the State Council's holidays and the weekend days worked (调休).
// Deadlines counted in working days read it through `load()`; the admin edits a year at a time.
import {
  calendarProblems,
  workingCalendar,
  type WorkingCalendar,
  type WorkingCalendarInput,
  type WorkingCalendarYear,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict } from '../../http/api-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';

export function createWorkingCalendarService({ db, audit }: { db: DB; audit: AuditService }) {
  async function get(year: number): Promise<WorkingCalendarYear> {
    const y = await db
      .selectFrom('working_calendar_years')
      .selectAll()
      .where('year', '=', year)
      .executeTakeFirst();
    const days = await db
      .selectFrom('working_calendar_days')
      .select(['date', 'kind', 'name'])
      .where('year', '=', year)
      .orderBy('date')
      .execute();
    return {
      year,
      configured: !!y,
      version: y?.version ?? 0,
      days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    };
  }

  return {
    get,

    async load(): Promise<WorkingCalendar> {
      const years = await db.selectFrom('working_calendar_years').select('year').execute();
      const days = await db.selectFrom('working_calendar_days').select(['date', 'kind', 'name']).execute();
      return workingCalendar(
        days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
        years.map((y) => y.year),
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
        if (before.configured) {
          const r = await trx
            .updateTable('working_calendar_years')
            .set({ version: input.version + 1, updated_at: nowIso() })
            .where('year', '=', year)
            .where('version', '=', input.version)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw conflict();
          await trx.deleteFrom('working_calendar_days').where('year', '=', year).execute();
        } else {
          await trx
            .insertInto('working_calendar_years')
            .values({ year, version: 1, updated_at: nowIso() })
            .execute();
        }
        if (input.days.length)
          await trx
            .insertInto('working_calendar_days')
            .values(input.days.map((d) => ({ date: d.date, year, kind: d.kind, name: d.name.trim() })))
            .execute();
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
