// Builds a real GreenVoice for a test: SQLite in a fresh temporary file, or PostgreSQL in a fresh schema
// (TEST_DB=postgres), migrated, optionally seeded with the demo data. Nothing is mocked.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { seedDemoData } from '../demo/seed-demo.ts';
import type { AuditKey } from '../modules/audit/audit-key.ts';
import { createServices, type ServiceDeps, type Services } from '../services.ts';
import { demoAccount, type DemoUsername } from './demo-actors.ts';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const testDialect = (): 'sqlite' | 'postgres' =>
  process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  /** the app's own services (the composition root's), for calling one directly */
  services: Services;
  /** the audit chain's key (a generated key file in the test's DATA_DIR unless AUDIT_HMAC_KEY is given) */
  auditKey: AuditKey;
  /** signs in and returns the cookie header to send with later requests */
  login(username: string, password: string): Promise<string>;
  /** signs in as one of the demo accounts (demo-actors.ts) */
  loginAs(username: DemoUsername): Promise<string>;
  inject(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    demo?: boolean;
    env?: Record<string, string>;
    consoleDir?: string | null;
    services?: Pick<ServiceDeps, 'today' | 'recomputeAfterCommit'>;
  } = {},
): Promise<TestApp> {
  const dialect = testDialect();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-test-'));
  let schema: string | null = null;
  if (dialect === 'postgres') {
    schema = `gv_test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
  }
  const config = loadConfig(
    {
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      SCRYPT_LOG_N: '10',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      PORTAL_RATE_LIMIT_PER_MINUTE: '100000',
      ...(dialect === 'postgres' ? { DATABASE_URL: TEST_PG_URL, PG_SCHEMA: schema! } : {}),
      ...options.env,
    },
    dir,
  );
  const database = await openDatabase({
    url: config.databaseUrl,
    dialect: config.dialect,
    pgSchema: config.pgSchema,
  });
  await migrateToLatest(database.db);
  const quiet = { info: () => {}, error: () => {} };
  const services = createServices({ config, database, log: quiet, ...options.services });
  if (options.demo) await seedDemoData(database.db, services.auditRepo, config.scryptLogN);
  const app = await buildApp({
    config,
    database,
    services,
    consoleDir: options.consoleDir ?? null,
    logger: false,
  });
  await app.ready();

  const inject = ({ cookie, headers, ...rest }: InjectOptions & { cookie?: string }) =>
    app.inject({ ...rest, headers: { ...(headers ?? {}), ...(cookie ? { cookie } : {}) } });

  async function login(username: string, password: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name.endsWith('gv_session'));
    if (!cookie) throw new Error('no session cookie');
    return `${cookie.name}=${cookie.value}`;
  }

  return {
    app,
    database,
    config,
    services,
    auditKey: services.auditKey,
    inject,
    login,
    loginAs: (username: DemoUsername) => login(username, demoAccount(username).password),
    async close() {
      await app.close();
      await database.close();
      if (schema) {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
