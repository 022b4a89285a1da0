// The annual government-information-disclosure report (政府信息公开工作年度报告, 条例 art. 49–50;
// decision 148) in the national format (国办公开办函〔2021〕30号): six sections, the tables of
// proactive disclosure, of requests received and handled by applicant and outcome, and of review and
// litigation. The system counts what it knows; the rest is what staff enter. Pure: the console, the
// portal article and the Word document show the same tables.
import type { ApplicantType, InfoAnswerType, OrganisationKind, WithholdGround } from './case-kinds.ts';
import {
  ORGANISATION_KINDS,
  ORGANISATION_KIND_LABELS,
  WITHHOLD_GROUNDS,
  WITHHOLD_GROUND_LABELS,
} from './case-kinds.ts';

/** The national table's applicant columns: 自然人, the five kinds of 法人或其他组织 the form asks a legal
 *  person for (decision 191; a request filed before it asked counts as 其他), and 总计. */
export const APPLICANT_COLUMNS = [
  '自然人',
  ...ORGANISATION_KINDS.map((k) => ORGANISATION_KIND_LABELS[k].zh),
  '总计',
];

/** The outcome rows of table 三 (本年度办理结果), in order, each with the label the template uses. */
export const REQUEST_OUTCOME_ROWS: ReadonlyArray<{ key: string; label: string; group?: boolean }> = [
  { key: 'disclosed', label: '（一）予以公开' },
  { key: 'partly', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'withheld', label: '（三）不予公开', group: true },
  ...WITHHOLD_GROUNDS.map((g, i) => ({
    key: `withheld.${g}`,
    label: `${i + 1}．${WITHHOLD_GROUND_LABELS[g].zh}`,
  })),
  { key: 'unable', label: '（四）无法提供', group: true },
  { key: 'unable.notHeld', label: '1．本机关不掌握相关政府信息' },
  { key: 'unable.toMake', label: '2．没有现成信息需要另行制作' },
  { key: 'unable.unclear', label: '3．补正后申请内容仍不明确' },
  { key: 'notProcessed', label: '（五）不予处理', group: true },
  { key: 'notProcessed.complaint', label: '1．信访举报投诉类申请' },
  { key: 'notProcessed.repeat', label: '2．重复申请' },
  { key: 'notProcessed.publication', label: '3．要求提供公开出版物' },
  { key: 'notProcessed.excessive', label: '4．无正当理由大量反复申请' },
  { key: 'notProcessed.confirm', label: '5．要求行政机关确认或重新出具已获取信息' },
  { key: 'other', label: '（六）其他处理', group: true },
  { key: 'other.noCompletion', label: '1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: 'other.noFee', label: '2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: 'other.other', label: '3．其他' },
];

/** The outcome row an answered (or lapsed) request is counted in. */
export function requestOutcomeKey(a: {
  answerType: InfoAnswerType | null;
  ground: WithholdGround | null;
  withdrawn: boolean;
}): string | null {
  if (a.withdrawn) return 'other.noCompletion';
  switch (a.answerType) {
    case 'alreadyPublic':
    case 'disclosed':
      return 'disclosed';
    case 'partlyDisclosed':
      return 'partly';
    case 'notDisclosed':
      return `withheld.${a.ground ?? 'lawForbids'}`;
    case 'doesNotExist':
    case 'notThisAgency':
      return 'unable.notHeld';
    case 'repeatRequest':
      return 'notProcessed.repeat';
    case 'otherChannel':
      return 'notProcessed.complaint';
    default:
      return null;
  }
}

export interface DisclosureRequestRow {
  applicantType: ApplicantType | null;
  /** a legal person's kind of organisation; null for a citizen, or a request filed before the form asked */
  organisationKind?: OrganisationKind | null;
  /** first receipt (China date) */
  filedOn: string;
  /** answered or lapsed (China date), null while open */
  doneOn: string | null;
  outcome: string | null;
}

export interface ProactiveCounts {
  normativeMade: number;
  normativeRepealed: number;
  normativeInForce: number;
  licensing: number;
  penalty: number;
  /** everything the portal published in the year */
  published: number;
}

/** What staff enter: the texts and the figures the system cannot know. */
export interface DisclosureReportEntered {
  overview: string;
  rulesMade: number;
  rulesRepealed: number;
  rulesInForce: number;
  enforcement: number;
  feesWan: number;
  /** 行政复议: 维持, 纠正, 其他, 尚未审结 */
  review: [number, number, number, number];
  /** 行政诉讼 未经复议直接起诉 and 复议后起诉: 维持, 纠正, 其他, 尚未审结 each */
  litigationDirect: [number, number, number, number];
  litigationAfterReview: [number, number, number, number];
  problems: string;
  otherMatters: string;
}

export const EMPTY_ENTERED: DisclosureReportEntered = {
  overview: '',
  rulesMade: 0,
  rulesRepealed: 0,
  rulesInForce: 0,
  enforcement: 0,
  feesWan: 0,
  review: [0, 0, 0, 0],
  litigationDirect: [0, 0, 0, 0],
  litigationAfterReview: [0, 0, 0, 0],
  problems: '',
  otherMatters: '',
};

export interface ReportTable {
  caption: string;
  headers: string[];
  rows: string[][];
  widths: number[];
  /** the section (一 … 六) it belongs to */
  section: number;
}

export interface DisclosureReport {
  year: number;
  title: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  tables: ReportTable[];
  /** the request figures, for tests and the console's summary */
  requests: { received: number; carriedIn: number; handled: number; carriedOut: number };
}

