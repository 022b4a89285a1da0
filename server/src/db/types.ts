// Table types for Kysely. Timestamps are ISO-8601 UTC text and booleans 0/1 integers on both
// databases, so the same SQL and the same values work on SQLite and PostgreSQL (decision 003).
import type { Generated } from 'kysely';

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  /** materialised path of ids, '/1/4/9/': a subtree is `path LIKE '/1/4/%'` */
  path: string;
  sort_order: number;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  title: string;
  mobile: string | null;
  username: string | null;
  password_hash: string | null;
  password_changed_at: string | null;
  must_change_password: number;
  disabled: number;
  locked_until: string | null;
  last_login_at: string | null;
  totp_secret: string | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PersonRolesTable {
  person_id: number;
  role: string;
  assigned_at: string;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  person_id: number;
  password_hash: string;
  created_at: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  person_id: number | null;
  username: string;
  client_ip: string;
  at: string;
  succeeded: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a copy of the table does not yield usable sessions */
  id: string;
  person_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  idle_minutes: number;
  client_ip: string;
  user_agent: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_roles: string;
  client_ip: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  request_id: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
  count: number;
}

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

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AssessmentFactsTable {
  id: Generated<number>;
  source: string;
  source_id: number;
  owner_unit_id: number;
  kind: string;
  fact_date: string;
  outlet_level: string | null;
  outlet_medium: string | null;
  adoption_level: string | null;
  leader_instruction: string | null;
  activity_type: string | null;
  award_rank: string | null;
  quantity: number | null;
  negative_code: string | null;
  themes: string;
  title: string;
  recorded_at: string;
}

export interface AssessmentFactUnitsTable {
  fact_id: number;
  unit_id: number;
  position: number;
}

export interface PortalChannelsTable {
  id: Generated<number>;
  owner_unit_id: number;
  code: string;
  name: string;
  name_en: string;
  kind: string;
  description: string;
  keywords: string;
  sort_order: number;
  show_on_home: number;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PortalArticlesTable {
  id: Generated<number>;
  channel_id: number;
  owner_unit_id: number;
  title: string;
  doc_number: string;
  index_number: string;
  issuer: string;
  source: string;
  author: string;
  keywords: string;
  summary: string;
  body_html: string;
  body_text: string;
  status: string;
  return_reason: string | null;
  /** the publication time shown (YYYY-MM-DD HH:MM); in the future = scheduled */
  publish_at: string | null;
  archived_at: string | null;
  read_count: Generated<number>;
  created_by: number;
  submitted_by: number | null;
  reviewed_by: number | null;
  approved_by: number | null;
  published_by: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PortalArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  action: string;
  status: string;
  title: string;
  body_html: string;
  /** JSON of the other fields as saved */
  meta: string;
  actor_id: number;
  actor_name: string;
  note: string | null;
  at: string;
}

export interface PortalFilesTable {
  id: Generated<number>;
  article_id: number | null;
  owner_unit_id: number;
  kind: string;
  token: string;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  sort_order: number;
  created_by: number;
  created_at: string;
}

export interface PortalReadsTable {
  article_id: number;
  day: string;
  visitor: string;
}

export interface PortalChangesTable {
  id: Generated<number>;
  article_id: number | null;
  channel_id: number | null;
  everything: number;
  at: string;
}

export interface Database {
  units: UnitsTable;
  people: PeopleTable;
  person_roles: PersonRolesTable;
  password_history: PasswordHistoryTable;
  login_attempts: LoginAttemptsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  campaigns: CampaignsTable;
  settings: SettingsTable;
  assessment_facts: AssessmentFactsTable;
  assessment_fact_units: AssessmentFactUnitsTable;
  portal_channels: PortalChannelsTable;
  portal_articles: PortalArticlesTable;
  portal_article_revisions: PortalArticleRevisionsTable;
  portal_files: PortalFilesTable;
  portal_reads: PortalReadsTable;
  portal_changes: PortalChangesTable;
}
