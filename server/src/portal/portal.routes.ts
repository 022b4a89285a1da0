// The public portal at `/`: server-rendered pages (readable with JavaScript off), served from the
// byte cache when it can, its feeds and sitemap, its assets and files, the display-settings form and
// the read-count beacon. Staff reach the console from the footer's 工作人员入口.
import { IdParams } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Config } from '../config.ts';
import { nowIso } from '../db/database.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { errorResponses } from '../http/route-kit.ts';
import type { ContentChanges } from '../modules/cms/content-changes.ts';
import type { FileStore } from '../files/file-store.ts';
import { createPublicFeed } from '../modules/cms/public-feed.repo.ts';
import {
  sendHtmlError,
  servesPages,
  setHtmlBadRequest,
  setHtmlNotFound,
  toApiError,
} from '../plugins/errors.ts';
import type { PortalSite, SiteDirectory } from '../modules/cms/site-directory.ts';
import { createRequestHost } from './request-host.ts';
import type { RateLimits } from '../plugins/rate-limits.ts';
import { loadPortalAssets } from './layout/assets.ts';
import { applyPrefsChange, parsePrefs, PREFS_COOKIE, prefsValue, safeBackPath } from './layout/prefs.ts';
import { createFastLane, type FastLane } from './fast-lane.ts';
import { cacheKey, type PageCache } from './page-cache.ts';
import { negotiateEncoding } from '../http/compression.ts';
import type { PageSpec } from './layout/layout.ts';
import type { SafeHtml } from './html.ts';
import { createPortalPages, type PageRequest } from './portal-pages.ts';
import type { HomeSlot, PortalDeps, Rendered } from './portal-deps.ts';
import { createPortalRuntime, type PortalRuntime } from './portal-runtime.ts';
import { environmentHomeSlot } from './environment/environment-home.ts';
import { favicon } from './layout/favicon.ts';
import { sendRefusal } from './pages/refusal-page.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the bureau whose website a portal request is for (decision 175); null on the API and console */
    portalSite: PortalSite | null;
  }
  interface FastifyInstance {
    /** the portal's page cache and read counter (tests flush and inspect them) */
    portal: {
      cache: PageCache;
      runtime: PortalRuntime;
      sites: SiteDirectory;
      /** the page table's route patterns (tests walk every public page type) */
      patterns: string[];
      notFound(req: FastifyRequest, reply: FastifyReply): Promise<unknown>;
      /** the frame around the answer to a form POST; GET pages are page-table entries (decision 100) */
      frame(req: FastifyRequest, spec: PageSpec, main: SafeHtml): Promise<string | null>;
      /** the origin of the request's site (absolute links) */
      origin(req: FastifyRequest): string;
    };
  }
}

