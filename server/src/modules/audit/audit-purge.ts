// The retention purge (decision 072): `npm run audit:purge -- --before DATE --confirm` is its only caller.
// Order matters: refuse anything younger than 180 days; refuse a chain that does not verify (a purge must
// not destroy the evidence of tampering); write the signed checkpoint covering the range FIRST (so a
// verifier can check the rest from the MAC at the cut, even if the purge then fails); then, in one
// transaction, the purge's own audit record and the delete (allowed by the trigger only under a permit).
import { nowIso } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { PURGE_ACTION, type PurgeDetail } from './audit-chain.ts';
import type { AuditRepo } from './audit.repo.ts';
import type { Checkpoint } from './audit-checkpoints.ts';
import type { AuditService, CheckpointLog } from './audit.service.ts';
import { purgeRefusal } from './audit-retention.ts';

export class AuditPurgeRefused extends Error {}

export interface PurgeOutcome {
  purged: number;
  detail: PurgeDetail | null;
  checkpoint: Checkpoint | null;
}

export async function purgeAuditLog(
  deps: { audit: AuditService; repo: AuditRepo; checkpointDir: string; log: CheckpointLog },
  request: { beforeIso: string; operator: string; now?: Date },
): Promise<PurgeOutcome> {
  const { beforeIso, now = new Date() } = request;
  const refusal = purgeRefusal(beforeIso, now);
  if (refusal) throw new AuditPurgeRefused(refusal);
  const walk = await deps.audit.verify();
  if (!walk.ok)
    throw new AuditPurgeRefused(
      `refused: the audit chain does not verify (${walk.reason}); nothing was purged — investigate first`,
    );
  const head = await deps.repo.head();
  const through = await deps.repo.purgeableThrough(beforeIso);
  if (through <= head.purged_through) return { purged: 0, detail: null, checkpoint: null };
  const cut = await deps.repo.record(through);
  if (!cut) throw new Error(`audit record #${through} vanished during the purge`);
  const detail: PurgeDetail = {
    before: beforeIso,
    count: through - head.purged_through,
    firstId: head.purged_through + 1,
    lastId: through,
    macAtCut: cut.hash,
  };
  const checkpoint = await deps.audit.checkpoint('purge', deps.checkpointDir, deps.log, detail);
  const ctx: RequestContext = {
    actor: null,
    requestId: `audit-purge:${nowIso()}`,
    clientIp: 'command-line',
    userAgent: 'npm run audit:purge',
    audited: false,
  };
  await deps.audit.transact(ctx, async (trx, audit) => {
    await audit({
      action: PURGE_ACTION,
      objectType: 'audit_log',
      detail: { ...detail },
      actorOverride: { id: null, name: `${request.operator} (audit:purge)`, roles: '' },
    });
    const deleted = await deps.repo.purge(trx, through, cut.hash, beforeIso);
    if (deleted !== detail.count)
      throw new Error(`the purge deleted ${deleted} records, not ${detail.count}; rolled back`);
  });
  return { purged: detail.count, detail, checkpoint };
}
