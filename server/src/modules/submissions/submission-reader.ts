// What the author side (submissions.service.ts) and the review side (submission-review.ts) both need:
// finding a record the actor may see, presenting it, the history event, and the workflow policy's
// verdict turned into the error shape. Both import it; neither calls back into the other.
import {
  submissionTransition,
  type SubmissionAction,
  type SubmissionRefusal,
  type SubmissionStatus,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { ApiError, conflict, forbidden, notFound } from '../../http/api-error.ts';
import type { Actor } from '../../http/context.ts';
import { findDuplicates } from './submission-duplicates.ts';
import { partiesOf, presentSubmission } from './submission-presenter.ts';
import { findReadableSubmission, hideOthersDraft } from './submission-visibility.ts';
import type { SubmissionRow, SubmissionsRepo } from './submissions.repo.ts';

export function refusalError(refusal: SubmissionRefusal): ApiError {
  if (refusal.kind === 'permission') return forbidden();
  return new ApiError(refusal.kind === 'party' ? 'FORBIDDEN' : 'INVALID_TRANSITION', undefined, {
    zh: refusal.zh,
    en: refusal.en,
  });
}

export function createSubmissionReader(repo: SubmissionsRepo) {
  async function present(actor: Actor, rows: SubmissionRow[], trx?: Transaction<Database>) {
    const ids = rows.map((r) => r.id);
    const [coUnits, files, dups] = await Promise.all([
      repo.coUnits(ids, trx),
      repo.evidence(ids, trx),
      trx ? Promise.resolve(new Map()) : findDuplicates(repo, rows, actor.scopePath),
    ]);
    return rows.map((r) => presentSubmission(actor, r, coUnits, files, dups.get(r.id) ?? []));
  }

  async function getVisible(actor: Actor, id: number, trx?: Transaction<Database>) {
    const row = await findReadableSubmission(repo, actor, id, trx);
    if (!row) throw notFound();
    return row;
  }

  return {
    hideOthersDraft,
    present,
    getVisible,

    async presentOne(actor: Actor, id: number) {
      return (await present(actor, [await getVisible(actor, id)]))[0]!;
    },

    async coUnitIds(id: number) {
      return (await repo.coUnits([id])).map((c) => c.unit_id);
    },

    /**
     * The status `action` leads to, or the refusal: who may act (policy) before whether the version the
     * actor saw is current (409), before whether the status allows it.
     */
    requireTransition(
      actor: Actor,
      row: SubmissionRow,
      coUnitIds: readonly number[],
      action: SubmissionAction,
      version: number,
    ): SubmissionStatus {
      const verdict = submissionTransition(partiesOf(row, coUnitIds), action, actor);
      if (!verdict.ok && verdict.refusal.kind !== 'state') throw refusalError(verdict.refusal);
      if (row.version !== version) throw conflict();
      if (!verdict.ok) throw refusalError(verdict.refusal);
      return verdict.to;
    },

    /** A history entry: who did what, from which status to which. */
    event(
      actor: Actor,
      submissionId: number,
      action: string,
      from: SubmissionStatus | null,
      to: SubmissionStatus | null,
      text: string | null = null,
    ) {
      return {
        submissionId,
        action,
        from,
        to,
        personId: actor.personId,
        personName: actor.name,
        unitName: actor.unitName,
        text,
        at: nowIso(),
      };
    },
  };
}
export type SubmissionReader = ReturnType<typeof createSubmissionReader>;
