// Who may take which workflow action on a submission, now — the one policy the server enforces, the
// presenter lists (allowedActions) and the console shows buttons and review fields from (docs/decisions/
// 084-submission-policy.md). The same pattern as the CMS's articleTransition. Pure.
import type { FieldError } from '../errors.ts';
import type { Permission } from '../roles.ts';
import { SUBMISSION_ACTION_LABELS, SUBMISSION_STATUS_LABELS } from './submission-kinds.ts';
import type { SubmissionKind } from './submission-kinds.ts';
import {
  actionSide,
  nextStatus,
  SUBMISSION_ACTIONS,
  type SubmissionAction,
  type SubmissionStatus,
} from './submission-workflow.ts';

/** What the policy needs to know of a submission: its status, kind and the units that report it. */
export interface SubmissionParties {
  status: SubmissionStatus;
  kind: SubmissionKind;
  /** the lead submitting unit */
  unitId: number;
  /** co-submitting units: they see the record, never edit it, never review it */
  coUnitIds: readonly number[];
}

export interface SubmissionActor {
  unitId: number;
  permissions: ReadonlySet<Permission>;
}

export type SubmissionRefusal =
  | { kind: 'permission' }
  /** the actor's unit is on the wrong side: not the lead unit (author), or involved (reviewer) */
  | { kind: 'party'; zh: string; en: string }
  | { kind: 'state'; zh: string; en: string };

export type SubmissionVerdict =
  { ok: true; to: SubmissionStatus } | { ok: false; refusal: SubmissionRefusal };

const SIDE_PERMISSION = { author: 'submissions:write', reviewer: 'submissions:review' } as const;

const NOT_LEAD = {
  zh: '只有牵头报送单位才能修改或提交',
  en: 'Only the lead submitting unit can edit or submit it',
};
const OWN_UNIT = { zh: '不能审核本单位的报送', en: "You cannot review your own unit's submission" };

/** The refusal for `action` from `status` (also what the service answers for a status it cannot leave). */
export function stateRefusal(status: SubmissionStatus, action: SubmissionAction): SubmissionRefusal {
  const s = SUBMISSION_STATUS_LABELS[status];
  const a = SUBMISSION_ACTION_LABELS[action];
  return {
    kind: 'state',
    zh: `“${s.zh}”状态的报送不能“${a.zh}”`,
    en: `A submission that is ${s.en.toLowerCase()} cannot be given "${a.en}"`,
  };
}

/**
 * The status after the action, or why it is refused — checked in this order: permission, the actor's
 * side (authors act on their own unit's record, reviewers on anyone else's, never one they co-submit),
 * then the state machine.
 */
export function submissionTransition(
  sub: SubmissionParties,
  action: SubmissionAction,
  actor: SubmissionActor,
): SubmissionVerdict {
  const side = actionSide(action);
  if (!actor.permissions.has(SIDE_PERMISSION[side])) return { ok: false, refusal: { kind: 'permission' } };
  const lead = actor.unitId === sub.unitId;
  if (side === 'author' && !lead) return { ok: false, refusal: { kind: 'party', ...NOT_LEAD } };
  if (side === 'reviewer' && (lead || sub.coUnitIds.includes(actor.unitId)))
    return { ok: false, refusal: { kind: 'party', ...OWN_UNIT } };
  const to = nextStatus(sub.status, action);
  return to ? { ok: true, to } : { ok: false, refusal: stateRefusal(sub.status, action) };
}

/** The actions this actor could take on the submission now (the console's buttons). */
export function availableSubmissionActions(
  sub: SubmissionParties,
  actor: SubmissionActor,
): SubmissionAction[] {
  return SUBMISSION_ACTIONS.filter((a) => submissionTransition(sub, a, actor).ok);
}

/** The author's one "send" action: a returned submission is resubmitted, a draft submitted. */
export const sendActionFor = (status: SubmissionStatus): SubmissionAction =>
  status === 'returned' ? 'resubmit' : 'submit';

/** Only government information (政务信息) is adopted at a level. */
export const hasAdoptionLevel = (kind: SubmissionKind) => kind === 'govInfo';

/** Return and reject must say why; the officer reads the reason. */
export function actionNeedsReason(action: SubmissionAction): boolean {
  return action === 'return' || action === 'reject';
}

export interface ReviewFields {
  /** recordOutcome: the adoption level and leader instruction written after the approval */
  action: 'approve' | 'return' | 'reject' | 'recordOutcome';
  reason?: string | null;
  adoptionLevel?: string | null;
}

/** What is wrong with a reviewer's input for this submission (empty when it can be sent). */
export function reviewInputProblems(sub: Pick<SubmissionParties, 'kind'>, input: ReviewFields): FieldError[] {
  const problems: FieldError[] = [];
  if (actionNeedsReason(input.action) && !input.reason?.trim())
    problems.push({
      field: '/reason',
      message: '退回或不予采用时请说明理由',
      messageEn: 'Give a reason to return or reject',
    });
  if (
    (input.action === 'approve' || input.action === 'recordOutcome') &&
    input.adoptionLevel &&
    input.adoptionLevel !== 'none' &&
    !hasAdoptionLevel(sub.kind)
  )
    problems.push({
      field: '/adoptionLevel',
      message: '只有政务信息才有采用级别',
      messageEn: 'Only government information has an adoption level',
    });
  return problems;
}
