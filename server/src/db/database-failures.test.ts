// Which errors become 503 DATABASE_UNAVAILABLE and 507 STORAGE_FULL (decision 060). Real errors where a
// test can make them (a refused connection, a locked SQLite file, a write to /dev/full, SQLite's page
// limit); PostgreSQL's server-side codes by their documented SQLSTATE.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toApiError } from '../plugins/errors.ts';
import { databaseFailure } from './database-failures.ts';

const caught = async (f: () => unknown): Promise<Error> => {
  try {
    await f();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
};
const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code, severity: 'FATAL' });

describe('database failures', () => {
  it('a refused PostgreSQL connection is "unavailable" and answers 503 with Retry-After', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    const err = await caught(() => client.connect());
    expect(databaseFailure(err)).toBe('unavailable');
    const api = toApiError(err as FastifyError);
    expect(api).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
    expect(Number(api.headers?.['retry-after'])).toBeGreaterThan(0);
  });

  it('PostgreSQL ending or refusing sessions, pool time-outs and dead clients are "unavailable"', () => {
    for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001', '08003'])
      expect(databaseFailure(pgError(code)), code).toBe('unavailable');
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
    ])
      expect(databaseFailure(new Error(message)), message).toBe('unavailable');
    // the cause may be wrapped
    const refused = Object.assign(new Error('x'), { code: 'ECONNREFUSED', syscall: 'connect' });
    const aggregate = Object.assign(new AggregateError([refused], 'x'), { code: 'ECONNREFUSED' });
    expect(databaseFailure(aggregate)).toBe('unavailable');
    expect(databaseFailure(new Error('wrapped', { cause: pgError('57P01') }))).toBe('unavailable');
  });

  it('SQLite still locked after its busy timeout is "unavailable"', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gv-busy-')), 'a.db');
    const a = new SqliteDatabase(file);
    const b = new SqliteDatabase(file, { timeout: 0 });
    a.exec('CREATE TABLE t (x); BEGIN IMMEDIATE');
    let err: unknown;
    try {
      b.exec('INSERT INTO t VALUES (1)');
    } catch (e) {
      err = e;
    }
    a.exec('ROLLBACK');
    a.close();
    b.close();
    expect((err as { code: string }).code).toMatch(/^SQLITE_BUSY/);
    expect(databaseFailure(err)).toBe('unavailable');
  });

  it('a full disk — SQLite, PostgreSQL 53100, ENOSPC from a file store — is "storage-full", 507', async () => {
    const raw = new SqliteDatabase(':memory:');
    raw.exec('CREATE TABLE t (x)');
    raw.pragma(`max_page_count = ${raw.pragma('page_count', { simple: true }) as number}`);
    let sqliteFull: unknown;
    try {
      raw.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    } catch (e) {
      sqliteFull = e;
    }
    raw.close();
    expect((sqliteFull as { code: string }).code).toBe('SQLITE_FULL');
    const enospc = await caught(() => fs.promises.writeFile('/dev/full', 'x'));
    expect((enospc as NodeJS.ErrnoException).code).toBe('ENOSPC');
    for (const err of [sqliteFull, pgError('53100'), enospc]) {
      expect(databaseFailure(err)).toBe('storage-full');
      expect(toApiError(err as FastifyError)).toMatchObject({ code: 'STORAGE_FULL', status: 507 });
    }
  });

  it('everything else is not a database failure', () => {
    for (const err of [
      new Error('boom'),
      pgError('23505'), // unique violation: the client's conflict
      pgError('42P01'), // undefined table: our fault, 500
      Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }),
      Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), // a client that hung up mid-upload
      null,
      'a string',
    ])
      expect(databaseFailure(err)).toBeNull();
    expect(toApiError(pgError('42P01') as unknown as FastifyError).status).toBe(500);
  });
});
