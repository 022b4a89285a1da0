// The public portal at `/`: server-rendered pages (readable with JavaScript off), served from the
// byte cache when it can, its feeds and sitemap, its assets and files, the display-settings form and
// the read-count beacon. Staff reach the console from the footer's 工作人员入口.
import { IdParams, ErrorResponse } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Config } from '../config.ts';
import { nowIso } from '../db/database.ts';
import { notFound } from '../http/api-error.ts';
import type { ContentChanges } from '../modules/cms/content-changes.ts';
import type { FileStore } from '../files/file-store.ts';
import { createPublicFeed } from '../modules/cms/public-feed.ts';
import { setHtmlNotFound, toApiError } from '../plugins/errors.ts';
import type { RateLimits } from '../plugins/rate-limits.ts';
import { loadPortalAssets } from './layout/assets.ts';
import { applyPrefsChange, parsePrefs, PREFS_COOKIE, prefsValue, safeBackPath } from './layout/prefs.ts';
import { createFastLane, type FastLane } from './fast-lane.ts';
import { cacheKey, type PageCache } from './page-cache.ts';
import { createPortalPages, type PageRequest } from './portal-pages.ts';
import type { PageSpec } from './layout/layout.ts';
import type { SafeHtml } from './html.ts';
import type { HomeSlot, PortalDeps, Rendered } from './portal-deps.ts';
import { createPortalRuntime, type PortalRuntime } from './portal-runtime.ts';
import { sendRefusal } from './pages/refusal-page.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** the portal's page cache and read counter (tests flush and inspect them) */
    portal: {
      cache: PageCache;
      runtime: PortalRuntime;
      /** a public page's content in the portal's frame; null when no site is set up */
      frame(req: FastifyRequest, spec: PageSpec, main: SafeHtml): Promise<string | null>;
      notFound(req: FastifyRequest, reply: FastifyReply): Promise<unknown>;
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
  const deps: PortalDeps = { ...options.deps, homeSlots: options.deps.homeSlots ?? [] };
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
  fastify.decorate('portal', {
    cache,
    runtime,
    frame: (req: FastifyRequest, spec: PageSpec, main: SafeHtml) =>
      pages.framed(pageRequest(req), spec, main),
    notFound: (req: FastifyRequest, reply: FastifyReply) => notFoundPage(req, reply),
  });
  const lane = createFastLane(pages, cache, options.limits);
  options.laneSlot.lane = lane;

  const pageRequest = (req: FastifyRequest): PageRequest => ({
    url: req.url,
    cookie: req.headers.cookie,
    host: req.headers.host,
    protocol: 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http',
  });

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
      const key = cacheKey(req.url, req.headers.cookie, req.headers.host);
      cache.set(key, { status: 200, headers, body, tags: r.tags });
      return sendCached(req, reply, cache.get(key)!);
    }
    return reply.send(body);
  }

  function sendCached(
    req: FastifyRequest,
    reply: FastifyReply,
    e: NonNullable<ReturnType<PageCache['get']>>,
  ) {
    const gz = cache.acceptsGzip(req.headers['accept-encoding']);
    reply.code(e.status).headers(cache.headersFor(e, gz));
    return reply.send(gz ? e.gzip : e.body);
  }

  async function notFoundPage(req: FastifyRequest, reply: FastifyReply) {
    const r = await pages.notFound(pageRequest(req));
    if (!r) return reply.code(404).type('text/plain; charset=utf-8').send('404');
    return send(req, reply, r, false);
  }
  setHtmlNotFound(fastify, notFoundPage);

  const route = { config: { access: 'public' as const }, schema: { hide: true } };
  type Params = Record<string, string>;
  const idOf = (raw: string | undefined) => (raw && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null);
  for (const page of pages.routes)
    fastify.get(page.pattern, route, async (req, reply) => {
      const hit = cache.get(cacheKey(req.url, req.headers.cookie, req.headers.host));
      if (hit) return sendCached(req, reply, hit);
      const q = req.url.indexOf('?');
      const found = pages.find(q < 0 ? req.url : req.url.slice(0, q));
      const r = found ? await pages.render(found.route, found.params, pageRequest(req)) : null;
      if (!r) return notFoundPage(req, reply);
      return send(req, reply, r, page.canonical(req.url));
    });

  fastify.get('/robots.txt', route, async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(
        `User-agent: *\nDisallow: /admin/\nDisallow: /api/\nSitemap: ${config.publicUrl ?? ''}/sitemap.xml\n`,
      ),
  );

  fastify.get('/portal/assets/:name', route, async (req, reply) => {
    const file = assets.files.get((req.params as Params).name ?? '');
    if (!file) return notFoundPage(req, reply);
    const gz = cache.acceptsGzip(req.headers['accept-encoding']);
    reply
      .type(file.type)
      .header('cache-control', `public, max-age=${ONE_YEAR}, immutable`)
      .header('vary', 'Accept-Encoding');
    if (gz) reply.header('content-encoding', 'gzip');
    return reply.send(gz ? file.gzip : file.body);
  });

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
    const site = await content.site();
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
        response: {
          200: ReadBeaconResult,
          400: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (req) => {
      const r = await runtime.countRead(req.params.id, req.ip, req.headers['user-agent'] ?? '');
      if (!r) throw notFound();
      return r;
    },
  );
}
