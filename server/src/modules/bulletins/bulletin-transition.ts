// The one check of a bulletin's workflow step, for the ranking bulletins (通报) and the monthly
// monitoring bulletins (监测通报, decision 187) alike: the permission of the step, the version the client
// read, the state the step starts from, and separation of duties — whoever drafted a bulletin cannot
// sign it off.
import { BULLETIN_TRANSITIONS, type BulletinAction, type BulletinStatus } from '@greenvoice/common';
import { ApiError, conflict, forbidden } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import { takeDocumentNumber, type DocumentSeries } from './document-numbers.repo.ts';

export function checkTransition(
  ctx: RequestContext,
  action: BulletinAction,
  row: { status: BulletinStatus; version: number; drafted_by: number },
  version: number,
) {
  const actor = requireActor(ctx);
  const t = BULLETIN_TRANSITIONS[action];
  if (!actor.permissions.has(t.permission)) throw forbidden();
  if (row.version !== version) throw conflict();
  if (row.status !== t.from)
    throw new ApiError('UNPROCESSABLE', undefined, {
      zh: `通报当前状态为「${row.status}」，不能执行该操作`,
      en: `The bulletin is ${row.status}; it cannot be ${action === 'return' ? 'returned' : `${action}ed`} now`,
    });
  if ((action === 'approve' || action === 'return') && row.drafted_by === actor.personId)
    throw new ApiError('FORBIDDEN', undefined, {
      zh: '不能审批自己起草的通报',
      en: 'You cannot approve a bulletin you drafted',
    });
  return { actor, to: t.to };
}

/**
 * What a step writes besides the status, in the step's transaction. The number is issued when leadership
 * signs, from the bulletin's series: an abandoned draft consumes none (decision 130).
 */
export async function stepColumns(
  trx: Transaction<Database>,
  step: { action: BulletinAction; by: number; at: string; reason: string | undefined },
  row: { doc_number: number | null },
  series: DocumentSeries,
) {
  const { action, by, at, reason } = step;
  const docNumber =
    action === 'approve' && row.doc_number === null ? await takeDocumentNumber(trx, series) : row.doc_number;
  return {
    docNumber,
    columns: {
      updated_at: at,
      ...(action === 'approve'
        ? { approved_by: by, approved_at: at, return_reason: null, doc_number: docNumber }
        : {}),
      ...(action === 'return' ? { return_reason: reason ?? '' } : {}),
      ...(action === 'publish' ? { published_at: at } : {}),
    },
  };
}
