// The monthly monitoring bulletin's (监测通报, decision 187) default wording and its Word file: the same
// GB/T 9704 generator as the ranking bulletins (bulletins/official-document.ts), fed from the month's
// findings per unit, single-veto items first.
import {
  chineseDate,
  chineseNumeral,
  FINDING_LABELS,
  type MonitoringSnapshot,
  type MonthFinding,
} from '@greenvoice/common';
import { paragraphs, UNITS_ADDRESSEE } from '../bulletins/bulletin-files.ts';
import type { Office } from '../bulletins/office.ts';
import { renderOfficialDocument } from '../bulletins/official-document-on-demand.ts';

/** （一）…（十）, （十一）…: the i-th item (from 0) */
const item = (i: number) => `（${chineseNumeral(i + 1)}）`;
/** the body names at most this many single-veto items; the table lists every finding */
const VETO_LINES = 20;

/** evidence is written as a phrase: a full stop ends it in running text */
const sentence = (s: string) => (/[。！？）)]$/.test(s) ? s : `${s}。`);
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
const unitOf = (f: MonthFinding, bureau: string) => f.unitName ?? `${bureau}门户网站`;

export const DEFAULT_COPY_TO = '市政府办公室，省生态环境厅信息中心';

export function monitoringWording(s: MonitoringSnapshot, bureau: string) {
  const m = monthLabel(s.month);
  const vetoes = s.findings.filter((f) => f.veto);
  const deductions = s.findings.filter((f) => !f.veto);
  const title = `关于${m}全市政府网站与政务新媒体监测情况的通报`;
  const verdict = !s.last
    ? '本月没有完成的监测，不能判定网站是否合格'
    : s.last.vetoed
      ? '存在单项否决问题，判定为不合格'
      : `得分 ${s.last.score} 分，${s.last.passed ? '合格' : '不合格'}`;
  const perUnit = new Map<string, MonthFinding[]>();
  for (const f of deductions) perUnit.set(unitOf(f, bureau), [...(perUnit.get(unitOf(f, bureau)) ?? []), f]);
  const body = [
    `根据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号），绿讯系统于${m}对${bureau}门户网站和全市政务新媒体账号开展了 ${s.runs} 次自动监测${s.failedRuns ? `（其中 ${s.failedRuns} 次未能完成检查，不计为合格）` : ''}，现将监测情况通报如下。`,
    '一、总体情况',
    `${s.last ? `截至${chineseDate(s.last.checkedOn)}最后一次监测，` : ''}门户网站${verdict}。本月共发现单项否决问题 ${vetoes.length} 项、扣分问题 ${deductions.length} 项（扣分按类封顶计算）${s.last ? `，政务新媒体账号 ${s.last.accountsFailed} 个不合格` : ''}；问题清单附后。`,
    '二、单项否决问题',
    ...(vetoes.length
      ? vetoes
          .slice(0, VETO_LINES)
          .map(
            (f, i) =>
              `${item(i)}${unitOf(f, bureau)}：${FINDING_LABELS[f.code].zh}。${sentence(f.evidence.zh)}${f.open ? '' : '（月内已整改）'}`,
          )
      : ['本月未发现单项否决问题。']),
    ...(vetoes.length > VETO_LINES ? [`另有 ${vetoes.length - VETO_LINES} 项，见问题清单。`] : []),
    '三、扣分问题',
    ...(perUnit.size
      ? [...perUnit].map(([unit, fs], i) => {
          const kinds = new Map<string, number>();
          for (const f of fs)
            kinds.set(FINDING_LABELS[f.code].zh, (kinds.get(FINDING_LABELS[f.code].zh) ?? 0) + 1);
          const points = fs.reduce((n, f) => n + f.points, 0);
          return `${item(i)}${unit}：${[...kinds].map(([k, n]) => `${k} ${n} 项`).join('，')}，合计扣 ${points} 分。`;
        })
      : ['本月未发现扣分问题。']),
    '四、整改要求',
    '请各有关单位对照问题清单逐项整改：单项否决问题须在 5 个工作日内整改到位，并将整改情况报市局信息中心；其余问题在下月监测前整改完毕。本通报所列问题将在下月监测中复查，仍未整改的继续通报。',
  ];
  const publicSummary = `${m}，${bureau}对门户网站和政务新媒体开展自动监测 ${s.runs} 次，发现单项否决问题 ${vetoes.length} 项、扣分问题 ${deductions.length} 项，已通报有关单位限期整改。`;
  return { title, body: body.join('\n'), publicSummary };
}

export function monitoringTable(s: MonitoringSnapshot, bureau: string) {
  return {
    caption: '监测问题清单',
    headers: ['序号', '单位', '问题', '类别', '扣分', '发现日期'],
    // cm; the date column holds 2026-11-10 on one line
    widths: [0.9, 2.4, 3.8, 1.3, 1, 2.8],
    rows: s.findings.map((f, i) => [
      String(i + 1),
      unitOf(f, bureau),
      `${FINDING_LABELS[f.code].zh}${f.subjectLabel ? `：${f.subjectLabel}` : ''}`,
      f.veto ? '单项否决' : '扣分',
      f.veto ? '—' : String(f.points),
      f.since ?? f.firstSeenOn,
    ]),
  };
}

export function monitoringDocx(b: {
  office: Office;
  bureau: string;
  docNumber: string;
  title: string;
  body: string;
  copyTo: string;
  date: string;
  snapshot: MonitoringSnapshot;
}) {
  return renderOfficialDocument({
    issuer: b.office.issuer,
    docNumber: b.docNumber,
    title: b.title,
    addressee: UNITS_ADDRESSEE,
    body: paragraphs(b.body),
    tables: b.snapshot.findings.length ? [monitoringTable(b.snapshot, b.bureau)] : [],
    date: chineseDate(b.date),
    copyTo: b.copyTo.trim() || undefined,
    printedBy: b.office.printedBy,
  });
}
