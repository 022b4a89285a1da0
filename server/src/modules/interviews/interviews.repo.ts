// The interviews table: the only place that queries it (decision 080). Writers take the caller's
// transaction, in which the audit record is written too.
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { InterviewsTable } from '../../db/tables/interviews.ts';
import { updateVersioned } from '../../db/versioned.ts';

type Trx = Transaction<Database>;

export function createInterviewsRepo(db: DB) {
  const rows = () =>
    db
      .selectFrom('interviews')
      .innerJoin('units', 'units.id', 'interviews.unit_id')
      .innerJoin('people', 'people.id', 'interviews.confirmed_by')
      .selectAll('interviews')
      .select(['units.name as unit_name', 'people.name as confirmed_by_name']);

  return {
    byPlan: (planId: number) =>
      rows().where('interviews.plan_id', '=', planId).orderBy('interviews.id').execute(),
    find: (id: number) => rows().where('interviews.id', '=', id).executeTakeFirst(),
    /** a unit's interviews (what its deputy leader sees), newest first; withdrawn ones are not sent */
    ofUnit: (unitId: number) =>
      rows()
        .where('interviews.unit_id', '=', unitId)
        .where('interviews.status', '!=', 'withdrawn')
        .orderBy('interviews.id', 'desc')
        .execute(),
    findByPlanUnit: (planId: number, unitId: number) =>
      db
        .selectFrom('interviews')
        .select(['id', 'status', 'version'])
        .where('plan_id', '=', planId)
        .where('unit_id', '=', unitId)
        .executeTakeFirst(),

    async insert(trx: Trx, values: Insertable<InterviewsTable>) {
      const { id } = await trx
        .insertInto('interviews')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    /** an optimistic update: false when the version moved on */
    async update(trx: Trx, id: number, version: number, set: Updateable<InterviewsTable>) {
      return updateVersioned(trx, 'interviews', id, version, set);
    },
  };
}
export type InterviewsRepo = ReturnType<typeof createInterviewsRepo>;
export type InterviewRow = NonNullable<Awaited<ReturnType<InterviewsRepo['find']>>>;
