// Every migration, in order. Listed explicitly (not read from the folder) so that the set applied is
// exactly what was reviewed, whatever files lie around.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-29_01_foundation.ts';
import * as assessmentFacts from './2026-11-29_02_assessment-facts.ts';
import * as assessmentScores from './2026-11-29_10_assessment-scores.ts';
import * as submissions from './2026-11-29_20_submissions.ts';
import * as portal from './2026-11-29_30_portal.ts';
import * as environment from './2026-11-29_40_environment.ts';
import * as jobLeases from './2026-11-29_50_job-leases.ts';
import * as secondFactor from './2026-11-29_51_second-factor.ts';
import * as documentCounters from './2026-12-01_10_document-counters.ts';
import * as auditKeyedChain from './2026-12-01_30_audit-keyed-chain.ts';
import * as loginGuard from './2026-12-01_50_login-guard.ts';
import * as scoreStale from './2026-12-01_70_score-stale.ts';
import * as media from './2026-12-02_40_media.ts';
import * as notifications from './2026-12-02_10_notifications.ts';
import * as consoleDeadEnds from './2026-12-02_15_console-dead-ends.ts';
import * as cases from './2026-12-02_30_cases.ts';
import * as caseAnswerNumber from './2026-12-02_35_case-answer-letter.ts';
import * as portalChangeTopics from './2026-12-02_60_portal-change-topics.ts';
import * as channelDataPages from './2026-12-02_61_channel-data-pages.ts';
import * as disclosureEmissions from './2026-12-02_62_disclosure-emissions.ts';
import * as portalContent from './2026-12-02_65_portal-content.ts';
import * as mediaWork from './2026-12-03_60_media-work.ts';
import * as factUnitDates from './2026-12-02_80_fact-unit-dates.ts';
import * as consultationsAndReports from './2026-12-03_50_consultations-and-reports.ts';
import * as inspection from './2026-12-03_80_inspection.ts';
import * as signupContacts from './2026-12-04_10_signup-contacts.ts';
import * as educationRegistry from './2026-12-04_11_education-registry.ts';
import * as baseVisits from './2026-12-04_20_base-visits.ts';
import * as applicantOrganisationKind from './2026-12-04_90_applicant-organisation-kind.ts';
import * as commentatorTasks from './2026-12-05_10_commentator-tasks.ts';
import * as activitiesContest from './2026-12-03_70_activities-contest.ts';
import * as siteDomains from './2026-12-04_40_site-domains.ts';
import * as storedFiles from './2026-12-04_60_stored-files.ts';
import * as inspectionBulletins from './2026-12-04_70_inspection-bulletins.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29_01_foundation': foundation,
  '2026-11-29_02_assessment-facts': assessmentFacts,
  '2026-11-29_10_assessment-scores': assessmentScores,
  '2026-11-29_20_submissions': submissions,
  '2026-11-29_30_portal': portal,
  '2026-11-29_40_environment': environment,
  '2026-11-29_50_job-leases': jobLeases,
  '2026-11-29_51_second-factor': secondFactor,
  '2026-12-01_10_document-counters': documentCounters,
  '2026-12-01_30_audit-keyed-chain': auditKeyedChain,
  '2026-12-01_50_login-guard': loginGuard,
  '2026-12-01_70_score-stale': scoreStale,
  '2026-12-02_40_media': media,
  '2026-12-02_10_notifications': notifications,
  '2026-12-02_15_console-dead-ends': consoleDeadEnds,
  '2026-12-02_30_cases': cases,
  '2026-12-02_35_case-answer-letter': caseAnswerNumber,
  '2026-12-02_60_portal-change-topics': portalChangeTopics,
  '2026-12-02_61_channel-data-pages': channelDataPages,
  '2026-12-02_62_disclosure-emissions': disclosureEmissions,
  '2026-12-02_65_portal-content': portalContent,
  '2026-12-02_80_fact-unit-dates': factUnitDates,
  '2026-12-03_50_consultations-and-reports': consultationsAndReports,
  '2026-12-03_80_inspection': inspection,
  '2026-12-03_60_media-work': mediaWork,
  '2026-12-03_70_activities-contest': activitiesContest,
  '2026-12-04_10_signup-contacts': signupContacts,
  '2026-12-04_11_education-registry': educationRegistry,
  '2026-12-04_20_base-visits': baseVisits,
  '2026-12-04_40_site-domains': siteDomains,
  '2026-12-04_60_stored-files': storedFiles,
  '2026-12-04_70_inspection-bulletins': inspectionBulletins,
  '2026-12-04_90_applicant-organisation-kind': applicantOrganisationKind,
  '2026-12-05_10_commentator-tasks': commentatorTasks,
};
