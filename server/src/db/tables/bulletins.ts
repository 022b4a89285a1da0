// Tables owned by the bulletins module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { BulletinStatus, PeriodKind } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface BulletinsTable {
  id: Generated<number>;
  plan_id: number;
  period_kind: PeriodKind;
  period_index: number;
  /** N of the document number, taken at approval (decision 130): null while a draft or pending */
  doc_number: number | null;
  title: string;
  body: string;
  status: BulletinStatus;
  snapshot: string;
  return_reason: string | null;
  drafted_by: number;
  approved_by: number | null;
  approved_at: string | null;
  published_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** the last number issued in each series of official documents (bulletin:<plan>, interview:<plan>) */
export interface DocumentCountersTable {
  series: string;
  last_number: number;
}
