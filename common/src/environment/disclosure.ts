// Enterprise environmental information disclosure (企业环境信息依法披露管理办法, 部令第24号): the eight
// parts of the annual report, the kinds of disclosure record, and their deadlines. Pure data and rules.
import type { Bilingual } from './aqi.ts';

export const ANNUAL_REPORT_PARTS = [
  'basicInfo',
  'management',
  'emissions',
  'carbon',
  'emergency',
  'violations',
  'temporary',
  'other',
] as const;
export type AnnualReportPart = (typeof ANNUAL_REPORT_PARTS)[number];

export const ANNUAL_REPORT_PART_LABELS: Record<AnnualReportPart, Bilingual> = {
  basicInfo: { zh: '企业基本信息', en: 'Basic information' },
  management: { zh: '企业环境管理信息', en: 'Environmental management' },
  emissions: { zh: '污染物产生、治理与排放信息', en: 'Pollutants and emissions' },
  carbon: { zh: '碳排放信息', en: 'Carbon emissions' },
  emergency: { zh: '生态环境应急信息', en: 'Emergency response and plans' },
  violations: { zh: '生态环境违法信息', en: 'Violations' },
  temporary: { zh: '本年度临时环境信息依法披露情况', en: 'Temporary disclosures of the year' },
  other: { zh: '法律法规规定的其他环境信息', en: 'Other information required by law' },
};

export const DISCLOSURE_KINDS = ['annual', 'temporary', 'emergencyPlan', 'penalty'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, Bilingual> = {
  annual: { zh: '年度环境信息依法披露报告', en: 'Annual report' },
  temporary: { zh: '临时环境信息依法披露报告', en: 'Temporary report' },
  emergencyPlan: { zh: '突发环境事件应急预案备案', en: 'Emergency plan filed' },
  penalty: { zh: '行政处罚', en: 'Penalty' },
};

/** The annual-report part each kind of record is shown under on the enterprise's page. */
export const DISCLOSURE_KIND_PART: Record<Exclude<DisclosureKind, 'annual'>, AnnualReportPart> = {
  temporary: 'temporary',
  emergencyPlan: 'emergency',
  penalty: 'violations',
};

/** Annual report for year Y: by 15 March of Y + 1 (部令第24号 第十四条). */
export const annualReportDue = (year: number) => `${year + 1}-03-15`;
/** Temporary report: within 5 working days of the event (第十六条). */
export const TEMPORARY_REPORT_WORKING_DAYS = 5;

/**
 * Which rule a disclosure's deadline comes from (decision 115). 部令第24号 (企业环境信息依法披露管理办法)
 * took effect on 2022-02-08: its temporary-report deadline binds events from that day, and its annual
 * report binds the reporting years whose list of enterprises was drawn under it — 2022 on (first
 * reports due 2023-03-15). Before it, 部令第31号 (企业事业单位环境信息公开办法, 2015-01-01) asked a key
 * discharging unit to publish new or changed information within 30 days and set no annual report, so
 * an earlier year owes no annual report and an earlier event is counted in 30 calendar days.
 */
export const DISCLOSURE_RULES = ['order31', 'order24'] as const;
export type DisclosureRule = (typeof DISCLOSURE_RULES)[number];
export const ORDER_24_IN_FORCE = '2022-02-08';
export const ORDER_31_IN_FORCE = '2015-01-01';
export const FIRST_ANNUAL_REPORT_YEAR = 2022;
/** 部令第31号 第十三条: new or changed information within 30 days (calendar days: the order says 日). */
export const ORDER_31_NEW_INFO_DAYS = 30;
export const DISCLOSURE_RULE_LABELS: Record<DisclosureRule, Bilingual> = {
  order31: { zh: '部令第31号（30日内公开）', en: 'Order No. 31 (within 30 days)' },
  order24: { zh: '部令第24号', en: 'Order No. 24' },
};

/** The rule an event on `date` (YYYY-MM-DD) was to be disclosed under; null before either existed. */
export function temporaryReportRule(date: string): DisclosureRule | null {
  if (date >= ORDER_24_IN_FORCE) return 'order24';
  return date >= ORDER_31_IN_FORCE ? 'order31' : null;
}

/** Whether the year's annual report is owed at all: only under 部令第24号. */
export const annualReportOwed = (year: number) => year >= FIRST_ANNUAL_REPORT_YEAR;

export const OBLIGATION_STATUSES = ['onTime', 'late', 'pending', 'overdue'] as const;
/** onTime / late: published by / after the due date; pending: not yet, not yet due; overdue: not yet, past due */
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export function obligationStatus(dueOn: string, publishedOn: string | null, asOf: string): ObligationStatus {
  if (publishedOn !== null) return publishedOn <= dueOn ? 'onTime' : 'late';
  return asOf > dueOn ? 'overdue' : 'pending';
}

export const CONTROL_LEVELS = ['national', 'provincial', 'city'] as const;
export type ControlLevel = (typeof CONTROL_LEVELS)[number];
export const CONTROL_LEVEL_LABELS: Record<ControlLevel, Bilingual> = {
  national: { zh: '国控', en: 'National' },
  provincial: { zh: '省控', en: 'Provincial' },
  city: { zh: '市控', en: 'City' },
};

export const INCIDENT_LEVELS = ['general', 'larger', 'major', 'especiallyMajor'] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];
/** 国家突发环境事件应急预案: 一般 / 较大 / 重大 / 特别重大 */
export const INCIDENT_LEVEL_LABELS: Record<IncidentLevel, Bilingual> = {
  general: { zh: '一般', en: 'General' },
  larger: { zh: '较大', en: 'Larger' },
  major: { zh: '重大', en: 'Major' },
  especiallyMajor: { zh: '特别重大', en: 'Especially major' },
};
export const INCIDENT_STATUSES = ['responding', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, Bilingual> = {
  responding: { zh: '处置中', en: 'Responding' },
  closed: { zh: '已处置完毕', en: 'Closed' },
};
