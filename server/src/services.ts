// The composition root: every service of GreenVoice built once, from one `deps` object, in dependency
// order. The app (app.ts), the server (server.ts), the scripts and the tests (test/test-app.ts) all
// build their services here, so a service is wired the same way everywhere (decision 086).
import { chinaDate } from '@greenvoice/common';
import type { Config } from './config.ts';
import { nowIso } from './db/database.ts';
import type { DatabaseHandle } from './db/database.ts';
import { createIdempotency } from './http/idempotency.ts';
import { createIdempotencyRepo } from './http/idempotency.repo.ts';
import { createPlansRepo } from './modules/assessment/plans.repo.ts';
import { createDeductionsRepo } from './modules/assessment/deductions.repo.ts';
import { createDeductionsService } from './modules/assessment/deductions.service.ts';
import { createPlansService } from './modules/assessment/plans.service.ts';
import { createRankingsService } from './modules/assessment/rankings.service.ts';
import { createScoreStaleRepo } from './modules/assessment/score-stale.repo.ts';
import { createScoresRepo } from './modules/assessment/scores.repo.ts';
import { createScoringService, type ScoresHandOff } from './modules/assessment/scoring.service.ts';
import { createAuditRepo } from './modules/audit/audit.repo.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { loadAuditKey, type AuditKey } from './modules/audit/audit-key.ts';
import { createAuthServices } from './modules/auth/auth.service.ts';
import { createBulletinsRepo } from './modules/bulletins/bulletins.repo.ts';
import { loadCasesKeys, type CasesKeys } from './modules/cases/cases-keys.ts';
import { createCasesRepo } from './modules/cases/cases.repo.ts';
import { createCasesService } from './modules/cases/cases.service.ts';
import { registerCasesNotifications } from './modules/cases/cases-notifications.ts';
import { createInteractionServices } from './modules/cases/interaction-services.ts';
import { createEvidenceIntake } from './modules/submissions/evidence-intake.ts';
import { createBulletinsService } from './modules/bulletins/bulletins.service.ts';
import { createCampaignRepo } from './modules/campaign/campaign.repo.ts';
import { createCampaignService } from './modules/campaign/campaign.service.ts';
import { createChannelsService } from './modules/cms/channels.service.ts';
import { createCmsFilesService } from './modules/cms/cms-files.service.ts';
import { createCmsRepo } from './modules/cms/cms.repo.ts';
import { createCmsService } from './modules/cms/cms.service.ts';
import { createContentChanges } from './modules/cms/content-changes.ts';
import { fileStorage } from './files/file-stores.ts';
import { createPublicContent } from './modules/cms/public-content.repo.ts';
import { createSiteDirectory } from './modules/cms/site-directory.ts';
import { createDisclosureCatalogueRepo } from './modules/cms/disclosure-catalogue.repo.ts';
import { createSearchIndex } from './modules/cms/search-index.repo.ts';
import { createDischargersRepo } from './modules/dischargers/dischargers.repo.ts';
import { createDischargersService } from './modules/dischargers/dischargers.service.ts';
import { createFactsRepo } from './modules/facts/facts.repo.ts';
import { createIncidentsRepo } from './modules/incidents/incidents.repo.ts';
import { createIncidentsService } from './modules/incidents/incidents.service.ts';
import { createInterviewsRepo } from './modules/interviews/interviews.repo.ts';
import { createInterviewsService } from './modules/interviews/interviews.service.ts';
import { createUnansweredRepo } from './modules/cases/unanswered.repo.ts';
import { createColumnFreshnessRepo } from './modules/cms/column-freshness.repo.ts';
import { createInspectionRepo } from './modules/inspection/inspection.repo.ts';
import { createInspectionService } from './modules/inspection/inspection.service.ts';
import { createInspectionFacts } from './modules/inspection/inspection-facts.ts';
import { createMonitoringBulletins } from './modules/inspection/monitoring-bulletins.service.ts';
import { createExternalLinks } from './modules/inspection/external-links.ts';
import { LINK_CHECK_DEFAULTS, linkCheckerAgent } from './modules/inspection/link-checker.ts';
import { createActivitiesRepo } from './modules/activities/activities.repo.ts';
import { createActivitiesReport } from './modules/activities/activities-report.service.ts';
import { createActivitiesService } from './modules/activities/activities.service.ts';
import { createActivityFacts } from './modules/activities/activity-facts.ts';
import { createPhotoIntake } from './modules/activities/photo-intake.ts';
import { createSignupsRepo } from './modules/activities/signups.repo.ts';
import { createSignupsService } from './modules/activities/signups.service.ts';
import { createRegistryRepo } from './modules/activities/registry.repo.ts';
import { createRegistryService } from './modules/activities/registry.service.ts';
import { registerSignupReminders } from './modules/activities/signup-reminders.ts';
import { createContestGallery } from './modules/contest/contest-gallery.ts';
import { createContestFacts } from './modules/contest/contest-facts.ts';
import { createContestJudging } from './modules/contest/contest-judging.service.ts';
import { createContestRepo } from './modules/contest/contest.repo.ts';
import { createContestService } from './modules/contest/contest.service.ts';
import { createMediaBoard } from './modules/media/media-board.service.ts';
import { createMediaExcel } from './modules/media/media-excel.ts';
import { createMediaFacts } from './modules/media/media-facts.ts';
import { createMediaRepo } from './modules/media/media.repo.ts';
import { createMediaWorkRepo } from './modules/media/media-work.repo.ts';
import { createMediaWorkService } from './modules/media/media-work.service.ts';
import { registerMediaReminders } from './modules/media/media-reminders.ts';
import { createMediaService } from './modules/media/media.service.ts';
import { createNotificationsRepo } from './modules/notifications/notifications.repo.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { registerTodoProviders } from './modules/notifications/todo-providers.ts';
import { registerReminderRules } from './modules/notifications/reminder-rules.ts';
import { createDeliveryChannelsService } from './modules/notifications/channels.service.ts';
import { createDeliveryWorker } from './modules/notifications/delivery-worker.ts';
import { createMonitoringRepo } from './modules/monitoring/monitoring.repo.ts';
import { createMonitoringService } from './modules/monitoring/monitoring.service.ts';
import { createQualityService } from './modules/monitoring/quality.service.ts';
import { createOrgExcelService } from './modules/org-excel/org-excel.service.ts';
import { createOpenDataService } from './modules/open-data/open-data.service.ts';
import { createOutletsRepo } from './modules/outlets/outlets.repo.ts';
import { createOutletsService } from './modules/outlets/outlets.service.ts';
import { createPeopleRepo } from './modules/people/people.repo.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { createEvidenceRepo } from './modules/submissions/evidence.repo.ts';
import { createEvidenceService } from './modules/submissions/evidence.service.ts';
import { createSubmissionsRepo } from './modules/submissions/submissions.repo.ts';
import { createSubmissionsService } from './modules/submissions/submissions.service.ts';
import { createServiceGuidesRepo } from './modules/service-guides/service-guides.repo.ts';
import { createServiceGuidesService } from './modules/service-guides/service-guides.service.ts';
import { createUnitsRepo } from './modules/units/units.repo.ts';
import { createUnitsService } from './modules/units/units.service.ts';
import { createWorkingCalendarRepo } from './modules/working-calendar/working-calendar.repo.ts';
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
  /** the cases key's sub-keys; loaded from the configuration (CASES_KEY or the demo key file) if not given */
  casesKeys?: CasesKeys;
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
  const unitsRepo = createUnitsRepo(db);
  const peopleRepo = createPeopleRepo(db);
  const cmsRepo = createCmsRepo(db);
  const outletsRepo = createOutletsRepo(db);
  const submissionsRepo = createSubmissionsRepo(db);
  const inspectionRepo = createInspectionRepo(db);
  const monitoringRepo = createMonitoringRepo(db);
  const dischargersRepo = createDischargersRepo(db);
  // the audit log names its objects through their owners' repositories (decision 172)
  const audit = createAuditService({
    db,
    repo: auditRepo,
    names: {
      person: peopleRepo.namesOf,
      unit: unitsRepo.namesOf,
      submission: submissionsRepo.namesOf,
      outlet: outletsRepo.namesOf,
      portal_article: cmsRepo.articleNamesOf,
      portal_channel: cmsRepo.channelNamesOf,
      airStation: monitoringRepo.stationNamesOf,
      waterSection: monitoringRepo.sectionNamesOf,
      discharger: dischargersRepo.namesOf,
    },
  });
  // first: every other module may notify, register to-dos and reminder rules (decision 120)
  const notificationsRepo = createNotificationsRepo(db);
  const notifications = createNotificationsService({ db, repo: notificationsRepo, audit, log });
  const delivery = {
    repo: notificationsRepo,
    secretKey: config.totpEncryptionKey,
    publicUrl: config.publicUrl,
    timeoutMs: config.notifySendTimeoutMs,
  };
  const notificationChannels = createDeliveryChannelsService({
    ...delivery,
    audit,
    reminderSettings: notifications.reminderSettings,
  });
  const deliveryWorker = createDeliveryWorker({ ...delivery, log });
  const { auth, secondFactor } = createAuthServices({ db, audit, config });
  const units = createUnitsService({ repo: unitsRepo, audit });
  const people = createPeopleService({ repo: peopleRepo, units, auth, audit });
  const campaigns = createCampaignService({ db, repo: createCampaignRepo(db), audit });
  const orgExcel = createOrgExcelService({ db, people: peopleRepo, units: unitsRepo, auth, audit });

  const contentChanges = createContentChanges();
  const search = createSearchIndex(dialect);
  const cms = createCmsService({ db, repo: cmsRepo, audit, search, changes: contentChanges });
  // every module's files, on disk or in the database (FILE_STORE, decision 184)
  const files = fileStorage(config, db);
  const portalFiles = files.stores.portal;
  const cmsFiles = createCmsFilesService({ repo: cmsRepo, cms, audit, store: portalFiles });
  const channels = createChannelsService({ db, repo: cmsRepo, audit, changes: contentChanges });
  const serviceGuides = createServiceGuidesService({
    repo: createServiceGuidesRepo(db),
    audit,
    changes: contentChanges,
    store: files.stores.guideForms,
  });
  const disclosureCatalogue = createDisclosureCatalogueRepo(db);
  const sites = createSiteDirectory(db, { defaultUnitCode: config.portalSiteUnit });
  const publicContent = createPublicContent(db, { sites, sqlite: database.sqlite });

  const scoresRepo = createScoresRepo(db, dialect);
  const scoring = createScoringService({
    db,
    scores: scoresRepo,
    stale: createScoreStaleRepo(db),
    log,
    today: deps.today,
  });
  const plans = createPlansService({
    db,
    plansRepo: createPlansRepo(db),
    repo: scoresRepo,
    scoring,
    audit,
    today: deps.today,
  });
  const rankings = createRankingsService({
    repo: scoresRepo,
    scoring,
    sourceTitles: { submission: submissionsRepo.namesOf, inspectionFinding: inspectionRepo.findingTitles },
  });
  const deductions = createDeductionsService({
    repo: createDeductionsRepo(db),
    scores: scoresRepo,
    facts: createFactsRepo(),
    scoring,
    audit,
  });
  const bulletins = createBulletinsService({ repo: createBulletinsRepo(db), plans, rankings, audit });
  const interviews = createInterviewsService({ repo: createInterviewsRepo(db), plans, rankings, audit });

  const outlets = createOutletsService({ repo: outletsRepo, audit });
  const idempotencyRepo = createIdempotencyRepo(db);
  const evidence = createEvidenceService({
    repo: createEvidenceRepo(db),
    idempotency: idempotencyRepo,
    store: files.stores.evidence,
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
    idempotency: createIdempotency(idempotencyRepo),
    scores: handOff,
    notifications,
  });

  const quality = createQualityService({ repo: monitoringRepo, site: () => sites.current() });
  const monitoring = createMonitoringService({
    repo: monitoringRepo,
    audit,
    quality,
    changes: contentChanges,
    changed: (topic) => quality.forget(topic),
  });
  const workingCalendar = createWorkingCalendarService({ repo: createWorkingCalendarRepo(db), audit });
  const dischargers = createDischargersService({
    repo: dischargersRepo,
    calendar: workingCalendar,
    audit,
    changes: contentChanges,
    site: () => sites.current(),
  });
  const incidents = createIncidentsService({
    repo: createIncidentsRepo(db),
    audit,
    changes: contentChanges,
    site: () => sites.current(),
  });
  const todoSources = {
    notifications,
    submissions,
    campaigns,
    plans,
    bulletins,
    interviews,
    dischargers,
    today: deps.today,
  };
  registerTodoProviders(todoSources);
  registerReminderRules(db, todoSources);
  const casesKeys = deps.casesKeys ?? loadCasesKeys(config);
  const casePhotoStore = files.stores.casePhotos;
  const casePhotos = createEvidenceIntake(casePhotoStore, ['image/png', 'image/jpeg']);
  const casesRepo = createCasesRepo(db);
  const cases = createCasesService({
    repo: casesRepo,
    audit,
    calendar: workingCalendar,
    keys: casesKeys,
    photos: casePhotoStore,
    settings: {
      letterReplyWorkingDays: config.caseLetterReplyWorkingDays,
      identityRetentionDays: config.caseIdentityRetentionDays,
    },
    site: () => publicContent.site(),
    today: deps.today,
  });
  registerCasesNotifications({ notifications, cases, repo: casesRepo, today: deps.today });
  const interaction = createInteractionServices({
    db,
    cases: casesRepo,
    audit,
    files: files.stores.consultations,
    retentionDays: config.caseIdentityRetentionDays,
    cms,
    cmsFiles,
    catalogue: disclosureCatalogue,
    site: () => publicContent.site(),
    today: deps.today,
  });

  const mediaRepo = createMediaRepo(db);
  const mediaToday = deps.today ?? (() => chinaDate(nowIso()));
  const mediaFacts = createMediaFacts({ repo: mediaRepo, facts: createFactsRepo() });
  const media = createMediaService({
    repo: mediaRepo,
    facts: mediaFacts,
    units,
    audit,
    scores: handOff,
    today: mediaToday,
  });
  const mediaBoard = createMediaBoard({
    repo: mediaRepo,
    plans: scoresRepo,
    today: mediaToday,
    site: () => sites.current(),
  });
  const mediaWork = createMediaWorkService({
    repo: createMediaWorkRepo(db),
    facts: mediaFacts,
    units,
    audit,
    scores: handOff,
    plans: scoresRepo,
    outletNames: outletsRepo.namesOf,
    today: mediaToday,
  });
  const mediaExcel = createMediaExcel({ repo: mediaRepo, media, units, today: mediaToday });
  registerMediaReminders({
    db,
    notifications,
    repo: mediaRepo,
    facts: mediaFacts,
    plans: scoresRepo,
    scores: handOff,
    today: mediaToday,
  });

  const activitiesRepo = createActivitiesRepo(db);
  const activityPhotos = createPhotoIntake(files.stores.activityPhotos);
  const activityFacts = createActivityFacts(createFactsRepo());
  const activities = createActivitiesService({
    repo: activitiesRepo,
    facts: activityFacts,
    units,
    submissions: submissionsRepo,
    audit,
    scores: handOff,
    photos: activityPhotos,
    today: mediaToday,
  });
  const activitiesReport = createActivitiesReport({ db, repo: activitiesRepo, audit, today: mediaToday });
  const signupsRepo = createSignupsRepo(db);
  const signups = createSignupsService({ repo: signupsRepo, audit });
  registerSignupReminders({ notifications, repo: signupsRepo });
  const registry = createRegistryService({ repo: createRegistryRepo(db), audit });
  const contestRepo = createContestRepo(db);
  const contestFacts = createContestFacts({
    repo: contestRepo,
    facts: createFactsRepo(),
    audit,
    scores: handOff,
    today: mediaToday,
  });
  const contests = createContestService({
    repo: contestRepo,
    audit,
    units,
    photos: activityPhotos,
    facts: contestFacts,
    people: { exists: async (id, scopePath) => Boolean(await peopleRepo.findInScope(id, scopePath)) },
    today: mediaToday,
  });
  const contestJudging = createContestJudging({
    repo: contestRepo,
    contests,
    audit,
    facts: contestFacts,
    photos: activityPhotos,
    today: mediaToday,
  });

  const openData = createOpenDataService({ db, site: () => sites.current() });
  const inspection = createInspectionService({
    db,
    repo: inspectionRepo,
    audit,
    notifications,
    columns: createColumnFreshnessRepo(db),
    unanswered: createUnansweredRepo(db),
    guides: createServiceGuidesRepo(db),
    media: mediaRepo,
    sites: async () => (await sites.all()).map((site) => ({ id: site.id, path: site.path, host: site.host })),
    facts: createInspectionFacts({ facts: createFactsRepo(), repo: inspectionRepo }),
    scores: handOff,
    external: createExternalLinks({
      repo: inspectionRepo,
      options: config.inspectionExternalLinks
        ? { ...LINK_CHECK_DEFAULTS, allowAddresses: config.inspectionLinkAllow }
        : null,
      agent: async () =>
        linkCheckerAgent(
          (await publicContent.site())?.name ?? 'GreenVoice',
          config.publicUrl ?? 'https://greenvoice.invalid',
        ),
    }),
    today: deps.today,
  });
  const monitoringBulletins = createMonitoringBulletins({
    repo: inspectionRepo,
    audit,
    plans,
    notifications,
    site: () => publicContent.site(),
    today: mediaToday,
  });

  return {
    openData,
    inspection,
    monitoringBulletins,
    auditKey,
    auditRepo,
    audit,
    notifications,
    notificationChannels,
    deliveryWorker,
    secondFactor,
    auth,
    units,
    people,
    campaigns,
    orgExcel,
    contentChanges,
    search,
    serviceGuides,
    disclosureCatalogue,
    cms,
    files,
    portalFiles,
    cmsFiles,
    channels,
    publicContent,
    sites,
    scoresRepo,
    scoring,
    plans,
    rankings,
    deductions,
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
    media,
    mediaFacts,
    mediaToday,
    handOff,
    mediaBoard,
    mediaWork,
    mediaExcel,
    casesKeys,
    casePhotoStore,
    casePhotos,
    cases,
    interaction,
    activities,
    activitiesReport,
    activityPhotos,
    signups,
    registry,
    contestRepo,
    contests,
    contestJudging,
    contestGallery: createContestGallery({
      repo: contestRepo,
      store: activityPhotos.store,
      site: () => sites.current(),
    }),
  };
}
export type Services = ReturnType<typeof createServices>;
