// Tables owned by the interviews module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { InterviewStatus } from '@greenvoice/common';
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
  /** scheduled → held → rectified, or withdrawn (decision 134) */
  status: Generated<InterviewStatus>;
  /** YYYY-MM-DD and HH:MM, China time; null only on rows confirmed before they were asked for */
  interview_date: string | null;
  interview_time: string | null;
  place: string | null;
  interviewer: string | null;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  minutes: string | null;
  held_on: string | null;
  rectification: string | null;
  rectification_due: string | null;
  rectified_on: string | null;
  version: Generated<number>;
}
