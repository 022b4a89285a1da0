// Tables owned by the facts module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { Generated } from 'kysely';

export interface AssessmentFactsTable {
  id: Generated<number>;
  source: string;
  source_id: number;
  owner_unit_id: number;
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
  recorded_at: string;
}

export interface AssessmentFactUnitsTable {
  fact_id: number;
  unit_id: number;
  position: number;
}
