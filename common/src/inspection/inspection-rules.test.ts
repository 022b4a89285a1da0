import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  findingKey,
  inspect,
  type ColumnFacts,
  type SiteFacts,
} from './inspection-rules.ts';

const today = '2026-12-01';
const col = (
  id: number,
  kind: ColumnFacts['kind'],
  newestOn: string | null,
  extra: Partial<ColumnFacts> = {},
) => ({
  id,
  name: `栏目${id}`,
  kind,
  dataPage: false,
  published: newestOn ? 3 : 0,
  newestOn,
  undated: 0,
  ...extra,
});
const healthy: SiteFacts = {
  today,
  homeNewestOn: '2026-11-30',
  columns: [
    col(1, 'news', '2026-11-28'),
    col(2, 'notice', '2026-08-01'),
    col(3, 'data', null, { dataPage: true }),
  ],
  interactionChannels: 3,
  openMessages: [{ id: 9, trackingNumber: 'XX-1', receivedOn: '2026-11-01' }],
  guides: [{ id: 1, name: '环评审批', missing: [] }],
  securityIncident: null,
  accounts: [{ id: 5, name: '常德环境', unitId: 2, unitName: '局机关', flags: [], silentSince: null }],
  pages: [{ path: '/', type: 'home', status: 200, ms: 12, bytes: 20_000, missingMeta: [] }],
  links: [{ from: '/', href: '/channels/news', status: 200 }],
};
const codes = (f: SiteFacts) => inspect(f).findings.map((x) => x.code);

