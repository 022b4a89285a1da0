// The audit log's chain (decision 070). Each record's MAC covers its own fields and the previous
// record's MAC, so changing, deleting or reordering any record breaks every MAC after it; the MAC is an
// HMAC-SHA-256 with a key kept outside the database, so nobody without the key can recompute the chain.
// Records written before the upgrade carry the old unkeyed SHA-256 (`legacyHash`); the first keyed
// record (the cut-over, action `audit.chain-keyed`) MACs the last legacy hash, sealing the legacy part.
import { createHash, createHmac } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/types.ts';

/** What a record's MAC covers: every column of the log but the two MACs themselves. */
export type ChainedFields = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash'>;

export interface ChainHead {
  last_id: number;
  last_hash: string;
  count: number;
  /** id of the cut-over record; null before the first keyed append */
  keyed_from: number | null;
  key_id: string | null;
  /** last id removed by `npm run audit:purge` (0: none) and that record's MAC, which the next one links to */
  purged_through: number;
  purged_mac: string;
  /** HMAC of all of the above: a head rewritten without the key is detected */
  mac: string;
}

/** The first keyed record. Its detail names the key (by fingerprint) and the legacy records it seals. */
export const CUT_OVER_ACTION = 'audit.chain-keyed';
/** Written by a purge, in the transaction that deletes: the cut (last purged id, MAC at the cut). */
export const PURGE_ACTION = 'audit.purge';

function canonical(r: ChainedFields): string {
  return JSON.stringify([
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
}

/** The unkeyed hash of records written before the cut-over: anyone can recompute it. */
export function legacyHash(prevHash: string, r: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(r)).digest('hex');
}

export function recordMac(key: Buffer, prevMac: string, r: ChainedFields): string {
  return createHmac('sha256', key).update(prevMac).update('\n').update(canonical(r)).digest('hex');
}

export function headMac(key: Buffer, h: Omit<ChainHead, 'mac'>): string {
  const fields = [
    'audit_head',
    h.last_id,
    h.last_hash,
    h.count,
    h.keyed_from,
    h.key_id,
    h.purged_through,
    h.purged_mac,
  ];
  return createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');
}

export interface CutOverDetail {
  algorithm: 'HMAC-SHA-256';
  keyId: string;
  /** records before the cut-over, verified with the legacy hash */
  legacyRecords: number;
}

export interface PurgeDetail {
  before: string;
  count: number;
  firstId: number;
  lastId: number;
  macAtCut: string;
}
