// Table test of the WCI V14.2 against values computed by hand (docs/new-media.md, worked example).
import { describe, expect, it } from 'vitest';
import { computeWci, monthWci, wciPart, type MetricsRow } from './wci.ts';

describe('WCI V14.2', () => {
  it.each([
    // [label, input, O, A, H, P, WCI] — O, A, H, P and WCI worked out term by term in docs/new-media.md
    [
      'the worked example: 20 articles in 30 days',
      {
        days: 30,
        articles: 20,
        reads: 30000,
        zaikan: 300,
        likes: 600,
        shares: 900,
        headline: { reads: 18000, zaikan: 200, likes: 400, shares: 500 },
        peak: { reads: 4000, zaikan: 50, likes: 90, shares: 150 },
      },
      6.4258,
      6.8304,
      5.9206,
      7.8708,
      522.83,
    ],
    [
      'one small article in a month',
      {
        days: 30,
        articles: 1,
        reads: 120,
        zaikan: 2,
        likes: 5,
        shares: 3,
        headline: { reads: 120, zaikan: 2, likes: 5, shares: 3 },
        peak: { reads: 120, zaikan: 2, likes: 5, shares: 3 },
      },
      1.3354,
      4.3821,
      1.3354,
      4.3821,
      60.72,
    ],
  ])('%s', (_label, input, O, A, H, P, wci) => {
    const r = computeWci(input)!;
    expect([r.overall, r.perArticle, r.headline, r.peak, r.wci]).toEqual([O, A, H, P, wci]);
    expect(r.version).toBe('V14.2');
  });

  it('f(0,0,0,0) is 0 and each part is weighted 0.70 / 0.09 / 0.06 / 0.15', () => {
    expect(wciPart(0, 0, 0, 0)).toBe(0);
    expect(wciPart(Math.E - 1, 0, 0, 0)).toBeCloseTo(0.7, 12);
    expect(wciPart(0, (Math.E - 1) / 10, 0, 0)).toBeCloseTo(0.09, 12);
    expect(wciPart(0, 0, (Math.E - 1) / 10, 0)).toBeCloseTo(0.06, 12);
    expect(wciPart(0, 0, 0, (Math.E - 1) / 10)).toBeCloseTo(0.15, 12);
  });

  it('no article in the period: no index (null), never 0', () => {
    const empty = { reads: 0, zaikan: 0, likes: 0, shares: 0 };
    expect(computeWci({ days: 30, articles: 0, ...empty, headline: empty, peak: empty })).toBeNull();
    expect(monthWci([])).toBeNull();
  });

  const row = (o: Partial<MetricsRow>): MetricsRow => ({
    posts: 0,
    reads: 0,
    zaikan: 0,
    likes: 0,
    shares: 0,
    headlineReads: 0,
    headlineZaikan: 0,
    headlineLikes: 0,
    headlineShares: 0,
    peakReads: 0,
    peakZaikan: 0,
    peakLikes: 0,
    peakShares: 0,
    ...o,
  });

  it('daily rows add up to the month: the same as the worked example when split over days', () => {
    const days = [
      row({
        posts: 12,
        reads: 20000,
        zaikan: 200,
        likes: 400,
        shares: 600,
        headlineReads: 12000,
        headlineZaikan: 120,
        headlineLikes: 250,
        headlineShares: 300,
        peakReads: 4000,
        peakZaikan: 30,
        peakLikes: 90,
        peakShares: 100,
      }),
      row({
        posts: 8,
        reads: 10000,
        zaikan: 100,
        likes: 200,
        shares: 300,
        headlineReads: 6000,
        headlineZaikan: 80,
        headlineLikes: 150,
        headlineShares: 200,
        peakReads: 3000,
        peakZaikan: 50,
        peakLikes: 60,
        peakShares: 150,
      }),
      row({}),
    ];
    const m = monthWci(days)!;
    expect(m.wci).toBe(522.83);
    expect(m.partial).toBe(false);
    expect(m.articles).toBe(20);
  });

  it('a Weibo-like export without 在看 or peaks: 0 and a peak estimate, marked partial with the inputs named', () => {
    const m = monthWci([
      row({
        posts: 2,
        reads: 400,
        zaikan: null,
        likes: 10,
        shares: 4,
        headlineReads: null,
        headlineZaikan: null,
        headlineLikes: null,
        headlineShares: null,
        peakReads: null,
        peakZaikan: null,
        peakLikes: null,
        peakShares: null,
      }),
    ])!;
    expect(m.partial).toBe(true);
    expect(m.missing).toContain('zaikan');
    expect(m.missing).toContain('peak.reads');
    // peak reads estimated as the day's mean per article: 400 / 2 = 200
    const expected = computeWci({
      days: 30,
      articles: 2,
      reads: 400,
      zaikan: 0,
      likes: 10,
      shares: 4,
      headline: { reads: 0, zaikan: 0, likes: 0, shares: 0 },
      peak: { reads: 200, zaikan: 0, likes: 5, shares: 2 },
    })!;
    expect(m.wci).toBe(expected.wci);
  });
});
