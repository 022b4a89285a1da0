import { describe, expect, it } from 'vitest';
import { interviewCandidates, type MonthRanks } from './interview-rule.ts';

const month = (m: number, ranks: number[]): MonthRanks => ({
  month: m,
  size: ranks.length,
  ranks: new Map(ranks.map((r, i) => [i + 1, r])),
});
const year = (ranks: number[], complete = true) => ({
  size: ranks.length,
  complete,
  ranks: new Map(ranks.map((r, i) => [i + 1, r])),
});

describe('interview list rule', () => {
  it('catches a unit in the last 2 for 3 consecutive months, not one with a break', () => {
    const months = [
      month(1, [1, 2, 3, 4, 5]),
      month(2, [1, 2, 5, 4, 3]),
      month(3, [1, 2, 3, 5, 4]),
      month(4, [1, 2, 3, 4, 5]),
    ];
    const c = interviewCandidates(
      { bottomN: 2, consecutiveMonths: 3, lastForYear: false },
      months,
      year([1, 2, 3, 4, 5], false),
    );
    expect(c.map((x) => [x.unitId, x.months])).toEqual([[4, [1, 2, 3, 4]]]);
    expect(c[0]!.zh).toContain('连续 4 个月');
  });

  it('counts ties at the bottom together, and ranks nobody in a month where everyone ties', () => {
    const months = [1, 2, 3].map((m) => month(m, [1, 2, 3, 3, 3]));
    const everyoneTied = [4, 5, 6].map((m) => month(m, [1, 1, 1, 1, 1]));
    const c = interviewCandidates(
      { bottomN: 2, consecutiveMonths: 3, lastForYear: false },
      [...months, ...everyoneTied],
      year([1, 1, 1, 1, 1]),
    );
    expect(c.map((x) => x.unitId)).toEqual([3, 4, 5]);
  });

  it('catches the last for the year only once the year is complete', () => {
    const rule = { bottomN: 2, consecutiveMonths: 0, lastForYear: true };
    expect(
      interviewCandidates(rule, [], year([2, 1, 3])).map((x) => [x.unitId, x.lastForYear, x.zh]),
    ).toEqual([[3, true, '年度排名本组末位']]);
    expect(interviewCandidates(rule, [], year([2, 1, 3], false))).toEqual([]);
  });
});
