// Queries on idempotency_keys, the table of the HTTP layer's idempotent creation (decision 094: an
// infrastructure repository beside http/idempotency.ts, as db/ is for the database layer).
import type { Transaction } from 'kysely';
import type { DB } from '../db/database.ts';
import { nowIso } from '../db/database.ts';
import type { Database } from '../db/types.ts';

export function createIdempotencyRepo(db: DB) {
  return {
    async get(personId: number, key: string) {
      return db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('person_id', '=', personId)
        .where('idem_key', '=', key)
        .executeTakeFirst();
    },

    /** The key row with no answer yet (status 0); its unique index makes a concurrent repeat wait. */
    async claim(trx: Transaction<Database>, personId: number, key: string, hash: string) {
      await trx
        .insertInto('idempotency_keys')
        .values({
          person_id: personId,
          idem_key: key,
          request_hash: hash,
          status_code: 0,
          response: '',
          created_at: nowIso(),
        })
        .execute();
    },

    async store(trx: Transaction<Database>, personId: number, key: string, status: number, body: unknown) {
      await trx
        .updateTable('idempotency_keys')
        .set({ status_code: status, response: JSON.stringify(body) })
        .where('person_id', '=', personId)
        .where('idem_key', '=', key)
        .execute();
    },

    /** Forgets answers stored before `before` (the sweeper: a repeat a day later is a new request). */
    async purgeBefore(before: string) {
      await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
    },
  };
}
export type IdempotencyRepo = ReturnType<typeof createIdempotencyRepo>;
