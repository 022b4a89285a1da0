import { sql, type Transaction } from 'kysely';
import type { DB, Dialect } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { containsText, startsWithText } from '../../db/expressions.ts';
import {
  CUT_OVER_ACTION,
  headMac,
  recordMac,
  type ChainHead,
  type ChainedFields,
  type CutOverDetail,
} from './audit-chain.ts';
import type { ChainState } from './audit-checkpoints.ts';
import type { AuditKey } from './audit-key.ts';
import { wrongKeyReason } from './audit-verify.ts';

export type AuditInsert = Omit<ChainedFields, 'id'>;

/** How many records the log holds and when the oldest was written (the housekeeping job's report). */
export async function auditLogAge(db: DB): Promise<{ records: number; oldest: string | null }> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .executeTakeFirstOrThrow();
  return { records: Number(row.n), oldest: row.oldest ?? null };
}

export function createAuditRepo(db: DB, dialect: Dialect, key: AuditKey) {
  /** Serialise chain writers across connections and app servers; SQLite has one writer already. */
  async function lockChain(trx: Transaction<Database>) {
    // The lock is per schema: installations (and test files) sharing one PostgreSQL database do not
    // wait on each other.
    if (dialect === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(72340001, hashtext(current_schema()))`.execute(trx);
  }
  const readHead = (q: DB | Transaction<Database>): Promise<ChainHead> =>
    q.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

  async function writeHead(trx: Transaction<Database>, head: Omit<ChainHead, 'mac'>) {
    await trx
      .updateTable('audit_head')
      .set({ ...head, mac: headMac(key.key, head) })
      .where('id', '=', 1)
      .execute();
  }

  async function insert(trx: Transaction<Database>, head: ChainHead, fields: AuditInsert) {
    const id = head.last_id + 1;
    const hash = recordMac(key.key, head.last_hash, { id, ...fields });
    await trx
      .insertInto('audit_log')
      .values({ id, ...fields, prev_hash: head.last_hash, hash })
      .execute();
    return { ...head, last_id: id, last_hash: hash, count: head.count + 1 };
  }

  /**
   * The first keyed append after the upgrade writes the cut-over record first, in the same transaction:
   * its MAC covers the last legacy hash, and it names the key, so the cut cannot move unnoticed.
   */
  async function keyIfNeeded(trx: Transaction<Database>, head: ChainHead, at: string, requestId: string) {
    if (head.keyed_from !== null) return head;
    const detail: CutOverDetail = { algorithm: 'HMAC-SHA-256', keyId: key.id, legacyRecords: head.last_id };
    const keyedHead = { ...head, keyed_from: head.last_id + 1, key_id: key.id };
    return insert(trx, keyedHead, {
      at,
      actor_id: null,
      actor_name: '系统 system',
      actor_roles: '',
      client_ip: 'system',
      action: CUT_OVER_ACTION,
      object_type: 'audit_log',
      object_id: null,
      result: 'success',
      request_id: requestId,
      detail: JSON.stringify(detail),
    });
  }

  async function record(id: number) {
    return db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
  }

  return {
    key,

    /** Appends one record inside the caller's transaction, extending the chain. */
    async append(trx: Transaction<Database>, fields: AuditInsert): Promise<number> {
      await lockChain(trx);
      const stored = await readHead(trx);
      // never extend a chain with another key: those records could not be verified by anyone
      if (stored.key_id && stored.key_id !== key.id) throw new Error(wrongKeyReason(stored.key_id, key));
      const head = await keyIfNeeded(trx, stored, fields.at, fields.request_id);
      const next = await insert(trx, head, fields);
      await writeHead(trx, next);
      return next.last_id;
    },

    /** Keys an upgraded chain at start-up, before anything else is appended (nothing if keyed). */
    async ensureKeyed(at: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await lockChain(trx);
        const head = await readHead(trx);
        if (head.keyed_from === null) await writeHead(trx, await keyIfNeeded(trx, head, at, 'startup'));
      });
    },

    /**
     * Deletes records #(purged_through+1)…#throughId inside the caller's transaction (which appended
     * the purge record). The delete triggers let a row go only while a permit row exists and the row is
     * older than both the permit's date and 180 days; the permit is removed before the commit.
     */
    async purge(trx: Transaction<Database>, throughId: number, macAtCut: string, beforeIso: string) {
      await lockChain(trx);
      const head = await readHead(trx);
      await trx
        .insertInto('audit_purge_permit')
        .values({ id: 1, through_id: throughId, before_at: beforeIso })
        .execute();
      const res = await trx.deleteFrom('audit_log').where('id', '<=', throughId).executeTakeFirst();
      await trx.deleteFrom('audit_purge_permit').execute();
      const deleted = Number(res.numDeletedRows);
      await writeHead(trx, {
        ...head,
        count: head.count - deleted,
        purged_through: throughId,
        purged_mac: macAtCut,
      });
      return deleted;
    },

    async list(
      filter: {
        action?: string;
        actor?: string;
        result?: string;
        from?: string;
        to?: string;
        /** an export pins the log as it was when it started: records written meanwhile do not shift its pages */
        upToId?: number;
      },
      page: number,
      pageSize: number,
    ) {
      let q = db.selectFrom('audit_log');
      if (filter.upToId !== undefined) q = q.where('id', '<=', filter.upToId);
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

    head: (): Promise<ChainHead> => readHead(db),

    /** The last id of the oldest records all older than `beforeIso`: what a purge may remove. */
    async purgeableThrough(beforeIso: string): Promise<number> {
      const head = await readHead(db);
      const young = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.min('id').as('id'))
        .where('at', '>=', beforeIso)
        .executeTakeFirst();
      return young?.id === undefined || young.id === null ? head.last_id : Number(young.id) - 1;
    },

    record,

    /** What the table holds, read directly (not from the head), for comparing with checkpoints. */
    async state(ids: number[]): Promise<ChainState> {
      const range = await db
        .selectFrom('audit_log')
        .select((eb) => [eb.fn.min('id').as('first'), eb.fn.max('id').as('last')])
        .executeTakeFirstOrThrow();
      const firstId = range.first === null ? null : Number(range.first);
      const first = firstId === null ? undefined : await record(firstId);
      const cutOver = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.min('id').as('id'))
        .where('action', '=', CUT_OVER_ACTION)
        .executeTakeFirst();
      const macs = new Map<number, string>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('audit_log')
          .select(['id', 'hash'])
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const r of rows) macs.set(r.id, r.hash);
      }
      return {
        firstId,
        firstPrev: first?.prev_hash ?? null,
        lastId: range.last === null ? 0 : Number(range.last),
        cutOverId: cutOver?.id === undefined || cutOver.id === null ? null : Number(cutOver.id),
        macs,
      };
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
