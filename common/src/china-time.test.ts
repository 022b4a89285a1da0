import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaDateTime,
  chinaDayEnd,
  chinaDayStart,
  chinaInstant,
  chinaMs,
  chinaNow,
  chinaRecentMonths,
  chinaToday,
  isChinaDay,
  nextChinaMidnight,
} from './china-time.ts';

// 2018-04-30 23:59:59 in China
const LATE = Date.parse('2018-04-30T15:59:59Z');

describe('China time (UTC+8)', () => {
  it('turns an instant into the calendar date in UTC+8', () => {
    expect(chinaDate('2018-04-30T15:59:59Z')).toBe('2018-04-30');
    expect(chinaDate('2018-04-30T16:00:00Z')).toBe('2018-05-01');
  });

  it('says what now is in China: date, month, hour, minute; today and days on', () => {
    expect(chinaNow(LATE)).toEqual({
      date: '2018-04-30',
      month: '2018-04',
      hour: '2018-04-30T23:00',
      minute: '2018-04-30T23:59',
    });
    expect(chinaToday(0, LATE)).toBe('2018-04-30');
    expect(chinaToday(1, LATE)).toBe('2018-05-01');
    expect(chinaToday(-30, LATE)).toBe('2018-03-31');
  });

  it('writes an instant as China wall-clock time, and nothing for no instant', () => {
    expect(chinaDateTime('2018-04-30T15:59:59Z')).toBe('2018-04-30 23:59');
    expect(chinaDateTime(null)).toBe('');
    expect(chinaDateTime('soon')).toBe('');
  });

  it('reads China wall-clock time back into instants', () => {
    expect(chinaInstant('2018-05-01')).toBe('2018-04-30T16:00:00.000Z');
    expect(chinaInstant('2018-05-01 08:30')).toBe('2018-05-01T00:30:00.000Z');
    expect(chinaMs('2018-05-01T08:30:59')).toBe(Date.parse('2018-05-01T00:30:00Z'));
    expect(chinaDayStart('2018-05-01')).toBe('2018-04-30T16:00:00.000Z');
    expect(chinaDayEnd('2018-05-01')).toBe('2018-05-01T16:00:00.000Z');
    expect(Number.isNaN(chinaMs('someday'))).toBe(true);
  });

  it('knows real days, the next midnight and the recent months', () => {
    expect(isChinaDay('2024-02-29')).toBe(true);
    expect(isChinaDay('2026-02-30')).toBe(false);
    expect(isChinaDay('2026-2-3')).toBe(false);
    expect(nextChinaMidnight(LATE)).toBe(Date.parse('2018-04-30T16:00:00Z'));
    expect(nextChinaMidnight(LATE + 1000)).toBe(Date.parse('2018-05-01T16:00:00Z'));
    expect(chinaRecentMonths(3, LATE)).toEqual(['2018-04', '2018-03', '2018-02']);
  });
});
