// THE Word builder. A document in the layout of GB/T 9704-2012 (党政机关公文格式), for bulletins and notices:
// A4, top margin 37 mm, binding margin 28 mm, a 156 × 225 mm text block of 22 lines × 28 characters in
// 3号 (16 pt) 仿宋; a red issuing-body mark, the document number 〔year〕N号 and a red separator; a 2号
// 小标宋 title; the issuing body and the date four characters from the right; the record (版记) between
// separator lines; page numbers "— 1 —" in 4号 on the outer side. And, with the same fonts and runs, an
// award certificate (荣誉证书, decision 196): one landscape A4 page, the title in red 小标宋.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';

const mm = (x: number) => Math.round((x / 25.4) * 1440); // twips
const PT16 = 32; // half-points: 3号
const CHAR = 320; // one 3号 character in twips (16 pt)
const LINE = Math.round(mm(225) / 22); // 22 lines fill the 225 mm block
const RED = 'E60012';
const FANG = '仿宋_GB2312';
const HEI = '黑体';
const XBS = '方正小标宋简体';

export interface OfficialDocument {
  issuer: string;
  /** e.g. 常环宣〔2018〕3号 */
  docNumber: string;
  title: string;
  /** 主送机关 */
  addressee: string;
  /** paragraphs; one starting with 一、二、… is set as a level-one heading in 黑体 */
  body: string[];
  /** `after`: the index of the body paragraph the table follows (default: after the whole body) */
  tables?: Array<{ caption: string; headers: string[]; rows: string[][]; widths: number[]; after?: number }>;
  /** 2018年4月10日 */
  date: string;
  copyTo?: string;
  printedBy: string;
}

const run = (text: string, opts: { font?: string; size?: number; color?: string; bold?: boolean } = {}) =>
  new TextRun({
    text,
    font: { eastAsia: opts.font ?? FANG, ascii: opts.font ?? FANG, hAnsi: opts.font ?? FANG },
    size: opts.size ?? PT16,
    color: opts.color,
    bold: opts.bold,
  });

const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** `keep`: the paragraph stays on the page of what follows it — the last lines before the signature, so
 *  the issuer and date never stand alone on a page (GB/T 9704 §7.3.5.1; decision 134) */
function bodyParagraph(text: string, keep = false) {
  const heading = /^[一二三四五六七八九十]+、/.test(text);
  return new Paragraph({
    spacing: exact,
    keepNext: keep,
    keepLines: keep,
    indent: { firstLine: 2 * CHAR },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(text, heading ? { font: HEI } : {})],
  });
}

const line = (color: string, size: number): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size,
  color,
  space: 1,
});
const cellBorder = {
  top: line('000000', 4),
  bottom: line('000000', 4),
  left: line('000000', 4),
  right: line('000000', 4),
};

function table(t: NonNullable<OfficialDocument['tables']>[number], last: boolean) {
  const width = mm(156);
  const total = t.widths.reduce((s, w) => s + w, 0);
  const cell = (text: string, header: boolean, i: number, keep = false) =>
    new TableCell({
      borders: cellBorder,
      verticalAlign: VerticalAlign.CENTER,
      width: { size: Math.round((t.widths[i]! / total) * width), type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 400, lineRule: LineRuleType.EXACT },
          keepNext: keep,
          children: [run(text, { size: 28, font: header ? HEI : FANG })],
        }),
      ],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: t.widths.map((w) => Math.round((w / total) * width)),
    rows: [
      new TableRow({ tableHeader: true, children: t.headers.map((h, i) => cell(h, true, i)) }),
      ...t.rows.map(
        (r, ri) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(c, false, i, last && ri === t.rows.length - 1)),
          }),
      ),
    ],
  });
}

function pageNumber(align: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align,
        indent: { left: CHAR, right: CHAR },
        children: [
          run('— ', { size: 28 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 28, font: 'Times New Roman' }),
          run(' —', { size: 28 }),
        ],
      }),
    ],
  });
}

