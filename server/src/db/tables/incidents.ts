// Tables owned by the incidents module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { IncidentLevel, IncidentStatus } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface IncidentsTable {
  id: Generated<number>;
  owner_unit_id: number;
  title: string;
  occurred_at: string;
  county: string;
  location: string;
  level: IncidentLevel;
  status: IncidentStatus;
  summary: string;
  published_at: string;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IncidentFollowUpsTable {
  id: Generated<number>;
  incident_id: number;
  content: string;
  published_at: string;
}
