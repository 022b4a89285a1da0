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
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorResponse } from '@greenvoice/common';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { frameworkErrorHandler, registerErrorHandling } from './plugins/errors.ts';
import { INSPECTOR_HEADER, registerRateLimits } from './plugins/rate-limits.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerCompression } from './http/compression.ts';
import { createDrain } from './http/drain.ts';
import { buildSerializer } from './plugins/serializers.ts';
import { registerNulGuard, registerValidation } from './plugins/validation.ts';
import { assessmentRoutes } from './modules/assessment/assessment.routes.ts';
import { deductionsRoutes } from './modules/assessment/deductions.routes.ts';
import { bulletinsRoutes } from './modules/bulletins/bulletins.routes.ts';
import { interviewsRoutes } from './modules/interviews/interviews.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { secondFactorRoutes } from './modules/auth/second-factor.routes.ts';
import { campaignRoutes } from './modules/campaign/campaign.routes.ts';
import { envToolsRoutes } from './modules/env-tools/env-tools.routes.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { dischargersRoutes } from './modules/dischargers/dischargers.routes.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { workingCalendarRoutes } from './modules/working-calendar/working-calendar.routes.ts';
import { openDataRoutes } from './modules/open-data/open-data.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { orgExcelRoutes } from './modules/org-excel/org-excel.routes.ts';
import { inspectionRoutes } from './modules/inspection/inspection.routes.ts';
import { mediaRoutes } from './modules/media/media.routes.ts';
import { mediaWorkRoutes } from './modules/media/media-work.routes.ts';
import { activitiesRoutes } from './modules/activities/activities.routes.ts';
import { signupPortalRoutes } from './portal/activities/signup-portal.routes.ts';
import { contestRoutes } from './modules/contest/contest.routes.ts';
import { outletsRoutes } from './modules/outlets/outlets.routes.ts';
import { registerSubmissions } from './modules/submissions/submissions.module.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { cmsRoutes } from './modules/cms/cms.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { deliveryChannelsRoutes } from './modules/notifications/channels.routes.ts';
import type { FastLane } from './portal/fast-lane.ts';
import { createPageCache } from './portal/page-cache.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { serviceGuidesRoutes } from './modules/service-guides/service-guides.routes.ts';
import { governmentServicesSlot } from './portal/pages/government-services-slot.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { consultationsRoutes } from './modules/cases/consultations.routes.ts';
import { caseReportsRoutes } from './modules/cases/case-reports.routes.ts';
import { casesPortalRoutes } from './portal/cases/cases-portal.routes.ts';
import { casesHomeSlot } from './portal/cases/case-home-slot.ts';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';
import { DEMO_UNITS } from './demo/changde-units.ts';
import { SECOND_CITY_UNITS } from './demo/second-city-demo.ts';
import { createServices, type ServiceDeps, type Services } from './services.ts';
import { isDemoInstallation } from './modules/cms/cms.repo.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  /** the built console (web/dist); null to serve no console (API tests) */
  consoleDir?: string | null;
  logger?: boolean;
  /** the services, built by the caller through createServices (server.ts, tests); else built here */
  services?: Services;
  /** when the services are built here: the options createServices takes beyond config and database */
  serviceOptions?: Pick<ServiceDeps, 'today' | 'recomputeAfterCommit'>;
}