export async function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    // 版头: the issuing-body mark in red, the document number, the red separator
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(10), after: mm(10) },
      children: [run(d.issuer, { font: XBS, size: 60, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, after: mm(4) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [run(d.docNumber)],
    }),
    new Paragraph({ spacing: exact, children: [] }),
    // 主体
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE },
      children: [run(d.title, { font: XBS, size: 44 })],
    }),
    new Paragraph({ spacing: exact, children: [run(d.addressee)] }),
  ];
  const tables = d.tables ?? [];
  const trailing = tables.filter((t) => t.after === undefined || t.after >= d.body.length - 1);
  const placed = (t: (typeof tables)[number], last: boolean) => [
    new Paragraph({
      spacing: { ...exact, before: LINE / 2 },
      alignment: AlignmentType.CENTER,
      children: [run(t.caption, { font: HEI })],
    }),
    table(t, last),
  ];
  for (const [i, text] of d.body.entries()) {
    children.push(bodyParagraph(text, !trailing.length && i === d.body.length - 1));
    for (const t of tables) if (t.after === i && i < d.body.length - 1) children.push(...placed(t, false));
  }
  for (const [ti, t] of trailing.entries()) children.push(...placed(t, ti === trailing.length - 1));
  children.push(
    new Paragraph({ spacing: exact, keepNext: true, children: [] }),
    new Paragraph({ spacing: exact, keepNext: true, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      spacing: exact,
      keepNext: true,
      children: [run(d.issuer)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      spacing: exact,
      children: [run(d.date)],
    }),
    new Paragraph({ spacing: exact, children: [] }),
    // 版记: copy-to and the issuing office with the print date, between separator lines
    ...(d.copyTo
      ? [
          new Paragraph({
            spacing: exact,
            indent: { left: CHAR, right: CHAR },
            border: { top: line('000000', 8) },
            children: [run(`抄送：${d.copyTo}`, { size: 28 })],
          }),
        ]
      : []),
    new Paragraph({
      spacing: exact,
      indent: { left: CHAR, right: CHAR },
      tabStops: [{ type: 'right', position: mm(156) - 2 * CHAR }],
      border: { top: line('000000', d.copyTo ? 4 : 8), bottom: line('000000', 8) },
      children: [run(d.printedBy, { size: 28 }), run(`\t${d.date}印发`, { size: 28 })],
    }),
  );

  const doc = new Document({
    creator: d.issuer,
    title: d.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FANG, size: PT16 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35), footer: mm(28) },
          },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export interface Certificate {
  /** 常德市环境保护局: the body that awards it, signed at the foot */
  issuer: string;
  /** 证书编号 */
  number: string;
  /** 武陵区第一小学 学生甲、学生乙 同学： */
  recipient: string;
  /** the paragraphs before the award, e.g. 你（们）的作品《…》在…中荣获 */
  body: string[];
  /** 一等奖, set large */
  award: string;
  /** paragraphs after the award: 指导老师, 特发此证，以资鼓励。 */
  closing: string[];
  /** 2018年6月5日 */
  date: string;
}

/** One certificate on a landscape A4 page: 荣誉证书 in red, recipient, body, the award, issuer and date. */
export async function renderCertificate(c: Certificate): Promise<Buffer> {
  const frame = { style: BorderStyle.DOUBLE, size: 24, color: RED, space: 24 };
  const para = (text: string, indent = true) =>
    new Paragraph({
      spacing: { line: 640, lineRule: LineRuleType.EXACT },
      indent: indent ? { firstLine: 2 * 360 } : undefined,
      alignment: AlignmentType.JUSTIFIED,
      children: [run(text, { size: 36 })],
    });
  const right = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 2 * 360 },
      spacing: { line: 640, lineRule: LineRuleType.EXACT },
      children: [run(text, { size: 36 })],
    });
  const doc = new Document({
    creator: c.issuer,
    title: `荣誉证书 ${c.number}`,
    styles: { default: { document: { run: { font: FANG, size: PT16 } } } },
    sections: [
      {
        properties: {
          page: {
            // given upright; the orientation turns it (docx swaps width and height)
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.LANDSCAPE },
            margin: { top: mm(22), bottom: mm(20), left: mm(32), right: mm(32) },
            // a red double frame round the page, as printed certificates have
            borders: {
              pageBorderTop: frame,
              pageBorderBottom: frame,
              pageBorderLeft: frame,
              pageBorderRight: frame,
            },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: mm(4) },
            children: [run('荣 誉 证 书', { font: XBS, size: 88, color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { after: mm(6) },
            children: [run(`证书编号：${c.number}`, { size: 24 })],
          }),
          para(c.recipient, false),
          ...c.body.map((b) => para(b)),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: mm(4), after: mm(4) },
            children: [run(c.award, { font: XBS, size: 64, color: RED })],
          }),
          ...c.closing.map((b) => para(b)),
          new Paragraph({ spacing: { line: 640, lineRule: LineRuleType.EXACT }, children: [] }),
          right(c.issuer),
          right(c.date),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
