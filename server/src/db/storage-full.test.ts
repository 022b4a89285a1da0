// A full disk under SQLite (hardening issue item 17, decision 060): on a real, small file system
// (tmpfs) holding DATA_DIR, filled to the last byte, a write answers 507 STORAGE_FULL in the one error
// shape — not 500 "cannot rollback", which hid SQLITE_FULL — and leaves nothing half-written: every
// table's row count, the integrity check and the audit chain are as before. Once space is freed the
// same request succeeds. Needs root to mount (skipped, and reported so, otherwise); PostgreSQL's disk
// is not ours to fill, so its 53100 is covered by database-failures.test.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../scripts/lib/database-check.ts';
import { createTestApp, testDialect, type TestApp } from '../test/test-app.ts';

function mountTmpfs(dir: string, size: string): string | null {
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `mount -t tmpfs failed: ${String(err).slice(0, 120)}`;
  }
}

/** Writes until the file system refuses another byte; returns the filler's path. */
function fillUp(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          if (fs.writeSync(fd, chunk) < size) break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

const dir = testDialect() === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'gv-full-')) : '';
const why = testDialect() !== 'sqlite' ? 'SQLite only' : mountTmpfs(dir, '24m');
if (why && dir) fs.rmSync(dir, { recursive: true, force: true });

describe.skipIf(why !== null)(`a full disk under SQLite${why ? ` — skipped: ${why}` : ''}`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { DATA_DIR: dir } });
    admin = await t.loginAs('admin');
  });
  afterAll(async () => {
    await t?.close();
    execFileSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 507 STORAGE_FULL, writes nothing, and works again once there is room', async () => {
    expect(t.config.databaseUrl.startsWith(dir)).toBe(true);
    // an empty WAL: the next commit must take new space
    t.database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const before = await checkDatabase(t.database, t.auditKey);
    const filler = fillUp(dir);
    const body = { name: '磁盘已满演练', level: 'municipal', medium: 'web' };

    const res = await t.inject({ method: 'POST', url: '/api/v1/outlets', cookie: admin, payload: body });
    expect(res.statusCode, res.body).toBe(507);
    expect(res.json()).toMatchObject({
      code: 'STORAGE_FULL',
      message: expect.stringContaining('存储空间已满'),
      messageEn: expect.stringContaining('storage is full'),
      requestId: res.headers['x-request-id'],
    });
    const during = await checkDatabase(t.database, t.auditKey);
    expect(during.problems).toEqual([]);
    expect(during.rowCounts).toEqual(before.rowCounts);

    fs.rmSync(filler);
    const again = await t.inject({ method: 'POST', url: '/api/v1/outlets', cookie: admin, payload: body });
    expect(again.statusCode).toBe(201);
    const after = await checkDatabase(t.database, t.auditKey);
    expect(after.problems).toEqual([]);
    expect(after.rowCounts.outlets).toBe(before.rowCounts.outlets! + 1);
  });
});
