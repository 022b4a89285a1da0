import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarProblems,
  isWorkingDay,
  workingCalendar,
  type CalendarDay,
} from './working-days.ts';

// 2018 as in 国办发明电〔2017〕12号 (docs/standards.md), typed in here on its own.
const range = (from: string, to: string, name: string): CalendarDay[] => {
  const out: CalendarDay[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000)
    out.push({ date: new Date(d).toISOString().slice(0, 10), kind: 'holiday', name });
  return out;
};
const days2018: CalendarDay[] = [
  ...range('2018-01-01', '2018-01-01', '元旦'),
  ...range('2018-02-15', '2018-02-21', '春节'),
  { date: '2018-02-11', kind: 'workday', name: '春节调休' },
  { date: '2018-02-24', kind: 'workday', name: '春节调休' },
  ...range('2018-04-05', '2018-04-07', '清明节'),
  { date: '2018-04-08', kind: 'workday', name: '清明节调休' },
  ...range('2018-04-29', '2018-05-01', '劳动节'),
  { date: '2018-04-28', kind: 'workday', name: '劳动节调休' },
  ...range('2018-06-16', '2018-06-18', '端午节'),
  ...range('2018-09-22', '2018-09-24', '中秋节'),
  ...range('2018-10-01', '2018-10-07', '国庆节'),
  { date: '2018-09-29', kind: 'workday', name: '国庆节调休' },
  { date: '2018-09-30', kind: 'workday', name: '国庆节调休' },
];
const cal = workingCalendar(days2018, [2018]);

describe('working days (2018 schedule)', () => {
  it.each([
    ['2018-02-11', true], // Sunday worked before the Spring Festival
    ['2018-02-24', true], // Saturday worked after it
    ['2018-02-15', false],
    ['2018-02-21', false],
    ['2018-02-22', true],
    ['2018-04-08', true],
    ['2018-04-28', true],
    ['2018-06-18', false], // Monday, 端午
    ['2018-09-29', true],
    ['2018-10-08', true],
    ['2018-03-10', false], // an ordinary Saturday
  ])('%s working: %s', (date, working) => {
    expect(isWorkingDay(date, cal)).toBe(working);
  });

  it.each([
    // event on Monday 12 Feb: 13, 14 (Tue, Wed), holiday 15–21, 22, 23, then Sat 24 (worked) → 24 Feb
    ['2018-02-12', '2018-02-24'],
    // event on Thu 27 Sep: 28 (Fri), 29 (Sat, worked), 30 (Sun, worked), 1–7 Oct holiday, 8, 9 → 9 Oct
    ['2018-09-27', '2018-10-09'],
    // an ordinary week: Mon 5 Mar → Mon 12 Mar
    ['2018-03-05', '2018-03-12'],
    // over 清明: Tue 3 Apr → 4, (5–7 holiday), 8 (Sun, worked), 9, 10, 11 → 11 Apr
    ['2018-04-03', '2018-04-11'],
  ])('5 working days after %s is %s', (from, due) => {
    expect(addWorkingDays(from, 5, cal)).toEqual({ date: due, uncertain: false });
  });

  it('flags a deadline counted through a year with no schedule', () => {
    expect(addWorkingDays('2018-12-28', 5, cal).uncertain).toBe(true);
    expect(addWorkingDays('2019-03-04', 5, cal)).toEqual({ date: '2019-03-11', uncertain: true });
  });

  it('checks a year’s schedule', () => {
    expect(calendarProblems(2018, days2018)).toEqual([]);
    const bad = calendarProblems(2018, [
      { date: '2019-01-01', kind: 'holiday', name: 'x' },
      { date: '2018-02-12', kind: 'workday', name: 'a Monday' },
      { date: '2018-02-30', kind: 'holiday', name: 'no such day' },
      { date: '2018-05-01', kind: 'holiday', name: 'a' },
      { date: '2018-05-01', kind: 'holiday', name: 'b' },
    ]);
    expect(bad.map((p) => p.index)).toEqual([0, 1, 2, 4]);
  });
});
