// Tables owned by the assessment module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { Generated } from 'kysely';

export interface AssessmentPlansTable {
  id: Generated<number>;
  owner_unit_id: number;
  year: number;
  title: string;
  document: string;
  rules_version: number;
  interview_rule: string;
  is_demo: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AssessmentPlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  rules_version: number;
  document: string;
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface AssessmentUnitMonthsTable {
  plan_id: number;
  unit_id: number;
  month: number;
  group_code: string;
  points: number;
}

export interface AssessmentItemMonthsTable {
  plan_id: number;
  unit_id: number;
  item_code: string;
  month: number;
  points: number;
}

export interface AssessmentScoreStateTable {
  plan_id: number;
  rules_version: number;
  last_month: number;
  computed_at: string;
}

/** unit-years whose stored scores lag their facts: written in the approval's transaction (decision 085) */
export interface ScoreStaleTable {
  owner_unit_id: number;
  year: number;
  unit_id: number;
  marked_at: string;
}

/** a negative-list deduction (负面清单, 信息差错, 迟报漏报) recorded by the information centre; its
 *  assessment fact is `deduction:<id>` (decision 132) */
export interface NegativeDeductionsTable {
  id: Generated<number>;
  plan_id: number;
  unit_id: number;
  negative_code: string;
  fact_date: string;
  reason: string;
  evidence: string;
  recorded_by: number;
  recorded_at: string;
}
