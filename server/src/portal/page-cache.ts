// Rendered public pages kept as bytes (and their gzip), keyed by address and display preferences, and
// emptied exactly where content changed: an article's page on a read-count flush; its page, its
// channel's pages, the home page and the sitemap on publish, withdraw or archive; everything when a
// channel or the site settings change. A hit is answered from the raw Node request handler, before
// Fastify — the static-file speed the portal is measured against (bench/suites/portal.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { ContentChange } from '../modules/cms/content-changes.ts';
import { parsePrefs, prefsKey } from './layout/prefs.ts';

export interface CachedPage {
  status: number;
  /** the headers Fastify and its plugins set on the first answer (security headers included) */
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer;
  tags: string[];
}

const MAX_ENTRIES = 5000;
const MAX_BYTES = 96 * 1024 * 1024;

export const cacheKey = (url: string, cookie: string | undefined, host: string | undefined) =>
  `${host ?? ''}${url}\u0000${prefsKey(parsePrefs(cookie))}`;

/** Tags: `a:<id>` an article page, `nav:<channel>` article pages showing that channel's neighbours,
 *  `c:<channel>` a channel's list pages and feeds, `home`, `sitemap`. */
export function tagsFor(change: ContentChange): string[] | 'all' {
  if (change.everything) return 'all';
  if (change.articleId && change.channelId)
    return [`a:${change.articleId}`, `nav:${change.channelId}`, `c:${change.channelId}`, 'home', 'sitemap'];
  if (change.articleId) return [`a:${change.articleId}`];
  if (change.channelId) return [`c:${change.channelId}`, `nav:${change.channelId}`, 'home', 'sitemap'];
  return [];
}

export function createPageCache(options: { enabled: boolean }) {
  const entries = new Map<
    string,
    CachedPage & { rawHeaders: Record<string, string>; rawGzipHeaders: Record<string, string> }
  >();
  const byTag = new Map<string, Set<string>>();
  const invalidationListeners: Array<() => void> = [];
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  function drop(key: string) {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.body.length + e.gzip.length;
    for (const t of e.tags) byTag.get(t)?.delete(key);
  }

  function acceptsGzip(header: string | string[] | undefined) {
    return typeof header === 'string' && header.includes('gzip');
  }

  return {
    enabled: options.enabled,

    get(key: string) {
      return entries.get(key);
    },

    set(key: string, page: Omit<CachedPage, 'gzip'>) {
      if (!options.enabled) return;
      drop(key);
      const gzip = gzipSync(page.body, { level: 6 });
      const base = { ...page.headers, vary: 'Accept-Encoding, Cookie' };
      const entry = {
        ...page,
        gzip,
        rawHeaders: { ...base, 'content-length': String(page.body.length) },
        rawGzipHeaders: { ...base, 'content-encoding': 'gzip', 'content-length': String(gzip.length) },
      };
      entries.set(key, entry);
      bytes += page.body.length + gzip.length;
      for (const t of page.tags) {
        let set = byTag.get(t);
        if (!set) byTag.set(t, (set = new Set()));
        set.add(key);
      }
      // oldest first: a Map iterates in insertion order
      while (entries.size > MAX_ENTRIES || bytes > MAX_BYTES) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest);
      }
    },

    invalidate(change: ContentChange) {
      for (const l of invalidationListeners) l();
      const tags = tagsFor(change);
      if (tags === 'all') return this.clear();
      for (const t of tags) {
        const keys = byTag.get(t);
        if (!keys) continue;
        for (const k of [...keys]) drop(k);
        byTag.delete(t);
      }
    },

    /** Called on every invalidation, cache on or off: memoised data about the site resets with it. */
    onInvalidate(listener: () => void) {
      invalidationListeners.push(listener);
    },

    clear() {
      entries.clear();
      byTag.clear();
      bytes = 0;
    },

    /** Answers a GET/HEAD for a cached page straight from Node's request handler; false = not cached. */
    serveRaw(req: IncomingMessage, res: ServerResponse): boolean {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const url = req.url;
      if (!url || url.startsWith('/api/') || url.startsWith('/admin')) return false;
      const e = entries.get(cacheKey(url, req.headers.cookie, req.headers.host));
      if (!e) {
        misses++;
        return false;
      }
      hits++;
      const gz = acceptsGzip(req.headers['accept-encoding']);
      res.writeHead(e.status, gz ? e.rawGzipHeaders : e.rawHeaders);
      res.end(req.method === 'HEAD' ? undefined : gz ? e.gzip : e.body);
      return true;
    },

    /** The same answer through Fastify (tests, or a request that reached the route first). */
    headersFor(
      e: CachedPage & { rawHeaders: Record<string, string>; rawGzipHeaders: Record<string, string> },
      gzip: boolean,
    ) {
      return gzip ? e.rawGzipHeaders : e.rawHeaders;
    },

    acceptsGzip,

    stats() {
      return { entries: entries.size, bytes, hits, misses };
    },
  };
}
export type PageCache = ReturnType<typeof createPageCache>;
