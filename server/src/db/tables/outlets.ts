// Tables owned by the outlets module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { OutletLevel, OutletMedium } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface OutletsTable {
  id: Generated<number>;
  name: string;
  level: OutletLevel;
  medium: OutletMedium;
  active: number;
  sort_order: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
