// Queries for the working-day calendar (decision 041): one row per configured year (its version) and
// its special days (holidays, weekend days worked).
import type { CalendarDayKind } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export function createWorkingCalendarRepo(db: DB) {
  return {
    /** The year's row (absent until someone configures it) and its days in date order. */
    async year(year: number) {
      const row = await db
        .selectFrom('working_calendar_years')
        .selectAll()
        .where('year', '=', year)
        .executeTakeFirst();
      const days: CalendarDay[] = await db
        .selectFrom('working_calendar_days')
        .select(['date', 'kind', 'name'])
        .where('year', '=', year)
        .orderBy('date')
        .execute();
      return { row, days };
    },

    /** Every configured year and every special day, for the deadline counter. */
    async all() {
      const years = await db.selectFrom('working_calendar_years').select('year').execute();
      const days: CalendarDay[] = await db
        .selectFrom('working_calendar_days')
        .select(['date', 'kind', 'name'])
        .execute();
      return { years: years.map((y) => y.year), days };
    },

    /**
     * Replaces a year's days. A configured year is written only if still at `version` (false otherwise);
     * an unconfigured one gets its row at version 1.
     */
    async replaceYear(
      trx: Transaction<Database>,
      year: number,
      version: number | null,
      days: CalendarDay[],
    ): Promise<boolean> {
      if (version !== null) {
        if (
          !(await updateVersioned(trx, 'working_calendar_years', { year }, version, { updated_at: nowIso() }))
        )
          return false;
        await trx.deleteFrom('working_calendar_days').where('year', '=', year).execute();
      } else {
        await trx
          .insertInto('working_calendar_years')
          .values({ year, version: 1, updated_at: nowIso() })
          .execute();
      }
      if (days.length)
        await trx
          .insertInto('working_calendar_days')
          .values(days.map((d) => ({ ...d, year })))
          .execute();
      return true;
    },
  };
}
export type WorkingCalendarRepo = ReturnType<typeof createWorkingCalendarRepo>;
