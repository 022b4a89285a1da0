// Table types for Kysely, one file per owning module under db/tables/ (docs/architecture.md lists the
// owners); this file joins them into the one Database interface. Timestamps are ISO-8601 UTC text and
// booleans 0/1 integers on both databases, so the same SQL and the same values work on SQLite and
// PostgreSQL (decision 003).
import type { UnitsTable } from './tables/units.ts';
import type { PeopleTable, PersonRolesTable } from './tables/people.ts';
import type {
  PasswordHistoryTable,
  LoginAttemptsTable,
  SessionsTable,
  TotpRecoveryCodesTable,
} from './tables/auth.ts';
import type { AuditLogTable, AuditHeadTable, AuditPurgePermitTable } from './tables/audit.ts';
import type { CampaignsTable } from './tables/campaign.ts';
import type {
  SettingsTable,
  PortalChannelsTable,
  PortalArticlesTable,
  PortalArticleRevisionsTable,
  PortalFilesTable,
  PortalReadsTable,
  PortalChangesTable,
} from './tables/cms.ts';
import type { AssessmentFactsTable, AssessmentFactUnitsTable } from './tables/facts.ts';
import type { JobLeasesTable } from './tables/jobs.ts';
import type { OutletsTable } from './tables/outlets.ts';
import type {
  SubmissionsTable,
  SubmissionUnitsTable,
  SubmissionEventsTable,
  EvidenceFilesTable,
  IdempotencyKeysTable,
} from './tables/submissions.ts';
import type {
  AssessmentPlansTable,
  AssessmentPlanVersionsTable,
  AssessmentUnitMonthsTable,
  AssessmentItemMonthsTable,
  AssessmentScoreStateTable,
  ScoreStaleTable,
} from './tables/assessment.ts';
import type { BulletinsTable, DocumentCountersTable } from './tables/bulletins.ts';
import type { InterviewsTable } from './tables/interviews.ts';
import type {
  AirStationsTable,
  WaterSectionsTable,
  EnvImportsTable,
  AirHourlyTable,
  AirDailyTable,
  WaterReadingsTable,
} from './tables/monitoring.ts';
import type { DischargersTable, DischargerDisclosuresTable } from './tables/dischargers.ts';
import type { IncidentsTable, IncidentFollowUpsTable } from './tables/incidents.ts';
import type { WorkingCalendarYearsTable, WorkingCalendarDaysTable } from './tables/working-calendar.ts';

export type * from './tables/units.ts';
export type * from './tables/people.ts';
export type * from './tables/auth.ts';
export type * from './tables/audit.ts';
export type * from './tables/campaign.ts';
export type * from './tables/cms.ts';
export type * from './tables/facts.ts';
export type * from './tables/jobs.ts';
export type * from './tables/outlets.ts';
export type * from './tables/submissions.ts';
export type * from './tables/assessment.ts';
export type * from './tables/bulletins.ts';
export type * from './tables/interviews.ts';
export type * from './tables/monitoring.ts';
export type * from './tables/dischargers.ts';
export type * from './tables/incidents.ts';
export type * from './tables/working-calendar.ts';

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
  score_stale: ScoreStaleTable;
  bulletins: BulletinsTable;
  document_counters: DocumentCountersTable;
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
