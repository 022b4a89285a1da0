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
  /** set when the person confirmed their authenticator; a secret without it is a pending enrolment */
  totp_enabled_at: string | null;
  /** the last TOTP step used to sign in: that code and older ones are refused */
  totp_last_step: number | null;
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
  keyed_from: number | null;
  key_id: string | null;
  purged_through: number;
  purged_mac: string;
  mac: string;
}

/** Exists only inside `npm run audit:purge`'s transaction: the delete trigger's permit (decision 072). */
export interface AuditPurgePermitTable {
  id: number;
  through_id: number;
  before_at: string;
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

/** the last number issued in each series of official documents (bulletin:<plan>, interview:<plan>) */
export interface DocumentCountersTable {
  series: string;
  last_number: number;
}

export interface JobLeasesTable {
  name: string;
  holder: string | null;
  expires_at: string | null;
  last_tick: string | null;
  last_finished_at: string | null;
  last_result: string | null;
  runs: Generated<number>;
}

export interface TotpRecoveryCodesTable {
  id: Generated<number>;
  person_id: number;
  /** SHA-256 of the normalised code */
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface OutletsTable {
  id: Generated<number>;
  name: string;
  level: string;
  medium: string;
  active: number;
  sort_order: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SubmissionsTable {
  id: Generated<number>;
  owner_unit_id: number;
  unit_id: number;
  kind: string;
  status: string;
  title: string;
  title_norm: string;
  fact_date: string;
  outlet_id: number | null;
  link: string | null;
  link_norm: string | null;
  themes: string;
  activity_type: string | null;
  award_rank: string | null;
  quantity: number | null;
  account_name: string | null;
  summary: string | null;
  adoption_level: string | null;
  leader_instruction: string | null;
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
  from_status: string | null;
  to_status: string | null;
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

export interface IdempotencyKeysTable {
  id: Generated<number>;
  person_id: number;
  idem_key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface AssessmentPlansTable {
  id: Generated<number>;
  owner_unit_id: number;
  year: number;
  title: string;
  document: string;
  rules_version: number;
  interview_rule: string;
  is_demo: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AssessmentPlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  rules_version: number;
  document: string;
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface AssessmentUnitMonthsTable {
  plan_id: number;
  unit_id: number;
  month: number;
  group_code: string;
  points: number;
}

export interface AssessmentItemMonthsTable {
  plan_id: number;
  unit_id: number;
  item_code: string;
  month: number;
  points: number;
}

export interface AssessmentScoreStateTable {
  plan_id: number;
  rules_version: number;
  last_month: number;
  computed_at: string;
}

export interface BulletinsTable {
  id: Generated<number>;
  plan_id: number;
  period_kind: string;
  period_index: number;
  doc_number: number;
  title: string;
  body: string;
  status: string;
  snapshot: string;
  return_reason: string | null;
  drafted_by: number;
  approved_by: number | null;
  approved_at: string | null;
  published_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface InterviewsTable {
  id: Generated<number>;
  plan_id: number;
  unit_id: number;
  basis: string;
  reason: string;
  doc_number: number;
  confirmed_by: number;
  confirmed_at: string;
}

export interface AirStationsTable {
  id: Generated<number>;
  owner_unit_id: number;
  code: string;
  name: string;
  county: string;
  control_level: string;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface WaterSectionsTable {
  id: Generated<number>;
  owner_unit_id: number;
  code: string;
  name: string;
  river: string;
  basin: string;
  waterbody: string;
  county: string;
  control_level: string;
  attribute: string | null;
  target_class: string | null;
  longitude: number | null;
  latitude: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EnvImportsTable {
  id: Generated<number>;
  owner_unit_id: number;
  kind: string;
  file_name: string;
  rows: number;
  replaced: number;
  first_at: string;
  last_at: string;
  created_by: number | null;
  created_at: string;
}

/** One hour at one station; `hour_at` is 'YYYY-MM-DDTHH:00' China time, the hour starting then. */
export interface AirHourlyTable {
  station_id: number;
  hour_at: string;
  so2: number | null;
  no2: number | null;
  co: number | null;
  pm10: number | null;
  pm25: number | null;
  o3: number | null;
  o3_8h: number | null;
  aqi: number | null;
  aqi_level: number | null;
  /** comma-separated AQI pollutant names, '' for none */
  primary_pollutants: string;
  import_id: number | null;
  is_demo: number;
}

export interface AirDailyTable {
  station_id: number;
  date: string;
  so2: number | null;
  no2: number | null;
  co: number | null;
  pm10: number | null;
  pm25: number | null;
  o3_1h: number | null;
  o3_8h: number | null;
  valid_hours: number;
  aqi: number | null;
  aqi_level: number | null;
  primary_pollutants: string;
  is_demo: number;
}

export interface WaterReadingsTable {
  id: Generated<number>;
  section_id: number;
  sampled_on: string;
  values_json: string;
  water_class: string;
  limiting_factors: string;
  import_id: number | null;
  is_demo: number;
}

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
  kind: string;
  part: string;
  title: string;
  content: string;
  year: number | null;
  event_date: string | null;
  published_on: string | null;
  due_on: string | null;
  parts_json: string | null;
  doc_number: string | null;
  amount: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IncidentsTable {
  id: Generated<number>;
  owner_unit_id: number;
  title: string;
  occurred_at: string;
  county: string;
  location: string;
  level: string;
  status: string;
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

export interface WorkingCalendarYearsTable {
  year: number;
  version: Generated<number>;
  updated_at: string;
}

export interface WorkingCalendarDaysTable {
  date: string;
  year: number;
  kind: string;
  name: string;
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
  audit_purge_permit: AuditPurgePermitTable;
  campaigns: CampaignsTable;
  settings: SettingsTable;
  assessment_facts: AssessmentFactsTable;
  assessment_fact_units: AssessmentFactUnitsTable;
  job_leases: JobLeasesTable;
  document_counters: DocumentCountersTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  outlets: OutletsTable;
  submissions: SubmissionsTable;
  submission_units: SubmissionUnitsTable;
  submission_events: SubmissionEventsTable;
  evidence_files: EvidenceFilesTable;
  idempotency_keys: IdempotencyKeysTable;
  assessment_plans: AssessmentPlansTable;
  assessment_plan_versions: AssessmentPlanVersionsTable;
  assessment_unit_months: AssessmentUnitMonthsTable;
  assessment_item_months: AssessmentItemMonthsTable;
  assessment_score_state: AssessmentScoreStateTable;
  bulletins: BulletinsTable;
  interviews: InterviewsTable;
  air_stations: AirStationsTable;
  water_sections: WaterSectionsTable;
  env_imports: EnvImportsTable;
  air_hourly: AirHourlyTable;
  air_daily: AirDailyTable;
  water_readings: WaterReadingsTable;
  dischargers: DischargersTable;
  discharger_disclosures: DischargerDisclosuresTable;
  incidents: IncidentsTable;
  incident_follow_ups: IncidentFollowUpsTable;
  working_calendar_years: WorkingCalendarYearsTable;
  working_calendar_days: WorkingCalendarDaysTable;
  portal_channels: PortalChannelsTable;
  portal_articles: PortalArticlesTable;
  portal_article_revisions: PortalArticleRevisionsTable;
  portal_files: PortalFilesTable;
  portal_reads: PortalReadsTable;
  portal_changes: PortalChangesTable;
}
