// The portal's page table: each public page's address, how it renders, and whether an address may be
// cached. Both ways in use it — the Fastify routes (portal.routes.ts) and the fast lane that renders a
// cache miss before Fastify (fast-lane.ts) — so the two always answer alike. Every public page is an
// entry here, the environment pages included (decision 100): a new public page is a PageRoute
// (page-route.ts) listed in `routes` below, never a Fastify route of its own.
import type { SiteSettings } from '@greenvoice/common';
import type { Config } from '../config.ts';
import { nowIso } from '../db/database.ts';
import { isDemoInstallation } from '../modules/cms/cms.repo.ts';
import type { PublicChannel } from '../modules/cms/public-content.repo.ts';
import type { PortalSite } from '../modules/cms/site-directory.ts';
import type { PortalAssets } from './layout/assets.ts';
import { renderLayout, viewFor, type PageSpec } from './layout/layout.ts';
import type { SafeHtml } from './html.ts';
import { parsePrefs } from './layout/prefs.ts';
import type { PageCache } from './page-cache.ts';
import { renderArticle } from './pages/article.ts';
import { renderChannel } from './pages/channel.ts';
import { renderFeed, renderSitemap } from './pages/feeds.ts';
import { renderHome } from './pages/home.ts';
import { renderBadQuery, renderNotFound } from './pages/not-found.ts';
import { parsePage } from './pages/pager.ts';
import { renderSearch, SEARCH_FIELDS } from './pages/search.ts';
import { renderMediaMatrix } from './media/media-page.ts';
import { MONITORING_PATH, renderMonitoringBulletins } from './inspection/monitoring-page.ts';
import { GALLERY_PATH, renderGallery } from './contest/gallery-page.ts';
import { renderCatalogue, renderDisclosureGuide, renderDisclosureHub } from './pages/disclosure.ts';
import { renderService, renderServices } from './pages/services.ts';
import { renderContact, renderStatement } from './pages/about.ts';
import { environmentPages } from './environment/environment-pages.ts';
import {
  idOf,
  noQuery,
  pageQueryCanonical,
  unknownQueryField,
  type PageContext,
  type PageRequest,
  type PageRoute,
} from './page-route.ts';
import type { PortalDeps, Rendered } from './portal-deps.ts';
import { casePageRoutes } from './cases/case-page-routes.ts';
import { signupPageRoutes } from './activities/signup-pages.ts';

export type { PageRequest, PageRoute } from './page-route.ts';

const optionalPage = (q: URLSearchParams, max?: number) => parsePage(q.get('page') ?? undefined, max);

