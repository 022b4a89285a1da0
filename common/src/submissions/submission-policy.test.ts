// The whole submission policy as a table: every role × status × the actor's unit (the lead unit, a
// co-submitting unit, another unit) × action, against the rule written out independently below.
import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES, type Role } from '../roles.ts';
import {
  availableSubmissionActions,
  reviewInputProblems,
  submissionTransition,
} from './submission-policy.ts';
import {
  SUBMISSION_ACTIONS,
  SUBMISSION_STATUSES,
  type SubmissionAction,
  type SubmissionStatus,
} from './submission-workflow.ts';

const LEAD = 10;
const CO = 11;
const OTHER = 12;
const UNITS = { own: LEAD, co: CO, other: OTHER } as const;
type Relation = keyof typeof UNITS;

// Written out by hand: which (status, action) pairs exist, who writes, who reviews.
const MOVES: Record<SubmissionStatus, SubmissionAction[]> = {
  draft: ['edit', 'submit', 'delete'],
  submitted: ['withdraw', 'approve', 'return', 'reject'],
  returned: ['edit', 'resubmit'],
  resubmitted: ['withdraw', 'approve', 'return', 'reject'],
  approved: ['return', 'reject', 'recordOutcome'],
  rejected: [],
};
const WRITERS: Role[] = ['officer'];
const REVIEWERS: Role[] = ['reviewer'];
const AUTHOR_ACTIONS: SubmissionAction[] = ['edit', 'submit', 'resubmit', 'withdraw', 'delete'];

function expected(role: Role, status: SubmissionStatus, relation: Relation, action: SubmissionAction) {
  if (!MOVES[status].includes(action)) return false;
  if (AUTHOR_ACTIONS.includes(action)) return WRITERS.includes(role) && relation === 'own';
  return REVIEWERS.includes(role) && relation === 'other';
}

const cases = ROLES.flatMap((role) =>
  SUBMISSION_STATUSES.flatMap((status) =>
    (Object.keys(UNITS) as Relation[]).flatMap((relation) =>
      SUBMISSION_ACTIONS.map((action) => [role, status, relation, action] as const),
    ),
  ),
);

const sub = (status: SubmissionStatus) =>
  ({ status, kind: 'newsReport', unitId: LEAD, coUnitIds: [CO] }) as const;
const actorOf = (role: Role, relation: Relation) => ({
  unitId: UNITS[relation],
  permissions: permissionsOf([role]),
});

describe('submission policy: role × status × unit × action', () => {
  it(`covers ${cases.length} cases`, () => expect(cases.length).toBe(ROLES.length * 6 * 3 * 9));

  it.each(cases)('%s · %s · %s unit · %s', (role, status, relation, action) => {
    const verdict = submissionTransition(sub(status), action, actorOf(role, relation));
    expect(verdict.ok).toBe(expected(role, status, relation, action));
  });

  it('lists exactly the actions that would succeed', () => {
    for (const [role, status, relation] of cases) {
      const listed = availableSubmissionActions(sub(status), actorOf(role, relation));
      expect(listed).toEqual(SUBMISSION_ACTIONS.filter((a) => expected(role, status, relation, a)));
    }
  });

  it('refuses in order: permission, then side, then state', () => {
    const refusal = (role: Role, relation: Relation, status: SubmissionStatus, action: SubmissionAction) => {
      const v = submissionTransition(sub(status), action, actorOf(role, relation));
      return v.ok ? null : v.refusal.kind;
    };
    expect(refusal('leadership', 'other', 'submitted', 'approve')).toBe('permission');
    expect(refusal('reviewer', 'co', 'rejected', 'approve')).toBe('party');
    expect(refusal('officer', 'co', 'draft', 'edit')).toBe('party');
    expect(refusal('reviewer', 'other', 'rejected', 'approve')).toBe('state');
    expect(refusal('officer', 'own', 'approved', 'edit')).toBe('state');
    // a piece a reviewer has decided on is no longer the author's to withdraw; only drafts are deleted
    expect(refusal('officer', 'own', 'approved', 'withdraw')).toBe('state');
    expect(refusal('officer', 'own', 'returned', 'delete')).toBe('state');
    expect(refusal('officer', 'co', 'submitted', 'withdraw')).toBe('party');
    expect(refusal('reviewer', 'own', 'approved', 'recordOutcome')).toBe('party');
  });
});

describe('review input', () => {
  it('return and reject need a reason; approve does not', () => {
    expect(reviewInputProblems({ kind: 'newsReport' }, { action: 'return', reason: '  ' })).toEqual([
      expect.objectContaining({ field: '/reason' }),
    ]);
    expect(reviewInputProblems({ kind: 'newsReport' }, { action: 'reject' })).toHaveLength(1);
    expect(reviewInputProblems({ kind: 'newsReport' }, { action: 'reject', reason: '重复' })).toEqual([]);
    expect(reviewInputProblems({ kind: 'newsReport' }, { action: 'approve' })).toEqual([]);
  });

  it('only government information is adopted at a level', () => {
    expect(
      reviewInputProblems({ kind: 'newsReport' }, { action: 'approve', adoptionLevel: 'municipal' }),
    ).toEqual([expect.objectContaining({ field: '/adoptionLevel' })]);
    expect(reviewInputProblems({ kind: 'newsReport' }, { action: 'approve', adoptionLevel: 'none' })).toEqual(
      [],
    );
    expect(
      reviewInputProblems({ kind: 'govInfo' }, { action: 'approve', adoptionLevel: 'municipal' }),
    ).toEqual([]);
    // the same when it is recorded after the approval
    expect(
      reviewInputProblems({ kind: 'newsReport' }, { action: 'recordOutcome', adoptionLevel: 'provincial' }),
    ).toEqual([expect.objectContaining({ field: '/adoptionLevel' })]);
    expect(
      reviewInputProblems({ kind: 'govInfo' }, { action: 'recordOutcome', adoptionLevel: 'provincial' }),
    ).toEqual([]);
  });
});
