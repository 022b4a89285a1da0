// Tables owned by the service-guides module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { GuideCategory, GuideStatus } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface ServiceGuidesTable {
  id: Generated<number>;
  owner_unit_id: number;
  category: GuideCategory;
  name: string;
  basis: string;
  conditions: string;
  materials: string;
  location: string;
  agency: string;
  fees: string;
  hours: string;
  phone: string;
  process: string;
  time_limit: string;
  online_url: string;
  sort_order: number;
  status: GuideStatus;
  published_at: string | null;
  created_by: number;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ServiceGuideFormsTable {
  id: Generated<number>;
  guide_id: number;
  token: string;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  sort_order: number;
  created_by: number;
  created_at: string;
}
