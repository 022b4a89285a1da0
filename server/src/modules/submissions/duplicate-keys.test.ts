import { describe, expect, it } from 'vitest';
import { lengthsCompatible, normaliseLink, normaliseTitle, titleSimilarity } from './duplicate-keys.ts';

describe('normaliseLink', () => {
  it.each([
    ['https://www.Example.cn/a/b/', 'example.cn/a/b'],
    ['http://example.cn/a/b#comments', 'example.cn/a/b'],
    ['https://example.cn/a?utm_source=wx&utm_medium=share&id=3', 'example.cn/a?id=3'],
    ['https://example.cn/a?b=2&a=1', 'example.cn/a?a=1&b=2'],
    [
      'https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=ab&chksm=xx&scene=21#wechat_redirect',
      'mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=26&sn=ab',
    ],
    ['https://example.cn:443/x', 'example.cn/x'],
    ['https://example.cn:8443/x', 'example.cn:8443/x'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseLink(input)).toBe(expected);
  });

  it('makes the same article shared two ways equal', () => {
    expect(normaliseLink('https://www.rednet.cn/content/2018/06/05/1.html?from=timeline')).toBe(
      normaliseLink('http://rednet.cn/content/2018/06/05/1.html/#top'),
    );
  });

  it('gives null for nothing or a non-URL', () => {
    expect(normaliseLink(null)).toBeNull();
    expect(normaliseLink('not a url')).toBeNull();
  });
});

describe('titles', () => {
  it('normalises width, case, spaces and punctuation', () => {
    expect(normaliseTitle('常德市 “六五”环境日：ＡＢＣ！')).toBe('常德市六五环境日abc');
  });

  it('scores near-identical titles at 0.9 or more and different ones below', () => {
    const a = normaliseTitle('常德市举办2018年六五环境日主题宣传活动');
    const b = normaliseTitle('常德市举办2018年“六五”环境日主题宣传活动！');
    const c = normaliseTitle('常德市举办2018年六五环境日主题宣传活动启动');
    const d = normaliseTitle('鼎城区开展污染源普查入户培训');
    expect(titleSimilarity(a, b)).toBe(1);
    expect(titleSimilarity(a, c)).toBeGreaterThanOrEqual(0.9);
    expect(titleSimilarity(a, d)).toBeLessThan(0.3);
    expect(titleSimilarity('', '')).toBe(0);
  });

  it('skips by length only pairs that cannot reach the threshold', () => {
    expect(lengthsCompatible('一二三四五六七八九十', '一二三四五六七八九十一')).toBe(true);
    expect(lengthsCompatible('一二三', '一二三四五六七八九十')).toBe(false);
  });
});
