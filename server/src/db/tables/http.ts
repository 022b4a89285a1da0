// Tables of the HTTP layer itself (infrastructure, not a domain module): the stored answers of
// idempotent creation (decision 094). Queries: server/src/http/idempotency.repo.ts.
import type { Generated } from 'kysely';

export interface IdempotencyKeysTable {
  id: Generated<number>;
  person_id: number;
  idem_key: string;
  request_hash: string;
  /** 0 while the creating transaction runs (the key is claimed, the answer not yet stored) */
  status_code: number;
  response: string;
  created_at: string;
}
