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
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned', reject: 'rejected' },
  returned: { edit: 'returned', resubmit: 'resubmitted' },
  resubmitted: { approve: 'approved', return: 'returned', reject: 'rejected' },
  approved: { return: 'returned', reject: 'rejected' },
  rejected: {},
};

const allowedActions = (s: SubmissionStatus) => SUBMISSION_ACTIONS.filter((a) => nextStatus(s, a) !== null);

describe('submission workflow', () => {
  const pairs = SUBMISSION_STATUSES.flatMap((s) => SUBMISSION_ACTIONS.map((a) => [s, a] as const));
  it.each(pairs)('%s + %s', (status, action) => {
    expect(nextStatus(status, action)).toBe(ALLOWED[status][action] ?? null);
  });

  it('lists the allowed actions of each status', () => {
    for (const s of SUBMISSION_STATUSES) expect(allowedActions(s)).toEqual(Object.keys(ALLOWED[s]));
  });

  it('rejected is final; every other status has a way on', () => {
    expect(allowedActions('rejected')).toEqual([]);
    for (const s of SUBMISSION_STATUSES.filter((x) => x !== 'rejected'))
      expect(allowedActions(s).length).toBeGreaterThan(0);
  });

  it('authors edit and submit; reviewers decide', () => {
    expect(SUBMISSION_ACTIONS.filter((a) => actionSide(a) === 'author')).toEqual([
      'edit',
      'submit',
      'resubmit',
    ]);
    expect(SUBMISSION_ACTIONS.filter((a) => actionSide(a) === 'reviewer')).toEqual([
      'approve',
      'return',
      'reject',
    ]);
  });
});
