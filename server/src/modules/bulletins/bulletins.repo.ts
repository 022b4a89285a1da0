// The bulletins table: the only place that queries it (decision 080). Writers take the caller's
// transaction (the audit record is written in the same one).
import type { Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { BulletinsTable } from '../../db/tables/bulletins.ts';
import { deleteVersioned, updateVersioned } from '../../db/versioned.ts';

type Trx = Transaction<Database>;

export function createBulletinsRepo(db: DB) {
  const rows = () =>
    db
      .selectFrom('bulletins')
      .innerJoin('people as drafter', 'drafter.id', 'bulletins.drafted_by')
      .leftJoin('people as approver', 'approver.id', 'bulletins.approved_by')
      .selectAll('bulletins')
      .select(['drafter.name as drafter_name', 'approver.name as approver_name']);

  return {
    find: (id: number) => rows().where('bulletins.id', '=', id).executeTakeFirst(),

    /** newest first; a draft has no number yet, so the order is by creation */
    listByPlan: (planId: number, publishedOnly: boolean) => {
      let q = rows().where('bulletins.plan_id', '=', planId).orderBy('bulletins.id', 'desc');
      if (publishedOnly) q = q.where('bulletins.status', '=', 'published');
      return q.execute();
    },

    /** the months of a plan that a published monthly bulletin has closed */
    publishedMonths: async (planId: number) =>
      (
        await db
          .selectFrom('bulletins')
          .select('period_index')
          .where('plan_id', '=', planId)
          .where('period_kind', '=', 'month')
          .where('status', '=', 'published')
          .execute()
      ).map((r) => r.period_index),

    async insert(
      trx: Trx,
      values: Omit<BulletinsTable, 'id' | 'version' | 'doc_number' | 'approved_by' | 'approved_at'>,
    ) {
      const { id } = await trx
        .insertInto('bulletins')
        .values({ ...values, doc_number: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    /** an optimistic update: false when the version moved on */
    async update(trx: Trx, id: number, version: number, set: Updateable<BulletinsTable>) {
      return updateVersioned(trx, 'bulletins', id, version, set);
    },

    /** only a draft (never numbered, never signed) can go */
    async deleteDraft(trx: Trx, id: number, version: number) {
      return deleteVersioned(trx, 'bulletins', { id, status: 'draft' }, version);
    },
  };
}
export type BulletinsRepo = ReturnType<typeof createBulletinsRepo>;
export type BulletinRow = NonNullable<Awaited<ReturnType<BulletinsRepo['find']>>>;
