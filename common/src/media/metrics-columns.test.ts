import { describe, expect, it } from 'vitest';
import { planMetricsImport } from './metrics-columns.ts';

const WECHAT = [
  '日期',
  '群发篇数',
  '头条篇数',
  '阅读次数',
  '在看次数',
  '点赞次数',
  '分享次数',
  '新关注人数',
  '取消关注人数',
  '净增关注人数',
  '累积关注人数',
];
const WEIBO = [
  '日期',
  '发博数',
  '阅读数',
  '转发数',
  '评论数',
  '点赞数',
  '新增粉丝数',
  '减少粉丝数',
  '粉丝总数',
];
const opts = { today: '2018-12-31', openedOn: '2018-01-01' };
const t = (header: string[], ...rows: string[][]) => ({
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('metrics import', () => {
  it('reads a WeChat back-end export and a Weibo export (comments accepted and not kept)', () => {
    const a = planMetricsImport(
      t(WECHAT, ['2018-05-02', '2', '1', '1,200', '12', '30', '8', '15', '3', '12', '1012']),
      opts,
    );
    expect(a.ok && a.rows[0]).toMatchObject({
      period: 'day',
      start: '2018-05-02',
      posts: 2,
      reads: 1200,
      followersNet: 12,
      followersTotal: 1012,
      peakReads: null,
    });
    const b = planMetricsImport(t(WEIBO, ['20180503', '3', '900', '5', '2', '40', '6', '1', '800']), opts);
    expect(b.ok && b.rows[0]).toMatchObject({
      start: '2018-05-03',
      posts: 3,
      shares: 5,
      zaikan: null,
      followersNet: 5,
    });
  });

  it('monthly rows', () => {
    const r = planMetricsImport(
      t(['月份', '发文篇数', '阅读次数'], ['2018-05', '20', '3000'], ['2018年6月', '18', '2500']),
      opts,
    );
    expect(r.ok && r.rows.map((x) => [x.period, x.start])).toEqual([
      ['month', '2018-05-01'],
      ['month', '2018-06-01'],
    ]);
  });

  it.each([
    [
      'an unknown column',
      t(['日期', '发文篇数', '打赏金额'], ['2018-05-01', '1', '5']),
      [['header', '打赏金额']],
    ],
    ['no date column', t(['发文篇数'], ['1']), [['header', '日期']]],
    ['a duplicate date', t(['日期', '发文篇数'], ['2018-05-01', '1'], ['2018/5/1', '2']), [[3, '日期']]],
    [
      'negative followers',
      t(['日期', '发文篇数', '累积关注人数'], ['2018-05-01', '1', '-3']),
      [[2, '累积关注人数']],
    ],
    ['a negative count', t(['日期', '发文篇数', '阅读次数'], ['2018-05-01', '1', '-1']), [[2, '阅读次数']]],
    ['a future date', t(['日期', '发文篇数'], ['2019-01-01', '1']), [[2, '日期']]],
    ['before the opening', t(['日期', '发文篇数'], ['2017-12-31', '1']), [[2, '日期']]],
    ['not a date', t(['日期', '发文篇数'], ['2018-02-30', '1']), [[2, '日期']]],
    ['not a number', t(['日期', '发文篇数'], ['2018-05-01', '一']), [[2, '发文篇数']]],
    [
      'more headline posts than posts',
      t(['日期', '发文篇数', '头条篇数'], ['2018-05-01', '1', '2']),
      [[2, '头条篇数']],
    ],
    [
      'net that does not add up',
      t(
        ['日期', '发文篇数', '新关注人数', '取消关注人数', '净增关注人数'],
        ['2018-05-01', '1', '5', '1', '9'],
      ),
      [[2, '净增关注人数']],
    ],
    ['days and months mixed', t(['日期', '发文篇数'], ['2018-05-01', '1'], ['2018-06', '1']), [[3, '日期']]],
  ])('refuses %s, naming row and column, and imports nothing', (_l, table, where) => {
    const r = planMetricsImport(table, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.row, p.column])).toEqual(where);
  });

  it('more likes than reads is allowed', () => {
    expect(
      planMetricsImport(
        t(['日期', '发文篇数', '阅读次数', '点赞次数'], ['2018-05-01', '1', '10', '50']),
        opts,
      ).ok,
    ).toBe(true);
  });
});
