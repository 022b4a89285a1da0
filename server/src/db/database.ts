// The database: SQLite (better-sqlite3, the default) or PostgreSQL (pg) when DATABASE_URL says so.
// Durability settings are checked at start-up; GreenVoice refuses to run without them
// (docs/security-requirements.md §30). A lost PostgreSQL connection is logged and replaced, never fatal
// (decision 060).
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { pg } from '../lazy-packages.ts';
import { Kysely, sql } from 'kysely';
import type { Database } from './types.ts';
import { namePreparedStatements } from './prepared.ts';
import {
  PostgresKeepCauseDialect,
  SqliteKeepCauseDialect,
  type DatabaseLog,
} from './rollback-keeps-cause.ts';

export type Dialect = 'sqlite' | 'postgres';
export type DB = Kysely<Database>;

export interface DatabaseHandle {
  db: DB;
  dialect: Dialect;
  /** SQLite only: the driver itself, for prepared statements on hot read paths (the portal) */
  sqlite?: SqliteDatabase.Database;
  /** where connection losses are logged: stderr until the app hands over its logger */
  useLog(log: DatabaseLog): void;
  close(): Promise<void>;
}

/** Until the app's logger is known (start-up, scripts): one line on stderr. */
const stderrLog: DatabaseLog = {
  warn: (obj, msg) => {
    const err = (obj as { err?: Error }).err;
    console.warn(`${msg}${err ? `: ${err.message}` : ''}`);
  },
};

/** How long a request waits for a PostgreSQL connection before it answers 503 DATABASE_UNAVAILABLE. */
export const PG_CONNECT_TIMEOUT_MS = 5000;

export class DatabaseSafetyError extends Error {}

export async function openDatabase(options: {
  url: string;
  dialect: Dialect;
  pgSchema?: string | null;
}): Promise<DatabaseHandle> {
  return options.dialect === 'postgres'
    ? openPostgres(options.url, options.pgSchema ?? null)
    : openSqlite(options.url);
}

function openSqlite(file: string): DatabaseHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Deleted personal data is overwritten, not left in free pages (docs/security-requirements.md §29).
  raw.pragma('secure_delete = ON');
  assertSqliteSafety(raw);
  let log = stderrLog;
  const db = new Kysely<Database>({ dialect: new SqliteKeepCauseDialect({ database: raw }, () => log) });
  return {
    db,
    dialect: 'sqlite',
    sqlite: raw,
    useLog: (l) => (log = l),
    close: () => db.destroy(),
  };
}

export function assertSqliteSafety(raw: SqliteDatabase.Database): void {
  const expected: Array<[string, unknown]> = [
    ['journal_mode', 'wal'],
    ['synchronous', 2],
    ['foreign_keys', 1],
  ];
  for (const [name, want] of expected) {
    const got = raw.pragma(name, { simple: true });
    if (got !== want)
      throw new DatabaseSafetyError(`SQLite ${name} is ${String(got)}, expected ${String(want)}`);
  }
  const busy = raw.pragma('busy_timeout', { simple: true }) as number;
  if (busy < 5000) throw new DatabaseSafetyError(`SQLite busy_timeout is ${busy} ms, expected at least 5000`);
}

/** `greenvoice <schema> <pid>`: which installation and process a PostgreSQL backend serves. */
export function pgApplicationName(schema: string | null, pid = process.pid): string {
  return `greenvoice ${schema ?? 'public'} ${pid}`.slice(0, 63); // PostgreSQL keeps 63 bytes
}

async function openPostgres(url: string, schema: string | null): Promise<DatabaseHandle> {
  const { Pool, types } = pg(); // loaded only for PostgreSQL: an SQLite installation never holds it
  // COUNT(*) and SUM() come back as int8; our counts fit a JS number comfortably.
  types.setTypeParser(20, (v) => Number(v));
  let log = stderrLog;
  const pool = new Pool({
    connectionString: url,
    max: 10,
    application_name: pgApplicationName(schema),
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    keepAlive: true,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection PostgreSQL ends (restart, failover, pg_terminate_backend, idle_session_timeout, a
  // network drop) makes its client emit 'error', and an 'error' nobody listens to ends the process. The
  // pool relays an idle client's error as its own and drops the client; a client checked out by a
  // request is not the pool's to watch, so each client gets its own listener (its query fails with the
  // cause anyway). The next checkout opens a fresh connection: recovery needs nothing else (decision 060).
  pool.on('error', () => {}); // logged by the client's own listener below
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err }, 'PostgreSQL connection lost; it is replaced on next use'));
    namePreparedStatements(client as unknown as Parameters<typeof namePreparedStatements>[0]);
  });
  const db = new Kysely<Database>({ dialect: new PostgresKeepCauseDialect({ pool }, () => log) });
  try {
    const fsync = await sql<{ fsync: string }>`SHOW fsync`.execute(db);
    const commit = await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(db);
    if (fsync.rows[0]?.fsync !== 'on') throw new DatabaseSafetyError('PostgreSQL fsync is off');
    if (commit.rows[0]?.synchronous_commit === 'off')
      throw new DatabaseSafetyError('PostgreSQL synchronous_commit is off');
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect: 'postgres', useLog: (l) => (log = l), close: () => db.destroy() };
}

/** The current time as stored: ISO-8601 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}
