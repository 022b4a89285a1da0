// A bulletin's default wording, and its Word (GB/T 9704) and Excel files, from the ranking it was
// drafted with (the snapshot leadership signs off).
import { excel } from '../../lazy-packages.ts';
import { chineseDate, type Ranking } from '@greenvoice/common';
import { renderOfficialDocument } from './official-document-on-demand.ts';

export interface BulletinSnapshot {
  ranking: Ranking;
  annualWeight: number;
}

export interface Office {
  issuer: string;
  docPrefix: string;
  printedBy: string;
}

export const docNumberOf = (office: Office, year: number, n: number) =>
  `${office.docPrefix}〔${year}〕${n}号`;

export function defaultWording(planTitle: string, ranking: Ranking) {
  const title = `关于${ranking.label}全市环境信息宣传工作考核情况的通报`;
  const body = [
    `根据《${planTitle}》，市局信息中心对各单位${ranking.label}报送的新闻媒体报道、政务信息、网络媒体和新媒体稿件，主要活动开展情况和平台宣传推广情况进行了统计考核，现将得分及排名情况通报如下。`,
    ...ranking.groups.map((g, i) => {
      const top = g.rows.filter((r) => r.rank === 1 && r.points > 0).map((r) => r.unitName);
      const lead = top.length ? `${top.join('、')}排名第一` : '本期均未得分';
      return `${'一二三四五六七八九十'[i]}、${g.name}：共 ${g.rows.length} 个单位参加排名，${lead}。`;
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
    addressee: '各区县市环保局（分局），局机关各科室，局属各单位：',
    body: b.body
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    tables: bulletinTables(b.snapshot),
    date: chineseDate(b.date),
    printedBy: b.office.printedBy,
  });
}

export async function bulletinXlsx(b: {
  docNumber: string;
  title: string;
  snapshot: BulletinSnapshot;
}): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('排名');
  ws.columns = [{ width: 24 }, { width: 8 }, { width: 32 }, { width: 10 }, { width: 22 }];
  ws.addRow([b.title]).font = { bold: true, size: 14 };
  ws.addRow([`${b.docNumber} ${b.snapshot.ranking.label}`]);
  const header = ws.addRow([
    '分组',
    '排名',
    '单位',
    '得分',
    `折合目标考核分（满分${b.snapshot.annualWeight}）`,
  ]);
  header.font = { bold: true };
  for (const g of b.snapshot.ranking.groups)
    for (const r of g.rows) ws.addRow([g.name, r.rank, r.unitName, r.points, r.annualPoints]);
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
