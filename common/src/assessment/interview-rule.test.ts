import { describe, expect, it } from 'vitest';
import { interviewList, type InterviewRule, type MonthPoints } from './interview-rule.ts';

/** units 1…n; each row is one month's points by unit */
const months = (...rows: number[][]): MonthPoints[] =>
  rows.map((points, i) => ({ month: i + 1, points: new Map(points.map((p, j) => [j + 1, p])) }));
const RULE: InterviewRule = { bottomN: 2, consecutiveMonths: 3, lastForYear: false };
const zeros = (n: number) => Array.from({ length: n }, () => 0);

const cases: Array<{
  name: string;
  rule?: Partial<InterviewRule>;
  months: MonthPoints[];
  complete?: boolean;
  candidates: Array<[number, number[]]>;
  silent?: number[];
}> = [
  {
    name: 'a unit in the last 2 for 3 months running; one with a break is not',
    months: months([9, 8, 7, 2, 1], [9, 8, 1, 2, 7], [9, 8, 7, 1, 2], [9, 8, 7, 2, 1]),
    candidates: [[4, [1, 2, 3, 4]]],
  },
  {
    name: 'a tie at the bottom is broken by the points of the year so far',
    months: months([9, 8, 7, 3, 1], [9, 8, 7, 0, 0], [9, 8, 7, 0, 0]),
    candidates: [
      [4, [1, 2, 3]],
      [5, [1, 2, 3]],
    ],
  },
  {
    name: 'a tie that does not fit into the last 2 singles out nobody that month',
    months: months([9, 8, 1, 1, 1], [9, 8, 1, 1, 1], [9, 8, 1, 1, 1]),
    candidates: [],
  },
  {
    name: 'a month where everyone ties (nothing reported yet) ranks nobody and silences nobody',
    months: months(zeros(5), zeros(5), zeros(5)),
    candidates: [],
    silent: [],
  },
  {
    name: '20 of 28 units never score: none of them is singled out by rank, all are listed as not reporting',
    months: months(...[1, 2, 3].map(() => [...[9, 8, 7, 6, 5, 4, 3, 2], ...zeros(20)])),
    candidates: [],
    silent: Array.from({ length: 20 }, (_, i) => i + 9),
  },
  {
    name: '20 of 28 units score 0 in three months but differ over the year: the long-term bottom two',
    months: months(
      [...[90, 80, 70, 60, 50, 40, 30, 20], ...Array.from({ length: 20 }, (_, i) => i + 1)],
      [...[9, 8, 7, 6, 5, 4, 3, 2], ...zeros(20)],
      [...[9, 8, 7, 6, 5, 4, 3, 2], ...zeros(20)],
      [...[9, 8, 7, 6, 5, 4, 3, 2], ...zeros(20)],
    ),
    candidates: [
      [9, [1, 2, 3, 4]],
      [10, [1, 2, 3, 4]],
    ],
    silent: Array.from({ length: 18 }, (_, i) => i + 11),
  },
  {
    name: 'the last for the year only once the year is complete, and only a unit alone in last place',
    rule: { consecutiveMonths: 0, lastForYear: true },
    months: months([5, 6, 1]),
    complete: true,
    candidates: [[3, []]],
  },
  {
    name: 'the year is not complete: nobody is last for it',
    rule: { consecutiveMonths: 0, lastForYear: true },
    months: months([5, 6, 1]),
    complete: false,
    candidates: [],
  },
  {
    name: 'two units tied last for the year: nobody is singled out',
    rule: { consecutiveMonths: 0, lastForYear: true },
    months: months([5, 1, 1]),
    complete: true,
    candidates: [],
  },
  {
    name: 'months in which nobody scored do not extend a run (the year so far alone decides nothing)',
    months: months([9, 8, 7, 1, 0], [9, 8, 7, 1, 0], [9, 8, 7, 1, 0], zeros(5), zeros(5)),
    candidates: [
      [4, [1, 2, 3]],
      [5, [1, 2, 3]],
    ],
  },
  {
    name: 'a group no bigger than bottomN ranks nobody at the bottom',
    months: months([2, 1], [2, 1], [2, 1]),
    candidates: [],
  },
];

describe('interview list rule (table)', () => {
  for (const c of cases)
    it(c.name, () => {
      const out = interviewList({ ...RULE, ...c.rule }, c.months, c.complete ?? false);
      expect(out.candidates.map((x) => [x.unitId, x.months])).toEqual(c.candidates);
      if (c.silent) expect(out.silent.map((s) => s.unitId)).toEqual(c.silent);
    });

  it('says why, in Chinese and English', () => {
    const out = interviewList(
      { bottomN: 2, consecutiveMonths: 3, lastForYear: true },
      months([9, 8, 7, 1], [9, 8, 7, 1], [9, 8, 7, 1]),
      true,
    );
    expect(out.candidates.find((c) => c.unitId === 4)).toMatchObject({
      unitId: 4,
      lastForYear: true,
      zh: '1—3月连续 3 个月排在本组后 2 名；年度排名本组末位',
    });
    expect(out.candidates.find((c) => c.unitId === 4)!.en).toContain('3 months running');
  });
});
