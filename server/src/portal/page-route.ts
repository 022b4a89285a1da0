// One public page of the portal's page table (portal-pages.ts): its address, how it renders, and which
// of its addresses may be kept in the byte cache. A module that adds a public page writes one of
// these (environment/environment-pages.ts is an example) and lists it in the table — never a Fastify
// route of its own — so that every public page is cached as bytes, compressed, emptied through the
// change feed on every server and translated through the portal's i18n alike (decision 100).
import type { PortalSite } from '../modules/cms/site-directory.ts';
import type { PortalView } from './layout/layout.ts';
import type { Rendered } from './portal-deps.ts';

/** What a page needs from a request, whichever way it came in (Fastify or the fast lane). */
export interface PageRequest {
  /** path and query as sent */
  url: string;
  cookie: string | undefined;
  /** the bureau whose website the request's host names (site-directory.ts) */
  site: PortalSite;
  protocol: string;
}

export interface PageContext {
  v: PortalView;
  siteId: number;
  /** the time of this request, ISO */
  now: string;
}

export interface PageRoute {
  /** the Fastify route pattern */
  pattern: string;
  match: RegExp;
  /** null: the portal's 404 page */
  render(ctx: PageContext, params: string[], query: URLSearchParams): Promise<Rendered | null>;
  /** may this exact address be cached? (no stray query strings filling the cache) */
  canonical(url: string): boolean;
  /**
   * The query fields this page reads; any other field answers the 400 page (decision 117) — besides
   * the share parameters messengers append (SHARE_PARAMS), which every page ignores. Default: none.
   */
  query?: readonly string[];
}

/**
 * Added by messengers and campaigns when an address is shared (WeChat's from/isappinstalled, utm_*):
 * a shared link must still open its page, so these are ignored rather than refused (decision 117).
 */
export const SHARE_PARAMS: ReadonlySet<string> = new Set([
  'from',
  'isappinstalled',
  'scene',
  'clicktime',
  'enterid',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
]);

/** The first query field `route` does not read (share parameters aside), or null. */
export function unknownQueryField(route: Pick<PageRoute, 'query'>, q: URLSearchParams): string | null {
  const known = route.query ?? [];
  for (const key of q.keys()) if (!known.includes(key) && !SHARE_PARAMS.has(key)) return key;
  return null;
}

export const noQuery = (url: string) => !url.includes('?');
/** the address alone, or with ?page=2…9999 */
export const pageQueryCanonical = (url: string) => /^[^?]*(\?page=([2-9]|[1-9]\d{1,3}))?$/.test(url);
/** a positive id as written in an address, or null */
export const idOf = (raw: string | undefined) => (raw && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null);
