// The environment, parsed and validated once. Every variable is documented in README.md ("Configuration").
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** sqlite file path, or a postgres:// URL */
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
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
  if (production && !auditHmacKey)
    throw new ConfigError(
      'AUDIT_HMAC_KEY is required in production (NODE_ENV=production): 32 bytes in base64 (openssl rand -base64 32), kept outside the database and its backups',
    );
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl:
      dialect === 'sqlite'
        ? path.resolve(cwd, databaseUrl.replace(/^(sqlite|file):(\/\/)?/, ''))
        : databaseUrl,
    dialect,
    dataDir,
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
    jobsEnabled: bool(env, 'JOBS_ENABLED', true),
    housekeepingCron: cronPattern(env, 'HOUSEKEEPING_CRON', '0 17 3 * * *'),
    requireTotpForAdmins: bool(env, 'REQUIRE_TOTP_FOR_ADMINS', false),
    totpEncryptionKey: key32(env, 'TOTP_ENCRYPTION_KEY'),
    production,
    auditHmacKey,
    auditCheckpointDir: path.resolve(
      cwd,
      env.AUDIT_CHECKPOINT_DIR || path.join(dataDir, 'audit-checkpoints'),
    ),
    auditCheckpointCron: cronPattern(env, 'AUDIT_CHECKPOINT_CRON', '0 7 * * * *'),
  };
}
