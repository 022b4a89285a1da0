// Starts GreenVoice: config, database (migrations, demo data on first start), then listen.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';
import { isDatabaseEmpty, seedDemoData } from './demo/seed-demo.ts';
import { seedAirReadingsDemo } from './demo/environment-demo.ts';
import { AUDIT_KEY_ENV, loadAuditKey } from './modules/audit/audit-key.ts';
import { ConfigError } from './config.ts';
import {
  auditCheckpointJob,
  housekeepingJob,
  scoresStaleJob,
  startScheduler,
  type Scheduler,
} from './jobs/scheduler.ts';
import { createServices } from './services.ts';
import { fileTempsJob, sweepFileTemps } from './jobs/file-temps.ts';
import { allFileStores } from './files/file-stores.ts';
import { ROLE_LABELS } from '@greenvoice/common';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dialect: config.dialect,
    pgSchema: config.pgSchema,
  });
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`数据库迁移 Migrations applied: ${applied.join(', ')}`);
  // the app's logger exists once the app is built; the services report through it
  const log = {
    info: (o: object, m: string) => app.log.info(o, m),
    error: (o: object, m: string) => app.log.error(o, m),
  };
  const auditKey = loadAuditKey(config);
  const services = createServices({ config, database, log, auditKey });
  let seeded = false;
  if (config.demoData && (await isDatabaseEmpty(database.db))) {
    await seedDemoData(database.db, services.auditRepo, config.scryptLogN);
    const started = Date.now();
    const hours = await seedAirReadingsDemo(database.db);
    console.log(`演示空气监测数据 Demo air readings: ${hours} hours in ${Date.now() - started} ms`);
    seeded = true;
  }
  const demo = await database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  // A generated key file lies beside the data it protects: good enough for a demonstration only.
  if (!demo && auditKey.source !== AUDIT_KEY_ENV && !(await isDatabaseEmpty(database.db)))
    throw new ConfigError(
      `${AUDIT_KEY_ENV} is required: this installation holds real data (no demo data set), so the audit key must be given from outside the data directory (openssl rand -base64 32; keep a copy off this machine)`,
    );
  const { audit } = services;
  await audit.ensureKeyed();
  const app = await buildApp({ config, database, services, consoleDir: path.join(root, 'web/dist') });
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
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    scheduler?.stop();
    await app.close();
    await checkpoint('shutdown');
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // what a crash or kill left half-written in this machine's file stores
  const fileStores = allFileStores(config.dataDir);
  const swept = await sweepFileTemps(fileStores);
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
    scheduler = startScheduler({ db: database.db, audit, log: app.log }, [
      housekeepingJob(database.db, config.housekeepingCron),
      auditCheckpointJob(audit, config.auditCheckpointCron, config.auditCheckpointDir, app.log),
      scoresStaleJob(services.scoring),
      fileTempsJob(config.dataDir, fileStores),
    ]);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `绿讯 GreenVoice 已启动 — database: ${database.dialect}${database.dialect === 'sqlite' ? ` (${config.databaseUrl})` : ''}`,
    `  门户 Portal:   ${base}/`,
    `  工作台 Console: ${base}/admin`,
    `  API 文档 Docs:  ${base}/api/docs`,
  ];
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

main().catch((err) => {
  console.error('GreenVoice failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
