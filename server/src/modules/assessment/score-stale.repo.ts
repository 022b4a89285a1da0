// Queries for the stale score marks (score_stale, decision 085): written in the approval's transaction,
// cleared by the recompute that catches up with them.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';

type Q = DB | Transaction<Database>;

export interface StaleMark {
  owner_unit_id: number;
  year: number;
  unit_id: number;
  generation: number;
}

export function createScoreStaleRepo(db: DB) {
  return {
    /** Marks these unit-years stale, in the caller's transaction; a repeated mark bumps the generation. */
    async mark(trx: Transaction<Database>, ownerUnitId: number, years: number[], unitIds: number[]) {
      const at = nowIso();
      const rows = years.flatMap((year) =>
        unitIds.map((unit_id) => ({ owner_unit_id: ownerUnitId, year, unit_id, marked_at: at })),
      );
      if (!rows.length) return;
      await trx
        .insertInto('score_stale')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['owner_unit_id', 'year', 'unit_id']).doUpdateSet((eb) => ({
            generation: eb('score_stale.generation', '+', 1),
            marked_at: at,
          })),
        )
        .execute();
    },

    /** The marks of one bureau's year, or every mark (oldest first) when no year is given. */
    async list(of?: { ownerUnitId: number; year: number }, q: Q = db): Promise<StaleMark[]> {
      let query = q
        .selectFrom('score_stale')
        .select(['owner_unit_id', 'year', 'unit_id', 'generation'])
        .orderBy('marked_at')
        .limit(10_000);
      if (of) query = query.where('owner_unit_id', '=', of.ownerUnitId).where('year', '=', of.year);
      return query.execute();
    },

    /** Clears the marks a recompute has caught up with: a mark bumped since it was read stays. */
    async clear(trx: Transaction<Database>, marks: StaleMark[]) {
      // in slices: four parameters a mark stay far below both databases' limits
      for (let i = 0; i < marks.length; i += 200)
        await trx
          .deleteFrom('score_stale')
          .where((eb) =>
            eb.or(
              marks
                .slice(i, i + 200)
                .map((m) =>
                  eb.and([
                    eb('owner_unit_id', '=', m.owner_unit_id),
                    eb('year', '=', m.year),
                    eb('unit_id', '=', m.unit_id),
                    eb('generation', '=', m.generation),
                  ]),
                ),
            ),
          )
          .execute();
    },
  };
}
export type ScoreStaleRepo = ReturnType<typeof createScoreStaleRepo>;
