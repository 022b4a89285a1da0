// The time limits of public cases, each counted as its rule says (docs/public-interaction.md "Time
// limits"): reports in calendar days (环保举报热线工作管理办法), information requests in working days on
// the working-day calendar (政府信息公开条例 art. 30, 33), letters in working days as configured.
import { addDays, addWorkingDays, type WorkingCalendar } from '../environment/working-days.ts';
import type { CaseKind } from './case-kinds.ts';
import type { CaseStatus } from './case-workflow.ts';

export const REPORT_ACCEPT_DAYS = 15;
export const REPORT_HANDLE_DAYS = 60;
export const REPORT_EXTENSION_MAX_DAYS = 30;
export const INFO_COMPLETION_REQUEST_WORKING_DAYS = 7;
export const INFO_ANSWER_WORKING_DAYS = 20;
export const INFO_EXTENSION_MAX_WORKING_DAYS = 20;
/** The applicant's period to complete an unclear request, from the notice (decision 145); after it the
 *  request is treated as withdrawn (art. 30: 逾期不补正的，视为放弃申请). */
export const INFO_COMPLETION_PERIOD_WORKING_DAYS = 15;
/** Days before a limit when the handlers are reminded. */
export const REMIND_DAYS_BEFORE = 3;

export type LimitUnit = 'calendarDays' | 'workingDays';

/** The limit the current stage runs against, or null when no clock runs (a final or waiting state). */
export interface StageLimit {
  stage: 'accept' | 'handle' | 'answer' | 'reply' | 'completion';
  /** the day the clock started (not counted) */
  from: string;
  days: number;
  unit: LimitUnit;
  due: string;
  /** a day on the way fell in a year whose holiday schedule is not configured */
  uncertain: boolean;
}

export interface CaseClock {
  kind: CaseKind;
  status: CaseStatus;
  /** the day the case was received (or completed, for a completed information request) */
  receivedOn: string;
  acceptedOn: string | null;
  /** the day the applicant was asked to complete an information request */
  completionAskedOn?: string | null;
  /** approved extension, in the unit of the stage */
  extensionDays: number;
}

export interface LimitSettings {
  /** working days within which a mailbox letter or a consultation is answered */
  letterReplyWorkingDays: number;
}

function count(from: string, days: number, unit: LimitUnit, cal: WorkingCalendar) {
  return unit === 'calendarDays'
    ? { due: addDays(from, days), uncertain: false }
    : (({ date, uncertain }) => ({ due: date, uncertain }))(addWorkingDays(from, days, cal));
}

export function stageLimit(c: CaseClock, cal: WorkingCalendar, s: LimitSettings): StageLimit | null {
  const make = (stage: StageLimit['stage'], from: string, days: number, unit: LimitUnit): StageLimit => ({
    stage,
    from,
    days,
    unit,
    ...count(from, days, unit, cal),
  });
  switch (c.kind) {
    case 'report':
      if (c.status === 'received') return make('accept', c.receivedOn, REPORT_ACCEPT_DAYS, 'calendarDays');
      if (['accepted', 'assigned', 'countyReplied'].includes(c.status) && c.acceptedOn)
        return make('handle', c.acceptedOn, REPORT_HANDLE_DAYS + c.extensionDays, 'calendarDays');
      return null;
    case 'infoRequest':
      if (c.status === 'received')
        return make('answer', c.receivedOn, INFO_ANSWER_WORKING_DAYS + c.extensionDays, 'workingDays');
      if (c.status === 'needsCompletion' && c.completionAskedOn)
        return make('completion', c.completionAskedOn, INFO_COMPLETION_PERIOD_WORKING_DAYS, 'workingDays');
      return null;
    case 'mailbox':
    case 'consultation':
      if (['received', 'accepted', 'assigned', 'countyReplied'].includes(c.status))
        return make('reply', c.receivedOn, s.letterReplyWorkingDays, 'workingDays');
      return null;
    case 'draftComment':
      return null;
  }
}

/** The last day an unclear information request may be sent back for completion (art. 30). */
export function completionRequestDue(receivedOn: string, cal: WorkingCalendar): string {
  return addWorkingDays(receivedOn, INFO_COMPLETION_REQUEST_WORKING_DAYS, cal).date;
}

/** The most an extension may add, in the stage's unit; null: this kind is never extended. */
export function maxExtension(kind: CaseKind): { days: number; unit: LimitUnit } | null {
  if (kind === 'report') return { days: REPORT_EXTENSION_MAX_DAYS, unit: 'calendarDays' };
  if (kind === 'infoRequest') return { days: INFO_EXTENSION_MAX_WORKING_DAYS, unit: 'workingDays' };
  return null;
}

export type Timeliness = 'onTime' | 'dueSoon' | 'overdue';

/** How a running limit stands today: overdue after the due day, due soon within the reminder days. */
export function timeliness(due: string, today: string): Timeliness {
  if (today > due) return 'overdue';
  if (addDays(today, REMIND_DAYS_BEFORE) >= due) return 'dueSoon';
  return 'onTime';
}
