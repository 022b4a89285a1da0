// Consultations on draft documents (意见征集, decision 146): a draft is published with its period; the
// public comments while it is open; comments are moderated before they show; after the period the
// bureau says, comment by comment, what it adopted and why not, and publishes a summary. Pure: the
// server enforces these, the portal and the console label with them.
export const CONSULTATION_PHASES = [
  'draft',
  'upcoming',
  'open',
  'closed',
  'resultPublished',
  'withdrawn',
] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];
export const CONSULTATION_PHASE_LABELS: Record<ConsultationPhase, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  upcoming: { zh: '即将开始', en: 'Not yet open' },
  open: { zh: '征集中', en: 'Open for comments' },
  closed: { zh: '已截止，待反馈', en: 'Closed, feedback pending' },
  resultPublished: { zh: '已反馈', en: 'Feedback published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const COMMENT_MODERATIONS = ['pending', 'shown', 'hidden'] as const;
export type CommentModeration = (typeof COMMENT_MODERATIONS)[number];
export const COMMENT_MODERATION_LABELS: Record<CommentModeration, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Awaiting moderation' },
  shown: { zh: '已公开', en: 'Shown' },
  hidden: { zh: '不公开', en: 'Not shown' },
};

export const COMMENT_ADOPTIONS = ['adopted', 'partlyAdopted', 'notAdopted'] as const;
export type CommentAdoption = (typeof COMMENT_ADOPTIONS)[number];
export const COMMENT_ADOPTION_LABELS: Record<CommentAdoption, { zh: string; en: string }> = {
  adopted: { zh: '采纳', en: 'Adopted' },
  partlyAdopted: { zh: '部分采纳', en: 'Partly adopted' },
  notAdopted: { zh: '未采纳', en: 'Not adopted' },
};

/** The period most drafts are open for (重大行政决策程序暂行条例 art. 15: 一般不少于30日). */
export const USUAL_CONSULTATION_DAYS = 30;

export interface ConsultationClock {
  status: 'draft' | 'published' | 'withdrawn';
  opensOn: string;
  closesOn: string;
  resultPublished: boolean;
}

/** Where a consultation stands on `today` (China date): the close day itself is still open. */
export function consultationPhase(c: ConsultationClock, today: string): ConsultationPhase {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'withdrawn') return 'withdrawn';
  if (c.resultPublished) return 'resultPublished';
  if (today < c.opensOn) return 'upcoming';
  if (today <= c.closesOn) return 'open';
  return 'closed';
}

/** Why the period cannot be used, or null. */
export function consultationPeriodProblem(
  opensOn: string,
  closesOn: string,
): { zh: string; en: string } | null {
  if (closesOn < opensOn)
    return { zh: '截止日期不能早于开始日期', en: 'The closing day cannot be before the opening day' };
  return null;
}

/** What the bureau may do in each phase: edit and publish a draft; moderate while open or closed;
 *  record adoption and publish the result only after the close day. */
export const consultationMay = {
  edit: (p: ConsultationPhase) => p === 'draft' || p === 'upcoming',
  publish: (p: ConsultationPhase) => p === 'draft',
  withdraw: (p: ConsultationPhase) => p === 'upcoming' || p === 'open',
  comment: (p: ConsultationPhase) => p === 'open',
  moderate: (p: ConsultationPhase) => p === 'open' || p === 'closed' || p === 'resultPublished',
  adopt: (p: ConsultationPhase) => p === 'closed',
  publishResult: (p: ConsultationPhase) => p === 'closed',
};
