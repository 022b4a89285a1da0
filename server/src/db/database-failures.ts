// Which driver and file-system errors mean "the database (or the disk) is not there right now" rather
// than a fault in GreenVoice: they answer 503 DATABASE_UNAVAILABLE or 507 STORAGE_FULL in the one error
// shape (plugins/errors.ts) instead of 500, and the process keeps running (decision 060).

export type DatabaseFailure = 'unavailable' | 'storage-full';

/**
 * Socket errors of a connection we made (they carry the failed `syscall`: connect, read, write,
 * getaddrinfo). Node's error for a *client* that hung up mid-request is also ECONNRESET but has no
 * syscall: that one is not the database's.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** PostgreSQL's 57P01–57P03 and 53300, SQLite still locked after its busy timeout. */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
  'SQLITE_BUSY',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
]);

/** SQLite's full disk, PostgreSQL's 53100 disk_full, the file stores' ENOSPC and quota. */
const STORAGE_FULL_CODES = new Set(['SQLITE_FULL', '53100', 'ENOSPC', 'EDQUOT']);

/**
 * What pg and pg-pool say when a connection dies or cannot be had; they carry no code.
 * ("not queryable": a client whose socket already failed; "discarded": Kysely after a failed rollback.)
 */
const UNAVAILABLE_MESSAGES =
  /^Connection terminated|timeout exceeded when trying to connect|is not queryable|Postgres connection has been discarded/;

export function databaseFailure(err: unknown): DatabaseFailure | null {
  // the real cause may sit under `cause` (pg-pool's timeout) or in `errors` (Node's AggregateError when
  // localhost resolves to both ::1 and 127.0.0.1)
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && seen.size < 10) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, syscall, message, cause, errors } = e as {
      code?: unknown;
      syscall?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      if (STORAGE_FULL_CODES.has(code)) return 'storage-full';
      if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return 'unavailable'; // 08xxx: connection exception
      if (SOCKET_CODES.has(code) && typeof syscall === 'string') return 'unavailable';
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'unavailable';
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return null;
}
