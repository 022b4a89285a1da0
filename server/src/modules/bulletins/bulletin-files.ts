// A bulletin's default wording, and its Word (GB/T 9704) and Excel files, from the ranking it was
// drafted with (the snapshot leadership signs off).
import { chineseDate, chineseNumeral, type Ranking } from '@greenvoice/common';
import { xlsxBytes, type ExportColumn } from '../../spreadsheets/xlsx-export.ts';
import { renderOfficialDocument } from './official-document-on-demand.ts';

export interface BulletinSnapshot {
  ranking: Ranking;
  annualWeight: number;
  /** the plan's blocks and each unit's points in them (unit id → one number per block); snapshots
   *  drafted before these were kept have none, and their workbook has no block columns */
  blocks?: Array<{ code: string; name: string; maxPoints: number }>;
  blockPoints?: Record<string, number[]>;
}

import type { Office } from './office.ts';

export function defaultWording(planTitle: string, ranking: Ranking) {
  const title = `关于${ranking.label}全市环境信息宣传工作考核情况的通报`;
  const body = [
    `根据《${planTitle}》，市局信息中心对各单位${ranking.label}报送的新闻媒体报道、政务信息、网络媒体和新媒体稿件，主要活动开展情况和平台宣传推广情况进行了统计考核，现将得分及排名情况通报如下。`,
    ...ranking.groups.map((g, i) => {
      const top = g.rows.filter((r) => r.rank === 1 && r.points > 0).map((r) => r.unitName);
      const lead = top.length ? `${top.join('、')}排名第一` : '本期均未得分';
      return `${chineseNumeral(i + 1)}、${g.name}：共 ${g.rows.length} 个单位参加排名，${lead}。`;
    }),
    '请各单位对照考核方案查找差距，排名靠后的单位要认真分析原因，切实加强环境信息宣传报送工作。各单位得分明细可登录绿讯工作台“考核排名”查看。',
  ];
  return { title, body: body.join('\n') };
}

export function bulletinTables(s: BulletinSnapshot) {
  return s.ranking.groups.map((g) => ({
    caption: `${g.name}得分排名`,
    headers: ['排名', '单位', '得分', `折合目标考核分（满分${s.annualWeight}）`],
    widths: [1, 4, 1.5, 2.5],
    rows: g.rows.map((r) => [String(r.rank), r.unitName, r.points.toFixed(2), r.annualPoints.toFixed(2)]),
  }));
}

/** a bulletin's body as stored (one paragraph a line) → its paragraphs */
export const paragraphs = (body: string) =>
  body
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

/** 主送: every unit of the city's system, for the bulletins the information centre circulates */
export const UNITS_ADDRESSEE = '各区县市环保局（分局），局机关各科室，局属各单位：';

export function bulletinDocx(b: {
  office: Office;
  docNumber: string;
  title: string;
  body: string;
  date: string;
  snapshot: BulletinSnapshot;
}) {
  return renderOfficialDocument({
    issuer: b.office.issuer,
    docNumber: b.docNumber,
    title: b.title,
    addressee: UNITS_ADDRESSEE,
    body: paragraphs(b.body),
    tables: bulletinTables(b.snapshot),
    date: chineseDate(b.date),
    printedBy: b.office.printedBy,
  });
}

type BulletinRow = Ranking['groups'][number]['rows'][number] & { group: string };

/**
 * The ranking workbook, print-ready (A4 portrait across one page's width, the header repeated by
 * frozen panes, two decimals): group, rank, unit, one column per block (A/B/C, with its maximum), the
 * total and its share of the annual assessment. Written by the one xlsx writer.
 */
export async function bulletinXlsx(b: {
  docNumber: string;
  title: string;
  snapshot: BulletinSnapshot;
}): Promise<Buffer> {
  const s = b.snapshot;
  const two = '0.00';
  const blockColumns: ExportColumn<BulletinRow>[] = (s.blocks ?? []).map((block, i) => ({
    header: {
      zh: `${block.code}. ${block.name}（${block.maxPoints}）`,
      en: `${block.code} (${block.maxPoints})`,
    },
    width: 13,
    numFmt: two,
    value: (r) => s.blockPoints?.[r.unitId]?.[i] ?? 0,
  }));
  return xlsxBytes<BulletinRow>({
    sheet: { zh: '排名', en: 'Ranking' },
    title: [b.title, `${b.docNumber}\u3000${s.ranking.label}`],
    orientation: 'portrait',
    columns: [
      { header: { zh: '分组', en: 'Group' }, width: 18, value: (r) => r.group },
      { header: { zh: '排名', en: 'Rank' }, width: 6, value: (r) => r.rank },
      { header: { zh: '单位', en: 'Unit' }, width: 24, value: (r) => r.unitName },
      ...blockColumns,
      { header: { zh: '得分', en: 'Points' }, width: 9, numFmt: two, value: (r) => r.points },
      {
        header: { zh: `折合目标考核分（满分${s.annualWeight}）`, en: `Annual (of ${s.annualWeight})` },
        width: 14,
        numFmt: two,
        value: (r) => r.annualPoints,
      },
    ],
    rows: s.ranking.groups.flatMap((g) => g.rows.map((r) => ({ ...r, group: g.name }))),
  });
}
