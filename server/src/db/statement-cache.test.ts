// The SQLite connection's prepared-statement cache (decision 214): a statement prepared once per SQL
// text, a fresh one while the cached one is iterating, the oldest dropped beyond the size, and a
// statement still right after the schema under it changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { withStatementCache } from './rollback-keeps-cause.ts';

const opened: SqliteDatabase.Database[] = [];
function memory() {
  const raw = new SqliteDatabase(':memory:');
  opened.push(raw);
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  raw.exec("INSERT INTO t (name) VALUES ('甲'), ('乙'), ('丙')");
  return raw;
}
afterEach(() => {
  for (const raw of opened.splice(0)) raw.close();
});

describe('the statement cache', () => {
  it('prepares a statement once per SQL text and hands it out again', () => {
    const raw = memory();
    let prepared = 0;
    const counting = new Proxy(raw, {
      get: (target, key) =>
        key === 'prepare'
          ? (s: string) => (prepared++, target.prepare(s))
          : (Reflect.get(target, key, target) as unknown),
    });
    const db = withStatementCache(counting);
    const a = db.prepare('SELECT name FROM t WHERE id = ?');
    const b = db.prepare('SELECT name FROM t WHERE id = ?');
    expect(b).toBe(a);
    expect(prepared).toBe(1);
    expect(b.get(2)).toEqual({ name: '乙' });
    // the rest of the connection is the connection's own
    expect(db.inTransaction).toBe(false);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(raw.pragma('foreign_keys', { simple: true }));
  });

  it('gives a fresh statement while the cached one is iterating, and rows from both are right', () => {
    const db = withStatementCache(memory());
    const text = 'SELECT id, name FROM t ORDER BY id';
    const first = db.prepare(text);
    const outer: number[] = [];
    for (const row of first.iterate() as Iterable<{ id: number }>) {
      outer.push(row.id);
      const inner = db.prepare(text);
      expect(inner).not.toBe(first);
      expect(inner.all()).toHaveLength(3);
    }
    expect(outer).toEqual([1, 2, 3]);
    // once the iteration is over the cached statement is handed out again
    expect(db.prepare(text)).toBe(first);
  });

  it('keeps at most its size, dropping the least recently used', () => {
    const db = withStatementCache(memory(), 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(one); // now the newest
    db.prepare('SELECT 3'); // SELECT 2 goes
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
  });

  it('a cached statement follows a schema change under it', () => {
    const db = withStatementCache(memory());
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: '甲' });
    db.exec("ALTER TABLE t ADD COLUMN county TEXT NOT NULL DEFAULT '武陵区'");
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: '甲', county: '武陵区' });
  });

  it('is what the app’s SQLite database runs its queries through', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-statements-'));
    const handle = await openDatabase({ url: path.join(dir, 'x.db'), dialect: 'sqlite' });
    try {
      const raw = handle.sqlite!;
      let prepared = 0;
      const prepare = raw.prepare.bind(raw);
      raw.prepare = ((s: string) => (prepared++, prepare(s))) as typeof raw.prepare;
      const q = sql<{ n: number }>`SELECT ${41} + 1 AS n`;
      expect((await q.execute(handle.db)).rows).toEqual([{ n: 42 }]);
      expect((await q.execute(handle.db)).rows).toEqual([{ n: 42 }]);
      expect(prepared).toBe(1);
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
