// The author taking a piece back: withdrawing one nobody has reviewed yet (it returns to where it was
// before it was sent — a draft, or returned), and deleting a draft. Both go through the workflow policy
// (common/src/submissions/submission-policy.ts) like every other action, at the version the officer saw,
// and are audited in the transaction that makes them. Neither touches a fact: an unreviewed piece has none.
import type { Submission } from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { conflict } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { SubmissionReader } from './submission-reader.ts';
import type { SubmissionsRepo } from './submissions.repo.ts';

export function createWithdrawalService({
  repo,
  reader,
  audit,
}: {
  repo: SubmissionsRepo;
  reader: SubmissionReader;
  audit: AuditService;
}) {
  return {
    /** Takes a submitted (or resubmitted) piece back before a reviewer has decided on it. */
    async withdraw(ctx: RequestContext, id: number, version: number): Promise<Submission> {
      const actor = requireActor(ctx);
      const row = await reader.getVisible(actor, id);
      const to = reader.requireTransition(actor, row, await reader.coUnitIds(id), 'withdraw', version);
      await audit.transact(ctx, async (trx, record) => {
        // submitted_at goes: the piece is no longer waiting in the queue
        const ok = await repo.updateVersioned(trx, id, version, {
          status: to,
          submitted_at: null,
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        await repo.addEvent(trx, reader.event(actor, id, 'withdraw', row.status, to));
        await record({
          action: 'submission.withdraw',
          objectType: 'submission',
          objectId: id,
          detail: { from: row.status, to, title: row.title },
        });
      });
      return reader.presentOne(actor, id);
    },

    /** Deletes a draft of the actor's own unit; the audit record keeps what it was. */
    async deleteDraft(ctx: RequestContext, id: number, version: number): Promise<void> {
      const actor = requireActor(ctx);
      const row = await reader.getVisible(actor, id);
      reader.requireTransition(actor, row, await reader.coUnitIds(id), 'delete', version);
      await audit.transact(ctx, async (trx, record) => {
        if (!(await repo.deleteDraft(trx, id, version))) throw conflict();
        await record({
          action: 'submission.delete',
          objectType: 'submission',
          objectId: id,
          detail: {
            before: { title: row.title, kind: row.kind, date: row.fact_date, unitId: row.unit_id },
          },
        });
      });
    },
  };
}
