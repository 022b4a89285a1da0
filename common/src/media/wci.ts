// The WeChat communication index (WCI), public version V14.2, as docs/new-media.md states it with a
// worked example. Pure: the inputs are an account's totals over an evaluation period of `days` days.

export const WCI_VERSION = 'V14.2';

export interface WciInput {
  /** days in the period: a week 7, a month 30, a year 365, otherwise the real number of days */
  days: number;
  /** articles published in the period */
  articles: number;
  reads: number;
  zaikan: number;
  likes: number;
  shares: number;
  headline: { reads: number; zaikan: number; likes: number; shares: number };
  /** the highest single-article value of each in the period */
  peak: { reads: number; zaikan: number; likes: number; shares: number };
}

export interface WciResult {
  version: typeof WCI_VERSION;
  overall: number;
  perArticle: number;
  headline: number;
  peak: number;
  wci: number;
}

/** f(r, z, l, re) = 0.70·ln(r+1) + 0.09·ln(10z+1) + 0.06·ln(10l+1) + 0.15·ln(10re+1) */
export function wciPart(r: number, z: number, l: number, re: number): number {
  return (
    0.7 * Math.log(r + 1) +
    0.09 * Math.log(10 * z + 1) +
    0.06 * Math.log(10 * l + 1) +
    0.15 * Math.log(10 * re + 1)
  );
}

const r2 = (x: number) => Math.round(x * 100) / 100 + 0;
const r4 = (x: number) => Math.round(x * 10000) / 10000 + 0;

/** The index, or null when the account published nothing in the period (no index, never 0). */
export function computeWci(i: WciInput): WciResult | null {
  if (i.articles <= 0 || i.days <= 0) return null;
  const d = i.days;
  const n = i.articles;
  const O = wciPart(i.reads / d, i.zaikan / d, i.likes / d, i.shares / d);
  const A = wciPart(i.reads / n, i.zaikan / n, i.likes / n, i.shares / n);
  const h = i.headline;
  const H = wciPart(h.reads / d, h.zaikan / d, h.likes / d, h.shares / d);
  const p = i.peak;
  const P = wciPart(p.reads, p.zaikan, p.likes, p.shares);
  const wci = (0.6 * O + 0.2 * A + 0.1 * H + 0.1 * P) ** 2 * 1.2 * 10;
  return {
    version: WCI_VERSION,
    overall: r4(O),
    perArticle: r4(A),
    headline: r4(H),
    peak: r4(P),
    wci: r2(wci),
  };
}

/** One period row of an account's metrics, as the WCI of a month reads it. Null = not in the export. */
export interface MetricsRow {
  posts: number;
  reads: number | null;
  zaikan: number | null;
  likes: number | null;
  shares: number | null;
  headlineReads: number | null;
  headlineZaikan: number | null;
  headlineLikes: number | null;
  headlineShares: number | null;
  peakReads: number | null;
  peakZaikan: number | null;
  peakLikes: number | null;
  peakShares: number | null;
}

export interface MonthWci extends WciResult {
  /** some inputs were missing from the exports: treated as described in docs/new-media.md */
  partial: boolean;
  missing: string[];
  articles: number;
}

type Key = 'reads' | 'zaikan' | 'likes' | 'shares';
const cap = (k: string) => k[0]!.toUpperCase() + k.slice(1);

/**
 * A month's WCI from its period rows (daily rows or one monthly row), over d = 30 days. A total missing
 * from every export counts as 0; a missing headline total counts as 0; a missing peak is estimated as
 * the highest per-article mean of a row (exact for a day with one article). Any of these marks the
 * index partial and names the inputs.
 */
export function monthWci(rows: readonly MetricsRow[], days = 30): MonthWci | null {
  const articles = rows.reduce((s, r) => s + r.posts, 0);
  const missing = new Set<string>();
  const total = (k: Key) =>
    rows.reduce((s, r) => {
      if (r[k] === null && r.posts > 0) missing.add(k);
      return s + (r[k] ?? 0);
    }, 0);
  const head = (k: Key) =>
    rows.reduce((s, r) => {
      const v = r[`headline${cap(k)}` as keyof MetricsRow] as number | null;
      if (v === null && r.posts > 0) missing.add(`headline.${k}`);
      return s + (v ?? 0);
    }, 0);
  const peak = (k: Key) =>
    rows.reduce((m, r) => {
      if (r.posts <= 0) return m;
      const v = r[`peak${cap(k)}` as keyof MetricsRow] as number | null;
      if (v !== null) return Math.max(m, v);
      missing.add(`peak.${k}`);
      return Math.max(m, (r[k] ?? 0) / r.posts);
    }, 0);
  const result = computeWci({
    days,
    articles,
    reads: total('reads'),
    zaikan: total('zaikan'),
    likes: total('likes'),
    shares: total('shares'),
    headline: { reads: head('reads'), zaikan: head('zaikan'), likes: head('likes'), shares: head('shares') },
    peak: { reads: peak('reads'), zaikan: peak('zaikan'), likes: peak('likes'), shares: peak('shares') },
  });
  if (!result) return null;
  return { ...result, partial: missing.size > 0, missing: [...missing].sort(), articles };
}
