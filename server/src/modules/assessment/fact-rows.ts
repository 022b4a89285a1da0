// Stored facts (assessment_facts + assessment_fact_units) → the engine's AssessmentFact.
import type { Selectable } from 'kysely';
import type { AssessmentFactsTable } from '../../db/types.ts';
import type { AssessmentFact } from '@greenvoice/common';

/** A fact as stored (the table's own column types: kinds and levels are the domain unions). */
export type FactRow = Omit<Selectable<AssessmentFactsTable>, 'owner_unit_id' | 'recorded_at'>;

export interface FactUnitRow {
  fact_id: number;
  unit_id: number;
  position: number;
}

export function toFacts(rows: FactRow[], links: FactUnitRow[]): AssessmentFact[] {
  const units = new Map<number, FactUnitRow[]>();
  for (const l of links) {
    const list = units.get(l.fact_id);
    if (list) list.push(l);
    else units.set(l.fact_id, [l]);
  }
  return rows.map((r) => ({
    id: `${r.source}:${r.source_id}`,
    kind: r.kind,
    date: r.fact_date,
    unitIds: (units.get(r.id) ?? []).sort((a, b) => a.position - b.position).map((l) => l.unit_id),
    outletLevel: r.outlet_level,
    outletMedium: r.outlet_medium,
    adoptionLevel: r.adoption_level,
    leaderInstruction: r.leader_instruction,
    activityType: r.activity_type,
    awardRank: r.award_rank,
    quantity: r.quantity === null ? null : Number(r.quantity),
    negativeCode: r.negative_code,
    themes: JSON.parse(r.themes) as string[],
    title: r.title,
  }));
}
