// The events (activity ledger) as .xlsx: the list's own rows and order, in Chinese or English.
import {
  ACTIVITY_KIND_LABELS,
  AUDIENCE_KIND_LABELS,
  FIVE_INTO_TARGET_LABELS,
  type Activity,
} from '@greenvoice/common';
import type { ListExport } from '../../spreadsheets/xlsx-export.ts';

export const ACTIVITIES_EXPORT: ListExport<Activity> = {
  list: 'activities',
  sheet: { zh: '活动台账', en: 'Activities' },
  columns: [
    { header: { zh: '日期', en: 'Date' }, width: 12, value: (a) => a.heldOn },
    { header: { zh: '季度', en: 'Quarter' }, width: 9, value: (a) => a.quarter },
    { header: { zh: '单位', en: 'Unit' }, width: 20, value: (a) => a.unitName },
    { header: { zh: '类型', en: 'Kind' }, width: 16, value: (a, l) => ACTIVITY_KIND_LABELS[a.kind][l] },
    {
      header: { zh: '“五进”对象', en: 'Five-into target' },
      width: 10,
      value: (a, l) => (a.target ? FIVE_INTO_TARGET_LABELS[a.target][l] : ''),
    },
    { header: { zh: '活动名称', en: 'Title' }, width: 30, value: (a) => a.title },
    { header: { zh: '地点', en: 'Place' }, width: 20, value: (a) => a.place },
    { header: { zh: '主办/组织', en: 'Organiser' }, width: 20, value: (a) => a.organiser },
    { header: { zh: '主讲人', en: 'Speaker' }, width: 10, value: (a) => a.speaker ?? '' },
    { header: { zh: '合作方', en: 'Partner' }, width: 16, value: (a) => a.partner ?? '' },
    {
      header: { zh: '对象', en: 'Audience' },
      width: 16,
      value: (a, l) => (a.audienceKind ? AUDIENCE_KIND_LABELS[a.audienceKind][l] : ''),
    },
    { header: { zh: '人数', en: 'Attendance' }, width: 8, value: (a) => a.audienceCount },
    {
      header: { zh: '主题', en: 'Themes' },
      width: 20,
      value: (a, l) => a.themes.join(l === 'zh' ? '、' : ', '),
    },
    { header: { zh: '相关报道数', en: 'Reports' }, width: 10, value: (a) => a.reports.length },
  ],
};
