// The negative_deductions table: the only place that queries it (decision 080).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { NegativeDeductionsTable } from '../../db/tables/assessment.ts';
import type { Insertable } from 'kysely';

export function createDeductionsRepo(db: DB) {
  const rows = () =>
    db
      .selectFrom('negative_deductions')
      .innerJoin('units', 'units.id', 'negative_deductions.unit_id')
      .innerJoin('people', 'people.id', 'negative_deductions.recorded_by')
      .selectAll('negative_deductions')
      .select(['units.name as unit_name', 'people.name as recorded_by_name']);
  return {
    /** a plan's deductions, newest first; `unitId` narrows to one unit (an officer's view) */
    list: (planId: number, unitId: number | null) => {
      let q = rows().where('negative_deductions.plan_id', '=', planId);
      if (unitId !== null) q = q.where('negative_deductions.unit_id', '=', unitId);
      return q
        .orderBy('negative_deductions.fact_date', 'desc')
        .orderBy('negative_deductions.id', 'desc')
        .execute();
    },
    find: (id: number) => rows().where('negative_deductions.id', '=', id).executeTakeFirst(),
    async insert(trx: Transaction<Database>, v: Insertable<NegativeDeductionsTable>) {
      const { id } = await trx
        .insertInto('negative_deductions')
        .values(v)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async remove(trx: Transaction<Database>, id: number) {
      await trx.deleteFrom('negative_deductions').where('id', '=', id).execute();
    },
  };
}
export type DeductionsRepo = ReturnType<typeof createDeductionsRepo>;
export type DeductionRow = NonNullable<Awaited<ReturnType<DeductionsRepo['find']>>>;
