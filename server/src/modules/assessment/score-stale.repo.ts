// Queries for the stale score marks (score_stale, decision 085): written in the approval's transaction,
// claimed (deleted) by the recompute that catches up with them, in its own transaction.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';

export function createScoreStaleRepo(db: DB) {
  return {
    /** Marks these unit-years stale, in the caller's transaction. */
    async mark(trx: Transaction<Database>, ownerUnitId: number, years: number[], unitIds: number[]) {
      const at = nowIso();
      const rows = years.flatMap((year) =>
        unitIds.map((unit_id) => ({ owner_unit_id: ownerUnitId, year, unit_id, marked_at: at })),
      );
      if (!rows.length) return;
      await trx
        .insertInto('score_stale')
        .values(rows)
        .onConflict((oc) => oc.columns(['owner_unit_id', 'year', 'unit_id']).doUpdateSet({ marked_at: at }))
        .execute();
    },

    /** The bureau-years that have marks. */
    async years(): Promise<Array<{ owner_unit_id: number; year: number }>> {
      return db.selectFrom('score_stale').select(['owner_unit_id', 'year']).distinct().execute();
    },

    /**
     * Deletes a bureau-year's marks and answers their units, inside the recompute's transaction: if the
     * recompute fails the marks come back with the rollback; an approval marking one of them meanwhile
     * waits for this transaction (PostgreSQL row lock, SQLite's single writer) and leaves a new mark.
     */
    async claim(trx: Transaction<Database>, ownerUnitId: number, year: number): Promise<number[]> {
      const rows = await trx
        .deleteFrom('score_stale')
        .where('owner_unit_id', '=', ownerUnitId)
        .where('year', '=', year)
        .returning('unit_id')
        .execute();
      return rows.map((r) => r.unit_id);
    },

    /** A plan's score state and whether its bureau-year has marks, in one round trip (every ranking read). */
    async freshness(planId: number, ownerUnitId: number, year: number) {
      const stale = sql<number>`(SELECT COUNT(*) FROM score_stale WHERE owner_unit_id = ${ownerUnitId} AND year = ${year})`;
      const row = await db
        .selectNoFrom([
          sql<number | null>`(SELECT rules_version FROM assessment_score_state WHERE plan_id = ${planId})`.as(
            'rules_version',
          ),
          sql<number | null>`(SELECT last_month FROM assessment_score_state WHERE plan_id = ${planId})`.as(
            'last_month',
          ),
          stale.as('stale'),
        ])
        .executeTakeFirstOrThrow();
      return {
        state:
          row.rules_version === null || row.last_month === null
            ? null
            : { rules_version: Number(row.rules_version), last_month: Number(row.last_month) },
        stale: Number(row.stale) > 0,
      };
    },
  };
}
export type ScoreStaleRepo = ReturnType<typeof createScoreStaleRepo>;
