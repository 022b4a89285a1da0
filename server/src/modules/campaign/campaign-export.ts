// The columns of the contact-registration board's .xlsx export (decision 126): one row per unit, both
// contacts with the date each was named, the date the unit reported, and where it stands.
import { UNIT_KIND_LABELS, type CampaignBoardRow } from '@greenvoice/common';
import type { ExportColumn } from '../../spreadsheets/xlsx-export.ts';

const STATUS: Record<CampaignBoardRow['status'], { zh: string; en: string }> = {
  done: { zh: '已按时报送', en: 'On time' },
  late: { zh: '逾期报送', en: 'Late' },
  pending: { zh: '待报送', en: 'Pending' },
  overdue: { zh: '已逾期未报送', en: 'Overdue' },
};

export const CAMPAIGN_EXPORT_COLUMNS: ExportColumn<CampaignBoardRow>[] = [
  { header: { zh: '单位', en: 'Unit' }, width: 26, value: (r) => r.unitName },
  { header: { zh: '单位类型', en: 'Kind' }, width: 14, value: (r, l) => UNIT_KIND_LABELS[r.kind][l] },
  { header: { zh: '分管领导', en: 'Deputy leader' }, width: 12, value: (r) => r.deputyLeader?.name },
  { header: { zh: '领导手机', en: 'Leader mobile' }, width: 14, value: (r) => r.deputyLeader?.mobileMasked },
  {
    header: { zh: '领导确定日期', en: 'Leader named on' },
    width: 14,
    value: (r) => r.deputyLeader?.namedAt.slice(0, 10),
  },
  { header: { zh: '信息员', en: 'Information officer' }, width: 12, value: (r) => r.officer?.name },
  { header: { zh: '信息员手机', en: 'Officer mobile' }, width: 14, value: (r) => r.officer?.mobileMasked },
  {
    header: { zh: '信息员确定日期', en: 'Officer named on' },
    width: 14,
    value: (r) => r.officer?.namedAt.slice(0, 10),
  },
  { header: { zh: '单位报送日期', en: 'Reported on' }, width: 14, value: (r) => r.reportedOn },
  { header: { zh: '状态', en: 'Status' }, width: 10, value: (r, l) => STATUS[r.status][l] },
];
