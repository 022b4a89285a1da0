// Tables owned by the activities module: events, their photos, the five-into norm per bureau, sign-up
// events and sign-ups (docs/activities.md). Only its repositories query them.
import type {
  ActivityKind,
  AudienceKind,
  FiveIntoTarget,
  REGISTRY_KINDS,
  REGISTRY_LEVELS,
  REGISTRY_STATUSES,
} from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface ActivitiesTable {
  id: Generated<number>;
  bureau_unit_id: number;
  unit_id: number;
  kind: ActivityKind;
  target: FiveIntoTarget | null;
  title: string;
  held_on: string;
  place: string;
  organiser: string;
  speaker: string | null;
  partner: string | null;
  audience_kind: AudienceKind | null;
  audience_count: number;
  /** JSON array of theme tags */
  themes: string;
  description: string | null;
  /** JSON array of linked submission ids (the news reports about the event) */
  report_ids: string;
  is_demo: number;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A photo of an event or of a contest work, checked by the evidence-file rules. */
export interface PhotoTable {
  id: Generated<number>;
  owner_id: number;
  stored_name: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  alt_text: string;
  created_at: string;
}

export interface ActivityNormsTable {
  bureau_unit_id: number;
  /** JSON FiveIntoNorm */
  norm: string;
  updated_at: string;
}

export type SignupStatus = 'confirmed' | 'waiting' | 'cancelled';

export interface SignupEventsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  title: string;
  kind: 'openDay' | 'event' | 'baseVisit';
  starts_at: string;
  place: string;
  description: string | null;
  capacity: number;
  taken: Generated<number>;
  closes_at: string;
  /** the registry's education base whose visiting slot this is (kind baseVisit only) */
  base_id: number | null;
  is_demo: number;
  created_at: string;
}

export interface SignupsTable {
  id: Generated<number>;
  event_id: number;
  code: string;
  name: string;
  organisation: string | null;
  group_size: number;
  status: SignupStatus;
  /** for the reminder the day before (decision 194); optional */
  mobile: string | null;
  email: string | null;
  /** the portal form's token: a repeat of the same form finds this sign-up (decision 200) */
  form_token: string | null;
  created_at: string;
  updated_at: string;
}

/** 环境教育基地, 绿色学校, 绿色社区 (docs/activities.md "Registries") */
export interface EducationRegistryTable {
  id: Generated<number>;
  bureau_unit_id: number;
  kind: (typeof REGISTRY_KINDS)[number];
  name: string;
  county: string;
  level: (typeof REGISTRY_LEVELS)[number];
  year_awarded: number;
  status: (typeof REGISTRY_STATUSES)[number];
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
