// Writes assessment facts (common/src/assessment/facts.ts), the only input of the scoring engine.
// Always called inside the transaction that makes the source record count (an approval) or stop
// counting (a withdrawal), so a fact exists exactly while its source is approved.
import type { AssessmentFact } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';

export interface FactSource {
  /** 'submission', later 'activity', 'account' … */
  source: string;
  sourceId: number;
}

export type FactInput = Omit<AssessmentFact, 'id'> & { ownerUnitId: number };

/** What changed, for whoever keeps derived numbers (scores) up to date. */
export interface FactsChange {
  ownerUnitId: number;
  unitIds: number[];
  dates: string[];
}

export function createFactsRepo() {
  async function findBySource(trx: Transaction<Database>, s: FactSource) {
    const row = await trx
      .selectFrom('assessment_facts')
      .select(['id', 'owner_unit_id', 'fact_date'])
      .where('source', '=', s.source)
      .where('source_id', '=', s.sourceId)
      .executeTakeFirst();
    if (!row) return null;
    const units = await trx
      .selectFrom('assessment_fact_units')
      .select('unit_id')
      .where('fact_id', '=', row.id)
      .orderBy('position')
      .execute();
    return { ...row, unitIds: units.map((u) => u.unit_id) };
  }

  async function deleteBySource(trx: Transaction<Database>, s: FactSource): Promise<FactsChange | null> {
    const existing = await findBySource(trx, s);
    if (!existing) return null;
    // the units go by ON DELETE CASCADE too; deleting them first keeps it independent of that pragma
    await trx.deleteFrom('assessment_fact_units').where('fact_id', '=', existing.id).execute();
    await trx.deleteFrom('assessment_facts').where('id', '=', existing.id).execute();
    return { ownerUnitId: existing.owner_unit_id, unitIds: existing.unitIds, dates: [existing.fact_date] };
  }

  return {
    findBySource,
    deleteBySource,

    /** The source ids a source has facts for (the new-media matrix replaces a source's facts as a set). */
    async sourceIdsOf(trx: Transaction<Database>, source: string): Promise<number[]> {
      const rows = await trx
        .selectFrom('assessment_facts')
        .select('source_id')
        .where('source', '=', source)
        .execute();
      return rows.map((r) => r.source_id);
    },

    /**
     * Replaces the fact of a source. Returns the change: the units and dates of the old and the new fact,
     * since both may need recomputing.
     */
    async upsertBySource(trx: Transaction<Database>, s: FactSource, f: FactInput): Promise<FactsChange> {
      const old = await deleteBySource(trx, s);
      const row = await trx
        .insertInto('assessment_facts')
        .values({
          source: s.source,
          source_id: s.sourceId,
          owner_unit_id: f.ownerUnitId,
          kind: f.kind,
          fact_date: f.date,
          outlet_level: f.outletLevel,
          outlet_medium: f.outletMedium,
          adoption_level: f.adoptionLevel,
          leader_instruction: f.leaderInstruction,
          activity_type: f.activityType,
          award_rank: f.awardRank,
          quantity: f.quantity,
          negative_code: f.negativeCode,
          themes: JSON.stringify(f.themes),
          title: f.title,
          recorded_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('assessment_fact_units')
        .values(
          f.unitIds.map((unitId, position) => ({
            fact_id: row.id,
            unit_id: unitId,
            position,
            // copies of the fact's own columns, for the per-unit index (decision 096)
            owner_unit_id: f.ownerUnitId,
            fact_date: f.date,
          })),
        )
        .execute();
      return {
        ownerUnitId: f.ownerUnitId,
        unitIds: [...new Set([...(old?.unitIds ?? []), ...f.unitIds])],
        dates: [...new Set([...(old?.dates ?? []), f.date])],
      };
    },
  };
}
export type FactsRepo = ReturnType<typeof createFactsRepo>;

/** Merges changes per assessing bureau, so a listener hears once per bureau per request. */
export function mergeFactsChanges(changes: Array<FactsChange | null>): FactsChange[] {
  const byOwner = new Map<number, { units: Set<number>; dates: Set<string> }>();
  for (const c of changes) {
    if (!c) continue;
    const m = byOwner.get(c.ownerUnitId) ?? { units: new Set(), dates: new Set() };
    c.unitIds.forEach((u) => m.units.add(u));
    c.dates.forEach((d) => m.dates.add(d));
    byOwner.set(c.ownerUnitId, m);
  }
  return [...byOwner].map(([ownerUnitId, m]) => ({
    ownerUnitId,
    unitIds: [...m.units].sort((a, b) => a - b),
    dates: [...m.dates].sort(),
  }));
}
