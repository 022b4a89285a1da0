// The composition root: every service of GreenVoice built once, from one `deps` object, in dependency
// order. The app (app.ts), the server (server.ts), the scripts and the tests (test/test-app.ts) all
// build their services here, so a service is wired the same way everywhere (decision 086).
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { createIdempotency } from './http/idempotency.ts';
import { createPlansService } from './modules/assessment/plans.service.ts';
import { createRankingsService } from './modules/assessment/rankings.service.ts';
import { createScoreStaleRepo } from './modules/assessment/score-stale.repo.ts';
import { createScoresRepo } from './modules/assessment/scores.repo.ts';
import { createScoringService, type ScoresHandOff } from './modules/assessment/scoring.service.ts';
import { createAuditRepo } from './modules/audit/audit.repo.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { loadAuditKey, type AuditKey } from './modules/audit/audit-key.ts';
import { createAuthServices } from './modules/auth/auth.service.ts';
import { createBulletinsService } from './modules/bulletins/bulletins.service.ts';
import { createCampaignService } from './modules/campaign/campaign.service.ts';
import { createChannelsService } from './modules/cms/channels.service.ts';
import { createCmsFilesService } from './modules/cms/cms-files.service.ts';
import { createCmsRepo } from './modules/cms/cms.repo.ts';
import { createCmsService } from './modules/cms/cms.service.ts';
import { createContentChanges } from './modules/cms/content-changes.ts';
import { evidenceFiles, portalFiles as portalFileStore } from './files/file-stores.ts';
import { createPublicContent } from './modules/cms/public-content.ts';
import { createSearchIndex } from './modules/cms/search-index.ts';
import { createDischargersRepo } from './modules/dischargers/dischargers.repo.ts';
import { createDischargersService } from './modules/dischargers/dischargers.service.ts';
import { createFactsRepo } from './modules/facts/facts.repo.ts';
import { createIncidentsService } from './modules/incidents/incidents.service.ts';
import { createInterviewsService } from './modules/interviews/interviews.service.ts';
import { createMonitoringRepo } from './modules/monitoring/monitoring.repo.ts';
import { createMonitoringService } from './modules/monitoring/monitoring.service.ts';
import { createQualityService } from './modules/monitoring/quality.service.ts';
import { createOrgExcelService } from './modules/org-excel/org-excel.service.ts';
import { createOutletsRepo } from './modules/outlets/outlets.repo.ts';
import { createOutletsService } from './modules/outlets/outlets.service.ts';
import { createPeopleRepo } from './modules/people/people.repo.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { createEvidenceService } from './modules/submissions/evidence.service.ts';
import { createSubmissionsRepo } from './modules/submissions/submissions.repo.ts';
import { createSubmissionsService } from './modules/submissions/submissions.service.ts';
import { createUnitsRepo } from './modules/units/units.repo.ts';
import { createUnitsService } from './modules/units/units.service.ts';
import { createWorkingCalendarService } from './modules/working-calendar/working-calendar.service.ts';

export interface ServiceLog {
  info(o: object, m: string): void;
  error(o: object, m: string): void;
}

export interface ServiceDeps {
  config: Config;
  database: DatabaseHandle;
  log: ServiceLog;
  /** the audit chain's key; loaded from the configuration (AUDIT_HMAC_KEY or the demo key file) if not given */
  auditKey?: AuditKey;
  /** today in China (tests and the bench fix it) */
  today?: () => string;
  /**
   * false: an approval commits its facts and stale marks but does not recompute afterwards — what a
   * process that dies right after the commit leaves behind (the stale-scores test, decision 085)
   */
  recomputeAfterCommit?: boolean;
}

export function createServices(deps: ServiceDeps) {
  const { config, database, log } = deps;
  const { db, dialect } = database;

  const auditKey = deps.auditKey ?? loadAuditKey(config);
  const auditRepo = createAuditRepo(db, dialect, auditKey);
  const audit = createAuditService({ db, repo: auditRepo });
  const { auth, secondFactor } = createAuthServices({ db, audit, config });
  const units = createUnitsService({ repo: createUnitsRepo(db), audit });
  const people = createPeopleService({ repo: createPeopleRepo(db), units, auth, audit });
  const campaigns = createCampaignService({ db, audit });
  const orgExcel = createOrgExcelService({ db, audit });

  const contentChanges = createContentChanges();
  const search = createSearchIndex(dialect);
  const cmsRepo = createCmsRepo(db);
  const cms = createCmsService({ db, repo: cmsRepo, audit, search, changes: contentChanges });
  const portalFiles = portalFileStore(config.dataDir);
  const cmsFiles = createCmsFilesService({ repo: cmsRepo, cms, audit, store: portalFiles });
  const channels = createChannelsService({ db, repo: cmsRepo, audit, changes: contentChanges });
  const publicContent = createPublicContent(db, {
    siteUnitCode: config.portalSiteUnit,
    sqlite: database.sqlite,
  });

  const scoresRepo = createScoresRepo(db, dialect);
  const scoring = createScoringService({
    db,
    scores: scoresRepo,
    stale: createScoreStaleRepo(db),
    log,
    today: deps.today,
  });
  const plans = createPlansService({ db, repo: scoresRepo, scoring, audit });
  const rankings = createRankingsService({ repo: scoresRepo, scoring });
  const bulletins = createBulletinsService({ db, plans, rankings, audit });
  const interviews = createInterviewsService({ db, plans, rankings, audit });

  const outlets = createOutletsService({ repo: createOutletsRepo(db), audit });
  const submissionsRepo = createSubmissionsRepo(db);
  const evidence = createEvidenceService({
    db,
    store: evidenceFiles(config.dataDir),
    submissions: submissionsRepo,
    audit,
  });
  const handOff: ScoresHandOff =
    deps.recomputeAfterCommit === false
      ? { markStale: scoring.markStale, afterCommit: async () => {} }
      : scoring;
  const submissions = createSubmissionsService({
    repo: submissionsRepo,
    evidence,
    outlets,
    facts: createFactsRepo(),
    audit,
    idempotency: createIdempotency(db),
    scores: handOff,
  });

  const monitoringRepo = createMonitoringRepo(db);
  const quality = createQualityService({ repo: monitoringRepo });
  const monitoring = createMonitoringService({
    repo: monitoringRepo,
    audit,
    changed: () => quality.forgetAirNow(),
  });
  const workingCalendar = createWorkingCalendarService({ db, audit });
  const dischargers = createDischargersService({
    repo: createDischargersRepo(db),
    calendar: workingCalendar,
    audit,
  });
  const incidents = createIncidentsService({ db, audit });

  return {
    auditKey,
    auditRepo,
    audit,
    secondFactor,
    auth,
    units,
    people,
    campaigns,
    orgExcel,
    contentChanges,
    search,
    cms,
    portalFiles,
    cmsFiles,
    channels,
    publicContent,
    scoresRepo,
    scoring,
    plans,
    rankings,
    bulletins,
    interviews,
    outlets,
    evidence,
    submissions,
    monitoring,
    quality,
    workingCalendar,
    dischargers,
    incidents,
  };
}
export type Services = ReturnType<typeof createServices>;
