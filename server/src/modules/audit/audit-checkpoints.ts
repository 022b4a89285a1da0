// Signed checkpoints of the audit chain (decision 071): the chain's count, first and last id, last MAC
// and cut-over, MACed with the audit key, appended as one JSON line to AUDIT_CHECKPOINT_DIR/checkpoints.jsonl
// and written to the log. They live outside the database, so someone who deletes the newest records and
// puts an old head back — which a walk of the database alone cannot notice — is caught by comparing.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChainHead, PurgeDetail } from './audit-chain.ts';
import type { AuditKey } from './audit-key.ts';

export type CheckpointKind = 'start' | 'periodic' | 'shutdown' | 'purge';

export interface CheckpointBody {
  v: 1;
  kind: CheckpointKind;
  at: string;
  keyId: string;
  /** records present, the first and last of them, the last one's MAC */
  count: number;
  firstId: number;
  lastId: number;
  lastMac: string;
  keyedFrom: number | null;
  /** a purge's checkpoint: the range it is about to remove and the MAC at the cut */
  purge: PurgeDetail | null;
}
export type Checkpoint = CheckpointBody & { mac: string };

export const CHECKPOINT_FILE = 'checkpoints.jsonl';

function macOf(key: Buffer, b: CheckpointBody): string {
  const fields = [
    'checkpoint',
    b.v,
    b.kind,
    b.at,
    b.keyId,
    b.count,
    b.firstId,
    b.lastId,
    b.lastMac,
    b.keyedFrom,
    b.purge && [b.purge.before, b.purge.count, b.purge.firstId, b.purge.lastId, b.purge.macAtCut],
  ];
  return createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');
}

export function checkpointOf(
  key: AuditKey,
  head: ChainHead,
  kind: CheckpointKind,
  at: string,
  purge: PurgeDetail | null = null,
): Checkpoint {
  const body: CheckpointBody = {
    v: 1,
    kind,
    at,
    keyId: key.id,
    count: head.count,
    firstId: head.purged_through + 1,
    lastId: head.last_id,
    lastMac: head.last_hash,
    keyedFrom: head.keyed_from,
    purge,
  };
  return { ...body, mac: macOf(key.key, body) };
}

/** Appends one line and flushes it to the disk before returning; creates the directory (0700). */
export function appendCheckpoint(dir: string, cp: Checkpoint): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, CHECKPOINT_FILE);
  const bytes = Buffer.from(`${JSON.stringify(cp)}\n`);
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

export interface NumberedCheckpoint {
  line: number;
  cp: Checkpoint;
}

export function readCheckpoints(file: string): { checkpoints: NumberedCheckpoint[]; problems: string[] } {
  const checkpoints: NumberedCheckpoint[] = [];
  const problems: string[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      try {
        const cp = JSON.parse(text) as Checkpoint;
        if (cp.v !== 1 || !Number.isInteger(cp.lastId) || typeof cp.mac !== 'string') throw new Error();
        checkpoints.push({ line: i + 1, cp });
      } catch {
        problems.push(`${path.basename(file)} line ${i + 1} is not a checkpoint`);
      }
    });
  if (!checkpoints.length && !problems.length) problems.push(`${file} holds no checkpoint`);
  return { checkpoints, problems };
}

/** What the database holds now, for the comparison: read directly, not trusted from the head. */
export interface ChainState {
  firstId: number | null;
  firstPrev: string | null;
  lastId: number;
  cutOverId: number | null;
  /** the MAC of each record a checkpoint names, where that record is present */
  macs: Map<number, string>;
}

/**
 * Compares the database with checkpoints; returns the problems (none: consistent). Each kind of problem
 * is reported once, for the newest checkpoint that shows it, with how many others do.
 */
export function compareWithCheckpoints(
  state: ChainState,
  checkpoints: NumberedCheckpoint[],
  key: AuditKey,
): string[] {
  const found = new Map<string, { message: string; more: number }>();
  const note = (kind: string, message: string) => {
    const seen = found.get(kind);
    if (seen) seen.more++;
    else found.set(kind, { message, more: 0 });
  };
  const otherKeys = checkpoints.filter(({ cp }) => cp.keyId !== key.id);
  if (checkpoints.length && otherKeys.length === checkpoints.length)
    return [
      `wrong key: the checkpoints were signed with key id ${checkpoints[0]!.cp.keyId}; this key (${key.source}) has id ${key.id} — set the AUDIT_HMAC_KEY the log was written with`,
    ];
  const valid: NumberedCheckpoint[] = [];
  for (const n of [...checkpoints].reverse()) {
    const { cp, line } = n;
    const where = `the checkpoint of ${cp.at} (line ${line})`;
    if (cp.keyId !== key.id) note('key', `${where} was signed with another key (id ${cp.keyId})`);
    else if (macOf(key.key, cp) !== cp.mac) note('forged', `${where} fails its MAC: forged or damaged`);
    else valid.push(n);
  }
  for (const { cp, line } of valid) {
    const where = `the checkpoint of ${cp.at} (line ${line})`;
    if (state.lastId < cp.lastId)
      note(
        'truncated',
        `TRUNCATED: ${where} saw ${cp.count} records up to #${cp.lastId}; the database ends at #${state.lastId}`,
      );
    else if (state.firstId !== null && cp.lastId >= state.firstId && state.macs.get(cp.lastId) !== cp.lastMac)
      note('rewritten', `REWRITTEN: record #${cp.lastId} does not carry the MAC ${where} recorded`);
    if (
      cp.keyedFrom !== null &&
      state.firstId !== null &&
      cp.keyedFrom >= state.firstId &&
      state.cutOverId !== cp.keyedFrom
    )
      note(
        'cut-over',
        `the cut-over is at #${state.cutOverId ?? 'none'}; ${where} recorded #${cp.keyedFrom}`,
      );
  }
  // Records missing at the start must be a purge's, with its checkpoint, linking at the recorded MAC.
  const cut = (state.firstId ?? state.lastId + 1) - 1;
  if (valid.some(({ cp }) => cp.firstId <= cut)) {
    const purge = valid.find(({ cp }) => cp.purge?.lastId === cut)?.cp.purge;
    if (!purge) note('front', `records #1–#${cut} are missing and no purge checkpoint covers them`);
    else if (state.firstPrev !== null && state.firstPrev !== purge.macAtCut)
      note(
        'front',
        `record #${cut + 1} does not link to the MAC at the cut of the purge before ${purge.before}`,
      );
  }
  return [...found.values()].map((p) => (p.more ? `${p.message} (and ${p.more} more)` : p.message));
}
