// The columns of the submissions list's .xlsx export (the whole filtered result, decision 126): what the
// list shows, in words, plus what a reviewer or the information centre reconciles against.
import {
  ADOPTION_LEVEL_LABELS,
  INSTRUCTION_LEVEL_LABELS,
  OUTLET_LEVEL_LABELS,
  SUBMISSION_KIND_LABELS,
  SUBMISSION_STATUS_LABELS,
  SUBMISSION_THEME_LABELS,
  type Submission,
} from '@greenvoice/common';
import { chinaTime, type ExportColumn, type ExportLang } from '../../spreadsheets/xlsx-export.ts';

type Label = { zh: string; en: string };
const say = <K extends string>(labels: Record<K, Label>, code: K | null, lang: ExportLang) =>
  code === null ? null : (labels[code]?.[lang] ?? code);

export const SUBMISSION_EXPORT_COLUMNS: ExportColumn<Submission>[] = [
  { header: { zh: '编号', en: 'No.' }, width: 8, value: (s) => s.id },
  { header: { zh: '标题', en: 'Title' }, width: 48, value: (s) => s.title },
  { header: { zh: '单位', en: 'Unit' }, width: 22, value: (s) => s.unitName },
  {
    header: { zh: '联合报送单位', en: 'Joint units' },
    width: 22,
    value: (s) => s.coUnits.map((u) => u.name).join('、'),
  },
  { header: { zh: '类型', en: 'Kind' }, width: 12, value: (s, l) => say(SUBMISSION_KIND_LABELS, s.kind, l) },
  { header: { zh: '日期', en: 'Date' }, width: 12, value: (s) => s.date },
  { header: { zh: '媒体', en: 'Outlet' }, width: 20, value: (s) => s.outletName },
  {
    header: { zh: '媒体级别', en: 'Outlet level' },
    width: 10,
    value: (s, l) => say(OUTLET_LEVEL_LABELS, s.outletLevel, l),
  },
  {
    header: { zh: '主题', en: 'Themes' },
    width: 20,
    value: (s, l) =>
      s.themes
        .map((t) => say(SUBMISSION_THEME_LABELS, t as keyof typeof SUBMISSION_THEME_LABELS, l))
        .join('、'),
  },
  {
    header: { zh: '状态', en: 'Status' },
    width: 10,
    value: (s, l) => say(SUBMISSION_STATUS_LABELS, s.status, l),
  },
  {
    header: { zh: '采用级别', en: 'Adoption' },
    width: 10,
    value: (s, l) => say(ADOPTION_LEVEL_LABELS, s.adoptionLevel, l),
  },
  {
    header: { zh: '领导批示', en: 'Leader instruction' },
    width: 10,
    value: (s, l) => say(INSTRUCTION_LEVEL_LABELS, s.leaderInstruction, l),
  },
  { header: { zh: '数量', en: 'Quantity' }, width: 8, value: (s) => s.quantity },
  { header: { zh: '链接', en: 'Link' }, width: 40, value: (s) => s.link },
  { header: { zh: '报送人', en: 'Reported by' }, width: 10, value: (s) => s.createdByName },
  { header: { zh: '审核人', en: 'Reviewer' }, width: 10, value: (s) => s.reviewerName },
  { header: { zh: '审核意见', en: 'Review reason' }, width: 30, value: (s) => s.reviewReason },
  {
    header: { zh: '可能重复', en: 'Possible duplicates' },
    width: 14,
    value: (s) => s.duplicates.map((d) => `#${d.id}`).join(' '),
  },
  { header: { zh: '更新时间', en: 'Updated' }, width: 20, value: (s) => chinaTime(s.updatedAt) },
];
