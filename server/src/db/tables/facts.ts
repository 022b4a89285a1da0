// Tables owned by the facts module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type {
  AdoptionLevel,
  FactKind,
  InstructionLevel,
  OutletLevel,
  OutletMedium,
} from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface AssessmentFactsTable {
  id: Generated<number>;
  source: string;
  source_id: number;
  owner_unit_id: number;
  kind: FactKind;
  fact_date: string;
  outlet_level: OutletLevel | null;
  outlet_medium: OutletMedium | null;
  adoption_level: AdoptionLevel | null;
  leader_instruction: InstructionLevel | null;
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
  /** copies of the fact's owner and date, for the index that finds one unit's facts of a year (decision 096) */
  owner_unit_id: number;
  fact_date: string;
}
