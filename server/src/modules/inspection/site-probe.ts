// The portal seen as an inspector sees it, from the server itself (decision 174): every address the
// sitemap lists is fetched in-process (no network, so the checker can never be aimed at another host),
// timed and weighed; its meta tags are read against the national page rules; every internal link on
// those pages is followed once. External links are collected, not fetched here (external-links.ts, decision 188).
import type { LinkFacts, PageFacts } from '@greenvoice/common';

export interface ProbeResponse {
  status: number;
  body: string;
  contentType: string;
}
export type PortalGet = (path: string) => Promise<ProbeResponse>;
/** The portal as the app serves it, for any site: `host` null reaches the default site (decision 206). */
export type PortalFetch = (path: string, host: string | null) => Promise<ProbeResponse>;

/** bounds: a site of any size finishes in bounded time; what was left is counted, never passed */
export const MAX_PAGES = 400;
export const MAX_LINKS = 1500;

const PAGE_TYPES: [RegExp, string][] = [
  [/^\/$/, 'home'],
  [/^\/channels\/[^/]+$/, 'channel'],
  [/^\/articles\/\d+$/, 'article'],
  [/^\/environment\/air/, 'air'],
  [/^\/environment\/water/, 'water'],
  [/^\/environment\/enterprises\/./, 'enterprise'],
  [/^\/environment\/enterprises/, 'enterprises'],
  [/^\/environment\/incidents\/./, 'incident'],
  [/^\/environment\/incidents/, 'incidents'],
  [/^\/open-data/, 'openData'],
  [/^\/xxgk/, 'disclosure'],
  [/^\/services/, 'services'],
  [/^\/interaction/, 'interaction'],
  [/^\/media/, 'media'],
  [/^\/search/, 'search'],
];
export const pageType = (path: string) => PAGE_TYPES.find(([re]) => re.test(path))?.[1] ?? 'other';

const SITE_META = ['SiteName', 'SiteDomain', 'SiteIDCode'];
const COLUMN_META = ['ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType'];
const ARTICLE_META = ['ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description', 'Url'];
/** tags that must also say something (an empty SiteIDCode is as missing as no tag) */
const NON_EMPTY = new Set(['SiteName', 'SiteIDCode', 'ColumnName', 'ColumnType', 'ArticleTitle', 'PubDate']);

export function requiredMeta(type: string): string[] {
  if (type === 'article') return [...SITE_META, ...ARTICLE_META];
  if (type === 'channel') return [...SITE_META, ...COLUMN_META];
  return SITE_META;
}

export function missingMeta(html: string, type: string): string[] {
  const found = new Map<string, string>();
  for (const m of html.matchAll(/<meta\s+name="([A-Za-z]+)"\s+content="([^"]*)"/g)) found.set(m[1]!, m[2]!);
  return requiredMeta(type).filter(
    (name) => !found.has(name) || (NON_EMPTY.has(name) && found.get(name)!.trim() === ''),
  );
}

/** internal page links on a page: same-site paths, without query or fragment; not the console or the API */
export function internalLinks(html: string): { internal: string[]; external: string[] } {
  const internal = new Set<string>();
  const external = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]+)"/g)) {
    const href = m[1]!.replace(/&amp;/g, '&');
    if (/^https?:\/\//i.test(href)) {
      external.add(href.split('#')[0]!);
      continue;
    }
    if (!href.startsWith('/') || href.startsWith('//')) continue;
    const path = href.split(/[?#]/)[0]!;
    if (path.startsWith('/admin') || path.startsWith('/api/') || path === '') continue;
    internal.add(path);
  }
  return { internal: [...internal], external: [...external] };
}

export interface ProbeResult {
  pages: PageFacts[];
  links: LinkFacts[];
  /** external links, each once with the first page it was found on (decision 188: checked apart) */
  external: Array<{ from: string; href: string }>;
  /** addresses not fetched because a bound was reached */
  unchecked: { pages: number; links: number };
}

export async function probeSite(get: PortalGet, now: () => number = performance.now.bind(performance)) {
  const sitemap = await get('/sitemap.xml');
  const listed = ['/'];
  if (sitemap.status === 200)
    for (const m of sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const path = new URL(m[1]!, 'http://site.invalid').pathname;
      if (!listed.includes(path)) listed.push(path);
    }
  const pages: PageFacts[] = [];
  const statusOf = new Map<string, number>();
  const linksFrom: [from: string, href: string][] = [];
  const external = new Map<string, string>();
  for (const path of listed.slice(0, MAX_PAGES)) {
    const t0 = now();
    const res = await get(path).catch(() => ({ status: 0, body: '', contentType: '' }));
    const ms = now() - t0;
    statusOf.set(path, res.status);
    const type = pageType(path);
    const isHtml = res.contentType.startsWith('text/html');
    pages.push({
      path,
      type,
      status: res.status,
      ms,
      bytes: Buffer.byteLength(res.body),
      missingMeta: res.status === 200 && isHtml ? missingMeta(res.body, type) : [],
    });
    if (!isHtml) continue;
    const found = internalLinks(res.body);
    for (const href of found.external) if (!external.has(href)) external.set(href, path);
    for (const href of found.internal) linksFrom.push([path, href]);
  }
  const links: LinkFacts[] = [];
  const seen = new Set<string>();
  let linksLeft = 0;
  for (const [from, href] of linksFrom) {
    if (seen.has(href)) continue;
    seen.add(href);
    if (links.length >= MAX_LINKS) {
      linksLeft++;
      continue;
    }
    let status = statusOf.get(href);
    if (status === undefined) {
      status = (await get(href).catch(() => ({ status: 0 }))).status;
      statusOf.set(href, status);
    }
    links.push({ from, href, status });
  }
  return {
    pages,
    links,
    external: [...external].map(([href, from]) => ({ from, href })),
    unchecked: { pages: Math.max(0, listed.length - MAX_PAGES), links: linksLeft },
  } satisfies ProbeResult;
}
