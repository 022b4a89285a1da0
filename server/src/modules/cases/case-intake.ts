// What the public's forms carry, checked field by field (docs/public-interaction.md "Forms"): each
// problem names its field so the portal can answer it next to that field, in Chinese and English.
import {
  isOneOf,
  ANONYMOUS_KINDS,
  APPLICANT_TYPES,
  INFO_DELIVERIES,
  INFO_FORMS,
  ORGANISATION_KINDS,
  REPORT_CATEGORIES,
  normaliseMobile,
  type ApplicantType,
  type CaseKind,
  type InfoDelivery,
  type InfoForm,
  type OrganisationKind,
  type ReportCategory,
} from '@greenvoice/common';
import type { ReporterDetails } from './cases-keys.ts';

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

export interface IntakeInput {
  kind: CaseKind;
  category: ReportCategory | null;
  county: string | null;
  address: string | null;
  subject: string | null;
  description: string;
  publicReplyWanted: boolean;
  anonymous: boolean;
  identityShared: boolean;
  applicantType: ApplicantType | null;
  organisationKind: OrganisationKind | null;
  infoForm: InfoForm | null;
  infoDelivery: InfoDelivery | null;
  reporter: ReporterDetails | null;
  /** a comment on a draft: the consultation it answers */
  consultationId: number | null;
}

const LIMITS = {
  description: 5000,
  subject: 100,
  address: 200,
  name: 50,
  organisation: 100,
  phone: 30,
  email: 100,
  idNumber: 30,
} as const;

const text = (f: Record<string, string>, name: string) => (f[name] ?? '').replace(/\r\n/g, '\n').trim();
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** Reads one form's fields; `counties` are the places the bureau's portal offers. */
export function parseIntake(
  kind: CaseKind,
  f: Record<string, string>,
  counties: readonly string[],
): { input: IntakeInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const need = (field: string, zh: string, en: string) => problems.push({ field, zh, en });
  const value = (name: keyof typeof LIMITS) => {
    const v = text(f, name);
    if (v.length > LIMITS[name])
      need(name, `不能超过 ${LIMITS[name]} 个字`, `At most ${LIMITS[name]} characters`);
    return v;
  };

  const description = value('description');
  if (!description)
    need(
      'description',
      kind === 'infoRequest' ? '请描述所申请的政府信息' : '请填写具体内容',
      kind === 'infoRequest' ? 'Describe the information you ask for' : 'Please write what it is about',
    );
  else if (description.length < 10 && kind !== 'infoRequest')
    need('description', '内容过短，请至少写 10 个字', 'Too short: please write at least 10 characters');

  let category: ReportCategory | null = null;
  let county: string | null = null;
  let address: string | null = null;
  if (kind === 'report') {
    const c = text(f, 'category');
    if (isOneOf(REPORT_CATEGORIES, c)) category = c;
    else need('category', '请选择举报类别', 'Choose what kind of pollution it is');
    const place = text(f, 'county');
    if (counties.includes(place)) county = place;
    else need('county', '请选择事发地所在区县', 'Choose the county where it happens');
    address = value('address') || null;
    if (!address) need('address', '请填写事发的具体地点', 'Say where exactly it happens');
  }

  let subject: string | null = null;
  if (kind === 'mailbox' || kind === 'consultation') {
    subject = value('subject') || null;
    if (!subject) need('subject', '请填写标题', 'Give your letter a subject');
  }

  const anonymous = ANONYMOUS_KINDS.includes(kind) && f.anonymous === '1';
  let reporter: ReporterDetails | null = null;
  let applicantType: ApplicantType | null = null;
  let organisationKind: OrganisationKind | null = null;
  let infoForm: InfoForm | null = null;
  let infoDelivery: InfoDelivery | null = null;
  if (!anonymous) {
    const name = value('name');
    const organisation = value('organisation');
    const phone = value('phone').replace(/\s/g, '');
    const email = value('email');
    const idNumber = value('idNumber').toUpperCase();
    const postal = value('address');
    if (kind === 'infoRequest') {
      const t = text(f, 'applicantType');
      if (isOneOf(APPLICANT_TYPES, t)) applicantType = t;
      else need('applicantType', '请选择申请人类型', 'Choose who is applying');
      if (applicantType === 'legalPerson' && !organisation)
        need('organisation', '请填写法人或其他组织名称', 'Give the organisation’s name');
      // the annual report counts a legal person's request under its kind of organisation (decision 191)
      if (applicantType === 'legalPerson') {
        const k = text(f, 'organisationKind');
        if (isOneOf(ORGANISATION_KINDS, k)) organisationKind = k;
        else
          need(
            'organisationKind',
            '请选择法人或其他组织的类型',
            'Choose what kind of organisation is applying',
          );
      }
      if (!idNumber)
        need(
          'idNumber',
          applicantType === 'legalPerson' ? '请填写统一社会信用代码' : '请填写身份证件号码',
          applicantType === 'legalPerson'
            ? 'Give the unified credit code'
            : 'Give your identity document number',
        );
      const form = text(f, 'infoForm');
      if (isOneOf(INFO_FORMS, form)) infoForm = form;
      else need('infoForm', '请选择所需信息的形式', 'Choose the form you want the information in');
      const d = text(f, 'infoDelivery');
      if (isOneOf(INFO_DELIVERIES, d)) infoDelivery = d;
      else need('infoDelivery', '请选择获取信息的方式', 'Choose how you want to receive it');
      if (infoDelivery === 'post' && !postal)
        need('address', '选择邮寄时请填写通信地址', 'Give a postal address for delivery by post');
      if (infoDelivery === 'email' && !email)
        need('email', '选择电子邮件时请填写邮箱', 'Give an email address for delivery by email');
    }
    if (!name)
      need(
        'name',
        kind === 'report' ? '请填写姓名，或选择匿名举报' : '请填写姓名',
        kind === 'report' ? 'Give your name, or report anonymously' : 'Give your name',
      );
    if (!phone && !email)
      need(
        'phone',
        '请至少留下电话或邮箱中的一项，以便答复',
        'Leave a phone number or an email for the reply',
      );
    if (phone && !normaliseMobile(phone) && !LANDLINE.test(phone))
      need(
        'phone',
        '电话号码格式不正确（手机 11 位，座机如 0736-7221234）',
        'Not a phone number (mobile: 11 digits; landline like 0736-7221234)',
      );
    if (email && !EMAIL.test(email)) need('email', '邮箱格式不正确', 'Not an email address');
    reporter = {
      name: name || null,
      phone: phone || null,
      email: email || null,
      address: kind === 'report' ? null : postal || null,
      idNumber: idNumber || null,
      organisation: organisation || null,
    };
  }

  return {
    input: {
      kind,
      category,
      county,
      address,
      subject,
      description,
      publicReplyWanted: (kind === 'mailbox' || kind === 'consultation') && f.publicReply === '1',
      anonymous,
      identityShared: kind === 'report' && !anonymous && f.shareIdentity === '1',
      applicantType,
      organisationKind,
      infoForm,
      infoDelivery,
      reporter,
      consultationId: null,
    },
    problems,
  };
}
