// The interview list as .xlsx (decision 126): every unit the plan's rule proposes and every interview
// leadership confirmed (withdrawn ones too — the list is a record), one row each.
import type { InterviewList } from '@greenvoice/common';
import type { ExportColumn } from '../../spreadsheets/xlsx-export.ts';

type Confirmed = InterviewList['confirmed'][number];
export interface InterviewExportRow {
  unitName: string;
  reason: string;
  reasonEn: string;
  interview: Confirmed | null;
}

const STATUS = {
  proposed: { zh: '建议约谈（待确认）', en: 'Proposed (not confirmed)' },
  scheduled: { zh: '待约谈', en: 'Scheduled' },
  held: { zh: '已约谈，整改中', en: 'Held, rectifying' },
  rectified: { zh: '已整改', en: 'Rectified' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** confirmed interviews first (as leadership listed them), then the proposals nobody has confirmed */
export function interviewExportRows(list: InterviewList): InterviewExportRow[] {
  const confirmed = list.confirmed.map((i) => ({
    unitName: i.unitName,
    reason: i.reason,
    reasonEn: list.candidates.find((c) => c.unitId === i.unitId)?.reasonEn ?? i.reason,
    interview: i,
  }));
  const open = list.candidates
    .filter((c) => c.interviewId === null)
    .map((c) => ({ unitName: c.unitName, reason: c.reason, reasonEn: c.reasonEn, interview: null }));
  return [...confirmed, ...open];
}

export const INTERVIEW_EXPORT_COLUMNS: ExportColumn<InterviewExportRow>[] = [
  { header: { zh: '单位', en: 'Unit' }, width: 26, value: (r) => r.unitName },
  { header: { zh: '原因', en: 'Reason' }, width: 40, value: (r, l) => (l === 'en' ? r.reasonEn : r.reason) },
  {
    header: { zh: '状态', en: 'Status' },
    width: 18,
    value: (r, l) => STATUS[r.interview?.status ?? 'proposed'][l],
  },
  { header: { zh: '通知文号', en: 'Notice number' }, width: 18, value: (r) => r.interview?.docNumber },
  { header: { zh: '约谈日期', en: 'Date' }, width: 12, value: (r) => r.interview?.date },
  { header: { zh: '时间', en: 'Time' }, width: 8, value: (r) => r.interview?.time },
  { header: { zh: '地点', en: 'Place' }, width: 20, value: (r) => r.interview?.place },
  { header: { zh: '约谈人', en: 'Interviewer' }, width: 14, value: (r) => r.interview?.interviewer },
  { header: { zh: '确认人', en: 'Confirmed by' }, width: 10, value: (r) => r.interview?.confirmedBy },
  { header: { zh: '约谈完成日期', en: 'Held on' }, width: 12, value: (r) => r.interview?.heldOn },
  { header: { zh: '整改要求', en: 'Rectification' }, width: 30, value: (r) => r.interview?.rectification },
  { header: { zh: '整改期限', en: 'Due' }, width: 12, value: (r) => r.interview?.rectificationDue },
  { header: { zh: '整改完成日期', en: 'Rectified on' }, width: 12, value: (r) => r.interview?.rectifiedOn },
  {
    header: { zh: '撤回原因', en: 'Withdrawn because' },
    width: 24,
    value: (r) => r.interview?.withdrawnReason,
  },
];
