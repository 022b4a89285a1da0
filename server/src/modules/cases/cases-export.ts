// The case queue's .xlsx export (decision 123): the queue's columns in words, the whole filtered result
// through the queue's own function — so a county handler's file holds only the cases assigned to it.
import {
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  REPORT_CATEGORY_LABELS,
  TIMELINESS_LABELS,
  type CaseSummary,
} from '@greenvoice/common';
import type { ListExport } from '../../spreadsheets/xlsx-export.ts';

const EXTENSION_LABELS = {
  none: null,
  requested: { zh: '延期待批', en: 'Extension asked' },
  approved: { zh: '已批准延期', en: 'Extension approved' },
  refused: { zh: '延期未批准', en: 'Extension refused' },
} as const;

export const CASES_EXPORT: ListExport<CaseSummary> = {
  list: 'cases',
  sheet: { zh: '政民互动', en: 'Cases' },
  columns: [
    { header: { zh: '编号', en: 'Number' }, width: 22, value: (c) => c.trackingNumber },
    { header: { zh: '类型', en: 'Kind' }, width: 12, value: (c, l) => CASE_KIND_LABELS[c.kind][l] },
    { header: { zh: '状态', en: 'Status' }, width: 12, value: (c, l) => CASE_STATUS_LABELS[c.status][l] },
    {
      header: { zh: '类别', en: 'Category' },
      width: 12,
      value: (c, l) => (c.category ? REPORT_CATEGORY_LABELS[c.category][l] : null),
    },
    { header: { zh: '内容', en: 'What' }, width: 40, value: (c) => c.subject ?? c.excerpt },
    { header: { zh: '收到日期', en: 'Received' }, width: 12, value: (c) => c.receivedOn },
    { header: { zh: '办理期限', en: 'Due' }, width: 12, value: (c) => c.dueOn },
    {
      header: { zh: '时限', en: 'Time limit' },
      width: 14,
      value: (c, l) => (c.timeliness ? TIMELINESS_LABELS[c.timeliness][l] : null),
    },
    {
      header: { zh: '延期', en: 'Extension' },
      width: 12,
      value: (c, l) => EXTENSION_LABELS[c.extensionState]?.[l] ?? null,
    },
    { header: { zh: '承办单位', en: 'Assigned to' }, width: 20, value: (c) => c.assignedUnitName },
    { header: { zh: '县区', en: 'County' }, width: 12, value: (c) => c.county },
  ],
};
