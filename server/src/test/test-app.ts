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
import type { Role } from '@greenvoice/common';
import { nowIso, openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { seedDemoData } from '../demo/seed-demo.ts';
import type { AuditKey } from '../modules/audit/audit-key.ts';
import { createAuthRepo } from '../modules/auth/auth.repo.ts';
import { hashPassword } from '../modules/auth/password-hash.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { createServices, type ServiceDeps, type Services } from '../services.ts';
import { SEED_NOTICE } from '../demo/portal-seed-notice.ts';
import { demoAccount, type DemoUsername } from './demo-actors.ts';

/** the password of every account a test makes (`addAccount`, `newAccount`) */
export const TEST_PASSWORD = 'Qingshan-Lvshui-7391';

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
  /**
   * A person of the test's own in the unit with this code, with these roles, signing in with
   * TEST_PASSWORD (no change asked): a test that needs credentials makes them, never reads the demo's.
   * Answers the person's id.
   */
  addAccount(username: string, roles: Role | Role[], unitCode: string): Promise<number>;
  /** addAccount, then signs in: answers the cookie */
  newAccount(username: string, roles: Role | Role[], unitCode: string): Promise<string>;
  inject(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  /** the id of the person with this user name (a demo account or one the test made) */
  personId(username: string): Promise<number>;
  /** the id of the unit with this code ('CD-WL') */
  unitId(code: string): Promise<number>;
  /** the id of the demo's seed notice on the portal (SEED_NOTICE), for the portal tests' article pages */
  seedNoticeId(): Promise<number>;
  /** POST /api/v1/people/:id/account (unlock, disable, enable, resetPassword, endSessions) as `cookie` */
  accountAction(
    cookie: string,
    username: string,
    body: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
  /** POST /api/v1/people as `cookie`: a person in the unit with this code, with a sign-in account */
  createAccount(
    cookie: string,
    person: { unitCode: string; name: string; username: string; initialPassword: string; roles?: string[] },
  ): Promise<LightMyRequestResponse>;
  /** POST /api/v1/auth/change-password as the cookie's person */
  changePassword(
    cookie: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<LightMyRequestResponse>;
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

  async function personId(username: string) {
    const row = await database.db
      .selectFrom('people')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function unitId(code: string) {
    const row = await database.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  // through the owners' own writes (people, roles, password and its history), as the console makes one
  async function addAccount(username: string, roles: Role | Role[], unitCode: string) {
    const at = nowIso();
    const hash = await hashPassword(TEST_PASSWORD, config.scryptLogN);
    const people = createPeopleRepo(database.db);
    const unit = await unitId(unitCode);
    return database.db.transaction().execute(async (trx) => {
      const id = await people.insert(trx, {
        unit_id: unit,
        name: `${username}（测试）`,
        title: '测试',
        mobile: null,
        username,
        must_change_password: 0,
        disabled: 0,
        is_demo: 0,
        created_at: at,
        updated_at: at,
      });
      await people.setRoles(trx, id, [roles].flat(), at);
      await createAuthRepo(database.db).setPasswordHash(trx, id, hash, false);
      return id;
    });
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
    personId,
    unitId,
    async seedNoticeId() {
      const row = await database.db
        .selectFrom('portal_articles')
        .select('id')
        .where('title', '=', SEED_NOTICE.title)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    addAccount,
    async newAccount(username, roles, unitCode) {
      await addAccount(username, roles, unitCode);
      return login(username, TEST_PASSWORD);
    },
    async accountAction(cookie: string, username: string, body: Record<string, unknown>) {
      const id = await personId(username);
      return inject({ method: 'POST', url: `/api/v1/people/${id}/account`, cookie, payload: body });
    },
    async createAccount(cookie, { unitCode, roles = ['officer'], ...rest }) {
      const payload = { unitId: await unitId(unitCode), roles, ...rest };
      return inject({ method: 'POST', url: '/api/v1/people', cookie, payload });
    },
    changePassword: (cookie: string, currentPassword: string, newPassword: string) =>
      inject({
        method: 'POST',
        url: '/api/v1/auth/change-password',
        cookie,
        payload: { currentPassword, newPassword },
      }),
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
