import { describe, expect, it } from 'vitest';
import {
  actionSide,
  nextStatus,
  SUBMISSION_ACTIONS,
  SUBMISSION_STATUSES,
  type SubmissionAction,
  type SubmissionStatus,
} from './submission-workflow.ts';

// The whole machine, written out: every pair not listed is refused.
const ALLOWED: Record<SubmissionStatus, Partial<Record<SubmissionAction, SubmissionStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted', delete: 'draft' },
  submitted: { withdraw: 'draft', approve: 'approved', return: 'returned', reject: 'rejected' },
  returned: { edit: 'returned', resubmit: 'resubmitted' },
  resubmitted: { withdraw: 'returned', approve: 'approved', return: 'returned', reject: 'rejected' },
  approved: { return: 'returned', reject: 'rejected', recordOutcome: 'approved' },
  rejected: {},
};

const allowedActions = (s: SubmissionStatus) => SUBMISSION_ACTIONS.filter((a) => nextStatus(s, a) !== null);

describe('submission workflow', () => {
  const pairs = SUBMISSION_STATUSES.flatMap((s) => SUBMISSION_ACTIONS.map((a) => [s, a] as const));
  it.each(pairs)('%s + %s', (status, action) => {
    expect(nextStatus(status, action)).toBe(ALLOWED[status][action] ?? null);
  });

  it('lists the allowed actions of each status', () => {
    for (const s of SUBMISSION_STATUSES)
      expect(allowedActions(s)).toEqual(SUBMISSION_ACTIONS.filter((a) => a in ALLOWED[s]));
  });

  it('rejected is final; every other status has a way on', () => {
    expect(allowedActions('rejected')).toEqual([]);
    for (const s of SUBMISSION_STATUSES.filter((x) => x !== 'rejected'))
      expect(allowedActions(s).length).toBeGreaterThan(0);
  });

  it('authors edit, submit, withdraw and delete; reviewers decide and record the outcome', () => {
    expect(SUBMISSION_ACTIONS.filter((a) => actionSide(a) === 'author')).toEqual([
      'edit',
      'submit',
      'resubmit',
      'withdraw',
      'delete',
    ]);
    expect(SUBMISSION_ACTIONS.filter((a) => actionSide(a) === 'reviewer')).toEqual([
      'approve',
      'return',
      'reject',
      'recordOutcome',
    ]);
  });
});
