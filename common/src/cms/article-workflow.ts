// The portal's three-review publishing rule (三审三校): draft → submitted → reviewed → approved →
// published, as a closed state machine with separation of duties. Pure: the server enforces it, the
// console uses it to offer only the actions that can succeed.
import type { Permission } from '../roles.ts';

export const ARTICLE_STATUSES = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'published',
  'withdrawn',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待初审', en: 'Awaiting review' },
  reviewed: { zh: '待终审', en: 'Awaiting approval' },
  approved: { zh: '待发布', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤稿', en: 'Withdrawn' },
};

export const ARTICLE_ACTIONS = [
  'submit',
  'review',
  'approve',
  'publish',
  'return',
  'withdraw',
  'archive',
  'unarchive',
] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

export const ARTICLE_ACTION_LABELS: Record<ArticleAction, { zh: string; en: string }> = {
  submit: { zh: '送审', en: 'Submit for review' },
  review: { zh: '初审通过', en: 'Pass review' },
  approve: { zh: '终审签发', en: 'Approve' },
  publish: { zh: '发布', en: 'Publish' },
  return: { zh: '退回修改', en: 'Return for revision' },
  withdraw: { zh: '撤稿', en: 'Unpublish' },
  archive: { zh: '归档', en: 'Archive' },
  unarchive: { zh: '取消归档', en: 'Unarchive' },
};

/** Who took part in an article so far: the people separation of duties keeps apart. */
export interface ArticleParties {
  status: ArticleStatus;
  archived: boolean;
  createdBy: number;
  submittedBy: number | null;
  reviewedBy: number | null;
}

export type TransitionRefusal =
  | { kind: 'state'; zh: string; en: string }
  | { kind: 'permission' }
  | { kind: 'duty'; zh: string; en: string };

interface Rule {
  from: readonly ArticleStatus[];
  to: ArticleStatus | null; // null: status unchanged (archive flags)
  permission: Permission;
}

const RULES: Record<ArticleAction, Rule> = {
  submit: { from: ['draft'], to: 'submitted', permission: 'cms:edit' },
  review: { from: ['submitted'], to: 'reviewed', permission: 'cms:review' },
  approve: { from: ['reviewed'], to: 'approved', permission: 'cms:approve' },
  publish: { from: ['approved'], to: 'published', permission: 'cms:publish' },
  return: { from: ['submitted', 'reviewed', 'approved'], to: 'draft', permission: 'cms:review' },
  withdraw: { from: ['published'], to: 'withdrawn', permission: 'cms:publish' },
  archive: { from: ['published'], to: null, permission: 'cms:publish' },
  unarchive: { from: ['published'], to: null, permission: 'cms:publish' },
};

/** Statuses in which the text may be edited; editing a withdrawn article makes it a draft again. */
export const EDITABLE_STATUSES: readonly ArticleStatus[] = ['draft', 'withdrawn'];

/** The status after the action, or why it is refused. */
export function articleTransition(
  article: ArticleParties,
  action: ArticleAction,
  actor: { personId: number; permissions: ReadonlySet<Permission> },
): { ok: true; to: ArticleStatus } | { ok: false; refusal: TransitionRefusal } {
  const rule = RULES[action];
  // Returning an approved article is the approver's call, not the first reviewer's.
  const permission = action === 'return' && article.status === 'approved' ? 'cms:approve' : rule.permission;
  if (!actor.permissions.has(permission)) return { ok: false, refusal: { kind: 'permission' } };
  if (!rule.from.includes(article.status))
    return {
      ok: false,
      refusal: {
        kind: 'state',
        zh: `“${ARTICLE_STATUS_LABELS[article.status].zh}”状态的稿件不能${ARTICLE_ACTION_LABELS[action].zh}`,
        en: `An article that is "${ARTICLE_STATUS_LABELS[article.status].en}" cannot be: ${ARTICLE_ACTION_LABELS[action].en}`,
      },
    };
  if (action === 'archive' && article.archived)
    return { ok: false, refusal: { kind: 'state', zh: '稿件已归档', en: 'The article is already archived' } };
  if (action === 'unarchive' && !article.archived)
    return { ok: false, refusal: { kind: 'state', zh: '稿件未归档', en: 'The article is not archived' } };
  const me = actor.personId;
  const wrote = me === article.createdBy || me === article.submittedBy;
  if ((action === 'review' || (action === 'return' && article.status === 'submitted')) && wrote)
    return {
      ok: false,
      refusal: { kind: 'duty', zh: '不能审核自己撰写的稿件', en: 'You cannot review an article you wrote' },
    };
  if (
    (action === 'approve' || (action === 'return' && article.status !== 'submitted')) &&
    (wrote || me === article.reviewedBy)
  )
    return {
      ok: false,
      refusal: {
        kind: 'duty',
        zh: '终审须由撰稿人和初审人以外的人进行',
        en: 'Approval must come from someone other than the writer and the first reviewer',
      },
    };
  return { ok: true, to: rule.to ?? article.status };
}

/** The actions this actor could take on the article now (for the console's buttons). */
export function availableArticleActions(
  article: ArticleParties,
  actor: { personId: number; permissions: ReadonlySet<Permission> },
): ArticleAction[] {
  return ARTICLE_ACTIONS.filter((a) => articleTransition(article, a, actor).ok);
}
