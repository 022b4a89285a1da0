import { describe, expect, it } from 'vitest';
import { halfOf, quarterOf } from './activity-kinds.ts';
import { checkFiveIntoNorm, DEFAULT_FIVE_INTO_NORM, periodsOf, type FiveIntoNorm } from './five-into-norm.ts';

describe('periods', () => {
  it.each([
    ['2018-01-01', '2018-Q1', '2018-H1'],
    ['2018-03-31', '2018-Q1', '2018-H1'],
    ['2018-04-01', '2018-Q2', '2018-H1'],
    ['2018-06-30', '2018-Q2', '2018-H1'],
    ['2018-07-01', '2018-Q3', '2018-H2'],
    ['2018-12-31', '2018-Q4', '2018-H2'],
  ])('%s is in %s and %s', (d, q, h) => {
    expect(quarterOf(d)).toBe(q);
    expect(halfOf(d)).toBe(h);
  });
  it('lists the periods of a year', () => {
    expect(periodsOf(2018, 'year')).toEqual(['2018']);
    expect(periodsOf(2018, 'quarter')).toEqual(['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4']);
  });
});

const two: FiveIntoNorm = { ...DEFAULT_FIVE_INTO_NORM, targets: ['school', 'village'] };

describe('checkFiveIntoNorm', () => {
  it.each([
    {
      name: 'all met in H1, H2 not begun',
      events: [
        { unitId: 1, target: 'school', heldOn: '2018-03-01' },
        { unitId: 1, target: 'village', heldOn: '2018-06-30' },
      ],
      today: '2018-06-30',
      meets: true,
      missing: 0,
    },
    {
      name: 'H2 has begun and nothing happened in it',
      events: [
        { unitId: 1, target: 'school', heldOn: '2018-03-01' },
        { unitId: 1, target: 'village', heldOn: '2018-06-30' },
      ],
      today: '2018-07-01',
      meets: false,
      missing: 2,
    },
    {
      name: 'two schools do not make up for no village',
      events: [
        { unitId: 1, target: 'school', heldOn: '2018-03-01' },
        { unitId: 1, target: 'school', heldOn: '2018-04-01' },
      ],
      today: '2018-05-01',
      meets: false,
      missing: 1,
    },
    {
      name: 'another unit’s and another year’s events do not count',
      events: [
        { unitId: 2, target: 'school', heldOn: '2018-03-01' },
        { unitId: 1, target: 'village', heldOn: '2017-03-01' },
      ],
      today: '2018-05-01',
      meets: false,
      missing: 2,
    },
  ] as const)('$name', ({ events, today, meets, missing }) => {
    const [row] = checkFiveIntoNorm(two, [1], [...events], 2018, today);
    expect(row!.meets).toBe(meets);
    expect(row!.missing).toBe(missing);
    expect(row!.cells).toHaveLength(4);
  });

  it('a norm of two per target per quarter', () => {
    const norm: FiveIntoNorm = { ...two, perTarget: 2, period: 'quarter', targets: ['school'] };
    const ev = (heldOn: string) => ({ unitId: 7, target: 'school' as const, heldOn });
    const [row] = checkFiveIntoNorm(
      norm,
      [7],
      [ev('2018-01-05'), ev('2018-02-05'), ev('2018-04-05')],
      2018,
      '2018-05-01',
    );
    expect(row!.cells.map((c) => [c.period, c.count, c.met])).toEqual([
      ['2018-Q1', 2, true],
      ['2018-Q2', 1, false],
      ['2018-Q3', 0, false],
      ['2018-Q4', 0, false],
    ]);
    expect(row!.missing).toBe(1);
  });
});
