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
import type { FileStore } from '../modules/cms/file-store.ts';
import { setHtmlNotFound } from '../plugins/errors.ts';
import { loadPortalAssets } from './layout/assets.ts';
import { viewFor, type PortalView } from './layout/layout.ts';
import { applyPrefsChange, parsePrefs, PREFS_COOKIE, prefsValue, safeBackPath } from './layout/prefs.ts';
import { cacheKey, type PageCache } from './page-cache.ts';
import { renderArticle } from './pages/article.ts';
import { renderChannel } from './pages/channel.ts';
import { renderFeed, renderSitemap } from './pages/feeds.ts';
import { renderHome } from './pages/home.ts';
import { renderNotFound } from './pages/not-found.ts';
import { parsePage } from './pages/pager.ts';
import { renderSearch } from './pages/search.ts';
import type { HomeSlot, PortalDeps, Rendered } from './portal-deps.ts';
import { createPortalRuntime, type PortalRuntime } from './portal-runtime.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** the portal's page cache and read counter (tests flush and inspect them) */
    portal: { cache: PageCache; runtime: PortalRuntime };
  }
}

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
  },
) {
  const { config, cache, files } = options;
  const deps: PortalDeps = { ...options.deps, homeSlots: options.deps.homeSlots ?? [] };
  const { content } = deps;
  const assets = loadPortalAssets();
  const runtime = createPortalRuntime({
    content,
    cache,
    changes: options.changes,
    readFlushMs: config.portalReadFlushSeconds * 1000,
    pollMs: config.portalPollMs,
    log: (err, msg) => fastify.log.error({ err }, msg),
  });
  fastify.decorate('portal', { cache, runtime });
  fastify.addHook('onReady', async () => runtime.start());
  fastify.addHook('onClose', async () => runtime.stop());

  /** Never the Host header alone: a forged one must not end up in a cached page for everyone. */
  const originOf = (req: FastifyRequest) =>
    config.publicUrl ?? `${req.protocol}://${/^[A-Za-z0-9.:[\]-]{1,100}$/.test(req.headers.host ?? '') ? req.headers.host : 'localhost'}`;

  async function view(req: FastifyRequest): Promise<{ v: PortalView; siteId: number; now: string } | null> {
    const site = await content.site();
    if (!site) return null;
    const now = nowIso();
    const [settings, channels, demo] = await Promise.all([
      content.settings(site.id, site.name),
      content.channels(site.id, now),
      deps.db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst(),
    ]);
    const v = viewFor({
      site: settings,
      demo: Boolean(demo),
      channels,
      prefs: parsePrefs(req.headers.cookie),
      path: req.url.slice(0, 500),
      origin: originOf(req),
      assets: assets.urls,
    });
    return { v, siteId: site.id, now };
  }

  function send(req: FastifyRequest, reply: FastifyReply, r: Rendered, cacheable: boolean) {
    reply
      .code(r.status ?? 200)
      .type(r.contentType ?? 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Encoding, Cookie');
    const body = Buffer.from(r.html);
    if (cacheable && r.tags && (r.status ?? 200) === 200 && cache.enabled) {
      const headers: Record<string, string> = {};
      for (const [k, val] of Object.entries(reply.getHeaders()))
        if (val !== undefined && k !== 'x-request-id' && k !== 'set-cookie' && k !== 'content-length')
          headers[k] = Array.isArray(val) ? val.join(', ') : String(val);
      cache.set(cacheKey(req.url, req.headers.cookie, req.headers.host), { status: 200, headers, body, tags: r.tags });
      const e = cache.get(cacheKey(req.url, req.headers.cookie, req.headers.host))!;
      return sendCached(req, reply, e);
    }
    return reply.send(body);
  }

  function sendCached(req: FastifyRequest, reply: FastifyReply, e: NonNullable<ReturnType<PageCache['get']>>) {
    const gz = cache.acceptsGzip(req.headers['accept-encoding']);
    reply.code(e.status).headers(cache.headersFor(e, gz));
    return reply.send(gz ? e.gzip : e.body);
  }

  async function notFoundPage(req: FastifyRequest, reply: FastifyReply) {
    const ctx = await view(req);
    if (!ctx) return reply.code(404).type('text/plain; charset=utf-8').send('404');
    return send(req, reply, renderNotFound(ctx.v), false);
  }
  setHtmlNotFound(fastify, notFoundPage);

  /** A page route: the cache first, then render; `canonical` says whether this exact URL may be cached. */
  const page =
    (
      render: (
        ctx: { v: PortalView; siteId: number; now: string },
        req: FastifyRequest,
      ) => Promise<Rendered | null>,
      canonical: (req: FastifyRequest) => boolean = (req) => !req.url.includes('?'),
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const hit = cache.get(cacheKey(req.url, req.headers.cookie, req.headers.host));
      if (hit) return sendCached(req, reply, hit);
      const ctx = await view(req);
      const r = ctx ? await render(ctx, req) : null;
      if (!r) return notFoundPage(req, reply);
      return send(req, reply, r, canonical(req));
    };

  const route = { config: { access: 'public' as const }, schema: { hide: true } };
  type Params = Record<string, string>;
  type Query = Record<string, string | string[] | undefined>;
  const idOf = (raw: string | undefined) => (raw && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null);
  const pageQueryCanonical = (req: FastifyRequest) => /^[^?]*(\?page=[2-9]\d{0,4}|\?page=1\d{1,4})?$/.test(req.url);

  fastify.get('/', route, page(({ v, now }) => renderHome(deps, v, now)));
  fastify.get(
    '/channels/:code',
    route,
    page(({ v, now }, req) => {
      const p = parsePage((req.query as Query).page);
      return p === null ? Promise.resolve(null) : renderChannel(deps, v, (req.params as Params).code ?? '', p, now);
    }, pageQueryCanonical),
  );
  for (const format of ['rss', 'atom'] as const)
    fastify.get(
      `/channels/:code/${format}.xml`,
      route,
      page(({ v, siteId, now }, req) => renderFeed(deps, v, (req.params as Params).code ?? '', format, siteId, now)),
    );
  fastify.get(
    '/articles/:id',
    route,
    page(async ({ v, siteId, now }, req) => {
      const id = idOf((req.params as Params).id);
      return id === null ? null : renderArticle(deps, v, id, siteId, now, false);
    }),
  );
  fastify.get(
    '/articles/:id/print',
    route,
    page(async ({ v, siteId, now }, req) => {
      const id = idOf((req.params as Params).id);
      return id === null ? null : renderArticle(deps, v, id, siteId, now, true);
    }),
  );
  fastify.get(
    '/search',
    route,
    page(
      async ({ v, siteId, now }, req) => {
        const query = req.query as Query;
        const q = Array.isArray(query.q) ? (query.q[0] ?? '') : (query.q ?? '');
        const p = parsePage(query.page, 100) ?? 1;
        return renderSearch(deps, v, q, p, siteId, now);
      },
      () => false,
    ),
  );
  fastify.get('/sitemap.xml', route, page(({ v, siteId, now }) => renderSitemap(deps, v, siteId, now)));
  fastify.get('/robots.txt', route, async (req, reply) =>
    reply.type('text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /admin/\nDisallow: /api/\nSitemap: ${originOf(req)}/sitemap.xml\n`),
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
    const bytes = img ? files.read(img.token) : null;
    if (!img || !bytes) return notFoundPage(req, reply);
    return reply
      .type(img.mime)
      .header('cache-control', `public, max-age=${ONE_YEAR}, immutable`)
      .header('content-disposition', 'inline')
      .send(bytes);
  });

  fastify.get('/portal/attachments/:id', route, async (req, reply) => {
    const id = idOf((req.params as Params).id);
    const site = await content.site();
    const f = id !== null && site ? await content.attachment(id, site.id, nowIso()) : undefined;
    const bytes = f ? files.read(f.token) : null;
    if (!f || !bytes) return notFoundPage(req, reply);
    return reply
      .type(f.mime)
      .header('cache-control', 'no-cache')
      .header(
        'content-disposition',
        `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(f.original_name)}`,
      )
      .send(bytes);
  });

  // The display settings: a plain form POST, so they work with JavaScript off. It stores nothing on
  // the server — only the visitor's own cookie — hence no audit record.
  fastify.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.post(
      '/portal/prefs',
      { config: { access: 'public', changesNothing: true }, schema: { hide: true } },
      async (req, reply) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
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
        response: { 200: ReadBeaconResult, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req) => {
      const r = await runtime.countRead(req.params.id, req.ip, req.headers['user-agent'] ?? '');
      if (!r) throw notFound();
      return r;
    },
  );
}
