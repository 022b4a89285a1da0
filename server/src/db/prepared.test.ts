import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app.ts';
import { executePrepared } from './prepared.ts';

describe('executePrepared (decision 108)', () => {
  it('answers as an ordinary execution, and on PostgreSQL is parsed once per connection under its name', async () => {
    const t = await createTestApp();
    try {
      const { db, dialect } = t.database;
      await db.connection().execute(async (conn) => {
        const query = (n: number) =>
          sql<{ code: string }>`SELECT code FROM units WHERE parent_id IS NULL AND ${n} > 0`.compile(conn);
        const plain = await conn.executeQuery(query(1));
        const first = await executePrepared(conn, query(1));
        const second = await executePrepared(conn, query(2));
        expect(first.rows).toEqual(plain.rows);
        expect(second.rows).toEqual(plain.rows);
        if (dialect !== 'postgres') return;
        const named = await sql<{ name: string; statement: string }>`
          SELECT name, statement FROM pg_prepared_statements WHERE starts_with(name, 'gv_')`.execute(conn);
        expect(named.rows).toEqual([
          { name: expect.stringMatching(/^gv_[0-9a-f]{24}$/), statement: query(1).sql },
        ]);
      });
    } finally {
      await t.close();
    }
  });
});
