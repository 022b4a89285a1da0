// 政府信息公开 as the 2019 regulation (政府信息公开条例) shapes it: the catalogue's categories, how an item
// is disclosed and whether it is still in force, and the ColumnType values of the national page
// specification (政府网站发展指引, 国办发〔2017〕47号). docs/decisions/111-government-information-disclosure.md.
import type { ChannelKind } from './channels.ts';

/** 政府信息公开目录: the catalogue's categories (art. 19–20, as environmental bureaus arrange them). */
export const DISCLOSURE_CATEGORIES = [
  'institution',
  'regulation',
  'planning',
  'licensing',
  'penalty',
  'quality',
  'emergency',
  'finance',
  'personnel',
  'proposals',
  'annual-report',
] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];

export const DISCLOSURE_CATEGORY_LABELS: Record<DisclosureCategory, { zh: string; en: string }> = {
  institution: { zh: '机构职能', en: 'Organisation and functions' },
  regulation: { zh: '法规文件', en: 'Regulations and normative documents' },
  planning: { zh: '规划计划', en: 'Plans and programmes' },
  licensing: { zh: '行政许可', en: 'Licensing (EIA approvals, permits)' },
  penalty: { zh: '行政处罚', en: 'Penalties and enforcement' },
  quality: { zh: '环境质量', en: 'Environmental quality' },
  emergency: { zh: '突发环境事件', en: 'Environmental emergencies' },
  finance: { zh: '财政资金', en: 'Budgets and public funds' },
  personnel: { zh: '人事信息', en: 'Personnel' },
  proposals: { zh: '建议提案办理', en: 'Deputies’ proposals' },
  'annual-report': { zh: '年度报告', en: 'Annual reports' },
};

/** 公开方式 */
export const DISCLOSURE_METHODS = ['active', 'request'] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];
export const DISCLOSURE_METHOD_LABELS: Record<DisclosureMethod, { zh: string; en: string }> = {
  active: { zh: '主动公开', en: 'Proactive' },
  request: { zh: '依申请公开', en: 'On request' },
};

/** 有效性 of a document */
export const DOCUMENT_VALIDITIES = ['valid', 'expired', 'repealed'] as const;
export type DocumentValidity = (typeof DOCUMENT_VALIDITIES)[number];
export const DOCUMENT_VALIDITY_LABELS: Record<DocumentValidity, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'In force' },
  expired: { zh: '失效', en: 'Expired' },
  repealed: { zh: '废止', en: 'Repealed' },
};

/** The channel code the annual disclosure reports are published in (the public-interaction issue writes them). */
export const ANNUAL_REPORT_CHANNEL = 'xxgknb';

/**
 * ColumnType values: the column classes of 政府网站发展指引 (信息发布: 概况信息 … 数据发布; 解读回应;
 * 办事服务; 互动交流) and its 专题专栏. A page never writes anything else into the tag.
 */
export const COLUMN_TYPES = [
  '概况信息',
  '机构职能',
  '负责人信息',
  '文件资料',
  '政务动态',
  '信息公开目录',
  '数据发布',
  '解读回应',
  '办事服务',
  '互动交流',
  '专题专栏',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** The ColumnType of a channel of each kind. */
export const CHANNEL_COLUMN_TYPES: Record<ChannelKind, ColumnType> = {
  news: '政务动态',
  notice: '政务动态',
  policy: '文件资料',
  disclosure: '信息公开目录',
  data: '数据发布',
  participation: '互动交流',
  media: '互动交流',
  special: '专题专栏',
};
