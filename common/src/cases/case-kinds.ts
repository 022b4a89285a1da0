// The kinds of public case GreenVoice takes in, and what each kind's form carries
// (docs/public-interaction.md). Pure: the server enforces it, the portal and console label with it.

export const CASE_KINDS = ['report', 'mailbox', 'consultation', 'infoRequest', 'draftComment'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, { zh: string; en: string }> = {
  report: { zh: '12369环保举报', en: '12369 environmental report' },
  mailbox: { zh: '局长信箱', en: "Director's mailbox" },
  consultation: { zh: '咨询', en: 'Consultation' },
  infoRequest: { zh: '依申请公开', en: 'Information request' },
  draftComment: { zh: '意见征集', en: 'Comment on a draft' },
};

/** The tracking number's prefix for each kind: 举报 JB, 信箱 XX, 咨询 ZX, 公开 GK, 意见 YJ. */
export const CASE_KIND_PREFIX: Record<CaseKind, string> = {
  report: 'JB',
  mailbox: 'XX',
  consultation: 'ZX',
  infoRequest: 'GK',
  draftComment: 'YJ',
};

export const REPORT_CATEGORIES = [
  'air',
  'water',
  'noise',
  'solidWaste',
  'soil',
  'ecology',
  'radiation',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, { zh: string; en: string }> = {
  air: { zh: '大气污染', en: 'Air' },
  water: { zh: '水污染', en: 'Water' },
  noise: { zh: '噪声污染', en: 'Noise' },
  solidWaste: { zh: '固体废物', en: 'Solid waste' },
  soil: { zh: '土壤污染', en: 'Soil' },
  ecology: { zh: '生态破坏', en: 'Ecology' },
  radiation: { zh: '辐射污染', en: 'Radiation' },
  other: { zh: '其他', en: 'Other' },
};

export const APPLICANT_TYPES = ['citizen', 'legalPerson'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, { zh: string; en: string }> = {
  citizen: { zh: '公民', en: 'Citizen' },
  legalPerson: { zh: '法人或其他组织', en: 'Legal person or organisation' },
};

/** What kind of organisation a legal-person applicant is: the columns of the national annual report's
 *  table 三 (国办公开办函〔2021〕30号), so that each request counts where the template puts it. */
export const ORGANISATION_KINDS = [
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, { zh: string; en: string }> = {
  commercial: { zh: '商业企业', en: 'Business' },
  research: { zh: '科研机构', en: 'Research institution' },
  publicInterest: { zh: '社会公益组织', en: 'Public-interest organisation' },
  legalService: { zh: '法律服务机构', en: 'Legal-service provider' },
  other: { zh: '其他', en: 'Other' },
};

export const INFO_FORMS = ['paper', 'electronic'] as const;
export type InfoForm = (typeof INFO_FORMS)[number];
export const INFO_FORM_LABELS: Record<InfoForm, { zh: string; en: string }> = {
  paper: { zh: '纸质', en: 'Paper' },
  electronic: { zh: '电子文件', en: 'Electronic file' },
};
export const INFO_DELIVERIES = ['post', 'email', 'collect', 'online'] as const;
export type InfoDelivery = (typeof INFO_DELIVERIES)[number];
export const INFO_DELIVERY_LABELS: Record<InfoDelivery, { zh: string; en: string }> = {
  post: { zh: '邮寄', en: 'By post' },
  email: { zh: '电子邮件', en: 'By email' },
  collect: { zh: '当面领取', en: 'Collected in person' },
  online: { zh: '网上查询', en: 'Online, with the tracking number' },
};

/** 政府信息公开条例 art. 36: the answers an information request may get. */
export const INFO_ANSWER_TYPES = [
  'alreadyPublic',
  'disclosed',
  'partlyDisclosed',
  'notDisclosed',
  'doesNotExist',
  'notThisAgency',
  'repeatRequest',
  'otherChannel',
] as const;
export type InfoAnswerType = (typeof INFO_ANSWER_TYPES)[number];
export const INFO_ANSWER_LABELS: Record<InfoAnswerType, { zh: string; en: string }> = {
  alreadyPublic: { zh: '已主动公开（告知获取方式和途径）', en: 'Already public (where to find it)' },
  disclosed: { zh: '予以公开', en: 'Disclosed' },
  partlyDisclosed: { zh: '部分公开', en: 'Partly disclosed' },
  notDisclosed: { zh: '不予公开（说明理由）', en: 'Not disclosed (with the legal basis)' },
  doesNotExist: { zh: '本机关不掌握该政府信息', en: 'The information does not exist here' },
  notThisAgency: { zh: '不属于本机关负责公开（告知负责机关）', en: 'Not this agency (which one is)' },
  repeatRequest: { zh: '重复申请，不予重复处理', en: 'Repeat request, not processed again' },
  otherChannel: { zh: '不属于政府信息公开申请（告知办理渠道）', en: 'Not an information request (channel)' },
};
/** Answer types that must say more: the legal basis, the agency, the channel, or where it is public. */
export const INFO_ANSWER_NEEDS_BASIS: readonly InfoAnswerType[] = [
  'alreadyPublic',
  'partlyDisclosed',
  'notDisclosed',
  'notThisAgency',
  'otherChannel',
];

/** Kinds whose reply may be published on the portal (with personal details removed). */
export const PUBLISHABLE_KINDS: readonly CaseKind[] = ['mailbox', 'consultation'];
/** Kinds the person may file without giving who they are. */
export const ANONYMOUS_KINDS: readonly CaseKind[] = ['report'];
/** Kinds that can be assigned to a county bureau. */
export const ASSIGNABLE_KINDS: readonly CaseKind[] = ['report', 'mailbox', 'consultation'];

/** At most this many photos with one report (and the size of each, as the evidence files). */
export const REPORT_MAX_PHOTOS = 5;
export const REPORT_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** 政府信息公开条例 art. 14–16: why information is not disclosed — the rows of the annual report's
 *  table (国办公开办函〔2021〕30号); a notDisclosed answer names one. */
export const WITHHOLD_GROUNDS = [
  'stateSecret',
  'lawForbids',
  'safetyStability',
  'thirdParty',
  'internalAffairs',
  'processInformation',
  'enforcementFile',
  'queryMatter',
] as const;
export type WithholdGround = (typeof WITHHOLD_GROUNDS)[number];
export const WITHHOLD_GROUND_LABELS: Record<WithholdGround, { zh: string; en: string }> = {
  stateSecret: { zh: '属于国家秘密', en: 'State secret' },
  lawForbids: { zh: '其他法律行政法规禁止公开', en: 'Forbidden by another law' },
  safetyStability: { zh: '危及“三安全一稳定”', en: 'Endangers security or stability' },
  thirdParty: { zh: '保护第三方合法权益', en: 'Protects a third party' },
  internalAffairs: { zh: '属于三类内部事务信息', en: 'Internal affairs' },
  processInformation: { zh: '属于四类过程性信息', en: 'Process information' },
  enforcementFile: { zh: '属于行政执法案卷', en: 'Enforcement file' },
  queryMatter: { zh: '属于行政查询事项', en: 'An administrative query matter' },
};