const n = (x: number) => String(x);

export function buildDisclosureReport(input: {
  year: number;
  bureau: string;
  proactive: ProactiveCounts;
  requests: readonly DisclosureRequestRow[];
  entered: DisclosureReportEntered;
}): DisclosureReport {
  const { year, proactive: p, entered: e } = input;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const col = (t: ApplicantType | null, kind: OrganisationKind | null | undefined) =>
    t === 'citizen' ? 0 : 1 + ORGANISATION_KINDS.indexOf(kind ?? 'other');
  const zero = () => [0, 0, 0, 0, 0, 0];
  const received = zero();
  const carriedIn = zero();
  const carriedOut = zero();
  const outcomes = new Map(REQUEST_OUTCOME_ROWS.map((r) => [r.key, zero()]));
  for (const r of input.requests) {
    const c = col(r.applicantType, r.organisationKind);
    if (r.filedOn > end) continue;
    if (r.filedOn >= start) received[c]!++;
    else if (r.doneOn === null || r.doneOn >= start) carriedIn[c]!++;
    else continue;
    if (r.doneOn !== null && r.doneOn <= end && r.outcome) {
      outcomes.get(r.outcome)![c]!++;
      const group = r.outcome.split('.')[0]!;
      if (group !== r.outcome) outcomes.get(group)![c]!++;
    } else if (r.doneOn === null || r.doneOn > end) carriedOut[c]!++;
  }
  const withTotal = (v: number[]) => [...v.map(n), n(v.reduce((s, x) => s + x, 0))];
  const handled = zero();
  for (const r of REQUEST_OUTCOME_ROWS)
    if (!r.key.includes('.')) outcomes.get(r.key)!.forEach((x, i) => (handled[i]! += x));
  const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);

  const requestRows = [
    ['一、本年新收政府信息公开申请数量', ...withTotal(received)],
    ['二、上年结转政府信息公开申请数量', ...withTotal(carriedIn)],
    ['三、本年度办理结果', '', '', '', '', '', '', ''],
    ...REQUEST_OUTCOME_ROWS.map((r) => [r.label, ...withTotal(outcomes.get(r.key)!)]),
    ['（七）总计', ...withTotal(handled)],
    ['四、结转下年度继续办理', ...withTotal(carriedOut)],
  ];
  const five = (v: [number, number, number, number]) => [...v.map(n), n(sum(v))];
  const tables: ReportTable[] = [
    {
      section: 2,
      caption: '第二十条第（一）项',
      headers: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        ['规章', n(e.rulesMade), n(e.rulesRepealed), n(e.rulesInForce)],
        ['行政规范性文件', n(p.normativeMade), n(p.normativeRepealed), n(p.normativeInForce)],
      ],
      widths: [4, 3, 3, 3],
    },
    {
      section: 2,
      caption: '第二十条第（五）、（六）、（八）项',
      headers: ['信息内容', '本年处理决定数量 / 本年收费金额（万元）'],
      rows: [
        ['行政许可', n(p.licensing)],
        ['行政处罚', n(p.penalty)],
        ['行政强制', n(e.enforcement)],
        ['行政事业性收费（万元）', String(e.feesWan)],
      ],
      widths: [5, 6],
    },
    {
      section: 3,
      caption: '收到和处理政府信息公开申请情况',
      headers: ['本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', ...APPLICANT_COLUMNS],
      rows: requestRows,
      widths: [9, 2, 2, 2, 2, 2, 2, 2],
    },
    {
      section: 4,
      caption: '政府信息公开行政复议、行政诉讼情况',
      headers: ['类别', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      rows: [
        ['行政复议', ...five(e.review)],
        ['行政诉讼（未经复议直接起诉）', ...five(e.litigationDirect)],
        ['行政诉讼（复议后起诉）', ...five(e.litigationAfterReview)],
      ],
      widths: [5, 2, 2, 2, 2, 2],
    },
  ];
  const totalReceived = sum(received);
  const auto =
    `${year}年，${input.bureau}通过门户网站主动公开政府信息${p.published}条，` +
    `其中行政规范性文件${p.normativeMade}件、行政许可${p.licensing}件、行政处罚${p.penalty}件；` +
    `新收政府信息公开申请${totalReceived}件，上年结转${sum(carriedIn)}件，办结${sum(handled)}件，` +
    `结转下年度${sum(carriedOut)}件。`;
  const paras = (s: string) =>
    s
      .split(/\n+/)
      .map((x) => x.trim())
      .filter(Boolean);
  return {
    year,
    title: `${input.bureau}${year}年政府信息公开工作年度报告`,
    sections: [
      { heading: '一、总体情况', paragraphs: [auto, ...paras(e.overview)] },
      { heading: '二、主动公开政府信息情况', paragraphs: [] },
      { heading: '三、收到和处理政府信息公开申请情况', paragraphs: [] },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', paragraphs: [] },
      {
        heading: '五、存在的主要问题及改进情况',
        paragraphs: paras(e.problems).length ? paras(e.problems) : ['无。'],
      },
      {
        heading: '六、其他需要报告的事项',
        paragraphs: paras(e.otherMatters).length ? paras(e.otherMatters) : ['无。'],
      },
    ],
    tables,
    requests: {
      received: totalReceived,
      carriedIn: sum(carriedIn),
      handled: sum(handled),
      carriedOut: sum(carriedOut),
    },
  };
}
