import { describe, expect, it } from 'vitest';
import {
  dingtalkBody,
  fillTemplate,
  MAX_ATTEMPTS,
  messageText,
  nextAttemptAt,
  unknownPlaceholders,
  wecomBody,
  WECOM_MARKDOWN_MAX_BYTES,
} from './message-formats.ts';

const m = { title: '待审核稿件 3 篇', body: '请及时审核', url: 'https://gv.example.cn/admin/review' };

describe('robot bodies', () => {
  it.each([
    [
      wecomBody(m),
      {
        msgtype: 'markdown',
        markdown: {
          content: '**待审核稿件 3 篇**\n\n请及时审核\n\n[查看详情](https://gv.example.cn/admin/review)',
        },
      },
    ],
    [
      dingtalkBody(m),
      {
        msgtype: 'markdown',
        markdown: {
          title: '待审核稿件 3 篇',
          text: '#### 待审核稿件 3 篇\n\n请及时审核\n\n[查看详情](https://gv.example.cn/admin/review)',
        },
      },
    ],
    [
      wecomBody({ title: 'a*b', body: null, url: null }),
      { msgtype: 'markdown', markdown: { content: '**a\\*b**' } },
    ],
  ])('%#', (body, expected) => expect(body).toEqual(expected));

  it('keeps a WeCom message within its byte limit', () => {
    const long = wecomBody({ title: '长', body: '字'.repeat(3000), url: null }).markdown.content;
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
  });
});

describe('the SMS template', () => {
  const values = {
    mobile: '13907360003',
    title: '标题"引号"',
    body: '正文&符号',
    text: 'T',
    link: '',
    secret: 'k',
  };
  it.each([
    [
      '{"to":"{{mobile}}","msg":"{{title}}"}',
      'application/json',
      '{"to":"13907360003","msg":"标题\\"引号\\""}',
    ],
    [
      'to={{mobile}}&msg={{ body }}',
      'application/x-www-form-urlencoded',
      `to=13907360003&msg=${encodeURIComponent('正文&符号')}`,
    ],
    ['{{unknown}}', 'application/json', '{{unknown}}'],
  ] as const)('%s', (template, type, expected) =>
    expect(fillTemplate(template, type, values)).toBe(expected),
  );

  it('names placeholders that are not ours', () => {
    expect(unknownPlaceholders('{{mobile}} {{mobil}} {{ text }} {{x}}')).toEqual(['mobil', 'x']);
  });
  it('writes title, body and address on lines', () => {
    expect(messageText({ title: 'T', body: null, url: 'u' })).toBe('T\nu');
  });
});

describe('retries back off exponentially, capped, then give up', () => {
  const now = new Date('2026-12-02T00:00:00Z');
  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [7, 3_600_000],
  ])('after %i failed attempt(s): wait %i ms', (attempts, wait) =>
    expect(nextAttemptAt(attempts, now)!.getTime() - now.getTime()).toBe(wait),
  );
  it('gives up after the last attempt', () => expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull());
});