/** The display-settings form (layout.ts prefsForm): which button was pressed, and the page to go back to. */
const PrefsForm = Type.Object(
  {
    lang: Type.Optional(Type.String({ maxLength: 10 })),
    care: Type.Optional(Type.String({ maxLength: 10 })),
    fs: Type.Optional(Type.String({ maxLength: 10 })),
    back: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const ReadBeaconResult = Type.Object({ counted: Type.Boolean(), readCount: Type.Integer() });
const ONE_YEAR = 365 * 24 * 3600;

export function portalRoutes(
  fastify: FastifyInstance,
  options: {
    config: Config;
    deps: Omit<PortalDeps, 'homeSlots'> & { homeSlots?: HomeSlot[] };
    cache: PageCache;
    changes: ContentChanges;
    files: FileStore;
    limits: RateLimits;
    /** where buildApp's server looks for the fast lane (fast-lane.ts) */
    laneSlot: { lane: FastLane | null };
  },
) {
  const { config, cache, files } = options;
  const deps: PortalDeps = {
    ...options.deps,
    // environmental quality first (issue 11 item 2), then what other modules add
    homeSlots: [environmentHomeSlot(options.deps.environment), ...(options.deps.homeSlots ?? [])],
  };
  const { content } = deps;
  const assets = loadPortalAssets();
  const runtime = createPortalRuntime({
    feed: createPublicFeed(deps.db),
    cache,
    changes: options.changes,
    readFlushMs: config.portalReadFlushSeconds * 1000,
    pollMs: config.portalPollMs,
    log: (err, msg) => fastify.log.error({ err }, msg),
  });
  fastify.addHook('onReady', async () => runtime.start());
  fastify.addHook('onClose', async () => runtime.stop());

  const pages = createPortalPages({ config, deps, cache, assets: assets.urls });
  const { sites } = deps;
  const requestHost = createRequestHost(config.trustProxy);
  // a change of host names reaches every process through the change feed, as `everything`
  cache.onInvalidate((c) => c.everything && sites.forget());

  // Every portal request is for one bureau's site, named by its host; a host that names no site gets
  // a page saying so (in both languages), never some other city's site. The API and console are one
  // for the installation, whatever the host.
  fastify.decorateRequest('portalSite', null);
  fastify.addHook('onRequest', async (req, reply) => {
    if (!servesPages(req.url)) return;
    const site = await sites.forHost(requestHost(req.raw));
    if (site) req.portalSite = site;
    else return sendHtmlError(reply, unknownHost());
  });
  // after the body is read: a form's handler (and what it awaits) runs as a request for its site
  // A read of one site's environmental data from the API (decision 197) runs as a request for a site
  // too: the signed-in person's bureau (the console), else the site the host names, else the default.
  fastify.addHook('preHandler', (req, _reply, done) => {
    if (req.portalSite) return sites.within(req.portalSite, done);
    if (!req.routeOptions.config.siteData) return done();
    const actor = req.ctx?.actor;
    (actor
      ? sites.forBureau(actor.bureauUnitId, actor.bureauPath)
      : sites.forHost(requestHost(req.raw))
    ).then(
      (site) => (site ? sites.within(site, done) : done()),
      (err: Error) => done(err),
    );
  });

  fastify.decorate('portal', {
    cache,
    runtime,
    sites,
    patterns: pages.routes.map((r) => r.pattern),
    notFound: (req: FastifyRequest, reply: FastifyReply) => notFoundPage(req, reply),
    frame: async (req: FastifyRequest, spec: PageSpec, main: SafeHtml) => {
      const r = pageRequest(req);
      return r ? pages.framed(r, spec, main) : null;
    },
    origin: (req: FastifyRequest) => {
      const r = pageRequest(req);
      return r ? pages.origin(r) : (config.publicUrl ?? '');
    },
  });
  const lane = createFastLane(pages, cache, options.limits, (req) => sites.forHostNow(requestHost(req)));
  options.laneSlot.lane = lane;

  const pageRequest = (req: FastifyRequest): PageRequest | null =>
    req.portalSite
      ? {
          url: req.url,
          cookie: req.headers.cookie,
          site: req.portalSite,
          protocol: 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http',
        }
      : null;

  function send(req: FastifyRequest, reply: FastifyReply, r: Rendered, cacheable: boolean) {
    reply
      .code(r.status ?? 200)
      .type(r.contentType ?? 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Encoding, Cookie');
    const body = typeof r.html === 'string' ? Buffer.from(r.html) : r.html;
    if ((r.status ?? 200) === 200) lane.learn(reply.getHeaders());
    if (cacheable && r.tags && (r.status ?? 200) === 200 && cache.enabled) {
      const headers: Record<string, string> = {};
      for (const [k, val] of Object.entries(reply.getHeaders()))
        if (val !== undefined && k !== 'x-request-id' && k !== 'set-cookie' && k !== 'content-length')
          headers[k] = Array.isArray(val) ? val.join(', ') : String(val);
      const key = cacheKey(req.portalSite!.id, req.url, req.headers.cookie);
      cache.set(key, {
        status: 200,
        headers,
        body,
        tags: r.tags,
        ...(r.expiresAt !== undefined ? { expiresAt: r.expiresAt } : {}),
      });
      return sendCached(req, reply, cache.get(key)!);
    }
    return reply.send(body);
  }

  function sendCached(
    req: FastifyRequest,
    reply: FastifyReply,
    e: NonNullable<ReturnType<PageCache['get']>>,
  ) {
    const { headers, body } = cache.variant(e, req.headers['accept-encoding']);
    reply.code(e.status).headers(headers);
    return reply.send(body);
  }

  // no site: a request refused before its site was known (a malformed address)
  async function notFoundPage(req: FastifyRequest, reply: FastifyReply) {
    const pr = pageRequest(req);
    if (!pr) return reply.code(404).type('text/plain; charset=utf-8').send('404');
    return send(req, reply, await pages.notFound(pr), false);
  }
  setHtmlNotFound(fastify, notFoundPage);
  setHtmlBadRequest(fastify, async (req, reply) => {
    const pr = pageRequest(req);
    if (!pr) return reply.code(400).type('text/plain; charset=utf-8').send('400');
    return send(req, reply, await pages.badQuery(pr), false);
  });

  const route = { config: { access: 'public' as const }, schema: { hide: true } };
  type Params = Record<string, string>;
  const idOf = (raw: string | undefined) => (raw && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null);
  for (const page of pages.routes)
    fastify.get(page.pattern, route, async (req, reply) => {
      const pr = pageRequest(req)!;
      const hit = cache.get(cacheKey(pr.site.id, req.url, req.headers.cookie));
      if (hit) return sendCached(req, reply, hit);
      const q = req.url.indexOf('?');
      const found = pages.find(q < 0 ? req.url : req.url.slice(0, q));
      const r = found ? await pages.render(found.route, found.params, pr) : null;
      if (!r) return notFoundPage(req, reply);
      return send(req, reply, r, page.canonical(req.url));
    });

  fastify.get('/robots.txt', route, async (req, reply) =>
    reply.type('text/plain; charset=utf-8').send(
      // the open data is there to be found and fetched: its API stays open to crawlers (issue 11)
      `User-agent: *\nAllow: /api/v1/open-data\nDisallow: /admin/\nDisallow: /api/\nSitemap: ${fastify.portal.origin(req)}/sitemap.xml\n`,
    ),
  );

  fastify.get('/portal/assets/:name', route, async (req, reply) => {
    const file = assets.files.get((req.params as Params).name ?? '');
    if (!file) return notFoundPage(req, reply);
    const enc = negotiateEncoding(req.headers['accept-encoding']);
    reply
      .type(file.type)
      .header('cache-control', `public, max-age=${ONE_YEAR}, immutable`)
      .header('vary', 'Accept-Encoding');
    if (enc) reply.header('content-encoding', enc);
    return reply.send(enc === 'br' ? file.br : enc === 'gzip' ? file.gzip : file.body);
  });

  // the site's icon: browsers ask for /favicon.ico whatever the page says; the page links the SVG
  for (const icon of favicon())
    fastify.get(icon.path, route, async (_req, reply) =>
      reply.type(icon.type).header('cache-control', 'public, max-age=86400').send(icon.body),
    );

  fastify.get('/portal/images/:file', route, async (req, reply) => {
    const m = /^([A-Za-z0-9_-]{16,64})\.(png|jpg)$/.exec((req.params as Params).file ?? '');
    const img = m ? await content.image(m[1]!) : undefined;
    const body = img ? await files.open(img.token) : null;
    if (!img || !body) return notFoundPage(req, reply);
    return reply
      .type(img.mime)
      .header('cache-control', `public, max-age=${ONE_YEAR}, immutable`)
      .header('content-disposition', 'inline')
      .send(body);
  });

  fastify.get('/portal/attachments/:id', route, async (req, reply) => {
    const id = idOf((req.params as Params).id);
    const site = req.portalSite;
    const f = id !== null && site ? await content.attachment(id, site.id, nowIso()) : undefined;
    const body = f ? await files.open(f.token) : null;
    if (!f || !body) return notFoundPage(req, reply);
    return reply
      .type(f.mime)
      .header('cache-control', 'no-cache')
      .header(
        'content-disposition',
        `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(f.original_name)}`,
      )
      .send(body);
  });

  // a service guide's form (办事指南 表格下载): only of a published guide of this site (decision 113)
  fastify.get('/services/:id/forms/:formId', route, async (req, reply) => {
    const p = req.params as Params;
    const [id, formId] = [idOf(p.id), idOf(p.formId)];
    const site = req.portalSite;
    const f = id !== null && formId !== null && site ? await deps.guides.openForm(id, formId, site.id) : null;
    if (!f) return notFoundPage(req, reply);
    return reply
      .type(f.mime)
      .header('cache-control', 'no-cache')
      .header(
        'content-disposition',
        `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      )
      .send(f.body);
  });

  // The display settings: a plain form POST, so they work with JavaScript off. It stores nothing on
  // the server — only the visitor's own cookie — hence no audit record. Its body is declared (the
  // fuzzer generates form bodies from it); anything wrong answers a portal page, never JSON.
  fastify.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.post(
      '/portal/prefs',
      {
        config: { access: 'public', changesNothing: true },
        schema: { hide: true, consumes: ['application/x-www-form-urlencoded'], body: PrefsForm },
        errorHandler: (err, req, reply) => {
          const e = toApiError(err);
          if (e.status >= 500) req.log.error({ err }, 'request failed');
          return sendRefusal(reply, e);
        },
      },
      async (req, reply) => {
        const body = req.body as Record<string, string>;
        const next = applyPrefsChange(parsePrefs(req.headers.cookie), body);
        reply.setCookie(PREFS_COOKIE, prefsValue(next), {
          path: '/',
          maxAge: ONE_YEAR,
          sameSite: 'lax',
          httpOnly: true,
          secure: config.cookieSecure,
        });
        return reply.redirect(safeBackPath(body.back), 303);
      },
    );
  });

  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/portal/articles/:id/reads',
    {
      // A visitor's read is counted, not a person's change to records: auditing each one would bury
      // the audit log; refused requests (cross-site, rate-limited) are still recorded.
      config: { access: 'public', notAudited: true },
      schema: {
        tags: ['portal'],
        summary: 'Read-count beacon: counts one read per visitor, article and day',
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: ReadBeaconResult, ...errorResponses(400, 403, 404, 429) },
      },
    },
    async (req) => {
      const r = await runtime.countRead(req.params.id, req.ip, req.headers['user-agent'] ?? '');
      if (!r) throw notFound();
      return r;
    },
  );
}

/** The answer for a host that names no site (decision 175): 404, in both languages, never cached. */
const unknownHost = () =>
  new ApiError('NOT_FOUND', undefined, {
    zh: '这个网址没有对应的网站。请检查网址，或从本市生态环境局的网站进入。',
    en: 'No website answers at this address. Check the address, or go to your city bureau’s own site.',
  });
