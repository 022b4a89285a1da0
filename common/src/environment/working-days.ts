// Working days on the State Council's holiday schedule: weekends are rest days unless the year's
// schedule makes them working days (调休), and listed public holidays are rest days. The schedule is
// data per year (editable by the admin); these functions are pure.

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
/** `holiday`: a rest day on a weekday; `workday`: a weekend day that is worked (调休上班). */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  date: string; // YYYY-MM-DD
  kind: CalendarDayKind;
  name: string;
}

export interface WorkingCalendar {
  /** the dates the schedule changes, by date */
  days: ReadonlyMap<string, CalendarDayKind>;
  /** years whose schedule is known; a deadline in another year is counted on weekends alone */
  years: ReadonlySet<number>;
}

export function workingCalendar(days: readonly CalendarDay[], years: readonly number[]): WorkingCalendar {
  return { days: new Map(days.map((d) => [d.date, d.kind])), years: new Set(years) };
}

const dayMs = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * dayMs);
}

export function isWeekend(date: string): boolean {
  const d = new Date(toUtc(date)).getUTCDay();
  return d === 0 || d === 6;
}

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  const kind = cal.days.get(date);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return !isWeekend(date);
}

/**
 * The date `n` working days after `date` (the day itself not counted, as 政府信息公开 time limits
 * are counted from the next day). `uncertain` is set when a day in between fell in a year whose schedule
 * is not configured, so the answer may be off by the holidays of that year.
 */
export function addWorkingDays(
  date: string,
  n: number,
  cal: WorkingCalendar,
): { date: string; uncertain: boolean } {
  let d = date;
  let left = n;
  let uncertain = false;
  while (left > 0) {
    d = addDays(d, 1);
    if (!cal.years.has(Number(d.slice(0, 4)))) uncertain = true;
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return { date: d, uncertain };
}

/**
 * Checks a year's schedule: dates in that year, worked days on weekends, no repeats. (A weekend inside a
 * holiday period may be listed as a holiday: it is a rest day either way.)
 */
export function calendarProblems(
  year: number,
  days: readonly CalendarDay[],
): Array<{ index: number; zh: string; en: string }> {
  const problems: Array<{ index: number; zh: string; en: string }> = [];
  const seen = new Set<string>();
  days.forEach((d, index) => {
    if (!isIsoDate(d.date)) problems.push({ index, zh: '日期无效', en: 'invalid date' });
    else if (Number(d.date.slice(0, 4)) !== year)
      problems.push({ index, zh: `日期不在 ${year} 年`, en: `date is not in ${year}` });
    else if (seen.has(d.date)) problems.push({ index, zh: '日期重复', en: 'date listed twice' });
    else if (d.kind === 'workday' && !isWeekend(d.date))
      problems.push({
        index,
        zh: '调休上班日应为周六或周日',
        en: 'a worked rest day must be a Saturday or Sunday',
      });
    seen.add(d.date);
  });
  return problems;
}

/** A real calendar date written YYYY-MM-DD (2018-02-30 and 2018-13-01 are not). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}
