// Tables owned by the cases module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type {
  ApplicantType,
  OrganisationKind,
  CaseAction,
  CaseKind,
  CaseStatus,
  CommentAdoption,
  CommentModeration,
  InfoAnswerType,
  WithholdGround,
  InfoDelivery,
  InfoForm,
  ReportCategory,
} from '@greenvoice/common';
import type { Generated } from 'kysely';

export type ExtensionState = 'none' | 'requested' | 'approved' | 'refused';

export interface CasesTable {
  id: Generated<number>;
  bureau_unit_id: number;
  kind: CaseKind;
  tracking_number: string;
  /** HMAC of the query code (keyed by the cases key), compared in constant time */
  query_code_hash: string;
  status: CaseStatus;
  category: ReportCategory | null;
  county: string | null;
  address: string | null;
  subject: string | null;
  description: string;
  public_reply_wanted: number;
  anonymous: number;
  /** the reporter agreed that the assigned county bureau may see who they are */
  identity_shared: number;
  applicant_type: ApplicantType | null;
  /** a legal person's kind of organisation (decision 191); null for a citizen or an older request */
  applicant_org_kind: OrganisationKind | null;
  info_form: InfoForm | null;
  info_delivery: InfoDelivery | null;
  assigned_unit_id: number | null;
  received_on: string;
  accepted_on: string | null;
  /** the running stage's last day (null: no clock runs) — the queue sorts and reminds by it */
  due_on: string | null;
  extension_days: number;
  extension_state: ExtensionState;
  extension_request_days: number | null;
  extension_reason: string | null;
  decision_reason: string | null;
  redirect_to: string | null;
  county_result: string | null;
  reply_text: string | null;
  replied_at: string | null;
  answer_type: InfoAnswerType | null;
  answer_basis: string | null;
  /** the answer letter's number in the bureau's series (infoRequest only; decision 144) */
  answer_number: number | null;
  /** the day the applicant was asked to complete an information request (their period runs from it) */
  completion_asked_on: string | null;
  published: number;
  published_question: string | null;
  published_reply: string | null;
  published_at: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  closed_at: string | null;
  /** a comment on a draft: the consultation it answers (decision 146) */
  consultation_id: number | null;
  /** a comment's moderation: shown on the portal or not (null: not a comment) */
  moderation: CommentModeration | null;
  /** whether a comment was adopted (采纳情况), with the reason in reply_text */
  adoption: CommentAdoption | null;
  /** the limit the case was answered (replied, or not accepted) against: "on time" after the clock stops */
  answered_due_on: string | null;
  /** the ground of a refusal to disclose (art. 14–16; the annual report's rows) */
  answer_ground: WithholdGround | null;
  idempotency_key: string;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CaseReportersTable {
  case_id: number;
  /** sealSecret(JSON of the person's details) — modules/auth/secret-box.ts */
  sealed: string;
  erase_after: string | null;
  created_at: string;
}

export type CaseEventAction =
  | CaseAction
  | 'filed'
  | 'extensionRequested'
  | 'extensionApproved'
  | 'extensionRefused'
  | 'rated'
  | 'published'
  | 'publicationEdited'
  | 'unpublished'
  | 'identityErased'
  /** the handler's instructions to the county bureau, right after `assign` (never public) */
  | 'assignInstructions'
  | 'moderated';

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  actor_id: number | null;
  unit_id: number | null;
  action: CaseEventAction;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  /** what the step said; shown to the person only when `public` */
  note: string | null;
  public: number;
}

export interface CasePhotosTable {
  id: Generated<number>;
  case_id: number;
  stored_name: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: string;
}

export type ConsultationStatus = 'draft' | 'published' | 'withdrawn';

export interface ConsultationsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  title: string;
  summary: string;
  /** the draft's text (paragraphs separated by blank lines) */
  body: string;
  opens_on: string;
  closes_on: string;
  status: ConsultationStatus;
  published_at: string | null;
  /** 采纳情况: the summary of what was adopted and why not, published after closing */
  result_text: string | null;
  result_published_at: string | null;
  created_by: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ConsultationFilesTable {
  id: Generated<number>;
  consultation_id: number;
  token: string;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_by: number | null;
  created_at: string;
}

export interface DisclosureReportsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  year: number;
  /** JSON: the parts staff enter (DisclosureReportEntered) */
  entered: string;
  /** the portal article made from it, if any */
  article_id: number | null;
  version: Generated<number>;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}
