// The portal's moving parts between requests: the read counter (a deduplicated POST beacon whose
// counts reach the cached pages at each flush) and the poll that keeps this server's page cache in
// step with changes made on other app servers and with scheduled articles coming due.
import { createHash, createHmac } from 'node:crypto';
import { chinaDate } from '@greenvoice/common';
import { nowIso } from '../db/database.ts';
import type { ContentChanges } from '../modules/cms/content-changes.ts';
import type { PublicFeed } from '../modules/cms/public-feed.repo.ts';
import { clientKey } from '../plugins/rate-limits.ts';
import type { PageCache } from './page-cache.ts';

const HOUR = 3_600_000;
/**
 * At most this many counted reads per client address, article and day, whatever User-Agent it sends
 * (decision 066): the browser is reduced to one of this many slots, so a new UA cannot mint new visitors.
 */
export const READS_PER_ADDRESS = 3;

export function createPortalRuntime(deps: {
  feed: PublicFeed;
  cache: PageCache;
  changes: ContentChanges;
  readFlushMs: number;
  pollMs: number;
  log: (err: unknown, msg: string) => void;
}) {
  const { feed: content, cache, changes } = deps;
  const dirty = new Set<number>();
  let secret: Promise<string> | null = null;
  let lastChangeId: number | null = null;
  let lastTick = nowIso();
  let lastPurge = 0;
  const timers: NodeJS.Timeout[] = [];

  // a change made in this process empties its cache at once; other processes learn it by polling
  changes.onChange((c) => cache.invalidate(c));

  const runtime = {
    /** Counts a visitor's read once per article and China day; null when the article is not live. */
    async countRead(articleId: number, clientIp: string, userAgent: string) {
      const now = nowIso();
      const live = await content.isLive(articleId, now);
      if (!live) return null;
      secret ??= content.readSecret();
      // a keyed hash: the visitor's address is never stored, and cannot be recovered from the row
      const slot = createHash('sha256').update(userAgent.slice(0, 300)).digest()[0]! % READS_PER_ADDRESS;
      const visitor = createHmac('sha256', await secret)
        .update(`${clientKey(clientIp)}\n${slot}`)
        .digest('base64url')
        .slice(0, 32);
      const counted = await content.countRead(articleId, chinaDate(now), visitor);
      if (counted) dirty.add(articleId);
      return { counted, readCount: live.read_count + (counted ? 1 : 0) };
    },

    /** Publishes the counts gathered since the last flush: those article pages are rendered anew. */
    async flushReads() {
      if (dirty.size === 0) return;
      const ids = [...dirty];
      dirty.clear();
      const at = nowIso();
      await content.recordChanges(
        ids.map((id) => ({ article_id: id, channel_id: null, everything: 0, topic: null, at })),
      );
      for (const id of ids) changes.announce({ articleId: id });
    },

    /** Applies other servers' changes and scheduled articles whose time has come. */
    async poll() {
      const now = nowIso();
      if (lastChangeId === null) lastChangeId = await content.lastChangeId();
      else
        for (const c of await content.changesAfter(lastChangeId)) {
          cache.invalidate({
            articleId: c.article_id,
            channelId: c.channel_id,
            everything: c.everything === 1,
            topic: c.topic,
          });
          lastChangeId = c.id;
        }
      for (const a of await content.newlyLive(lastTick, now))
        cache.invalidate({ articleId: a.id, channelId: a.channel_id });
      lastTick = now;
      if (Date.now() - lastPurge > HOUR) {
        lastPurge = Date.now();
        // the dedup rows are only needed for today; the feed only for servers that are running
        await content.purgeReadsBefore(chinaDate(new Date(Date.now() - 24 * HOUR).toISOString()));
        await content.purgeChangesBefore(new Date(Date.now() - 24 * HOUR).toISOString());
      }
    },

    start() {
      const every = (ms: number, fn: () => Promise<void>, what: string) => {
        let running = false;
        const t = setInterval(() => {
          if (running) return;
          running = true;
          fn()
            .catch((err) => deps.log(err, what))
            .finally(() => (running = false));
        }, ms);
        t.unref();
        timers.push(t);
      };
      every(deps.readFlushMs, () => runtime.flushReads(), 'read-count flush failed');
      every(deps.pollMs, () => runtime.poll(), 'portal change poll failed');
    },

    async stop() {
      for (const t of timers) clearInterval(t);
      timers.length = 0;
      await runtime.flushReads().catch((err) => deps.log(err, 'read-count flush failed'));
    },
  };
  return runtime;
}
export type PortalRuntime = ReturnType<typeof createPortalRuntime>;
