import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../environment/working-days.ts';
import { completionRequestDue, maxExtension, stageLimit, timeliness, type CaseClock } from './time-limits.ts';
import { normaliseTrackingNumber, formatTrackingNumber, codeFromBytes } from './tracking-number.ts';

// 2026: National Day week 10-01..10-07 off (a weekday holiday each), 10-10 (Saturday) worked.
const cal = workingCalendar(
  [
    ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({
      date,
      kind: 'holiday' as const,
      name: '国庆节',
    })),
    { date: '2026-10-10', kind: 'workday' as const, name: '国庆节调休' },
  ],
  [2026],
);
const settings = { letterReplyWorkingDays: 15 };
const clock = (over: Partial<CaseClock>): CaseClock => ({
  kind: 'report',
  status: 'received',
  receivedOn: '2026-09-28',
  acceptedOn: null,
  extensionDays: 0,
  ...over,
});

describe('time limits', () => {
  it.each([
    ['report acceptance: 15 calendar days', clock({}), 'accept', '2026-10-13', 'calendarDays'],
    [
      'report handling: 60 calendar days from acceptance',
      clock({ status: 'accepted', acceptedOn: '2026-10-01' }),
      'handle',
      '2026-11-30',
      'calendarDays',
    ],
    [
      'report handling with 30 days approved',
      clock({ status: 'assigned', acceptedOn: '2026-10-01', extensionDays: 30 }),
      'handle',
      '2026-12-30',
      'calendarDays',
    ],
    [
      'information request: 20 working days over the National Day holiday',
      clock({ kind: 'infoRequest' }),
      'answer',
      '2026-10-30',
      'workingDays',
    ],
    [
      'information request extended by 20 working days',
      clock({ kind: 'infoRequest', extensionDays: 20 }),
      'answer',
      '2026-11-27',
      'workingDays',
    ],
    ['mailbox letter: 15 working days', clock({ kind: 'mailbox' }), 'reply', '2026-10-23', 'workingDays'],
  ] as const)('%s', (_name, c, stage, due, unit) => {
    expect(stageLimit(c, cal, settings)).toMatchObject({ stage, due, unit, uncertain: false });
  });

  it('runs no clock in final or waiting states', () => {
    for (const status of ['notAccepted', 'replied', 'closed', 'withdrawn'] as const)
      expect(stageLimit(clock({ status }), cal, settings)).toBeNull();
    expect(stageLimit(clock({ kind: 'infoRequest', status: 'needsCompletion' }), cal, settings)).toBeNull();
  });

  it('restarts the answer clock from the completion day', () => {
    const restarted = stageLimit(clock({ kind: 'infoRequest', receivedOn: '2026-10-12' }), cal, settings);
    expect(restarted?.due).toBe('2026-11-09');
  });

  it('asks for completion within 7 working days (the 10th, a Saturday, is worked)', () => {
    expect(completionRequestDue('2026-09-29', cal)).toBe('2026-10-14');
  });

  it('marks a limit in an unconfigured year as uncertain', () => {
    expect(
      stageLimit(clock({ kind: 'infoRequest', receivedOn: '2027-01-04' }), cal, settings)?.uncertain,
    ).toBe(true);
  });

  it('extends reports by at most 30 calendar days, requests by 20 working days, letters never', () => {
    expect(maxExtension('report')).toEqual({ days: 30, unit: 'calendarDays' });
    expect(maxExtension('infoRequest')).toEqual({ days: 20, unit: 'workingDays' });
    expect(maxExtension('mailbox')).toBeNull();
  });

  it.each([
    ['2026-10-10', '2026-10-20', 'onTime'],
    ['2026-10-17', '2026-10-20', 'dueSoon'],
    ['2026-10-20', '2026-10-20', 'dueSoon'],
    ['2026-10-21', '2026-10-20', 'overdue'],
  ] as const)('on %s a limit due %s is %s', (today, due, expected) => {
    expect(timeliness(due, today)).toBe(expected);
  });
});

describe('tracking numbers', () => {
  it('formats and reads back what people type', () => {
    const n = formatTrackingNumber(
      'report',
      '2026-12-02',
      codeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5]), 6),
    );
    expect(n).toBe('JB-20261202-34679A');
    expect(normaliseTrackingNumber(' jb 20261202 34679a ')).toBe(n);
    expect(normaliseTrackingNumber('ＪＢ－２０２６１２０２－３４６７９Ａ')).toBe(n);
    expect(normaliseTrackingNumber('JB-2026-1')).toBeNull();
  });
});
