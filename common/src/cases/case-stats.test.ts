import { describe, expect, it } from 'vitest';
import { monthEnd } from '../media/silence.ts';
import { monthlyStats, onTimeRate, type StatsCase } from './case-stats.ts';

const row = (o: Partial<StatsCase>): StatsCase => ({
  kind: 'report',
  status: 'received',
  category: 'water',
  county: '武陵区',
  unitName: null,
  filedOn: '2026-11-03',
  acceptedOn: null,
  answeredOn: null,
  answeredDueOn: null,
  dueOn: null,
  ...o,
});

describe('monthly case statistics', () => {
  it('knows the last day of a month', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });

  it('counts received, accepted, answered on time and late, and open overdue ones', () => {
    const s = monthlyStats(
      [
        row({
          status: 'replied',
          acceptedOn: '2026-11-04',
          answeredOn: '2026-11-20',
          answeredDueOn: '2027-01-03',
        }),
        row({
          status: 'replied',
          filedOn: '2026-09-01',
          acceptedOn: '2026-09-02',
          answeredOn: '2026-11-05',
          answeredDueOn: '2026-11-01',
          unitName: '武陵区环境保护局',
        }),
        row({ status: 'accepted', filedOn: '2026-08-01', acceptedOn: '2026-08-02', dueOn: '2026-10-01' }),
        row({
          kind: 'mailbox',
          category: null,
          county: null,
          status: 'received',
          filedOn: '2026-11-10',
          dueOn: '2026-12-01',
        }),
        row({
          kind: 'infoRequest',
          category: null,
          county: null,
          filedOn: '2026-10-10',
          status: 'withdrawn',
        }),
      ],
      '2026-11',
      '2026-12-02',
    );
    expect(s.total).toMatchObject({ received: 2, accepted: 2, answered: 2, onTime: 1, late: 1, overdue: 1 });
    expect(s.byKind.find((l) => l.key === 'mailbox')).toMatchObject({ received: 1, accepted: 1, overdue: 0 });
    expect(s.byCategory).toHaveLength(1);
    expect(s.byUnit.map((l) => l.key)).toEqual(['', '武陵区环境保护局']);
    expect(onTimeRate(s.total)).toBe(50);
  });

  it('keeps a month’s overdue cases overdue once they are answered later', () => {
    const late = row({
      status: 'replied',
      filedOn: '2026-09-01',
      acceptedOn: '2026-09-02',
      answeredOn: '2026-11-05',
      answeredDueOn: '2026-10-20',
    });
    // open at the end of October past its limit; answered (late) in November, overdue no longer
    expect(monthlyStats([late], '2026-10', '2026-12-02').total).toMatchObject({ overdue: 1, answered: 0 });
    expect(monthlyStats([late], '2026-11', '2026-12-02').total).toMatchObject({
      overdue: 0,
      answered: 1,
      late: 1,
    });
    // answered within its limit after the month's end: it was not overdue at the month's end
    const inTime = row({ ...late, answeredDueOn: '2026-11-10' });
    expect(monthlyStats([inTime], '2026-10', '2026-12-02').total.overdue).toBe(0);
  });

  it('bounds overdue by today in the running month', () => {
    const r = [row({ dueOn: '2026-12-10' })];
    expect(monthlyStats(r, '2026-12', '2026-12-05').total.overdue).toBe(0);
    expect(monthlyStats(r, '2026-12', '2026-12-11').total.overdue).toBe(1);
    expect(onTimeRate({ onTime: 0, late: 0 })).toBeNull();
  });
});
