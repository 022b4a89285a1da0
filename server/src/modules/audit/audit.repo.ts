import { sql, type Transaction } from 'kysely';
import type { DB, Dialect } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { containsText, startsWithText } from '../../db/expressions.ts';
import { chainHash, type ChainedFields } from './audit-chain.ts';

export type AuditInsert = Omit<ChainedFields, 'id'>;

export function createAuditRepo(db: DB, dialect: Dialect) {
  return {
    /** Appends one record inside the caller's transaction, extending the hash chain. */
    async append(trx: Transaction<Database>, fields: AuditInsert): Promise<number> {
      // Serialise appends across connections and app servers; SQLite has one writer already. The lock is
      // per schema: installations (and test files) sharing one PostgreSQL database do not wait on each other.
      if (dialect === 'postgres')
        await sql`SELECT pg_advisory_xact_lock(72340001, hashtext(current_schema()))`.execute(trx);
      const head = await trx
        .selectFrom('audit_head')
        .selectAll()
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      const id = head.last_id + 1;
      const hash = chainHash(head.last_hash, { id, ...fields });
      await trx
        .insertInto('audit_log')
        .values({ id, ...fields, prev_hash: head.last_hash, hash })
        .execute();
      await trx
        .updateTable('audit_head')
        .set({ last_id: id, last_hash: hash, count: head.count + 1 })
        .where('id', '=', 1)
        .execute();
      return id;
    },

    async list(
      filter: { action?: string; actor?: string; result?: string; from?: string; to?: string },
      page: number,
      pageSize: number,
    ) {
      let q = db.selectFrom('audit_log');
      if (filter.action) q = q.where(startsWithText('action', filter.action));
      if (filter.actor) q = q.where(containsText('actor_name', filter.actor));
      if (filter.result) q = q.where('result', '=', filter.result);
      if (filter.from) q = q.where('at', '>=', filter.from);
      if (filter.to) q = q.where('at', '<', nextDay(filter.to));
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const items = await q
        .selectAll()
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },

    async head() {
      return db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    },

    /** Streams the whole log in id order, a batch at a time, for verification. */
    async *all(batch = 5000) {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('id', '>', after)
          .orderBy('id')
          .limit(batch)
          .execute();
        if (rows.length === 0) return;
        yield* rows;
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
