// Walks the audit log in id order and checks every link, every MAC (legacy hashes before the cut-over),
// the cut-over, the purge line and the head. What a walk of the database alone cannot see — the newest
// records deleted and an old head put back — the signed checkpoints outside it show (audit-checkpoints.ts).
import {
  CUT_OVER_ACTION,
  PURGE_ACTION,
  headMac,
  legacyHash,
  recordMac,
  type ChainHead,
  type ChainedFields,
  type CutOverDetail,
  type PurgeDetail,
} from './audit-chain.ts';
import type { AuditKey } from './audit-key.ts';

export type StoredRecord = ChainedFields & { prev_hash: string; hash: string };

export interface ChainWalk {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  reason: string | null;
  lastId: number;
  keyedFrom: number | null;
}

export function wrongKeyReason(recordedId: string, key: AuditKey): string {
  return `wrong key: the chain was keyed with key id ${recordedId}, this key (${key.source}) has id ${key.id} — set the AUDIT_HMAC_KEY the log was written with`;
}

export async function verifyChain(
  records: AsyncIterable<StoredRecord> | Iterable<StoredRecord>,
  head: ChainHead,
  key: AuditKey,
): Promise<ChainWalk> {
  const walk: ChainWalk = {
    ok: false,
    checked: 0,
    firstBadId: null,
    reason: null,
    lastId: head.purged_through,
    keyedFrom: null,
  };
  const bad = (id: number | null, reason: string) => ({ ...walk, firstBadId: id, reason });
  // the head first: with the wrong key nothing else can be judged
  if (head.key_id && head.key_id !== key.id) return bad(null, wrongKeyReason(head.key_id, key));
  if ((head.keyed_from !== null || head.mac) && headMac(key.key, head) !== head.mac)
    return bad(null, 'chain head rewritten: its MAC does not match (changed without the key)');
  // A purge that reached past the cut-over leaves only keyed records.
  let keyed = head.keyed_from !== null && head.keyed_from <= head.purged_through;
  if (keyed) walk.keyedFrom = head.keyed_from;
  let prev = head.purged_mac;
  let expectedId = head.purged_through + 1;
  let lastPurge: PurgeDetail | null = null;
  for await (const r of records) {
    if (r.id < expectedId) return bad(r.id, 'records out of order, or present below the purge line');
    if (r.id > expectedId) return bad(r.id, `records #${expectedId}–#${r.id - 1} are missing (deleted)`);
    if (r.prev_hash !== prev)
      return bad(r.id, 'previous-MAC link broken (a record was deleted, inserted or reordered)');
    if (r.action === CUT_OVER_ACTION) {
      if (keyed) return bad(r.id, `a second cut-over record (the chain was keyed at #${walk.keyedFrom})`);
      const detail = JSON.parse(r.detail ?? '{}') as CutOverDetail;
      if (detail.keyId !== key.id) return bad(r.id, wrongKeyReason(detail.keyId, key));
      if (head.keyed_from !== r.id)
        return bad(r.id, `cut-over record at #${r.id}, but the head says #${head.keyed_from}`);
      if (detail.legacyRecords !== r.id - 1)
        return bad(r.id, `the cut-over seals ${detail.legacyRecords} legacy records, not ${r.id - 1}`);
      keyed = true;
      walk.keyedFrom = r.id;
    }
    if (keyed) {
      if (recordMac(key.key, prev, r) !== r.hash)
        return bad(r.id, 'record does not match its MAC (changed, or the chain recomputed without the key)');
    } else if (legacyHash(prev, r) !== r.hash) {
      return bad(r.id, 'record content does not match its hash (changed)');
    }
    if (r.action === PURGE_ACTION) lastPurge = JSON.parse(r.detail ?? '{}') as PurgeDetail;
    prev = r.hash;
    walk.lastId = r.id;
    walk.checked++;
    expectedId++;
  }
  if (walk.checked > 0 && !keyed)
    return bad(
      null,
      'the chain is not keyed: no cut-over record (start the server once after the upgrade; if it has run, the cut-over was removed)',
    );
  if (head.purged_through > 0 && lastPurge?.lastId !== head.purged_through)
    return bad(
      null,
      `the head says records up to #${head.purged_through} were purged; no purge record says so`,
    );
  if (walk.checked !== head.count || walk.lastId !== head.last_id || prev !== head.last_hash)
    return bad(
      null,
      `chain head says ${head.count} records ending at #${head.last_id}; found ${walk.checked} ending at #${walk.lastId} (newest records deleted?)`,
    );
  return { ...walk, ok: true };
}
