// Tables owned by the interviews module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { Generated } from 'kysely';

export interface InterviewsTable {
  id: Generated<number>;
  plan_id: number;
  unit_id: number;
  basis: string;
  reason: string;
  doc_number: number;
  confirmed_by: number;
  confirmed_at: string;
}
