// Keys that make two reports of the same piece look alike: a link stripped of everything that varies
// between shares of one article, and a title stripped of spacing and punctuation, compared by
// character bigrams (Chinese has no spaces, so words are not a unit to compare by).

/** Query parameters that track a share rather than name the page. */
const TRACKING = [
  /^utm_/,
  /^spm$/,
  /^from$/,
  /^scene$/,
  /^srcid$/,
  /^share/,
  /^sharer_/,
  /^clicktime$/,
  /^enterid$/,
  /^isappinstalled$/,
  /^chksm$/,
  /^mpshare$/,
  /^fbclid$/,
  /^gclid$/,
  /^wfr$/,
  /^timestamp$/,
  /^ts$/,
  /^t$/,
];

/** 'https://www.Example.cn/a/b/?utm_source=x&id=3#top' → 'example.cn/a/b?id=3' */
export function normaliseLink(link: string | null | undefined): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const pathname = url.pathname.replace(/\/+$/, '');
  const params = [...url.searchParams]
    .filter(([k]) => !TRACKING.some((re) => re.test(k.toLowerCase())))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${pathname}${query}`;
}

/** Full-width to half-width, lower case, without spaces, punctuation or symbols. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function size(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** Dice coefficient of the two normalised titles' bigram multisets: 1 for equal, 0 for nothing shared. */
export function titleSimilarity(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  const total = size(ga) + size(gb);
  if (total === 0) return 0;
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / total;
}

export const TITLE_SIMILARITY_THRESHOLD = 0.9;

/**
 * Could these two titles reach the threshold at all? Dice ≤ 2·min/(a+b), so titles of very different
 * lengths are skipped without counting bigrams.
 */
export function lengthsCompatible(a: string, b: string, threshold = TITLE_SIMILARITY_THRESHOLD): boolean {
  const la = Math.max(a.length - 1, 1);
  const lb = Math.max(b.length - 1, 1);
  return (2 * Math.min(la, lb)) / (la + lb) >= threshold;
}
