import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_2018 } from '../assessment/default-plan-2018.ts';
import { subscriptionItem, subscriptionQuota, summariseSubscriptions, tallyPosts } from './media-work.ts';

describe('subscriptions', () => {
  const item = subscriptionItem(DEFAULT_PLAN_2018);
  it.each([
    ['countyBureau', 30],
    ['department', 2],
    ['affiliatedUnit', 5],
    ['cityBureau', null],
  ])('the 2018 plan asks a %s for %s copies', (kind, quota) => {
    expect(item?.code).toBe('C1');
    expect(subscriptionQuota(DEFAULT_PLAN_2018, item, kind)).toBe(quota);
  });

  it('sums copies by unit and paper, the amount in yuan, and says whether the quota is met', () => {
    const s = summariseSubscriptions(
      [
        { unitId: 1, unitName: '武陵', paper: '中国环境报', copies: 20, amountFen: 648000 },
        { unitId: 2, unitName: '鼎城', paper: '中国环境报', copies: 12, amountFen: null },
        { unitId: 1, unitName: '武陵', paper: '湖南日报', copies: 10, amountFen: 50050 },
      ],
      (id) => (id === 1 ? 30 : id === 2 ? 30 : null),
    );
    expect(s.papers).toEqual(['湖南日报', '中国环境报']);
    expect(s.units).toEqual([
      {
        unitId: 1,
        unitName: '武陵',
        byPaper: { 中国环境报: 20, 湖南日报: 10 },
        copies: 30,
        amountYuan: 6980.5,
        quota: 30,
        met: true,
      },
      {
        unitId: 2,
        unitName: '鼎城',
        byPaper: { 中国环境报: 12 },
        copies: 12,
        amountYuan: 0,
        quota: 30,
        met: false,
      },
    ]);
  });
});

describe('commentator tally', () => {
  it.each([
    [['2018-01-05', '2018-01-31', '2018-12-01'], [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 3],
    [['2017-12-31', '2019-01-01'], Array(12).fill(0), 0],
    [[], Array(12).fill(0), 0],
  ])('posts on %j count as %j in 2018', (days, months, total) => {
    const [row] = tallyPosts(
      [{ id: 7, name: '向阳', unitName: '武陵' }],
      [
        ...days.map((postedOn) => ({ commentatorId: 7, postedOn })),
        { commentatorId: 8, postedOn: '2018-01-02' },
      ],
      2018,
    );
    expect(row).toEqual({ commentatorId: 7, name: '向阳', unitName: '武陵', months, total });
  });
});
