// Stored facts (assessment_facts + assessment_fact_units) → the engine's AssessmentFact.
import type {
  AdoptionLevel,
  AssessmentFact,
  FactKind,
  InstructionLevel,
  OutletLevel,
  OutletMedium,
} from '@greenvoice/common';

export interface FactRow {
  id: number;
  source: string;
  source_id: number;
  kind: string;
  fact_date: string;
  outlet_level: string | null;
  outlet_medium: string | null;
  adoption_level: string | null;
  leader_instruction: string | null;
  activity_type: string | null;
  award_rank: string | null;
  quantity: number | null;
  negative_code: string | null;
  themes: string;
  title: string;
}

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
    kind: r.kind as FactKind,
    date: r.fact_date,
    unitIds: (units.get(r.id) ?? []).sort((a, b) => a.position - b.position).map((l) => l.unit_id),
    outletLevel: r.outlet_level as OutletLevel | null,
    outletMedium: r.outlet_medium as OutletMedium | null,
    adoptionLevel: r.adoption_level as AdoptionLevel | null,
    leaderInstruction: r.leader_instruction as InstructionLevel | null,
    activityType: r.activity_type,
    awardRank: r.award_rank,
    quantity: r.quantity === null ? null : Number(r.quantity),
    negativeCode: r.negative_code,
    themes: JSON.parse(r.themes) as string[],
    title: r.title,
  }));
}
