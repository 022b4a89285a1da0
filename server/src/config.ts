// The environment, parsed and validated once. Every variable is documented in README.md ("Configuration").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STORE_NAMES } from './files/file-stores.ts';

export interface Config {
  port: number;
  /** server processes sharing the port (node:cluster, decision 178); 1 = this process serves alone */
  workers: number;
  host: string;
  /** sqlite file path, or a postgres:// URL */
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
  /**
   * where uploaded files are kept (decision 184): 'database' (the default on PostgreSQL; app servers
   * share nothing on disk) or 'disk' under DATA_DIR (the default on SQLite)
   */
  fileStore: 'disk' | 'database';
  publicUrl: string | null;
  cookieSecure: boolean;
  trustProxy: string[] | false;
  logLevel: string;
  /** seed the demo data set into an empty database */
  demoData: boolean;
  scryptLogN: number;
  sessionIdleMinutes: number;
  sessionAdminIdleMinutes: number;
  sessionAbsoluteHours: number;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  /** portal requests a client may make per minute that are not answered from the byte cache */
  portalRateLimitPerMinute: number;
  redisUrl: string | null;
  /** extra PostgreSQL search_path (tests give each file its own schema) */
  pgSchema: string | null;
  /** keep rendered portal pages as bytes (PORTAL_CACHE=off to measure without) */
  portalCache: boolean;
  /** code of the unit whose website the portal is; default the root of the unit tree */
  portalSiteUnit: string | null;
  portalReadFlushSeconds: number;
  portalPollMs: number;
  /** hours after which the newest hourly air reading is called late on the portal (decision 102) */
  portalAirFreshHours: number;
  /** days after which the newest surface-water reading is called late (monthly sampling) */
  portalWaterFreshDays: number;
  /** check the portal's external links over the network (decision 188); off: counted as unchecked */
  inspectionExternalLinks: boolean;
  /** tests only, refused in production: private addresses the link checker may ask (a local receiver) */
  inspectionLinkAllow: string[];
  /** run the scheduled jobs in this process (several servers may: a database lease picks one a tick) */
  jobsEnabled: boolean;
  /** when the housekeeping job runs (croner pattern, China time) */
  housekeepingCron: string;
  /** admins (and audit administrators) must enrol a second factor before anything else */
  requireTotpForAdmins: boolean;
  /** base64 32-byte key that encrypts TOTP secrets at rest; null stores them in the clear */
  totpEncryptionKey: Buffer | null;
  /** NODE_ENV=production: secrets that a demo installation may generate must be given */
  production: boolean;
  /** base64 32-byte HMAC key of the audit chain; null: a demo installation's key file (decision 070) */
  auditHmacKey: Buffer | null;
  /** where signed audit checkpoints are appended (JSON lines) */
  auditCheckpointDir: string;
  /** when a signed audit checkpoint is written (croner pattern, China time) */
  auditCheckpointCron: string;
  /** how often the notification outbox is sent (croner pattern, China time; decision 120) */
  notifyDeliveryCron: string;
  /** when the daily reminder rules run (croner pattern, China time) */
  notifyReminderCron: string;
  /** how long one delivery attempt (webhook, gateway, SMTP) may take */
  notifySendTimeoutMs: number;
  /**
   * base64 32-byte key that encrypts reporters' identities and keys the query-code hashes; null: a demo
   * installation's key file DATA_DIR/keys/cases.key (docs/public-interaction.md)
   */
  casesKey: Buffer | null;
  /** days after a case is closed that the reporter's identity and contact are kept, then erased */
  caseIdentityRetentionDays: number;
  /** working days within which a mailbox letter or a consultation is answered */
  caseLetterReplyWorkingDays: number;
  /** public case intakes one client may file in an hour before the challenge is shown / before 429 */
  caseIntakeChallengeAfter: number;
  caseIntakePerHour: number;
  /** tracking-number + query-code look-ups one client may try a minute */
  caseLookupsPerMinute: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

function cronPattern(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  if (!/^[\d*,/\-?LW#A-Za-z]+( [\d*,/\-?LW#A-Za-z]+){4,6}$/.test(raw))
    throw new ConfigError(`${name} must be a cron pattern such as "0 17 3 * * *" (got "${raw}")`);
  return raw;
}

function key32(env: NodeJS.ProcessEnv, name: string): Buffer | null {
  const raw = env[name];
  if (!raw) return null;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new ConfigError(
      `${name} must be 32 bytes in base64 (openssl rand -base64 32); got ${key.length} bytes`,
    );
  return key;
}

/**
 * Where files live when FILE_STORE is not set (decision 184): in the database on PostgreSQL, so that app
 * servers share nothing on disk — unless this installation already keeps files under DATA_DIR from before
 * that default. Switching it then would hide every existing file until `npm run files:migrate -- --to
 * database` copies them; so such an installation stays on disk until its operator migrates or chooses.
 */
function defaultFileStore(dialect: 'sqlite' | 'postgres', dataDir: string): 'disk' | 'database' {
  if (dialect === 'sqlite') return 'disk';
  const hasFiles = (dir: string): boolean => {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .some((e) => (e.isDirectory() ? hasFiles(path.join(dir, e.name)) : true));
    } catch {
      return false;
    }
  };
  return Object.values(STORE_NAMES).some((name) => hasFiles(path.join(dataDir, name))) ? 'disk' : 'database';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  const databaseUrl = env.DATABASE_URL || path.join(dataDir, 'greenvoice.db');
  const dialect = /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : null;
  if (publicUrl && !/^https?:\/\/[^/]+$/.test(publicUrl)) {
    throw new ConfigError(
      `PUBLIC_URL must be an origin such as https://hbj.example.gov.cn (got "${publicUrl}")`,
    );
  }
  const trustProxyRaw = env.TRUST_PROXY?.trim();
  const production = env.NODE_ENV === 'production';
  const auditHmacKey = key32(env, 'AUDIT_HMAC_KEY');
  const casesKey = key32(env, 'CASES_KEY');
  if (production && !casesKey)
    throw new ConfigError(
      'CASES_KEY is required in production (NODE_ENV=production): 32 bytes in base64 (openssl rand -base64 32); it encrypts reporters’ identities, kept outside the database and its backups',
    );
  if (production && !auditHmacKey)
    throw new ConfigError(
      'AUDIT_HMAC_KEY is required in production (NODE_ENV=production): 32 bytes in base64 (openssl rand -base64 32), kept outside the database and its backups',
    );
  const fileStore = env.FILE_STORE?.trim() || defaultFileStore(dialect, dataDir);
  if (fileStore !== 'disk' && fileStore !== 'database')
    throw new ConfigError(`FILE_STORE must be disk or database (got "${env.FILE_STORE}")`);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    // production uses every core; the demo and development stay one process (one log, one debugger)
    workers: int(env, 'WORKERS', production ? os.availableParallelism() : 1, 1, 256),
    host: env.HOST || '0.0.0.0',
    databaseUrl:
      dialect === 'sqlite'
        ? path.resolve(cwd, databaseUrl.replace(/^(sqlite|file):(\/\/)?/, ''))
        : databaseUrl,
    dialect,
    dataDir,
    fileStore,
    publicUrl,
    cookieSecure: bool(env, 'COOKIE_SECURE', publicUrl?.startsWith('https://') ?? false),
    trustProxy: trustProxyRaw ? trustProxyRaw.split(',').map((s) => s.trim()) : false,
    logLevel: env.LOG_LEVEL || 'info',
    demoData: bool(env, 'DEMO_DATA', true),
    scryptLogN: int(env, 'SCRYPT_LOG_N', 15, 10, 20),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 30),
    sessionAdminIdleMinutes: int(env, 'SESSION_ADMIN_IDLE_MINUTES', 15, 1, 15),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 8, 1, 8),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 10, 1_000_000),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 1_000_000),
    portalRateLimitPerMinute: int(env, 'PORTAL_RATE_LIMIT_PER_MINUTE', 300, 10, 1_000_000),
    redisUrl: env.REDIS_URL || null,
    pgSchema: env.PG_SCHEMA || null,
    portalCache: bool(env, 'PORTAL_CACHE', true),
    portalSiteUnit: env.PORTAL_SITE_UNIT || null,
    portalReadFlushSeconds: int(env, 'PORTAL_READ_FLUSH_SECONDS', 60, 1, 3600),
    portalPollMs: int(env, 'PORTAL_POLL_MS', 2000, 100, 60_000),
    portalAirFreshHours: int(env, 'PORTAL_AIR_FRESH_HOURS', 3, 1, 24 * 365),
    portalWaterFreshDays: int(env, 'PORTAL_WATER_FRESH_DAYS', 45, 1, 3650),
    inspectionExternalLinks: bool(env, 'INSPECTION_EXTERNAL_LINKS', false),
    inspectionLinkAllow: linkAllow(env, production),
    jobsEnabled: bool(env, 'JOBS_ENABLED', true),
    housekeepingCron: cronPattern(env, 'HOUSEKEEPING_CRON', '0 17 3 * * *'),
    requireTotpForAdmins: bool(env, 'REQUIRE_TOTP_FOR_ADMINS', false),
    totpEncryptionKey: key32(env, 'TOTP_ENCRYPTION_KEY'),
    production,
    auditHmacKey,
    casesKey,
    caseIdentityRetentionDays: int(env, 'CASE_IDENTITY_RETENTION_DAYS', 730, 1, 36_500),
    caseLetterReplyWorkingDays: int(env, 'CASE_LETTER_REPLY_WORKING_DAYS', 15, 1, 60),
    caseIntakeChallengeAfter: int(env, 'CASE_INTAKE_CHALLENGE_AFTER', 3, 0, 1_000_000),
    caseIntakePerHour: int(env, 'CASE_INTAKE_PER_HOUR', 20, 1, 1_000_000),
    caseLookupsPerMinute: int(env, 'CASE_LOOKUPS_PER_MINUTE', 10, 1, 1_000_000),
    auditCheckpointDir: path.resolve(
      cwd,
      env.AUDIT_CHECKPOINT_DIR || path.join(dataDir, 'audit-checkpoints'),
    ),
    auditCheckpointCron: cronPattern(env, 'AUDIT_CHECKPOINT_CRON', '0 7 * * * *'),
    notifyDeliveryCron: cronPattern(env, 'NOTIFY_DELIVERY_CRON', '45 * * * * *'),
    notifyReminderCron: cronPattern(env, 'NOTIFY_REMINDER_CRON', '0 30 8 * * *'),
    notifySendTimeoutMs: int(env, 'NOTIFY_SEND_TIMEOUT_MS', 10_000, 100, 120_000),
  };
}

function linkAllow(env: NodeJS.ProcessEnv, production: boolean): string[] {
  const list = (env.INSPECTION_LINK_ALLOW ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // the SSRF guard is not switched off where it matters
  if (production && list.length)
    throw new Error(
      'INSPECTION_LINK_ALLOW is for tests only and refused in production (NODE_ENV=production)',
    );
  return list;
}
