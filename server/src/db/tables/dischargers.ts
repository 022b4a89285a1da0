// Tables owned by the dischargers module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { DisclosureKind } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface DischargersTable {
  id: Generated<number>;
  owner_unit_id: number;
  name: string;
  credit_code: string;
  county: string;
  industry: string;
  permit_number: string | null;
  address: string | null;
  listed_year: number;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DischargerDisclosuresTable {
  id: Generated<number>;
  discharger_id: number;
  kind: DisclosureKind;
  part: string;
  title: string;
  content: string;
  year: number | null;
  event_date: string | null;
  published_on: string | null;
  due_on: string | null;
  parts_json: string | null;
  /** annual reports: part 3's emission figures, EmissionRow[] as JSON */
  emissions_json: string | null;
  doc_number: string | null;
  amount: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