describe('inspection against the 2019 indicators', () => {
  it('a site kept up to date passes with 100 and no finding (a data page is not an empty column)', () => {
    expect(inspect(healthy)).toEqual({
      findings: [],
      site: { vetoed: false, score: 100, passed: true },
      accounts: [{ id: 5, vetoed: false, passed: true }],
    });
  });

  it.each([
    ['home page 15 days old', { homeNewestOn: '2026-11-16' }, 'homeStale'],
    ['home page with nothing', { homeNewestOn: null }, 'homeStale'],
    ['a notice column 7 months old', { columns: [col(2, 'notice', '2026-04-30')] }, 'noticeColumnStale'],
    [
      'five stale news columns',
      { columns: [1, 2, 3, 4, 5].map((i) => col(i, 'news', '2026-11-01')) },
      'columnsStale',
    ],
    ['five empty columns', { columns: [1, 2, 3, 4, 5].map((i) => col(i, 'news', null)) }, 'columnsEmpty'],
    ['no interaction channel', { interactionChannels: 0 }, 'noInteractionChannel'],
    [
      'a message 91 days old',
      { openMessages: [{ id: 1, trackingNumber: 'M-1', receivedOn: '2026-09-01' }] },
      'messageUnanswered',
    ],
    ['no service guide', { guides: [] }, 'noServiceGuide'],
    [
      'a guide without its phone',
      { guides: [{ id: 1, name: 'g', missing: ['联系电话'] }] },
      'serviceGuideIncomplete',
    ],
    ['a recorded security incident', { securityIncident: '首页被篡改' }, 'securityIncident'],
    ['the home page answering 503', { pages: [{ ...healthy.pages[0]!, status: 503 }] }, 'siteUnreachable'],
    ['no home page fetched at all', { pages: [] }, 'siteUnreachable'],
  ] as const)('single veto: %s', (_name, change, code) => {
    const r = inspect({ ...healthy, ...change } as SiteFacts);
    expect(r.findings.map((x) => x.code)).toContain(code);
    expect(r.site).toMatchObject({ vetoed: true, passed: false });
  });

  it('the thresholds are the limits: 14 days, 90 days and four stale news columns still pass', () => {
    const r = inspect({
      ...healthy,
      homeNewestOn: '2026-11-17',
      columns: [1, 2, 3, 4].map((i) => col(i, 'news', '2026-11-01')),
      openMessages: [{ id: 1, trackingNumber: 'M-1', receivedOn: '2026-09-02' }],
    });
    expect(r.site.vetoed).toBe(false);
    expect(r.findings.map((x) => x.code)).toEqual([
      'columnStale',
      'columnStale',
      'columnStale',
      'columnStale',
    ]);
    expect(r.site.score).toBe(92);
  });

  it('deductions are capped per kind and the score never goes below 0', () => {
    const columns = Array.from({ length: 8 }, (_, i) => col(i + 1, 'special', '2026-11-30', { undated: 2 }));
    const r = inspect({ ...healthy, columns });
    expect(r.findings.filter((x) => x.code === 'itemUndated').map((x) => x.points)).toEqual([
      1, 1, 1, 1, 1, 0, 0, 0,
    ]);
    expect(r.site.score).toBe(95);
    const t = {
      ...DEFAULT_THRESHOLDS,
      points: { ...DEFAULT_THRESHOLDS.points, itemUndated: { each: 50, cap: 500 } },
    };
    expect(inspect({ ...healthy, columns }, t).site).toEqual({ vetoed: false, score: 0, passed: false });
  });

  it('an account that never posted is silent, fails on its own, and does not cost the site points', () => {
    const r = inspect({
      ...healthy,
      accounts: [
        {
          id: 5,
          name: 'A',
          unitId: 2,
          unitName: 'U',
          flags: ['silent', 'notFiled'],
          silentSince: '2018-05-01',
        },
        { id: 6, name: 'B', unitId: 3, unitName: 'V', flags: ['stoppedNotDeregistered'], silentSince: null },
      ],
    });
    expect(r.findings.map((x) => [x.code, x.subject.id, x.unitId])).toEqual([
      ['accountSilent', 5, 2],
      ['accountNotFiled', 5, 2],
      ['accountStoppedNotDeregistered', 6, 3],
    ]);
    expect(r.site).toEqual({ vetoed: false, score: 100, passed: true });
    expect(r.accounts).toEqual([
      { id: 5, vetoed: true, passed: false },
      { id: 6, vetoed: false, passed: true },
    ]);
    expect(r.findings[0]!.evidence.zh).toContain('2018-05-01');
  });

  it('pages and links from the server itself: meta tags, slowness and broken links cost points', () => {
    const r = inspect({
      ...healthy,
      pages: [
        ...healthy.pages,
        {
          path: '/incidents',
          type: 'incidents',
          status: 200,
          ms: 3500,
          bytes: 90_000,
          missingMeta: ['ColumnType'],
        },
      ],
      links: [
        { from: '/', href: '/channels/gone', status: 404 },
        { from: '/', href: '/channels/news', status: 200 },
      ],
    });
    expect(r.findings.map((x) => [x.code, x.points, x.subject.label])).toEqual([
      ['metaMissing', 1, '/incidents'],
      ['slowPage', 2, '/incidents'],
      ['brokenLink', 1, '/channels/gone'],
    ]);
    expect(r.site.score).toBe(96);
    expect(findingKey(r.findings[2]!)).toBe('brokenLink:link:/channels/gone');
  });

  it('a broken external link costs a point, capped at 5; unchecked ones are no fact at all', () => {
    const broken = Array.from({ length: 7 }, (_, i) => ({
      from: '/',
      href: `https://www.example.gov.cn/${i}`,
      status: 404,
      detail: 'HTTP 404',
    }));
    const r = inspect({ ...healthy, brokenExternal: broken });
    expect(r.findings.map((x) => x.code)).toEqual(Array(7).fill('externalLinkBroken'));
    expect(r.findings.reduce((n, f) => n + f.points, 0)).toBe(5);
    expect(r.site.score).toBe(95);
    expect(r.findings[0]!.evidence.zh).toBe('/ 上的外部链接 https://www.example.gov.cn/0 不可用（HTTP 404）');
    expect(inspect({ ...healthy, brokenExternal: [] }).findings).toEqual([]);
  });

  it('a finding keeps its key from run to run', () => {
    const a = inspect({ ...healthy, guides: [] }).findings[0]!;
    const b = inspect({ ...healthy, guides: [], today: '2026-12-09' }).findings[0]!;
    expect(findingKey(a)).toBe('noServiceGuide:site:0');
    expect(findingKey(b)).toBe(findingKey(a));
    expect(codes({ ...healthy, columns: [col(7, 'news', null)] })).toEqual(['columnEmpty']);
  });
});
