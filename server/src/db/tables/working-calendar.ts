// Tables owned by the working-calendar module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { CalendarDayKind } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface WorkingCalendarYearsTable {
  year: number;
  version: Generated<number>;
  updated_at: string;
}

export interface WorkingCalendarDaysTable {
  date: string;
  year: number;
  kind: CalendarDayKind;
  name: string;
}
