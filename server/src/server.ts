// Starts GreenVoice: config, database (migrations, demo data on first start), then listen.
import { caseCompletionLapseJob, caseIdentityEraseJob } from './modules/cases/cases-jobs.ts';
import { inspectionJob } from './modules/inspection/inspection-job.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import cluster from 'node:cluster';
import { relayContentChanges, runPrimary } from './cluster.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';
import { isDatabaseEmpty, seedDemoData } from './demo/seed-demo.ts';
import { seedAirReadingsDemo } from './demo/environment-demo.ts';
import { seedGuideFormsDemo } from './demo/portal-content-demo.ts';
import { seedMediaDemo } from './demo/media-demo.ts';
import { seedDemoStory } from './demo/demo-story.ts';
import { seedActivitiesDemo } from './demo/activities-demo.ts';
import { AUDIT_KEY_ENV, loadAuditKey } from './modules/audit/audit-key.ts';
import { ConfigError } from './config.ts';
import {
  auditCheckpointJob,
  housekeepingJob,
  notificationDeliveriesJob,
  notificationRemindersJob,
  scoresStaleJob,
  startScheduler,
  type Scheduler,
} from './jobs/scheduler.ts';
import { createServices, type ServiceDeps } from './services.ts';
import { fileTempsJob, sweepFileTemps } from './jobs/file-temps.ts';
import { chinaDate, ROLE_LABELS } from '@greenvoice/common';
import { isDemoInstallation } from './modules/cms/cms.repo.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Migrations, demo data on first start and the key checks: once, before any request is served. */
async function prepare(config: Config, log: ServiceDeps['log']) {
  const database = await openDatabase({
    url: config.databaseUrl,
    dialect: config.dialect,
    pgSchema: config.pgSchema,
  });
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`数据库迁移 Migrations applied: ${applied.join(', ')}`);
  const auditKey = loadAuditKey(config);
  const services = createServices({ config, database, log, auditKey });
  let seeded = false;
  if (config.demoData && (await isDatabaseEmpty(database.db))) {
    await seedDemoData(database.db, services.auditRepo, config.scryptLogN);
    const started = Date.now();
    const hours = await seedAirReadingsDemo(database.db);
    await seedGuideFormsDemo(database.db, services.files.stores.guideForms);
    console.log(`演示空气监测数据 Demo air readings: ${hours} hours in ${Date.now() - started} ms`);
    const mediaRows = await seedMediaDemo(database.db, {
      facts: services.mediaFacts,
      scores: services.handOff,
      today: services.mediaToday,
    });
    console.log(`演示新媒体数据 Demo new-media metrics: ${mediaRows} daily rows`);
    const storyStarted = Date.now();
    const story = await seedDemoStory({ db: database.db, ...services });
    console.log(
      `演示报送与通报 Demo submissions and bulletins: ${story.submissions} pieces, ${story.bulletins} bulletins in ${Date.now() - storyStarted} ms`,
    );
    const activitiesDemo = await seedActivitiesDemo({ db: database.db, ...services });
    console.log(
      `演示活动与创意大赛 Demo events and contest: ${activitiesDemo.events} events, ${activitiesDemo.works} contest works`,
    );
    seeded = true;
  }
  const demo = await isDemoInstallation(database.db);
  // A generated key file lies beside the data it protects: good enough for a demonstration only.
  if (!demo && auditKey.source !== AUDIT_KEY_ENV && !(await isDatabaseEmpty(database.db)))
    throw new ConfigError(
      `${AUDIT_KEY_ENV} is required: this installation holds real data (no demo data set), so the audit key must be given from outside the data directory (openssl rand -base64 32; keep a copy off this machine)`,
    );
  await services.audit.ensureKeyed();
  const reindexed = await services.search.rebuildIfOutdated(database.db);
  if (reindexed) console.log(`全文索引 Search index rebuilt: ${reindexed} articles`);
  return { database, services, demo, seeded };
}

function printBanner(config: Config, port: number, demo: boolean, seeded: boolean, pids: number[]) {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `绿讯 GreenVoice 已启动 — database: ${config.dialect}${config.dialect === 'sqlite' ? ` (${config.databaseUrl})` : ''}`,
    `  门户 Portal:   ${base}/`,
    `  工作台 Console: ${base}/admin`,
    `  API 文档 Docs:  ${base}/api/docs`,
  ];
  if (pids.length > 1) lines.push(`  工作进程 Workers: ${pids.length} (pids ${pids.join(', ')})`);
  if (demo) {
    lines.push(
      `  演示数据 Demo data${seeded ? ' (seeded now)' : ''} — demo accounts, for demonstration only:`,
    );
    for (const a of DEMO_ACCOUNTS)
      lines.push(
        `    ${a.username.padEnd(12)} ${a.password.padEnd(20)} ${ROLE_LABELS[a.role].zh} / ${ROLE_LABELS[a.role].en}`,
      );
  }
  console.log(lines.join('\n'));
}

