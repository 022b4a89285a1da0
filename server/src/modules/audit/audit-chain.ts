// The audit log's hash chain: each record's hash covers its own fields and the previous record's hash,
// so changing, deleting or reordering any record breaks every hash after it.
import { createHash } from 'node:crypto';

export interface ChainedFields {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_roles: string;
  client_ip: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  request_id: string;
  detail: string | null;
}

export function chainHash(prevHash: string, r: ChainedFields): string {
  const canonical = JSON.stringify([
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.actor_roles,
    r.client_ip,
    r.action,
    r.object_type,
    r.object_id,
    r.result,
    r.request_id,
    r.detail,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface VerifyOutcome {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  reason: string | null;
}

/** Walks records in id order; `head` is the stored chain head (last id, last hash, count). */
export async function verifyChain(
  records:
    | AsyncIterable<ChainedFields & { prev_hash: string; hash: string }>
    | Iterable<ChainedFields & { prev_hash: string; hash: string }>,
  head: { last_id: number; last_hash: string; count: number },
): Promise<VerifyOutcome> {
  let prev = '';
  let checked = 0;
  let lastId = 0;
  for await (const r of records) {
    if (r.id <= lastId) return { ok: false, checked, firstBadId: r.id, reason: 'records out of order' };
    if (r.prev_hash !== prev)
      return {
        ok: false,
        checked,
        firstBadId: r.id,
        reason: 'previous-hash link broken (a record was deleted, inserted or reordered)',
      };
    if (chainHash(prev, r) !== r.hash)
      return {
        ok: false,
        checked,
        firstBadId: r.id,
        reason: 'record content does not match its hash (changed)',
      };
    prev = r.hash;
    lastId = r.id;
    checked++;
  }
  if (checked !== head.count || lastId !== head.last_id || prev !== head.last_hash) {
    return {
      ok: false,
      checked,
      firstBadId: null,
      reason: `chain head says ${head.count} records ending at #${head.last_id}; found ${checked} ending at #${lastId} (newest records deleted?)`,
    };
  }
  return { ok: true, checked, firstBadId: null, reason: null };
}
