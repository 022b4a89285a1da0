// Idempotent creation (docs/security-requirements.md §32): a POST carrying an Idempotency-Key stores its
// answer in the same transaction as what it created. A repeat gets the stored answer; the same key with
// another body gets a 422. The key row is the transaction's first write, so concurrent repeats wait on
// its unique index (PostgreSQL) or on the single writer (SQLite) and then find the stored answer.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { ApiError } from './api-error.ts';
import type { IdempotencyRepo } from './idempotency.repo.ts';

export interface StoredAnswer {
  status: number;
  body: unknown;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** The same request (route and body, key order aside) hashes the same. */
export function requestHash(route: string, body: unknown): string {
  return createHash('sha256')
    .update(route)
    .update('\n')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function createIdempotency(repo: IdempotencyRepo) {
  async function find(personId: number, key: string, hash: string): Promise<StoredAnswer | null> {
    const row = await repo.get(personId, key);
    if (!row || row.status_code === 0) return null;
    if (row.request_hash !== hash) throw new ApiError('IDEMPOTENCY_KEY_REUSED');
    return { status: row.status_code, body: JSON.parse(row.response) };
  }

  return {
    find,

    /** The first write of the creating transaction: takes the key or waits for whoever has it. */
    claim: (trx: Transaction<Database>, personId: number, key: string, hash: string) =>
      repo.claim(trx, personId, key, hash),

    store: (trx: Transaction<Database>, personId: number, key: string, answer: StoredAnswer) =>
      repo.store(trx, personId, key, answer.status, answer.body),
  };
}
export type Idempotency = ReturnType<typeof createIdempotency>;
