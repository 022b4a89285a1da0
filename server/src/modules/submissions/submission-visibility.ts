// Who may see a submission in its current state. The submission read and its evidence files both ask
// this one function, so a file is visible exactly when the submission it belongs to is.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { Actor } from '../../http/context.ts';
import type { SubmissionRow, SubmissionsRepo } from './submissions.repo.ts';

/** Drafts are their own unit's business: nobody else sees them, not even a reviewer or a co-unit. */
export const hideOthersDraft = (actor: Actor, r: SubmissionRow | undefined) =>
  r && (r.status !== 'draft' || r.unit_id === actor.unitId) ? r : undefined;

/** The submission if the actor may read it now (in scope by lead or co-unit, and not another's draft). */
export async function findReadableSubmission(
  repo: SubmissionsRepo,
  actor: Actor,
  id: number,
  trx?: Transaction<Database>,
): Promise<SubmissionRow | undefined> {
  return hideOthersDraft(actor, await repo.findVisible(id, actor.scopePath, trx));
}
