// The case workflow: every state a public case can be in and every step between them, as one closed
// table (docs/public-interaction.md "States"). Pure: the server refuses any step not listed here, the
// console offers only the steps that can succeed, the portal shows the person where their case is.
import { ASSIGNABLE_KINDS, type CaseKind } from './case-kinds.ts';

export const CASE_STATUSES = [
  'received',
  'needsCompletion',
  'accepted',
  'notAccepted',
  'assigned',
  'countyReplied',
  'replied',
  'closed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  received: { zh: '已登记，待受理', en: 'Received' },
  needsCompletion: { zh: '待申请人补正', en: 'Awaiting completion' },
  accepted: { zh: '已受理，办理中', en: 'Accepted, in hand' },
  notAccepted: { zh: '不予受理', en: 'Not accepted' },
  assigned: { zh: '已转办属地', en: 'With the county bureau' },
  countyReplied: { zh: '属地已办结，待审核', en: 'County result awaiting review' },
  replied: { zh: '已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
  withdrawn: { zh: '视为撤回', en: 'Treated as withdrawn' },
};

/** States in which nothing more happens; the reporter's identity is erased some time after them. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['notAccepted', 'closed', 'withdrawn'];

export const CASE_ACTIONS = [
  'accept',
  'notAccept',
  'requestCompletion',
  'complete',
  'lapse',
  'assign',
  'recall',
  'countyReply',
  'sendBack',
  'reply',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'Accept' },
  notAccept: { zh: '不予受理', en: 'Do not accept' },
  requestCompletion: { zh: '告知补正', en: 'Ask for completion' },
  complete: { zh: '补正申请', en: 'Complete the application' },
  lapse: { zh: '逾期未补正', en: 'Not completed in time' },
  assign: { zh: '转办属地', en: 'Assign to a county bureau' },
  recall: { zh: '收回', en: 'Take back' },
  countyReply: { zh: '报送办理结果', en: 'Report the result' },
  sendBack: { zh: '退回重办', en: 'Send back' },
  reply: { zh: '答复', en: 'Reply' },
  close: { zh: '办结', en: 'Close' },
};

/**
 * Who takes a step: the receiving bureau's handler, the assigned county bureau's staff, the person who
 * filed the case (with its number and query code), or the scheduler.
 */
export type CaseParty = 'handler' | 'county' | 'person' | 'system';

interface Rule {
  kinds: readonly CaseKind[];
  from: readonly CaseStatus[];
  to: CaseStatus;
  by: CaseParty;
}

const ALL: readonly CaseKind[] = ['report', 'mailbox', 'consultation', 'infoRequest', 'draftComment'];

/** The states each kind can be in at all: a step from any other state is refused. */
export const KIND_STATUSES: Record<CaseKind, readonly CaseStatus[]> = {
  report: ['received', 'accepted', 'notAccepted', 'assigned', 'countyReplied', 'replied', 'closed'],
  mailbox: ['received', 'assigned', 'countyReplied', 'replied', 'closed'],
  consultation: ['received', 'assigned', 'countyReplied', 'replied', 'closed'],
  infoRequest: ['received', 'needsCompletion', 'replied', 'closed', 'withdrawn'],
  draftComment: ['received', 'notAccepted', 'replied', 'closed'],
};

const RULES: Record<CaseAction, Rule> = {
  accept: { kinds: ['report'], from: ['received'], to: 'accepted', by: 'handler' },
  notAccept: { kinds: ['report', 'draftComment'], from: ['received'], to: 'notAccepted', by: 'handler' },
  requestCompletion: { kinds: ['infoRequest'], from: ['received'], to: 'needsCompletion', by: 'handler' },
  complete: { kinds: ['infoRequest'], from: ['needsCompletion'], to: 'received', by: 'person' },
  lapse: { kinds: ['infoRequest'], from: ['needsCompletion'], to: 'withdrawn', by: 'system' },
  assign: { kinds: ASSIGNABLE_KINDS, from: ['accepted', 'received'], to: 'assigned', by: 'handler' },
  recall: { kinds: ASSIGNABLE_KINDS, from: ['assigned', 'countyReplied'], to: 'accepted', by: 'handler' },
  countyReply: { kinds: ASSIGNABLE_KINDS, from: ['assigned'], to: 'countyReplied', by: 'county' },
  sendBack: { kinds: ASSIGNABLE_KINDS, from: ['countyReplied'], to: 'assigned', by: 'handler' },
  reply: {
    kinds: ALL,
    from: ['received', 'accepted', 'countyReplied'],
    to: 'replied',
    by: 'handler',
  },
  close: { kinds: ALL, from: ['replied'], to: 'closed', by: 'handler' },
};

export type CaseRefusal = { zh: string; en: string };

/**
 * What some steps depend on besides the state (information requests, 条例 art. 30). The server always
 * passes them; without them (the table's own tests) only kind, state and party decide.
 */
export interface CaseFacts {
  /** today, China time (YYYY-MM-DD): the steps bound to a day compare against it */
  today?: string;
  /** the day completion was asked for, null when never: it is asked for once only (一次性告知) */
  completionAskedOn?: string | null;
  /** a received request: the last day completion may be asked for (7 working days from receipt) */
  completionAskBy?: string | null;
  /** a request awaiting completion: the last day of the applicant's period (decision 145) */
  completionDue?: string | null;
}

/**
 * Why a step cannot be taken. `lapsed`: a completion that came after the applicant's period — the
 * request is treated as withdrawn instead (decision 210), it does not restart the answer's clock.
 */
export type CaseTransition = { to: CaseStatus } | { refused: CaseRefusal; lapsed?: true };

/** The date rules of art. 30, beside the table: once only, within 7 working days, in the period. */
function completionRule(action: CaseAction, f: CaseFacts): { refused: CaseRefusal; lapsed?: true } | null {
  if (action === 'requestCompletion') {
    if (f.completionAskedOn)
      return {
        refused: {
          zh: '已告知过补正，补正只能一次性告知',
          en: 'Completion was already asked for once; it cannot be asked for again',
        },
      };
    if (f.today && f.completionAskBy && f.today > f.completionAskBy)
      return {
        refused: {
          zh: `已超过收到申请后 7 个工作日（${f.completionAskBy}），不能再要求补正`,
          en: `More than 7 working days after receipt (${f.completionAskBy}): completion can no longer be asked for`,
        },
      };
  }
  if (action === 'complete' && f.today && f.completionDue && f.today > f.completionDue)
    return {
      lapsed: true,
      refused: {
        zh: `补正期限（${f.completionDue}）已过，申请视为放弃；如仍需要该信息，请重新提出申请`,
        en: `The period to complete ended on ${f.completionDue}: the request is treated as withdrawn; file a new request if you still need the information`,
      },
    };
  // the scheduler's lapse only once the period is over: the last day itself is still in time
  if (action === 'lapse' && f.today && !(f.completionDue && f.today > f.completionDue))
    return {
      refused: {
        zh: '补正期限尚未届满',
        en: 'The period to complete has not ended',
      },
    };
  return null;
}

/**
 * The state a step leads to, or why it cannot be taken. Reports must be accepted before anything else
 * (a report is never assigned or replied to from `received`), and a case goes back from a county to
 * the state it left: reports to `accepted`, letters to `received`. Information requests' completion
 * follows art. 30 through `facts` (see CaseFacts).
 */
export function caseTransition(
  c: { kind: CaseKind; status: CaseStatus },
  action: CaseAction,
  by: CaseParty,
  facts: CaseFacts = {},
): CaseTransition {
  const rule = RULES[action];
  const label = CASE_ACTION_LABELS[action];
  if (rule.by !== by)
    return { refused: { zh: `无权执行“${label.zh}”`, en: `You may not ${label.en.toLowerCase()}` } };
  const stateOk =
    rule.kinds.includes(c.kind) &&
    KIND_STATUSES[c.kind].includes(c.status) &&
    rule.from.includes(c.status) &&
    !(c.kind === 'report' && c.status === 'received' && (action === 'assign' || action === 'reply'));
  if (!stateOk)
    return {
      refused: {
        zh: `${CASE_STATUS_LABELS[c.status].zh}的案件不能“${label.zh}”`,
        en: `A case that is “${CASE_STATUS_LABELS[c.status].en}” cannot be given “${label.en}”`,
      },
    };
  const dated = completionRule(action, facts);
  if (dated) return dated;
  if (action === 'recall') return { to: c.kind === 'report' ? 'accepted' : 'received' };
  return { to: rule.to };
}

/** The steps this party could take on the case now (the console shows exactly these). */
export function availableCaseActions(
  c: { kind: CaseKind; status: CaseStatus },
  by: CaseParty,
  facts: CaseFacts = {},
): CaseAction[] {
  return CASE_ACTIONS.filter((a) => 'to' in caseTransition(c, a, by, facts));
}

/** Whether an extension may be asked for in this state (the time limit of the current stage runs). */
export function canExtend(c: { kind: CaseKind; status: CaseStatus }): boolean {
  if (c.kind === 'report') return ['accepted', 'assigned', 'countyReplied'].includes(c.status);
  if (c.kind === 'infoRequest') return c.status === 'received';
  return false;
}
