// The only place that builds queries on incident releases and their follow-ups.
import type { IncidentStatus } from '@greenvoice/common';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import { ownedWithinScope } from '../../db/expressions.ts';
import type { Database, IncidentFollowUpsTable, IncidentsTable } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';

type Trx = Transaction<Database>;

export function createIncidentsRepo(db: DB) {
  return {
    /** the follow-ups of these incidents, oldest first */
    followUps: (ids: number[]) =>
      db
        .selectFrom('incident_follow_ups')
        .selectAll()
        .where('incident_id', 'in', ids.length ? ids : [0])
        .orderBy('published_at')
        .orderBy('id')
        .execute(),

    find: (id: number, scopePath?: string) => {
      let q = db.selectFrom('incidents').selectAll().where('id', '=', id);
      if (scopePath) q = q.where(ownedWithinScope('owner_unit_id', scopePath));
      return q.executeTakeFirst();
    },

    /** newest first by the time it happened */
    async list(status: IncidentStatus | undefined, page: number, pageSize: number, scopePath: string) {
      let base = db.selectFrom('incidents').where(ownedWithinScope('owner_unit_id', scopePath));
      if (status) base = base.where('status', '=', status);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy('occurred_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { rows, total: Number(total.n) };
    },

    insert: (trx: Trx, row: Insertable<IncidentsTable>) =>
      trx.insertInto('incidents').values(row).returning('id').executeTakeFirstOrThrow(),

    update: (trx: Trx, id: number, version: number, set: Updateable<IncidentsTable>) =>
      updateVersioned(trx, 'incidents', id, version, set),

    insertFollowUp: (trx: Trx, row: Insertable<IncidentFollowUpsTable>) =>
      trx.insertInto('incident_follow_ups').values(row).returning('id').executeTakeFirstOrThrow(),

    /**
     * A follow-up moves the incident on (and may close it) whatever its version was: a follow-up adds to
     * the release rather than correcting it, so it never conflicts with an edit.
     */
    async touch(trx: Trx, id: number, set: Updateable<IncidentsTable>) {
      await trx.updateTable('incidents').set(set).where('id', '=', id).execute();
    },
  };
}
export type IncidentsRepo = ReturnType<typeof createIncidentsRepo>;
