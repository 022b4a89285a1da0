// Kysely's transaction() rolls back when the callback (or COMMIT) fails and rethrows the original
// error — unless ROLLBACK itself fails, and then the ROLLBACK's error replaces it. That is exactly what
// happens when it matters most: SQLite rolls back by itself on SQLITE_FULL, SQLITE_IOERR or SQLITE_BUSY,
// so the ROLLBACK answers "cannot rollback - no transaction is active" and the full disk was never
// reported; on PostgreSQL a connection that died mid-transaction answers "not queryable" instead of
// 57P01. These drivers keep the cause: the failed ROLLBACK is logged, the original error goes on.
import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  PostgresDialect,
  PostgresDriver,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
  type SqliteDialectConfig,
} from 'kysely';

export interface DatabaseLog {
  warn(obj: object, msg: string): void;
}

class SqliteKeepCauseDriver extends SqliteDriver {
  readonly #raw: SqliteDatabase.Database;
  readonly #log: () => DatabaseLog;
  constructor(config: SqliteDialectConfig, raw: SqliteDatabase.Database, log: () => DatabaseLog) {
    super(config);
    this.#raw = raw;
    this.#log = log;
  }

  // IMMEDIATE takes the write lock at BEGIN, where busy_timeout waits for it. A deferred transaction
  // that reads and then writes fails at once with SQLITE_BUSY when another process wrote in between
  // (WORKERS > 1 on one SQLite file, decision 178); in one process it changes nothing (one connection).
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#raw.inTransaction) return; // SQLite already rolled it back (full disk, I/O error, busy)
    try {
      await super.rollbackTransaction(connection);
    } catch (err) {
      this.#log().warn({ err }, 'SQLite ROLLBACK failed after an error; reporting the original error');
    }
  }
}

/** How many prepared statements one SQLite connection keeps (decision 214). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely's driver sees it, with `prepare` answered from a cache of prepared
 * statements by SQL text. Kysely prepares every query anew, and on a portal page that is about a sixth
 * of the request's time (decision 214). A cached statement is reused only when it is not iterating
 * (a stream, `busy`); then a fresh one is prepared. SQLite re-prepares a statement by itself when the
 * schema changed under it. Least recently used statements go first beyond STATEMENT_CACHE_SIZE.
 */
export function withStatementCache(raw: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source); // moved to the newest end
      cache.set(source, cached);
      return cached;
    }
    const statement = raw.prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return statement;
  };
  // the native methods need the real object as `this`
  return new Proxy(raw, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export class SqliteKeepCauseDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig & { database: SqliteDatabase.Database };
  readonly #log: () => DatabaseLog;
  constructor(config: { database: SqliteDatabase.Database }, log: () => DatabaseLog) {
    super(config);
    this.#config = config;
    this.#log = log;
  }
  override createDriver(): Driver {
    const { database } = this.#config;
    return new SqliteKeepCauseDriver({ database: withStatementCache(database) }, database, this.#log);
  }
}

class PostgresKeepCauseDriver extends PostgresDriver {
  readonly #log: () => DatabaseLog;
  constructor(config: PostgresDialectConfig, log: () => DatabaseLog) {
    super(config);
    this.#log = log;
  }

  override async rollbackTransaction(
    connection: Parameters<PostgresDriver['rollbackTransaction']>[0],
  ): Promise<void> {
    try {
      // on failure Kysely has already marked the connection for discard: the pool drops it
      await super.rollbackTransaction(connection);
    } catch (err) {
      this.#log().warn({ err }, 'PostgreSQL ROLLBACK failed after an error; reporting the original error');
    }
  }
}

export class PostgresKeepCauseDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  readonly #log: () => DatabaseLog;
  constructor(config: PostgresDialectConfig, log: () => DatabaseLog) {
    super(config);
    this.#config = config;
    this.#log = log;
  }
  override createDriver(): Driver {
    return new PostgresKeepCauseDriver(this.#config, this.#log);
  }
}
