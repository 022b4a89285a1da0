import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { assertSqliteSafety, DatabaseSafetyError, openDatabase } from './database.ts';
import { migrateToLatest } from './migrator.ts';
import { createTestApp, testDialect } from '../test/test-app.ts';

describe('database safety', () => {
  it('opens SQLite with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-db-'));
    const handle = await openDatabase({ url: path.join(dir, 'a.db'), dialect: 'sqlite' });
    await migrateToLatest(handle.db);
    await handle.close();
    const raw = new SqliteDatabase(path.join(dir, 'a.db'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses a SQLite connection without the durability settings', () => {
    const raw = new SqliteDatabase(':memory:');
    expect(() => assertSqliteSafety(raw)).toThrow(DatabaseSafetyError);
    raw.pragma('synchronous = OFF');
    expect(() => assertSqliteSafety(raw)).toThrow(/journal_mode|synchronous/);
    raw.close();
  });

  it('applies migrations once: a second run changes nothing', async () => {
    const t = await createTestApp();
    expect(await migrateToLatest(t.database.db)).toEqual([]);
    expect(t.database.dialect).toBe(testDialect());
    await t.close();
  });

  it('enforces foreign keys', async () => {
    const t = await createTestApp();
    const at = new Date().toISOString();
    await expect(
      t.database.db
        .insertInto('people')
        .values({
          unit_id: 424242,
          name: 'x',
          title: '',
          must_change_password: 0,
          disabled: 0,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    await t.close();
  });
});
