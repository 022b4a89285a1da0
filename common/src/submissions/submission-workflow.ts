// The submission workflow as a closed state machine: every status, every action, and the only
// transitions allowed. Who may take an action is submission-policy.ts, which builds on this. Pure.

export const SUBMISSION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'resubmitted',
  'approved',
  'rejected',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_ACTIONS = [
  'edit',
  'submit',
  'resubmit',
  'withdraw',
  'delete',
  'approve',
  'return',
  'reject',
  'recordOutcome',
] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

/** Who takes an action: the submitting unit's officer, or a reviewer from another unit. */
export type ActionSide = 'author' | 'reviewer';

export function actionSide(action: SubmissionAction): ActionSide {
  switch (action) {
    case 'edit':
    case 'submit':
    case 'resubmit':
    case 'withdraw':
    case 'delete':
      return 'author';
    case 'approve':
    case 'return':
    case 'reject':
    case 'recordOutcome':
      return 'reviewer';
    default:
      return unreachable(action);
  }
}

/** Statuses a reviewer has to decide on: the review queue. */
export const AWAITING_REVIEW: readonly SubmissionStatus[] = ['submitted', 'resubmitted'];

/**
 * The status after `action`, or null if the action is not allowed from `status`. An approval can be
 * taken back (returned for correction, or rejected — e.g. a duplicate found later); its fact goes too.
 * A piece nobody has reviewed yet can be withdrawn by its author: back to where it was before it was
 * sent (a draft, or returned). Only a draft can be deleted (the answer 'draft' is where it was: the
 * row goes). An approved piece's adoption level and leader instruction (批示) can be recorded later.
 */
export function nextStatus(status: SubmissionStatus, action: SubmissionAction): SubmissionStatus | null {
  switch (status) {
    case 'draft':
      if (action === 'edit' || action === 'delete') return 'draft';
      if (action === 'submit') return 'submitted';
      return null;
    case 'submitted':
    case 'resubmitted':
      if (action === 'withdraw') return status === 'submitted' ? 'draft' : 'returned';
      if (action === 'approve') return 'approved';
      if (action === 'return') return 'returned';
      if (action === 'reject') return 'rejected';
      return null;
    case 'returned':
      if (action === 'edit') return 'returned';
      if (action === 'resubmit') return 'resubmitted';
      return null;
    case 'approved':
      if (action === 'recordOutcome') return 'approved';
      if (action === 'return') return 'returned';
      if (action === 'reject') return 'rejected';
      return null;
    case 'rejected':
      return null;
    default:
      return unreachable(status);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled value ${String(value)}`);
}
