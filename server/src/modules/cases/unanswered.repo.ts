// The messages the public is still waiting on (mailbox letters and consultations without a reply), for
// the self-inspection's "valid message unanswered for over 3 months" (decision 174).
import type { DB } from '../../db/database.ts';
import { FINAL_STATUSES } from '@greenvoice/common';

export function createUnansweredRepo(db: DB) {
  return {
    /** every open message of the bureau with no reply yet, oldest first */
    openMessages: (bureauUnitId: number) =>
      db
        .selectFrom('cases')
        .select(['id', 'tracking_number', 'received_on'])
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('kind', 'in', ['mailbox', 'consultation'])
        .where('status', 'not in', FINAL_STATUSES)
        .where('replied_at', 'is', null)
        .orderBy('received_on')
        .orderBy('id')
        .execute(),
  };
}
