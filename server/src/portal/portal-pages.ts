// The portal's page table: each public page's address, how it renders, and whether an address may be
// cached. Both ways in use it — the Fastify routes (portal.routes.ts) and the fast lane that renders a
// cache miss before Fastify (fast-lane.ts) — so the two always answer alike.
import type { SiteSettings } from '@greenvoice/common';
import type { Config } from '../config.ts';
import { nowIso } from '../db/database.ts';
import type { PublicChannel } from '../modules/cms/public-content.ts';
import type { PortalAssets } from './layout/assets.ts';
import { renderLayout, viewFor, type PageSpec, type PortalView } from './layout/layout.ts';
import type { SafeHtml } from './html.ts';
import { parsePrefs } from './layout/prefs.ts';
import type { PageCache } from './page-cache.ts';
import { renderArticle } from './pages/article.ts';
import { renderChannel } from './pages/channel.ts';
import { renderFeed, renderSitemap } from './pages/feeds.ts';
import { renderHome } from './pages/home.ts';
import { renderNotFound } from './pages/not-found.ts';
import { parsePage } from './pages/pager.ts';
import { renderSearch } from './pages/search.ts';
import type { PortalDeps, Rendered } from './portal-deps.ts';

/** What a page needs from a request, whichever way it came in. */
export interface PageRequest {
  /** path and query as sent */
  url: string;
  cookie: string | undefined;
  host: string | undefined;
  protocol: string;
}

interface Ctx {
  v: PortalView;
  siteId: number;
  now: string;
}

export interface PageRoute {
  /** the Fastify route pattern */
  pattern: string;
  match: RegExp;
  render(ctx: Ctx, params: string[], query: URLSearchParams): Promise<Rendered | null>;
  /** may this exact address be cached? (no stray query strings filling the cache) */
  canonical(url: string): boolean;
}

const idOf = (raw: string | undefined) => (raw && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null);
const noQuery = (url: string) => !url.includes('?');
const pageQueryCanonical = (url: string) => /^[^?]*(\?page=([2-9]|[1-9]\d{1,3}))?$/.test(url);
const optionalPage = (q: URLSearchParams, max?: number) => parsePage(q.get('page') ?? undefined, max);

export function createPortalPages(options: {
  config: Config;
  deps: PortalDeps;
  cache: PageCache;
  assets: PortalAssets;
}) {
  const { config, deps, cache, assets } = options;
  const { content } = deps;

  // The site's frame — settings, the channel bar (live channels only), the demo flag — is the same on
  // every page and changes only through the change feed, so it is read once per change, cache or not.
  let frame: Promise<{ settings: SiteSettings; channels: PublicChannel[]; demo: boolean }> | null = null;
  cache.onInvalidate(() => (frame = null));
  const loadFrame = (site: { id: number; name: string }) => {
    const f = (async () => {
      const [settings, channels, demo] = await Promise.all([
        content.settings(site.id, site.name),
        content.channels(site.id, nowIso()),
        deps.db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst(),
      ]);
      return { settings, channels, demo: Boolean(demo) };
    })();
    f.catch(() => (frame = null));
    return f;
  };

  /** Never the Host header alone: a forged one must not end up in a cached page for everyone. */
  const originOf = (r: PageRequest) =>
    config.publicUrl ??
    `${r.protocol}://${/^[A-Za-z0-9.:[\]-]{1,100}$/.test(r.host ?? '') ? r.host : 'localhost'}`;

  async function context(r: PageRequest): Promise<Ctx | null> {
    const site = await content.site();
    if (!site) return null;
    const { settings, channels, demo } = await (frame ??= loadFrame(site));
    const v = viewFor({
      site: settings,
      demo,
      channels,
      prefs: parsePrefs(r.cookie),
      path: r.url.slice(0, 500),
      origin: originOf(r),
      assets,
    });
    return { v, siteId: site.id, now: nowIso() };
  }

  const routes: PageRoute[] = [
    {
      pattern: '/',
      match: /^\/$/,
      render: ({ v, now }) => renderHome(deps, v, now),
      canonical: noQuery,
    },
    {
      pattern: '/channels/:code',
      match: /^\/channels\/([^/]+)$/,
      render: async ({ v, now }, [code], q) => {
        const p = optionalPage(q);
        return p === null ? null : renderChannel(deps, v, code ?? '', p, now);
      },
      canonical: pageQueryCanonical,
    },
    ...(['rss', 'atom'] as const).map((format): PageRoute => ({
      pattern: `/channels/:code/${format}.xml`,
      match: new RegExp(`^/channels/([^/]+)/${format}\\.xml$`),
      render: ({ v, siteId, now }, [code]) => renderFeed(deps, v, code ?? '', format, siteId, now),
      canonical: noQuery,
    })),
    {
      pattern: '/articles/:id',
      match: /^\/articles\/([^/]+)$/,
      render: async ({ v, siteId, now }, [raw]) => {
        const id = idOf(raw);
        return id === null ? null : renderArticle(deps, v, id, siteId, now, false);
      },
      canonical: noQuery,
    },
    {
      pattern: '/articles/:id/print',
      match: /^\/articles\/([^/]+)\/print$/,
      render: async ({ v, siteId, now }, [raw]) => {
        const id = idOf(raw);
        return id === null ? null : renderArticle(deps, v, id, siteId, now, true);
      },
      canonical: noQuery,
    },
    {
      pattern: '/search',
      match: /^\/search$/,
      render: ({ v, siteId, now }, _p, q) =>
        renderSearch(deps, v, q.get('q') ?? '', optionalPage(q, 100) ?? 1, siteId, now),
      canonical: () => false,
    },
    {
      pattern: '/sitemap.xml',
      match: /^\/sitemap\.xml$/,
      render: ({ v, siteId, now }) => renderSitemap(deps, v, siteId, now),
      canonical: noQuery,
    },
  ];

  function find(path: string): { route: PageRoute; params: string[] } | null {
    for (const route of routes) {
      const m = route.match.exec(path);
      if (m) return { route, params: m.slice(1).map((p) => safeDecode(p)) };
    }
    return null;
  }

  return {
    routes,
    find,
    /** Renders the page at r.url with `route`, or null for the 404 page. */
    async render(route: PageRoute, params: string[], r: PageRequest): Promise<Rendered | null> {
      const ctx = await context(r);
      if (!ctx) return null;
      const at = r.url.indexOf('?');
      return route.render(ctx, params, new URLSearchParams(at < 0 ? '' : r.url.slice(at + 1)));
    },
    /** Any public page's own content inside the portal's frame (environment pages use it). */
    async framed(r: PageRequest, spec: PageSpec, main: SafeHtml): Promise<string | null> {
      const ctx = await context(r);
      return ctx ? renderLayout(ctx.v, spec, main) : null;
    },
    async notFound(r: PageRequest): Promise<Rendered | null> {
      const ctx = await context(r);
      return ctx ? renderNotFound(ctx.v) : null;
    },
  };
}
export type PortalPages = ReturnType<typeof createPortalPages>;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}
