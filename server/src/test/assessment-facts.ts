// Writes approved facts straight into assessment_facts, as the submissions service does after an
// approval — for tests and benchmarks of the scoring side, which only reads them.
import type { AssessmentFact } from '@greenvoice/common';
import type { DB } from '../db/database.ts';

export type FactInput = Partial<Omit<AssessmentFact, 'id'>> &
  Pick<AssessmentFact, 'kind' | 'date' | 'unitIds'>;

/** Inserts facts with source 'submission' and fresh source ids; returns the ids ('submission:N'). */
export async function insertFacts(db: DB, ownerUnitId: number, facts: FactInput[]): Promise<string[]> {
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    const max = await trx
      .selectFrom('assessment_facts')
      .select((eb) => eb.fn.max('source_id').as('n'))
      .where('source', '=', 'submission')
      .executeTakeFirst();
    let nextSourceId = Number(max?.n ?? 0) + 1;
    for (let i = 0; i < facts.length; i += 200) {
      const batch = facts.slice(i, i + 200).map((f) => ({ f, sourceId: nextSourceId++ }));
      const rows = await trx
        .insertInto('assessment_facts')
        .values(
          batch.map(({ f, sourceId }) => ({
            source: 'submission',
            source_id: sourceId,
            owner_unit_id: ownerUnitId,
            kind: f.kind,
            fact_date: f.date,
            outlet_level: f.outletLevel ?? null,
            outlet_medium: f.outletMedium ?? null,
            adoption_level: f.adoptionLevel ?? null,
            leader_instruction: f.leaderInstruction ?? null,
            activity_type: f.activityType ?? null,
            award_rank: f.awardRank ?? null,
            quantity: f.quantity ?? null,
            negative_code: f.negativeCode ?? null,
            themes: JSON.stringify(f.themes ?? []),
            title: f.title ?? `稿件 ${sourceId}`,
            recorded_at: new Date().toISOString(),
          })),
        )
        .returning(['id', 'source_id'])
        .execute();
      const links = rows.flatMap((r, j) =>
        batch[j]!.f.unitIds.map((unit_id, position) => ({
          fact_id: r.id,
          unit_id,
          position,
          owner_unit_id: ownerUnitId,
          fact_date: batch[j]!.f.date,
        })),
      );
      for (let k = 0; k < links.length; k += 300)
        await trx
          .insertInto('assessment_fact_units')
          .values(links.slice(k, k + 300))
          .execute();
      ids.push(...rows.map((r) => `submission:${r.source_id}`));
    }
  });
  return ids;
}
