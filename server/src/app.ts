// buildApp: registers plugins and modules and returns the Fastify instance; it never listens
// (server.ts does). Tests build it with app.inject.
import './http/fastify-types.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Redis } from 'ioredis';
import { ErrorResponse } from '@greenvoice/common';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { ApiError } from './http/api-error.ts';
import { frameworkErrorHandler, registerErrorHandling } from './plugins/errors.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerNulGuard, registerValidation } from './plugins/validation.ts';
import { assessmentRoutes } from './modules/assessment/assessment.routes.ts';
import { createPlansService } from './modules/assessment/plans.service.ts';
import { createRankingsService } from './modules/assessment/rankings.service.ts';
import { createScoresRepo } from './modules/assessment/scores.repo.ts';
import { createScoringService } from './modules/assessment/scoring.service.ts';
import { bulletinsRoutes } from './modules/bulletins/bulletins.routes.ts';
import { createBulletinsService } from './modules/bulletins/bulletins.service.ts';
import { interviewsRoutes } from './modules/interviews/interviews.routes.ts';
import { createInterviewsService } from './modules/interviews/interviews.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { createAuditRepo } from './modules/audit/audit.repo.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { loadAuditKey } from './modules/audit/audit-key.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createAuthRepo } from './modules/auth/auth.repo.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createSecondFactorService } from './modules/auth/second-factor.ts';
import { secondFactorRoutes } from './modules/auth/second-factor.routes.ts';
import { campaignRoutes } from './modules/campaign/campaign.routes.ts';
import { createCampaignService } from './modules/campaign/campaign.service.ts';
import { envToolsRoutes } from './modules/env-tools/env-tools.routes.ts';
import { createMonitoringRepo } from './modules/monitoring/monitoring.repo.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { createMonitoringService } from './modules/monitoring/monitoring.service.ts';
import { createQualityService } from './modules/monitoring/quality.service.ts';
import { dischargersRoutes } from './modules/dischargers/dischargers.routes.ts';
import { createDischargersRepo } from './modules/dischargers/dischargers.repo.ts';
import { createDischargersService } from './modules/dischargers/dischargers.service.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { createIncidentsService } from './modules/incidents/incidents.service.ts';
import { workingCalendarRoutes } from './modules/working-calendar/working-calendar.routes.ts';
import { createWorkingCalendarService } from './modules/working-calendar/working-calendar.service.ts';
import { openDataRoutes } from './modules/open-data/open-data.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { orgExcelRoutes } from './modules/org-excel/org-excel.routes.ts';
import { createOutletsRepo } from './modules/outlets/outlets.repo.ts';
import { outletsRoutes } from './modules/outlets/outlets.routes.ts';
import { createOutletsService } from './modules/outlets/outlets.service.ts';
import { createSubmissions, registerSubmissions } from './modules/submissions/submissions.module.ts';
import { createOrgExcelService } from './modules/org-excel/org-excel.service.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { createPeopleRepo } from './modules/people/people.repo.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { createUnitsRepo } from './modules/units/units.repo.ts';
import { createUnitsService } from './modules/units/units.service.ts';
import { createChannelsService } from './modules/cms/channels.service.ts';
import { cmsRoutes } from './modules/cms/cms.routes.ts';
import { createCmsFilesService } from './modules/cms/cms-files.service.ts';
import { createCmsRepo } from './modules/cms/cms.repo.ts';
import { createCmsService } from './modules/cms/cms.service.ts';
import { createContentChanges } from './modules/cms/content-changes.ts';
import { portalFiles as portalFileStore } from './files/file-stores.ts';
import { createPublicContent } from './modules/cms/public-content.ts';
import { createSearchIndex } from './modules/cms/search-index.ts';
import type { FastLane } from './portal/fast-lane.ts';
import { createPageCache } from './portal/page-cache.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { environmentPortalRoutes } from './portal/environment/environment-portal.routes.ts';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';
import { DEMO_UNITS } from './demo/changde-units.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  /** the built console (web/dist); null to serve no console (API tests) */
  consoleDir?: string | null;
  logger?: boolean;
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  // Cached portal pages are answered before Fastify sees the request (portal/page-cache.ts).
  const pageCache = createPageCache({ enabled: config.portalCache });
  const laneSlot: { lane: FastLane | null } = { lane: null };
  const app = Fastify({
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (!laneSlot.lane?.handle(req, res, handler)) handler(req, res);
      }),
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
              '*.password',
              '*.newPassword',
              '*.currentPassword',
              '*.mobile',
            ],
          },
    // Only API requests are logged one by one: per-request logs on portal hot paths cost −20 %
    // throughput (ENGINEERING.md); portal errors are still logged.
    logController: new LogController({ disableRequestLogging: (req) => !req.url.startsWith('/api/') }),
    genReqId: () => randomUUID(),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy === false ? false : config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
    ajv: { customOptions: { removeAdditional: false } },
  });

  registerValidation(app);
  registerNulGuard(app);
  registerErrorHandling(app);
  database.useLog(app.log); // lost connections go to the app's log (decision 060)
  app.addSchema(ErrorResponse);

  const auditRepo = createAuditRepo(database.db, database.dialect, loadAuditKey(config));
  const audit = createAuditService(database.db, auditRepo);
  const secondFactor = createSecondFactorService(database.db, audit, config);
  const auth = createAuthService(database.db, createAuthRepo(database.db), audit, config, secondFactor);
  const units = createUnitsService(createUnitsRepo(database.db), audit);
  const people = createPeopleService(createPeopleRepo(database.db), units, auth, audit);
  const campaigns = createCampaignService(database.db, audit);
  const orgExcel = createOrgExcelService(database.db, audit);
  const contentChanges = createContentChanges();
  const search = createSearchIndex(database.dialect);
  const cmsRepo = createCmsRepo(database.db);
  const cms = createCmsService({ db: database.db, repo: cmsRepo, audit, search, changes: contentChanges });
  const portalFiles = portalFileStore(config.dataDir);
  const cmsFiles = createCmsFilesService({ repo: cmsRepo, cms, audit, store: portalFiles });
  const channels = createChannelsService({ db: database.db, repo: cmsRepo, audit, changes: contentChanges });
  const scoresRepo = createScoresRepo(database.db, database.dialect);
  const scoring = createScoringService(database.db, scoresRepo);
  const plans = createPlansService(database.db, scoresRepo, scoring, audit);
  const rankings = createRankingsService(scoresRepo, scoring);
  const bulletins = createBulletinsService(database.db, plans, rankings, audit);
  const interviews = createInterviewsService(database.db, plans, rankings, audit);
  const outlets = createOutletsService(createOutletsRepo(database.db), audit);
  const submissions = createSubmissions(
    { db: database.db, dataDir: config.dataDir, outlets, audit },
    {
      logError: (err, message) => app.log.error({ err }, message),
      // an approval's fact reaches the scores as soon as it commits
      onFactsChanged: (change) => scoring.onFactsChanged(change),
    },
  );
  const monitoringRepo = createMonitoringRepo(database.db);
  const quality = createQualityService(monitoringRepo);
  const monitoring = createMonitoringService(monitoringRepo, audit, () => quality.forgetAirNow());
  const workingCalendar = createWorkingCalendarService(database.db, audit);
  const dischargers = createDischargersService(createDischargersRepo(database.db), workingCalendar, audit);
  const incidents = createIncidentsService(database.db, audit);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT, files: 5, fields: 20, parts: 30 },
    throwFileSizeLimit: true,
  });
  // Shared counters for several app servers. If Redis goes away the limits fail open (decision 056):
  // answering every request with 500 — even health — would be worse; the database-backed account
  // lockout still guards sign-in.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : null;
  if (redis) {
    let reported = false;
    redis.on('error', (err) => {
      if (!reported)
        app.log.error({ err }, 'Redis unreachable: rate limits are not enforced until it returns');
      reported = true;
    });
    redis.on('ready', () => {
      if (reported) app.log.info('Redis reachable again: rate limits enforced');
      reported = false;
    });
    app.addHook('onClose', async () => void redis.disconnect());
  }
  await app.register(rateLimit, {
    global: true,
    skipOnError: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Portal pages are served from a byte cache and must not pay for a counter; the API does.
    allowList: (req) => !req.url.startsWith('/api/'),
    ...(redis ? { redis, nameSpace: 'gv-rl:' } : {}),
    errorResponseBuilder: (_req, ctx) =>
      new ApiError('RATE_LIMITED', undefined, undefined, {
        'retry-after': String(Math.ceil(ctx.ttl / 1000)),
      }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'GreenVoice 绿讯 API',
        version: '1.0.0',
        description:
          'Publicity-work assessment and public environmental information. Errors share one shape: ErrorResponse.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: config.cookieSecure ? '__Host-gv_session' : 'gv_session',
          },
        },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Security hooks go last among plugins so they see every route registered after them.
  const declaredRoutes = registerSecurity(app, { config, auth, audit });
  app.decorate('declaredRoutes', declaredRoutes);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  healthRoutes(app, database);
  authRoutes(app, {
    auth,
    config,
    loginInfo: async () => {
      const demo = await database.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'demo')
        .executeTakeFirst();
      if (!demo) return { demo: false, demoAccounts: [] };
      const unitName = (code: string) => DEMO_UNITS.find((u) => u.code === code)?.name ?? code;
      return {
        demo: true,
        demoAccounts: DEMO_ACCOUNTS.map((a) => ({
          username: a.username,
          password: a.password,
          role: a.role,
          name: a.name,
          unitName: unitName(a.unitCode),
        })),
      };
    },
  });
  secondFactorRoutes(app, { secondFactor, auth, config });
  unitsRoutes(app, units);
  peopleRoutes(app, people);
  campaignRoutes(app, campaigns);
  orgExcelRoutes(app, orgExcel);
  auditRoutes(app, audit);
  assessmentRoutes(app, plans, rankings);
  bulletinsRoutes(app, bulletins);
  interviewsRoutes(app, interviews);
  outletsRoutes(app, outlets);
  registerSubmissions(app, submissions);
  envToolsRoutes(app);
  monitoringRoutes(app, monitoring, quality);
  dischargersRoutes(app, dischargers);
  incidentsRoutes(app, incidents);
  workingCalendarRoutes(app, workingCalendar);
  openDataRoutes(app, database.db);
  environmentPortalRoutes(app, { quality, dischargers, incidents });
  cmsRoutes(app, { cms, channels, files: cmsFiles });
  portalRoutes(app, {
    config,
    deps: {
      db: database.db,
      content: createPublicContent(database.db, {
        siteUnitCode: config.portalSiteUnit,
        sqlite: database.sqlite,
      }),
      search,
    },
    cache: pageCache,
    changes: contentChanges,
    files: portalFiles,
    laneSlot,
  });
  registerConsole(app, options.consoleDir ?? null);
  return app;
}

function registerConsole(app: FastifyInstance, dir: string | null) {
  const index = dir ? path.join(dir, 'index.html') : null;
  const built = index !== null && fs.existsSync(index);
  if (built) {
    app.register(fastifyStatic, {
      root: dir!,
      prefix: '/admin/',
      wildcard: false,
      index: false,
      maxAge: '1y',
      immutable: true,
    });
  }
  const indexHtml = built ? fs.readFileSync(index!) : null;
  app.get('/admin', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) =>
    reply.redirect('/admin/'),
  );
  // Client-side routes: every other /admin path gets the single-page app.
  app.get('/admin/*', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) => {
    if (!indexHtml)
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('工作台尚未构建：请运行 npm start（会自动构建）。The console is not built: run npm start.');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
}
