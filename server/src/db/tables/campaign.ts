// Tables owned by the campaign module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { Generated } from 'kysely';

export interface CampaignsTable {
  id: Generated<number>;
  owner_unit_id: number;
  title: string;
  deadline: string;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** when a unit reported its contacts for a campaign (the letter's date, not the typing date) */
export interface CampaignReportsTable {
  campaign_id: number;
  unit_id: number;
  reported_on: string;
  recorded_by: number;
  recorded_at: string;
}
