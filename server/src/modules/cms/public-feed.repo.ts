// The portal's bookkeeping between requests: scheduled articles coming due, the read counter's
// deduplication, and the change feed every app server's page cache follows (decisions 031, 032).
import { sql, type Insertable, type Transaction } from 'kysely';
import type { Database, PortalChangesTable } from '../../db/types.ts';
import type { DB } from '../../db/database.ts';
import { settingOnce } from './settings.repo.ts';

/** One entry of the change feed, in the caller's transaction (content-changes.ts says what each means). */
export async function insertPortalChange(trx: Transaction<Database>, row: Insertable<PortalChangesTable>) {
  await trx.insertInto('portal_changes').values(row).execute();
}

export function createPublicFeed(db: DB) {
  const live = (now: string) =>
    db
      .selectFrom('portal_articles')
      .where('portal_articles.status', '=', 'published')
      .where('portal_articles.publish_at', '<=', now);

  return {
    /** Articles whose scheduled time fell in (since, now]: they have just appeared. */
    async newlyLive(since: string, now: string) {
      return db
        .selectFrom('portal_articles')
        .select(['id', 'channel_id'])
        .where('status', '=', 'published')
        .where('publish_at', '>', since)
        .where('publish_at', '<=', now)
        .execute();
    },

    async isLive(articleId: number, now: string) {
      const r = await live(now).where('id', '=', articleId).select(['id', 'read_count']).executeTakeFirst();
      return r ?? null;
    },

    /** Returns true when the visitor had not yet been counted for this article today. */
    async countRead(articleId: number, day: string, visitor: string) {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('portal_reads')
          .values({ article_id: articleId, day, visitor })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
        await trx
          .updateTable('portal_articles')
          .set({ read_count: sql`read_count + 1` })
          .where('id', '=', articleId)
          .execute();
        return true;
      });
    },

    async purgeReadsBefore(day: string) {
      await db.deleteFrom('portal_reads').where('day', '<', day).execute();
    },

    async changesAfter(id: number) {
      return db
        .selectFrom('portal_changes')
        .select(['id', 'article_id', 'channel_id', 'everything', 'topic'])
        .where('id', '>', id)
        .orderBy('id')
        .limit(1000)
        .execute();
    },

    async lastChangeId() {
      const r = await db
        .selectFrom('portal_changes')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst();
      return Number(r?.m ?? 0);
    },

    async purgeChangesBefore(at: string) {
      await db.deleteFrom('portal_changes').where('at', '<', at).execute();
    },

    async recordChanges(
      rows: {
        article_id: number | null;
        channel_id: number | null;
        everything: number;
        topic: null;
        at: string;
      }[],
    ) {
      if (rows.length) await db.insertInto('portal_changes').values(rows).execute();
    },

    /** A secret shared by all app servers, so a visitor counted by one is not counted again by another. */
    async readSecret(): Promise<string> {
      const { randomBytes } = await import('node:crypto');
      return settingOnce(db, 'portal.read-secret', () => randomBytes(32).toString('hex'));
    },
  };
}
export type PublicFeed = ReturnType<typeof createPublicFeed>;
