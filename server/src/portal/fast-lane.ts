// Public pages answered before Fastify, for a request whose site is known (decision 175): a cached page straight from the byte cache, and a cache miss
// rendered here too once Fastify has answered one portal page and so taught this lane the exact
// response headers its plugins set (the security headers). Anything unusual — not a GET or HEAD, an
// address that is no page, a page that is not found, an error — goes on to Fastify unchanged. A page it
// has to render spends the client's portal budget first (decision 066); a cached page spends nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateLimits } from '../plugins/rate-limits.ts';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../http/api-error.ts';
import { htmlErrorPage } from '../plugins/errors.ts';
import { cacheKey, type PageCache } from './page-cache.ts';
import { compressFor, MIN_COMPRESS_BYTES, negotiateEncoding, varyOnEncoding } from '../http/compression.ts';
import type { PortalPages } from './portal-pages.ts';
import type { PortalSite } from '../modules/cms/site-directory.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FastLane {
  /** true when it took the request (answered it, or will); false: hand it to Fastify */
  handle(req: IncomingMessage, res: ServerResponse, fallback: Handler): boolean;
}

/** Headers that belong to one response, not to every page. */
const PER_RESPONSE = new Set([
  'x-request-id',
  'set-cookie',
  'content-length',
  'content-type',
  'content-encoding',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

export function createFastLane(
  pages: PortalPages,
  cache: PageCache,
  limits: RateLimits,
  /** the request's site from memory; undefined: not known yet, null: no site (Fastify answers both) */
  siteOf: (req: IncomingMessage) => PortalSite | null | undefined,
) {
  let learned: Record<string, string> | null = null;

  const lane: FastLane & { learn(headers: Record<string, unknown>): void } = {
    /** Called with the headers of a page Fastify sent (portal.routes.ts). */
    learn(headers) {
      if (learned) return;
      const h: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers))
        if (v !== undefined && !PER_RESPONSE.has(k)) h[k] = Array.isArray(v) ? v.join(', ') : String(v);
      learned = h;
    },

    handle(req, res, fallback) {
      const site = siteOf(req);
      if (!site) return false;
      if (cache.serveRaw(req, res, site.id)) return true;
      const base = learned;
      if (!base || (req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
      const url = req.url;
      const q = url.indexOf('?');
      const found = pages.find(q < 0 ? url : url.slice(0, q));
      if (!found) return false;
      const pr = { url, cookie: req.headers.cookie, site, protocol: 'http' };
      limits
        .hit('portal', limits.clientIp(req))
        .then(async (wait) => {
          // Fastify, if it gets this request after all, must not count it again
          limits.counted.add(req);
          if (wait !== null) return tooMany(res, base, wait);
          const r = await pages.render(found.route, found.params, pr);
          if (!r || (r.status ?? 200) !== 200) return fallback(req, res);
          const body = typeof r.html === 'string' ? Buffer.from(r.html) : r.html;
          const headers = { ...base, 'content-type': r.contentType ?? 'text/html; charset=utf-8' };
          if (r.tags && found.route.canonical(url) && cache.enabled) {
            cache.set(cacheKey(site.id, url, req.headers.cookie), {
              status: 200,
              headers,
              body,
              tags: r.tags,
              ...(r.expiresAt !== undefined ? { expiresAt: r.expiresAt } : {}),
            });
            if (cache.serveRaw(req, res, site.id)) return;
          }
          // not kept (a search, a query string, the cache off): compressed for this answer alone
          const enc =
            body.length >= MIN_COMPRESS_BYTES ? negotiateEncoding(req.headers['accept-encoding']) : null;
          const out = enc ? compressFor(body, enc) : body;
          res.writeHead(200, {
            ...headers,
            vary: varyOnEncoding(base.vary),
            ...(enc ? { 'content-encoding': enc } : {}),
            'content-length': String(out.length),
          });
          res.end(req.method === 'HEAD' ? undefined : out);
        })
        .catch(() => {
          if (!res.headersSent) fallback(req, res);
          else res.destroy();
        });
      return true;
    },
  };
  return lane;
}

function tooMany(res: ServerResponse, base: Record<string, string>, wait: number) {
  const requestId = randomUUID();
  const body = Buffer.from(htmlErrorPage(new ApiError('RATE_LIMITED'), requestId));
  res.writeHead(429, {
    ...base,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': String(wait),
    'x-request-id': requestId,
    'content-length': String(body.length),
  });
  res.end(body);
}