const PREPARE_ONLY = 'GREENVOICE_PREPARE_ONLY';

/** Runs `prepare` in a worker of its own and hands back what the banner needs. */
function prepareInWorker() {
  return new Promise<{ demo: boolean; seeded: boolean }>((resolve, reject) => {
    let answer: { demo: boolean; seeded: boolean } | null = null;
    const worker = cluster.fork({ [PREPARE_ONLY]: '1' });
    worker.on('message', (m: { gv?: string; demo: boolean; seeded: boolean }) => {
      if (m.gv === 'prepared') answer = { demo: m.demo, seeded: m.seeded };
    });
    worker.once('exit', (code) =>
      answer && code === 0 ? resolve(answer) : reject(new Error(`preparing the database failed (${code})`)),
    );
  });
}

/** How long a stopping process lets its open connections finish (http/drain.ts). */
const DRAIN_GRACE_MS = 5_000;

async function main() {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    // the primary serves nothing: one short-lived worker prepares the database (so the memory a first
    // start's demo seed takes goes with it), then the primary supervises the serving workers
    const { demo, seeded } = await prepareInWorker();
    await runPrimary({
      workers: config.workers,
      ready: (port, pids) => printBanner(config, port, demo, seeded, pids),
    });
    return;
  }
  if (process.env[PREPARE_ONLY]) {
    const consoleLog = {
      info: (o: object, m: string) => console.log(m, o),
      error: (o: object, m: string) => console.error(m, o),
    };
    const { database, demo, seeded } = await prepare(config, consoleLog);
    await database.close();
    process.send!({ gv: 'prepared', demo, seeded }, () => process.exit(0));
    return;
  }
  // the app's logger exists once the app is built; the services report through it
  const log = {
    info: (o: object, m: string) => app.log.info(o, m),
    error: (o: object, m: string) => app.log.error(o, m),
  };
  const { database, services, demo, seeded } = await prepare(config, log);
  const { audit } = services;
  const app = await buildApp({ config, database, services, consoleDir: path.join(root, 'web/dist') });
  relayContentChanges(services.contentChanges, app.portal.cache);
  const checkpoint = (kind: 'start' | 'shutdown') =>
    audit
      .checkpoint(kind, config.auditCheckpointDir, app.log)
      .catch((err: unknown) => app.log.error({ err }, 'audit checkpoint failed'));

  let scheduler: Scheduler | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), DRAIN_GRACE_MS + 10_000);
    timer.unref();
    scheduler?.stop();
    await app.drain(DRAIN_GRACE_MS);
    await app.close();
    await checkpoint('shutdown');
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // what a crash or kill left half-written in this machine's file stores
  const swept = await sweepFileTemps(services.files);
  if (swept.removed) app.log.info(swept, 'removed unfinished temporary files');
  await app.listen({ port: config.port, host: config.host });
  await checkpoint('start');
  // an approval whose process died before its recompute left stale marks: catch up before saying "ready"
  const caughtUp = await services.scoring.recomputeStale().catch((err: unknown) => {
    app.log.error({ err }, 'recomputing stale scores at start failed; the scheduled job retries');
    return 0;
  });
  if (caughtUp) app.log.warn({ marks: caughtUp }, 'stale scores recomputed at start');
  if (config.jobsEnabled) {
    // every worker and every app server schedules the jobs; the database lease runs each tick once
    scheduler = startScheduler({ db: database.db, audit, log: app.log }, [
      housekeepingJob(database.db, config.housekeepingCron),
      auditCheckpointJob(audit, config.auditCheckpointCron, config.auditCheckpointDir, app.log),
      scoresStaleJob(services.scoring),
      fileTempsJob(config.dataDir, services.files),
      notificationDeliveriesJob(services.deliveryWorker, config.notifyDeliveryCron),
      notificationRemindersJob(services.notifications, config.notifyReminderCron, () =>
        chinaDate(new Date().toISOString()),
      ),
      caseIdentityEraseJob(services.cases),
      caseCompletionLapseJob(services.cases),
      inspectionJob(services.inspection),
    ]);
  }
  // a worker's banner is the primary's to print, once for all of them
  if (cluster.isWorker) return;
  const address = app.server.address();
  printBanner(config, typeof address === 'object' && address ? address.port : config.port, demo, seeded, [
    process.pid,
  ]);
}

main().catch((err) => {
  console.error('GreenVoice failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
