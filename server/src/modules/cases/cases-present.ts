// Cases as the console and the portal see them. The portal's view carries only what the person who filed
// the case may read: their own case's state, the public steps and the reply — never staff names.
import {
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  caseTransition,
  timeliness,
  type CaseEvent,
  type CaseSummary,
  type InfoAnswerType,
} from '@greenvoice/common';
import type { CaseEventsTable, CasesTable } from '../../db/types.ts';

export type CaseRow = Omit<CasesTable, 'id' | 'version'> & {
  id: number;
  version: number;
  assigned_unit_name?: string | null;
};
type EventRow = Omit<CaseEventsTable, 'id'> & {
  id: number;
  actor_name: string | null;
  unit_name: string | null;
};

const excerptOf = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** `text`: how this reader sees the case's texts (a county: the reporter's details masked). */
export function presentSummary(r: CaseRow, today: string, text = (s: string) => s): CaseSummary {
  return {
    id: r.id,
    kind: r.kind,
    trackingNumber: r.tracking_number,
    status: r.status,
    category: r.category,
    county: r.county,
    subject: r.subject === null ? null : text(r.subject),
    excerpt: excerptOf(text(r.description)),
    receivedOn: r.received_on,
    dueOn: r.due_on,
    timeliness: r.due_on ? timeliness(r.due_on, today) : null,
    assignedUnitId: r.assigned_unit_id,
    assignedUnitName: r.assigned_unit_name ?? null,
    extensionState: r.extension_state,
    anonymous: r.anonymous === 1,
    isDemo: r.is_demo === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export const presentEvent = (e: EventRow): CaseEvent => ({
  id: e.id,
  at: e.at,
  action: e.action,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  note: e.note,
  public: e.public === 1,
  actorName: e.actor_name,
  unitName: e.unit_name,
});

const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  ...CASE_ACTION_LABELS,
  filed: { zh: '已登记', en: 'Filed' },
  extensionApproved: { zh: '延长办理期限', en: 'Time limit extended' },
  rated: { zh: '评价办理结果', en: 'Rated' },
  published: { zh: '答复已公开', en: 'Reply published' },
};

export interface PublicCaseView {
  kind: CaseRow['kind'];
  trackingNumber: string;
  status: CaseRow['status'];
  statusLabel: { zh: string; en: string };
  receivedOn: string;
  dueOn: string | null;
  steps: Array<{ at: string; label: { zh: string; en: string }; note: string | null }>;
  reply: string | null;
  repliedAt: string | null;
  answerType: InfoAnswerType | null;
  answerBasis: string | null;
  decisionReason: string | null;
  redirectTo: string | null;
  rating: number | null;
  canRate: boolean;
  canComplete: boolean;
}

/** `today` (China time): whether the completion form is still offered is the workflow's rule (art. 30). */
export function presentPublic(r: CaseRow, events: EventRow[], today: string): PublicCaseView {
  return {
    kind: r.kind,
    trackingNumber: r.tracking_number,
    status: r.status,
    statusLabel: CASE_STATUS_LABELS[r.status],
    receivedOn: r.received_on,
    dueOn: r.due_on,
    steps: events
      // a reply taken off the portal no longer says it is published there
      .filter((e) => e.public === 1 && (e.action !== 'published' || r.published === 1))
      .map((e) => ({
        at: e.at,
        label: EVENT_LABELS[e.action] ?? { zh: e.action, en: e.action },
        note: e.note,
      })),
    reply: r.reply_text,
    repliedAt: r.replied_at,
    answerType: r.answer_type,
    answerBasis: r.answer_basis,
    decisionReason: r.decision_reason,
    redirectTo: r.redirect_to,
    rating: r.rating,
    canRate: (r.status === 'replied' || r.status === 'closed') && r.rating === null,
    canComplete:
      'to' in
      caseTransition(r, 'complete', 'person', {
        today,
        completionDue: r.status === 'needsCompletion' ? r.due_on : null,
      }),
  };
}
