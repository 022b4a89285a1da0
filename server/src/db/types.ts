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
import type { CampaignReportsTable, CampaignsTable } from './tables/campaign.ts';
import type {
  SettingsTable,
  PortalChannelsTable,
  PortalArticlesTable,
  PortalArticleRevisionsTable,
  PortalFilesTable,
  PortalReadsTable,
  PortalChangesTable,
  PortalSiteDomainsTable,
} from './tables/cms.ts';
import type { AssessmentFactsTable, AssessmentFactUnitsTable } from './tables/facts.ts';
import type { JobLeasesTable } from './tables/jobs.ts';
import type { StoredFileChunksTable, StoredFilesTable } from './tables/files.ts';
import type { OutletsTable } from './tables/outlets.ts';
import type {
  SubmissionsTable,
  SubmissionUnitsTable,
  SubmissionEventsTable,
  EvidenceFilesTable,
} from './tables/submissions.ts';
import type { IdempotencyKeysTable } from './tables/http.ts';
import type {
  AssessmentPlansTable,
  AssessmentPlanVersionsTable,
  NegativeDeductionsTable,
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
import type { ServiceGuidesTable, ServiceGuideFormsTable } from './tables/service-guides.ts';
import type {
  InspectionBulletinsTable,
  InspectionFindingsTable,
  InspectionLinkChecksTable,
  InspectionOpenFindingsTable,
  InspectionRunsTable,
  InspectionSettingsTable,
} from './tables/inspection.ts';
import type { WorkingCalendarYearsTable, WorkingCalendarDaysTable } from './tables/working-calendar.ts';
import type {
  MediaAccountsTable,
  MediaAccountHistoryTable,
  MediaColumnsTable,
  MediaCommentatorPostsTable,
  MediaCommentatorsTable,
  MediaCommentatorTasksTable,
  MediaMetricsTable,
  MediaSubscriptionsTable,
} from './tables/media.ts';
import type {
  NotificationsTable,
  NotificationRecipientsTable,
  NotificationChannelsTable,
  NotificationDeliveriesTable,
  NotificationSettingsTable,
} from './tables/notifications.ts';
import type {
  CasesTable,
  CaseReportersTable,
  CaseEventsTable,
  CasePhotosTable,
  ConsultationFilesTable,
  ConsultationsTable,
  DisclosureReportsTable,
} from './tables/cases.ts';
import type {
  ActivitiesTable,
  ActivityNormsTable,
  PhotoTable,
  SignupEventsTable,
  SignupsTable,
  EducationRegistryTable,
} from './tables/activities.ts';
import type {
  ContestAwardsTable,
  ContestJudgesTable,
  ContestSchoolsTable,
  ContestSheetsTable,
  ContestsTable,
  ContestWorksTable,
} from './tables/contest.ts';

export type * from './tables/units.ts';
export type * from './tables/people.ts';
export type * from './tables/auth.ts';
export type * from './tables/audit.ts';
export type * from './tables/campaign.ts';
export type * from './tables/cms.ts';
export type * from './tables/facts.ts';
export type * from './tables/jobs.ts';
export type * from './tables/http.ts';
export type * from './tables/outlets.ts';
export type * from './tables/submissions.ts';
export type * from './tables/assessment.ts';
export type * from './tables/bulletins.ts';
export type * from './tables/interviews.ts';
export type * from './tables/monitoring.ts';
export type * from './tables/dischargers.ts';
export type * from './tables/incidents.ts';
export type * from './tables/working-calendar.ts';
export type * from './tables/media.ts';
export type * from './tables/service-guides.ts';
export type * from './tables/inspection.ts';
export type * from './tables/notifications.ts';
export type * from './tables/cases.ts';
export type * from './tables/activities.ts';
export type * from './tables/contest.ts';

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
  campaign_reports: CampaignReportsTable;
  settings: SettingsTable;
  assessment_facts: AssessmentFactsTable;
  assessment_fact_units: AssessmentFactUnitsTable;
  job_leases: JobLeasesTable;
  stored_files: StoredFilesTable;
  stored_file_chunks: StoredFileChunksTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  outlets: OutletsTable;
  submissions: SubmissionsTable;
  submission_units: SubmissionUnitsTable;
  submission_events: SubmissionEventsTable;
  evidence_files: EvidenceFilesTable;
  idempotency_keys: IdempotencyKeysTable;
  assessment_plans: AssessmentPlansTable;
  assessment_plan_versions: AssessmentPlanVersionsTable;
  negative_deductions: NegativeDeductionsTable;
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
  portal_site_domains: PortalSiteDomainsTable;
  media_accounts: MediaAccountsTable;
  media_account_history: MediaAccountHistoryTable;
  media_metrics: MediaMetricsTable;
  media_subscriptions: MediaSubscriptionsTable;
  media_commentators: MediaCommentatorsTable;
  media_commentator_posts: MediaCommentatorPostsTable;
  media_commentator_tasks: MediaCommentatorTasksTable;
  media_columns: MediaColumnsTable;
  service_guides: ServiceGuidesTable;
  service_guide_forms: ServiceGuideFormsTable;
  inspection_runs: InspectionRunsTable;
  inspection_findings: InspectionFindingsTable;
  inspection_open_findings: InspectionOpenFindingsTable;
  inspection_settings: InspectionSettingsTable;
  inspection_bulletins: InspectionBulletinsTable;
  inspection_link_checks: InspectionLinkChecksTable;
  notifications: NotificationsTable;
  notification_recipients: NotificationRecipientsTable;
  notification_channels: NotificationChannelsTable;
  notification_deliveries: NotificationDeliveriesTable;
  notification_settings: NotificationSettingsTable;
  cases: CasesTable;
  case_reporters: CaseReportersTable;
  case_events: CaseEventsTable;
  case_photos: CasePhotosTable;
  consultations: ConsultationsTable;
  consultation_files: ConsultationFilesTable;
  disclosure_reports: DisclosureReportsTable;
  activities: ActivitiesTable;
  activity_photos: PhotoTable;
  activity_norms: ActivityNormsTable;
  signup_events: SignupEventsTable;
  signups: SignupsTable;
  education_registry: EducationRegistryTable;
  contests: ContestsTable;
  contest_schools: ContestSchoolsTable;
  contest_works: ContestWorksTable;
  contest_work_photos: PhotoTable;
  contest_judges: ContestJudgesTable;
  contest_sheets: ContestSheetsTable;
  contest_awards: ContestAwardsTable;
}
