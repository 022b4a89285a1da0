// Which of a submission's fields count for its kind (common KIND_FIELDS): the others are cleared, so a
// draft whose kind changed keeps no stale outlet or quantity; and what must be filled before review.
import {
  KIND_FIELDS,
  type ActivityType,
  type AwardRank,
  type FieldError,
  type SubmissionKind,
} from '@greenvoice/common';

export interface SubmissionDraft {
  kind: SubmissionKind;
  title: string;
  date: string;
  outletId: number | null;
  link: string | null;
  themes: string[];
  activityType: ActivityType | null;
  awardRank: AwardRank | null;
  quantity: number | null;
  accountName: string | null;
  summary: string | null;
}

export function cleanForKind(d: SubmissionDraft): SubmissionDraft {
  const f = KIND_FIELDS[d.kind];
  const activityType = f.activityType === 'none' ? null : d.activityType;
  return {
    ...d,
    title: d.title.trim(),
    outletId: f.outlet === 'none' ? null : d.outletId,
    link: f.link === 'none' ? null : d.link?.trim() || null,
    activityType,
    awardRank: activityType === 'contestAward' ? d.awardRank : null,
    quantity: f.quantity === 'none' ? null : d.quantity,
    accountName: f.accountName === 'none' ? null : d.accountName?.trim() || null,
    summary: d.summary?.trim() || null,
  };
}

const need = (field: string, zh: string, en: string): FieldError => ({
  field,
  message: `请填写${zh}`,
  messageEn: `Enter the ${en}`,
});

/** What is still missing before it can go to review (a draft may be saved incomplete). */
export function missingForReview(d: SubmissionDraft): FieldError[] {
  const f = KIND_FIELDS[d.kind];
  const out: FieldError[] = [];
  if (!d.title.trim()) out.push(need('/title', '标题', 'title'));
  if (f.outlet === 'required' && d.outletId === null) out.push(need('/outletId', '刊发媒体', 'outlet'));
  if (f.link === 'required' && !d.link) out.push(need('/link', '链接', 'link'));
  if (f.activityType === 'required' && !d.activityType)
    out.push(need('/activityType', '活动类型', 'activity type'));
  if (d.activityType === 'contestAward' && !d.awardRank) out.push(need('/awardRank', '获奖等次', 'award'));
  if (f.quantity === 'required' && d.quantity === null)
    out.push(
      need('/quantity', f.quantityLabel?.zh ?? '数量', f.quantityLabel?.en.toLowerCase() ?? 'quantity'),
    );
  if (f.accountName === 'required' && !d.accountName)
    out.push(need('/accountName', '公众号名称', 'account name'));
  return out;
}

/** A date in the future (China time) or before the system's era is a typing mistake. */
export function dateProblem(date: string, today: string): FieldError | null {
  if (date > today)
    return { field: '/date', message: '日期不能晚于今天', messageEn: 'The date cannot be in the future' };
  if (date < '2000-01-01')
    return { field: '/date', message: '日期不能早于2000年', messageEn: 'The date cannot be before 2000' };
  return null;
}
