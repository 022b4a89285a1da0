// The submission form offers what the plan scores (decision 211), read from the plan, not listed by hand.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_2018 } from '../assessment/default-plan-2018.ts';
import type { PlanDocument } from '../assessment/plan.ts';
import { offeredSubmissionKinds, scoredSubmissionKinds } from './offered-kinds.ts';
import { SUBMISSION_KINDS } from './submission-kinds.ts';

const plan = (edit: (doc: PlanDocument) => void) => {
  const doc = structuredClone(DEFAULT_PLAN_2018);
  edit(doc);
  return doc;
};

describe('the kinds a plan scores', () => {
  it('the 2018 template: the reports and activities; not 微信公众号开通, 公众号粉丝数, 报刊征订 (the registers feed block C)', () => {
    for (const unitKind of ['countyBureau', 'department', 'affiliatedUnit', null])
      expect(scoredSubmissionKinds(DEFAULT_PLAN_2018, unitKind)).toEqual([
        'newsReport',
        'govInfo',
        'onlineMedia',
        'newMedia',
        'activity',
      ]);
  });

  it('follows the plan: an item that matches a kind again brings it back, for the groups it applies to', () => {
    const doc = plan((d) => {
      const c1 = d.blocks.flatMap((b) => b.items).find((i) => i.code === 'C1')!;
      c1.rule.match.kinds = ['mediaSubscription', 'subscription'];
      c1.notApplicableTo = ['department'];
    });
    expect(scoredSubmissionKinds(doc, 'countyBureau')).toContain('subscription');
    expect(scoredSubmissionKinds(doc, 'department')).not.toContain('subscription');
    expect(scoredSubmissionKinds(doc, null)).toContain('subscription'); // a unit in no group: any item
  });

  it('a kind no item matches any more is no longer scored', () => {
    const doc = plan((d) => {
      for (const b of d.blocks)
        for (const i of b.items) i.rule.match.kinds = i.rule.match.kinds.filter((k) => k !== 'govInfo');
    });
    expect(scoredSubmissionKinds(doc, 'countyBureau')).not.toContain('govInfo');
  });
});

describe('the kinds the form offers', () => {
  const scored = scoredSubmissionKinds(DEFAULT_PLAN_2018, 'countyBureau');
  it('the scored kinds; an edited old submission keeps its own kind, in the usual order', () => {
    expect(offeredSubmissionKinds(scored)).toEqual(scored);
    expect(offeredSubmissionKinds(scored, 'followerCount')).toEqual([...scored, 'followerCount']);
    expect(offeredSubmissionKinds(scored, 'newsReport')).toEqual(scored);
  });
  it('every kind when there is no plan to read', () => {
    expect(offeredSubmissionKinds(null)).toEqual([...SUBMISSION_KINDS]);
  });
});