export function createPortalPages(options: {
  config: Config;
  deps: PortalDeps;
  cache: PageCache;
  assets: PortalAssets;
}) {
  const { config, deps, cache, assets } = options;
  const { content } = deps;

  // A site's frame — settings, the channel bar (live channels only), the demo flag — is the same on
  // every page of that site and changes only through the change feed, so it is read once per change,
  // cache or not.
  type Frame = { settings: SiteSettings; channels: PublicChannel[]; demo: boolean };
  const frames = new Map<number, Promise<Frame>>();
  cache.onInvalidate(() => frames.clear());
  const loadFrame = (site: PortalSite) => {
    const f = (async () => {
      const [settings, channels, demo] = await Promise.all([
        content.settings(site.id, site.name),
        content.channels(site.id, nowIso()),
        isDemoInstallation(deps.db),
      ]);
      return { settings, channels, demo };
    })();
    f.catch(() => frames.get(site.id) === f && frames.delete(site.id));
    frames.set(site.id, f);
    return f;
  };

  /**
   * The origin of absolute links (feeds, sitemap, share tags). Never the Host header: pages are kept
   * per site, not per host, so a forged one would reach everyone. A site reached by one of its host
   * names has that name; with PUBLIC_URL's scheme and port, or else this server's.
   */
  const baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const originOf = (r: PageRequest) => {
    if (!r.site.host) return baseUrl;
    const u = new URL(baseUrl);
    u.hostname = r.site.host;
    return u.origin;
  };

  async function context(r: PageRequest): Promise<PageContext> {
    const { site } = r;
    const { settings, channels, demo } = await (frames.get(site.id) ?? loadFrame(site));
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
      query: ['page'],
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
      query: SEARCH_FIELDS,
      render: ({ v, siteId, now }, _p, q) => renderSearch(deps, v, q, siteId, now),
      canonical: () => false,
    },
    // 政府信息公开 (decision 111)
    {
      pattern: '/xxgk',
      match: /^\/xxgk$/,
      render: async ({ v }) => renderDisclosureHub(v),
      canonical: noQuery,
    },
    {
      pattern: '/xxgk/guide',
      match: /^\/xxgk\/guide$/,
      render: async ({ v }) => renderDisclosureGuide(v),
      canonical: noQuery,
    },
    {
      pattern: '/xxgk/catalogue',
      match: /^\/xxgk\/catalogue$/,
      query: ['category', 'page'],
      render: ({ v, siteId, now }, _p, q) => renderCatalogue(deps, v, q, siteId, now),
      canonical: (url) =>
        /^\/xxgk\/catalogue(\?(category=[a-z-]{2,20}(&page=[2-9]\d{0,3})?|page=[2-9]\d{0,3}))?$/.test(url),
    },
    // 办事指南 (decision 113)
    {
      pattern: '/services',
      match: /^\/services$/,
      render: ({ v, siteId }) => renderServices(deps, v, siteId),
      canonical: noQuery,
    },
    {
      pattern: '/services/:id',
      match: /^\/services\/([^/]+)$/,
      render: async ({ v, siteId }, [raw]) => {
        const id = idOf(raw);
        return id === null ? null : renderService(deps, v, id, siteId);
      },
      canonical: noQuery,
    },
    // the footer's pages (decision 114)
    {
      pattern: '/about/statement',
      match: /^\/about\/statement$/,
      render: async ({ v }) => renderStatement(v),
      canonical: noQuery,
    },
    {
      pattern: '/about/contact',
      match: /^\/about\/contact$/,
      render: async ({ v }) => renderContact(v),
      canonical: noQuery,
    },
    {
      pattern: '/media',
      match: /^\/media$/,
      render: ({ v }) => (deps.media ? renderMediaMatrix(deps.media, v) : Promise.resolve(null)),
      canonical: () => false,
    },
    {
      pattern: MONITORING_PATH,
      match: /^\/monitoring-bulletins$/,
      render: ({ v, siteId }) =>
        deps.monitoring ? renderMonitoringBulletins(deps.monitoring, v, siteId) : Promise.resolve(null),
      canonical: () => false,
    },
    {
      pattern: GALLERY_PATH,
      match: /^\/contest$/,
      render: ({ v }) => (deps.contest ? renderGallery(deps.contest, v) : Promise.resolve(null)),
      canonical: () => false,
    },
    {
      pattern: '/contest/photos/:id',
      match: /^\/contest\/photos\/([1-9]\d{0,8})$/,
      render: async (_c, [raw]) => {
        const p = deps.contest ? await deps.contest.publicPhoto(Number(raw)) : null;
        return p ? { html: p.bytes, tags: null, contentType: p.mediaType } : null;
      },
      canonical: () => false,
    },
    {
      pattern: '/media/qr/:file',
      match: /^\/media\/qr\/([1-9]\d{0,8})\.svg$/,
      render: async (_c, [raw]) => {
        const svg = deps.media ? await deps.media.publicQr(Number(raw)) : null;
        return svg ? { html: svg, tags: null, contentType: 'image/svg+xml' } : null;
      },
      canonical: () => false,
    },
    {
      pattern: '/sitemap.xml',
      match: /^\/sitemap\.xml$/,
      render: ({ v, siteId, now }) => renderSitemap(deps, v, siteId, now, fixedPages()),
      canonical: noQuery,
    },
    ...casePageRoutes(deps.cases, deps.interaction),
    ...signupPageRoutes(deps.signups, async () => (await deps.sites.current())?.path ?? null),
    ...environmentPages(deps.environment),
  ];

  /** The table's addresses without parameters, for the sitemap (not the search, feeds or sitemap). */
  const fixedPages = () =>
    routes
      .map((r) => r.pattern)
      .filter((p) => p !== '/' && !p.includes(':') && !/^\/(search|sitemap\.xml)$/.test(p))
      .filter((p) => !p.startsWith('/environment') && p !== '/open-data');

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
    /** The origin of absolute links to r's site. */
    origin: originOf,
    /** Renders the page at r.url with `route`, or null for the 404 page. */
    async render(route: PageRoute, params: string[], r: PageRequest): Promise<Rendered | null> {
      const ctx = await context(r);
      const at = r.url.indexOf('?');
      const q = new URLSearchParams(at < 0 ? '' : r.url.slice(at + 1));
      if (unknownQueryField(route, q) !== null)
        return renderBadQuery(ctx.v, at < 0 ? r.url : r.url.slice(0, at));
      // a module's public reads ask "the site" (site-directory.ts current()): this request's
      return deps.sites.within(r.site, () => route.render(ctx, params, q));
    },
    /**
     * The portal's frame around the answer to a form POST (a form shown again with its messages, a
     * receipt). Never for a GET page: those are entries of the table above, so they are cached.
     */
    async framed(r: PageRequest, spec: PageSpec, main: SafeHtml): Promise<string> {
      return renderLayout((await context(r)).v, spec, main);
    },
    /** The 400 page for an address whose query string was refused before its page ran. */
    async badQuery(r: PageRequest): Promise<Rendered> {
      const at = r.url.indexOf('?');
      return renderBadQuery((await context(r)).v, at < 0 ? r.url : r.url.slice(0, at));
    },
    async notFound(r: PageRequest): Promise<Rendered> {
      return renderNotFound((await context(r)).v);
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
