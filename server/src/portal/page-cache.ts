// Rendered public pages kept as bytes (with their gzip and brotli, compressed once when stored),
// keyed by site, address and display preferences, and emptied exactly where content changed: an article's
// page on a read-count flush; its page, its channel's pages, the home page and the sitemap on publish,
// withdraw or archive; the pages showing a topic of environmental data when it changes (decision
// 100); everything when a channel or the site settings change. A page whose truth runs out with time
// ("the data is late", "today") carries an expiry and is rendered anew after it. A hit is answered
// from the raw Node request handler, before Fastify — the static-file speed the portal is measured
// against (bench/suites/portal.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentChange } from '../modules/cms/content-changes.ts';
import { compressOnce, negotiateEncoding, type Encoding } from '../http/compression.ts';
import { parsePrefs, prefsKey } from './layout/prefs.ts';

export interface CachedPage {
  status: number;
  /** the headers Fastify and its plugins set on the first answer (security headers included) */
  headers: Record<string, string>;
  body: Buffer;
  tags: string[];
  /** epoch ms after which the entry is no longer served; 0 = until a change */
  expiresAt?: number;
}

interface Entry extends CachedPage {
  gzip: Buffer;
  br: Buffer;
  expires: number;
  raw: Record<'identity' | Encoding, Record<string, string>>;
}

const MAX_ENTRIES = 5000;
const MAX_BYTES = 96 * 1024 * 1024;

/**
 * A page's key: its site (decision 175), its address and the display preferences it was rendered with.
 * The site is the bureau's id, never the Host header: the names one site answers on share its pages.
 */
export const cacheKey = (siteId: number, url: string, cookie: string | undefined) =>
  `${siteId}\u0000${url}\u0000${prefsKey(parsePrefs(cookie))}`;

/** Tags: `a:<id>` an article page, `nav:<channel>` article pages showing that channel's neighbours,
 *  `c:<channel>` a channel's list pages and feeds, `t:<topic>` pages showing that environmental data,
 *  `home`, `sitemap`. */
export function tagsFor(change: ContentChange): string[] | 'all' {
  if (change.everything) return 'all';
  if (change.topic) return [`t:${change.topic}`];
  if (change.articleId && change.channelId)
    return [`a:${change.articleId}`, `nav:${change.channelId}`, `c:${change.channelId}`, 'home', 'sitemap'];
  if (change.articleId) return [`a:${change.articleId}`];
  if (change.channelId) return [`c:${change.channelId}`, `nav:${change.channelId}`, 'home', 'sitemap'];
  return [];
}

export function createPageCache(options: { enabled: boolean; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const byTag = new Map<string, Set<string>>();
  const invalidationListeners: Array<(change: ContentChange) => void> = [];
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  function drop(key: string) {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.body.length + e.gzip.length + e.br.length;
    for (const t of e.tags) byTag.get(t)?.delete(key);
  }

  function live(key: string): Entry | undefined {
    const e = entries.get(key);
    if (e && e.expires !== 0 && now() >= e.expires) {
      drop(key);
      return undefined;
    }
    return e;
  }

  function clear() {
    entries.clear();
    byTag.clear();
    bytes = 0;
  }

  return {
    enabled: options.enabled,

    get(key: string) {
      return live(key);
    },

    set(key: string, page: CachedPage) {
      if (!options.enabled) return;
      drop(key);
      const { gzip, br } = compressOnce(page.body);
      const base = { ...page.headers, vary: 'Accept-Encoding, Cookie' };
      const entry: Entry = {
        ...page,
        gzip,
        br,
        expires: page.expiresAt ?? 0,
        raw: {
          identity: { ...base, 'content-length': String(page.body.length) },
          gzip: { ...base, 'content-encoding': 'gzip', 'content-length': String(gzip.length) },
          br: { ...base, 'content-encoding': 'br', 'content-length': String(br.length) },
        },
      };
      entries.set(key, entry);
      bytes += page.body.length + gzip.length + br.length;
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
      for (const l of invalidationListeners) l(change);
      const tags = tagsFor(change);
      if (tags === 'all') return clear();
      for (const t of tags) {
        const keys = byTag.get(t);
        if (!keys) continue;
        for (const k of [...keys]) drop(k);
        byTag.delete(t);
      }
    },

    /** Called on every invalidation, cache on or off: memoised data about the site resets with it. */
    onInvalidate(listener: (change: ContentChange) => void) {
      invalidationListeners.push(listener);
    },

    clear,

    /**
     * Answers a GET/HEAD for a cached page of site `siteId` straight from Node's request handler;
     * false = not cached.
     */
    serveRaw(req: IncomingMessage, res: ServerResponse, siteId: number): boolean {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const url = req.url;
      if (!url || url.startsWith('/api/') || url.startsWith('/admin')) return false;
      const e = live(cacheKey(siteId, url, req.headers.cookie));
      if (!e) {
        misses++;
        return false;
      }
      hits++;
      const enc = negotiateEncoding(req.headers['accept-encoding']);
      res.writeHead(e.status, e.raw[enc ?? 'identity']);
      res.end(req.method === 'HEAD' ? undefined : enc === 'br' ? e.br : enc === 'gzip' ? e.gzip : e.body);
      return true;
    },

    /** The same answer through Fastify (tests, or a request that reached the route first). */
    variant(e: Entry, acceptEncoding: string | string[] | undefined) {
      const enc = negotiateEncoding(acceptEncoding);
      return {
        headers: e.raw[enc ?? 'identity'],
        body: enc === 'br' ? e.br : enc === 'gzip' ? e.gzip : e.body,
      };
    },

    stats() {
      return { entries: entries.size, bytes, hits, misses };
    },
  };
}
export type PageCache = ReturnType<typeof createPageCache>;
