// Every change the portal must show is written to portal_changes in the same transaction as the
// change itself; each app server's page cache polls that table (and is told at once when the change
// was made in its own process). Kinds, by which columns are set:
//   article + channel  — published, withdrawn, archived: its page, its channel, home, search, sitemap
//   article only       — its read count moved: its own page only
//   everything         — a channel or the site settings changed: every page (the nav shows them)
//   topic              — environmental data changed (an air or water import, a station or section
//                        edit, an enterprise or disclosure, an incident): the pages showing it, the
//                        home page's environment block, the open-data page and the sitemap (decision 100)
import type { PortalTopic } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { RequestContext } from '../../http/context.ts';
import type { Audit, AuditService } from '../audit/audit.service.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { insertPortalChange } from './public-feed.repo.ts';

export interface ContentChange {
  articleId?: number | null;
  channelId?: number | null;
  everything?: boolean;
  topic?: PortalTopic | null;
}

export type ChangeListener = (change: ContentChange) => void;

export function createContentChanges() {
  const listeners: ChangeListener[] = [];
  return {
    /** Records the change inside the caller's transaction; call `announce` after it commits. */
    async record(trx: Transaction<Database>, change: ContentChange) {
      await insertPortalChange(trx, {
        article_id: change.articleId ?? null,
        channel_id: change.channelId ?? null,
        everything: change.everything ? 1 : 0,
        topic: change.topic ?? null,
        at: nowIso(),
      });
    },
    announce(change: ContentChange) {
      for (const l of listeners) l(change);
    },
    onChange(listener: ChangeListener) {
      listeners.push(listener);
    },
  };
}
export type ContentChanges = ReturnType<typeof createContentChanges>;

/** Runs a change with its audit record and change-feed entry, then tells this process's caches. */
export function createChangeRunner(audit: AuditService, changes: ContentChanges) {
  return async function change<T>(
    ctx: RequestContext,
    feed: ContentChange | null,
    work: (trx: Transaction<Database>, record: Audit) => Promise<T>,
  ): Promise<T> {
    const result = await audit.transact(ctx, async (trx, record) => {
      const out = await work(trx, record);
      if (feed) await changes.record(trx, feed);
      return out;
    });
    if (feed) changes.announce(feed);
    return result;
  };
}

export const trimAll = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as T;
