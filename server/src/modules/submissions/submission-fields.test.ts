import { describe, expect, it } from 'vitest';
import { cleanForKind, dateProblem, missingForReview, type SubmissionDraft } from './submission-fields.ts';

const base: SubmissionDraft = {
  kind: 'newsReport',
  title: ' 标题 ',
  date: '2018-06-05',
  outletId: 3,
  link: 'https://example.cn/a',
  themes: [],
  activityType: 'contestAward',
  awardRank: 'first',
  quantity: 10,
  accountName: '常德环保',
  summary: '  ',
};

describe('submission fields by kind', () => {
  it('clears what the kind does not use', () => {
    expect(cleanForKind(base)).toMatchObject({
      title: '标题',
      outletId: 3,
      activityType: null,
      awardRank: null,
      quantity: null,
      accountName: null,
      summary: null,
    });
    expect(cleanForKind({ ...base, kind: 'followerCount' })).toMatchObject({
      outletId: null,
      link: null,
      quantity: 10,
      accountName: '常德环保',
    });
    expect(cleanForKind({ ...base, kind: 'activity', activityType: 'environmentDay' }).awardRank).toBeNull();
  });

  it.each<[Partial<SubmissionDraft>, string[]]>([
    [{ kind: 'newsReport', outletId: null }, ['/outletId']],
    [{ kind: 'onlineMedia', link: null }, ['/link']],
    [{ kind: 'activity', activityType: null }, ['/activityType']],
    [{ kind: 'activity', activityType: 'contestAward', awardRank: null }, ['/awardRank']],
    [{ kind: 'subscription', quantity: null }, ['/quantity']],
    [{ kind: 'wechatAccount', accountName: null }, ['/accountName']],
    [{ kind: 'followerCount', accountName: null, quantity: null }, ['/quantity', '/accountName']],
    [{ kind: 'govInfo', outletId: null, link: null }, []],
  ])('%o needs %o before review', (change, fields) => {
    expect(missingForReview(cleanForKind({ ...base, ...change })).map((e) => e.field)).toEqual(fields);
  });

  it('refuses future and ancient dates', () => {
    expect(dateProblem('2018-06-06', '2018-06-05')?.field).toBe('/date');
    expect(dateProblem('1999-12-31', '2018-06-05')?.field).toBe('/date');
    expect(dateProblem('2018-06-05', '2018-06-05')).toBeNull();
  });
});
