// Tables owned by the submissions module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type {
  ActivityType,
  AdoptionLevel,
  AwardRank,
  InstructionLevel,
  SubmissionKind,
  SubmissionStatus,
} from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface SubmissionsTable {
  id: Generated<number>;
  owner_unit_id: number;
  unit_id: number;
  kind: SubmissionKind;
  status: SubmissionStatus;
  title: string;
  title_norm: string;
  fact_date: string;
  outlet_id: number | null;
  link: string | null;
  link_norm: string | null;
  themes: string;
  activity_type: ActivityType | null;
  award_rank: AwardRank | null;
  quantity: number | null;
  account_name: string | null;
  summary: string | null;
  adoption_level: AdoptionLevel | null;
  leader_instruction: InstructionLevel | null;
  instruction_note: string | null;
  review_reason: string | null;
  reviewed_by: number | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  submitted_at: string | null;
  created_by: number;
  created_by_name: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SubmissionUnitsTable {
  submission_id: number;
  unit_id: number;
  position: number;
}

export interface SubmissionEventsTable {
  id: Generated<number>;
  submission_id: number;
  action: string;
  from_status: SubmissionStatus | null;
  to_status: SubmissionStatus | null;
  person_id: number;
  person_name: string;
  unit_name: string;
  text: string | null;
  at: string;
}

export interface EvidenceFilesTable {
  id: Generated<number>;
  stored_name: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: number;
  unit_id: number;
  submission_id: number | null;
  created_at: string;
}