/** How long an idle keep-alive connection stays open (decision 212). */
export const KEEP_ALIVE_MS = 5_000;

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  // Cached portal pages are answered before Fastify sees the request (portal/page-cache.ts).
  const pageCache = createPageCache({ enabled: config.portalCache });
  const laneSlot: { lane: FastLane | null } = { lane: null };
  const drain = createDrain();
  const app = Fastify({
    serverFactory: (handler) => {
      const server = http.createServer((req, res) => {
        drain.mark(res);
        if (!laneSlot.lane?.handle(req, res, handler)) handler(req, res);
      });
      // Fastify applies its own keepAliveTimeout only to a server it makes itself, so it is set here
      // (decision 212). Node's 5 s, on purpose: the drain waits for idle connections to go (decision
      // 178), and a proxy in front must close its idle upstream connections sooner (deploy/nginx).
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      return server;
    },
    // a request that still arrives while closing is answered, not refused: the drain (http/drain.ts)
    // has already moved the clients on, and a 503 would be an error the visitor sees
    return503OnClosing: false,
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
    // throughput (docs/engineering.md); portal errors are still logged.
    logController: new LogController({ disableRequestLogging: (req) => !req.url.startsWith('/api/') }),
    genReqId: () => randomUUID(),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy === false ? false : config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
    ajv: { customOptions: { removeAdditional: false } },
    schemaController: { compilersFactory: { buildSerializer } },
  });

  registerValidation(app);
  registerNulGuard(app);
  registerErrorHandling(app);
  database.useLog(app.log); // lost connections go to the app's log (decision 060)
  app.addSchema(ErrorResponse);

  const services =
    options.services ?? createServices({ config, database, log: app.log, ...options.serviceOptions });
  const { audit, auth, secondFactor, units, people, campaigns, orgExcel, plans, rankings } = services;
  const { bulletins, interviews, outlets, monitoring, quality, dischargers, incidents } = services;
  const { workingCalendar, cms, channels, cmsFiles, search, contentChanges, portalFiles } = services;
  const { serviceGuides } = services;

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time
        styleSrc: ["'self'", "'unsafe-inline'"],
        // the 党政机关网站标识 image is served by its registration office (decision 114)
        imgSrc: ["'self'", 'data:', 'blob:', 'https://dcs.conac.cn'],
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
  const limits = await registerRateLimits(app, config);

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
  const declaredRoutes = registerSecurity(app, { config, auth, audit, limits });
  app.decorate('declaredRoutes', declaredRoutes);
  app.decorate('drain', (graceMs: number) => drain.run(app.server, graceMs));
  // after the security hooks: compression is the last thing done to every answer (decision 103)
  registerCompression(app);
  // another server's change to environmental data reaches this one through the change feed: the
  // public air and water reads kept in memory and the open-data catalogue go with the pages built from them
  pageCache.onInvalidate((c) => {
    if (c.everything) quality.forget();
    else if (c.topic === 'air' || c.topic === 'water') quality.forget(c.topic);
    // every data set is environmental data (a topic); an article's change or read count is not one
    if (c.everything || c.topic) services.openData.forget();
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  healthRoutes(app, database);
  authRoutes(app, {
    auth,
    config,
    loginInfo: async () => {
      if (!(await isDemoInstallation(database.db))) return { demo: false, demoAccounts: [] };
      const unitName = (code: string) =>
        [...DEMO_UNITS, ...SECOND_CITY_UNITS].find((u) => u.code === code)?.name ?? code;
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
  deductionsRoutes(app, services.deductions);
  bulletinsRoutes(app, bulletins);
  interviewsRoutes(app, interviews);
  notificationsRoutes(app, services.notifications);
  deliveryChannelsRoutes(app, services.notificationChannels);
  outletsRoutes(app, outlets);
  registerSubmissions(app, services);
  envToolsRoutes(app);
  monitoringRoutes(app, monitoring, quality);
  dischargersRoutes(app, dischargers);
  incidentsRoutes(app, incidents);
  mediaRoutes(app, { media: services.media, board: services.mediaBoard, excel: services.mediaExcel });
  mediaWorkRoutes(app, services.mediaWork);
  activitiesRoutes(app, {
    activities: services.activities,
    report: services.activitiesReport,
    signups: services.signups,
    registry: services.registry,
  });
  contestRoutes(app, { contests: services.contests, judging: services.contestJudging });
  casesRoutes(app, services.cases);
  consultationsRoutes(app, services.interaction.consultations);
  caseReportsRoutes(app, services.interaction);
  inspectionRoutes(app, services.inspection, services.monitoringBulletins);
  // the self-inspection reads the portal as a visitor would, in-process (decision 174)
  services.inspection.attachPortal(async (url, host) => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: {
        [INSPECTOR_HEADER]: limits.inspectorToken,
        'accept-encoding': 'identity',
        ...(host ? { host } : {}),
      },
    });
    return { status: res.statusCode, body: res.body, contentType: String(res.headers['content-type'] ?? '') };
  });
  workingCalendarRoutes(app, workingCalendar);
  openDataRoutes(app, services.openData);
  casesPortalRoutes(app, {
    cases: services.cases,
    photos: services.casePhotos,
    photoStore: services.casePhotoStore,
    keys: services.casesKeys,
    config,
    consultations: services.interaction.consultations,
  });
  signupPortalRoutes(app, { signups: services.signups, config });
  cmsRoutes(app, { cms, channels, files: cmsFiles });
  serviceGuidesRoutes(app, serviceGuides);
  portalRoutes(app, {
    config,
    deps: {
      db: database.db,
      content: services.publicContent,
      sites: services.sites,
      search,
      cases: services.cases,
      interaction: services.interaction,
      media: services.mediaBoard,
      contest: services.contestGallery,
      signups: services.signups,
      monitoring: services.monitoringBulletins,
      finder: { enterprises: dischargers.findPublic, places: quality.findPlaces },
      catalogue: services.disclosureCatalogue,
      guides: serviceGuides,
      homeSlots: [casesHomeSlot, governmentServicesSlot],
      environment: {
        quality,
        dischargers,
        incidents,
        openData: services.openData,
        freshness: { airHours: config.portalAirFreshHours, waterDays: config.portalWaterFreshDays },
      },
    },
    cache: pageCache,
    changes: contentChanges,
    files: portalFiles,
    limits,
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
