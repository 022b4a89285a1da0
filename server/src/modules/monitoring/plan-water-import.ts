// Checks every row of a water-readings file and, only if all are good, returns the readings with their
// class (GB 3838-2002, single-factor method). Pure: sections and "today" come in as arguments.
import {
  WATER_FACTORS,
  WATER_STANDARD,
  WaterClassInputError,
  classify,
  isIsoDate,
  type WaterClassResult,
  type WaterFactor,
  type WaterValues,
  type Waterbody,
} from '@greenvoice/common';
import { ImportReport, locateColumns, parseNumber } from './import-report.ts';
import type { Table } from './read-table.ts';

export interface WaterRow {
  sectionId: number;
  sampledOn: string;
  values: WaterValues;
  result: WaterClassResult;
}

const FACTOR_NAMES = Object.fromEntries(
  WATER_FACTORS.map((f) => [f, [f, WATER_STANDARD[f].name.zh, WATER_STANDARD[f].name.en]]),
) as Record<WaterFactor, string[]>;
FACTOR_NAMES.ph.push('pH值', 'pH');
FACTOR_NAMES.codmn.push('CODMn', '高锰酸盐指数');
FACTOR_NAMES.nh3n.push('NH3-N', '氨氮');
FACTOR_NAMES.tp.push('TP', '总磷');
FACTOR_NAMES.tn.push('TN', '总氮');
FACTOR_NAMES.cod.push('COD', 'CODCr');
FACTOR_NAMES.bod5.push('BOD5');
FACTOR_NAMES.do.push('DO');
FACTOR_NAMES.cr6.push('六价铬');

const COLUMN_NAMES = {
  section: ['断面编码', '断面代码', '断面', '断面名称', 'section', 'sectionCode'],
  date: ['采样日期', '监测日期', '日期', 'date', 'sampledOn'],
  ...FACTOR_NAMES,
};

export function planWaterImport(
  table: Table,
  sectionByKey: (key: string) => { id: number; waterbody: Waterbody } | undefined,
  today: string,
): { ok: true; rows: WaterRow[] } | { ok: false; report: ImportReport } {
  const report = new ImportReport();
  const col = locateColumns(table.header, COLUMN_NAMES);
  if (col.section === undefined)
    report.add('header', '断面编码', '缺少“断面编码”列', 'Missing the section code column (断面编码)');
  if (col.date === undefined)
    report.add('header', '采样日期', '缺少“采样日期”列', 'Missing the date column (采样日期)');
  const factors = WATER_FACTORS.filter((f) => col[f] !== undefined);
  if (factors.length === 0)
    report.add('header', '监测指标', '没有任何监测指标列', 'No water-quality factor column');
  if (!report.ok) return { ok: false, report };

  const rows: WaterRow[] = [];
  const seen = new Map<string, number>();
  const sectionHeader = table.header[col.section!]!;
  const dateHeader = table.header[col.date!]!;
  for (const { row, cells } of table.rows) {
    const before = report.total;
    const key = cells[col.section!] ?? '';
    const section = key ? sectionByKey(key) : undefined;
    if (!key) report.add(row, sectionHeader, '断面编码为空', 'The section code is empty');
    else if (!section) report.add(row, sectionHeader, `未知断面“${key}”`, `Unknown section "${key}"`);
    const date = parseDate(cells[col.date!] ?? '');
    if (!date) report.add(row, dateHeader, '日期应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD');
    else if (date > today)
      report.add(row, dateHeader, '采样日期晚于今天', 'The sampling date is in the future');
    const values: WaterValues = {};
    for (const f of factors) {
      const header = table.header[col[f]!]!;
      const parsed = parseNumber(cells[col[f]!] ?? '');
      if (parsed.kind === 'missing') continue;
      if (parsed.kind === 'bad') report.add(row, header, '不是数值', 'Not a number');
      else if (parsed.value < 0) report.add(row, header, '监测值不能为负数', 'A value cannot be negative');
      else if (f === 'ph' && parsed.value > 14)
        report.add(row, header, 'pH 应在 0–14 之间', 'pH must be 0–14');
      else values[f] = parsed.value;
    }
    if (report.total > before || !section || !date) continue;
    let result: WaterClassResult;
    try {
      result = classify(section.waterbody, values);
    } catch (e) {
      if (!(e instanceof WaterClassInputError)) throw e;
      report.add(row, '监测指标', e.messageZh, e.messageEn);
      continue;
    }
    const k = `${section.id}|${date}`;
    const first = seen.get(k);
    if (first !== undefined)
      report.add(
        row,
        dateHeader,
        `与第 ${first} 行重复（同一断面同一日期）`,
        `Same section and date as row ${first}`,
      );
    seen.set(k, row);
    rows.push({ sectionId: section.id, sampledOn: date, values, result });
  }
  return report.ok ? { ok: true, rows } : { ok: false, report };
}

function parseDate(cell: string): string | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]00:00(?::00)?)?$/.exec(cell.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}
