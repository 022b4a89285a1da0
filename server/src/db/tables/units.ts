// Tables owned by the units module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { UnitKind } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
  /** materialised path of ids, '/1/4/9/': a subtree is `withinScope('path', '/1/4/')` */
  path: string;
  sort_order: number;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
