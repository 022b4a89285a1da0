import { describe, expect, it } from 'vitest';
import { proposeAwards } from './award-proposal.ts';
import {
  aggregateWork,
  checkSheet,
  DEFAULT_RUBRIC,
  rankWorks,
  sheetTotal,
  type Criterion,
} from './score-aggregation.ts';

const rubric: Criterion[] = [
  { code: 'a', name: '主题', weight: 60, min: 0, max: 10 },
  { code: 'b', name: '工艺', weight: 40, min: 1, max: 5 },
];

describe('checkSheet', () => {
  it.each([
    [{ a: 10, b: 5 }, []],
    [{ a: 10 }, ['b']],
    [{ a: 11, b: 5 }, ['a']],
    [{ a: -1, b: 0 }, ['a', 'b']],
    [{ a: 7.25, b: 3 }, ['a']],
    [{ a: 7.5, b: 3, c: 1 }, ['c']],
  ])('%j → problems with %j', (scores, bad) => {
    expect(
      checkSheet(rubric, scores)
        .map((p) => p.criterion)
        .sort(),
    ).toEqual(bad);
  });
});

describe('sheetTotal', () => {
  it.each([
    [{ a: 10, b: 5 }, 100],
    [{ a: 0, b: 1 }, 0],
    [{ a: 5, b: 3 }, 50],
    [{ a: 10, b: 1 }, 60],
  ])('%j → %d', (scores, total) => expect(sheetTotal(rubric, scores)).toBe(total));
  it('the default rubric sums its weights to 100', () =>
    expect(DEFAULT_RUBRIC.reduce((s, c) => s + c.weight, 0)).toBe(100));
});

describe('aggregateWork', () => {
  it.each([
    { totals: [80], score: 80, trimmed: false, outliers: [] },
    { totals: [80, 90, 70], score: 80, trimmed: false, outliers: [] },
    // five judges: the 20 is dropped as the lowest and flagged as far from the median 84
    { totals: [84, 86, 20, 82, 90], score: 84, trimmed: true, outliers: [2] },
    { totals: [70, 71, 72, 99], score: 71.5, trimmed: true, outliers: [3] },
  ])('$totals → $score', ({ totals, score, trimmed, outliers }) => {
    const r = aggregateWork(totals)!;
    expect(r.score).toBe(score);
    expect(r.trimmed).toBe(trimmed);
    expect(r.outliers).toEqual(outliers);
  });
  it('no sheets, no score', () => expect(aggregateWork([])).toBeNull());
});

describe('rankWorks: the tie rule', () => {
  const w = (workId: number, score: number, mean: number, leadCriterion: number) => ({
    workId,
    score: { score, mean, median: score, sheets: 5, trimmed: true, outliers: [] },
    leadCriterion,
  });
  it('score, then mean, then the heaviest criterion, then the earlier entry', () => {
    const r = rankWorks([
      w(5, 80, 79, 8),
      w(4, 80, 80, 7),
      w(3, 90, 90, 9),
      w(2, 80, 79, 8),
      w(1, 80, 79, 9),
    ]);
    expect(r.map((x) => [x.workId, x.position, x.tieBrokenBy])).toEqual([
      [3, 1, null],
      [4, 2, null],
      [1, 3, 'mean'],
      [2, 4, 'leadCriterion'],
      [5, 5, 'entryOrder'],
    ]);
  });
  // its speed is measured in npm run bench (bench/suites/activities.ts), not asserted here
  it('aggregates and ranks 1,000 works × 5 judges: every work once, best first', () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => {
      const totals = Array.from({ length: 5 }, (_, j) => ((i * 37 + j * 11) % 100) + 0.5);
      return { workId: i + 1, score: aggregateWork(totals)!, leadCriterion: totals[0]! };
    });
    const ranked = rankWorks(inputs);
    expect(ranked).toHaveLength(1000);
    expect(new Set(ranked.map((r) => r.workId)).size).toBe(1000);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score.score).toBeGreaterThanOrEqual(ranked[i]!.score.score);
  });
});

describe('proposeAwards', () => {
  const ranked = [95, 90, 85, 80, 75, 70, 40].map((score, i) => ({ workId: i + 1, score }));
  it('fills the quotas in order', () => {
    expect([...proposeAwards(ranked, { first: 1, second: 2, third: 2, excellence: 1 })]).toEqual([
      [1, 'first'],
      [2, 'second'],
      [3, 'second'],
      [4, 'third'],
      [5, 'third'],
      [6, 'excellence'],
    ]);
  });
  it('stops at the floor score', () => {
    expect([...proposeAwards(ranked, { first: 1, second: 1, third: 1, excellence: 10 }, 60)].length).toBe(6);
  });
  it('more quota than works', () => {
    expect(proposeAwards(ranked.slice(0, 2), { first: 1, second: 5, third: 5, excellence: 5 }).size).toBe(2);
  });
});
