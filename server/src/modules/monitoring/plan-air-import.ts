// Checks every row of an hourly air-readings file and, only if all are good, returns the readings.
// Pure: stations and "now" come in as arguments.
import { isIsoDate, type HourlyPollutant, type HourlyValues } from '@greenvoice/common';
import { ImportReport, locateColumns, parseNumber } from './import-report.ts';
import type { Table } from './read-table.ts';

export interface HourlyRow {
  stationId: number;
  /** 'YYYY-MM-DDTHH:00', China time, the hour starting then */
  hour: string;
  values: HourlyValues;
}

const POLLUTANT_NAMES: Record<HourlyPollutant, readonly string[]> = {
  so2: ['SO2', '二氧化硫'],
  no2: ['NO2', '二氧化氮'],
  co: ['CO', '一氧化碳'],
  o3: ['O3', '臭氧', 'O3_1h', 'O31h'],
  pm10: ['PM10', '可吸入颗粒物'],
  pm25: ['PM2.5', 'PM25', '细颗粒物'],
};
const COLUMN_NAMES = {
  station: ['站点编码', '站点代码', '站点', '站点名称', '监测点位', 'station', 'stationCode'],
  time: ['时间', '监测时间', '日期时间', 'time', 'hour'],
  ...POLLUTANT_NAMES,
};
const LABEL: Record<HourlyPollutant, string> = {
  so2: 'SO2',
  no2: 'NO2',
  co: 'CO',
  o3: 'O3',
  pm10: 'PM10',
  pm25: 'PM2.5',
};

/** 2018-01-01 13:00, 2018/1/1 13:00, 2018-01-01T13:00(:00) → '2018-01-01T13:00'; null if not an hour. */
export function parseHour(cell: string): string | null | 'notWholeHour' {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(cell.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  if (!isIsoDate(date) || Number(h) > 23) return null;
  if (mi !== '00' || (s !== undefined && s !== '00')) return 'notWholeHour';
  return `${date}T${h!.padStart(2, '0')}:00`;
}

// CO is in mg/m³; an hourly CO above the table's top (150 mg/m³) is lethal air, far more likely a value
// typed in μg/m³. The other pollutants are reported as they are, up to IAQI 500.
const CO_MAX = 150;

export function planAirImport(
  table: Table,
  stationByKey: (key: string) => { id: number } | undefined,
  nowHour: string,
): { ok: true; rows: HourlyRow[] } | { ok: false; report: ImportReport } {
  const report = new ImportReport();
  const col = locateColumns(table.header, COLUMN_NAMES);
  if (col.station === undefined)
    report.add('header', '站点编码', '缺少“站点编码”列', 'Missing the station code column (站点编码)');
  if (col.time === undefined) report.add('header', '时间', '缺少“时间”列', 'Missing the time column (时间)');
  const pollutants = (Object.keys(POLLUTANT_NAMES) as HourlyPollutant[]).filter((p) => col[p] !== undefined);
  if (pollutants.length === 0)
    report.add(
      'header',
      '污染物',
      '没有任何污染物列（SO2、NO2、CO、O3、PM10、PM2.5）',
      'No pollutant column (SO2, NO2, CO, O3, PM10, PM2.5)',
    );
  if (!report.ok) return { ok: false, report };

  const rows: HourlyRow[] = [];
  const seen = new Map<string, number>();
  const stationHeader = table.header[col.station!]!;
  const timeHeader = table.header[col.time!]!;
  for (const { row, cells } of table.rows) {
    const key = cells[col.station!] ?? '';
    const station = key ? stationByKey(key) : undefined;
    if (!key) report.add(row, stationHeader, '站点编码为空', 'The station code is empty');
    else if (!station) report.add(row, stationHeader, `未知站点“${key}”`, `Unknown station "${key}"`);
    const hour = parseHour(cells[col.time!] ?? '');
    if (hour === null)
      report.add(
        row,
        timeHeader,
        '时间应为“YYYY-MM-DD HH:00”（00–23时）',
        'The time must be "YYYY-MM-DD HH:00" (hours 00–23)',
      );
    else if (hour === 'notWholeHour')
      report.add(row, timeHeader, '小时值的时间应为整点', 'An hourly value’s time must be on the hour');
    else if (hour > nowHour) report.add(row, timeHeader, '时间晚于当前时间', 'The time is in the future');
    const values: HourlyValues = {};
    let any = false;
    for (const p of pollutants) {
      const header = table.header[col[p]!]!;
      const parsed = parseNumber(cells[col[p]!] ?? '');
      if (parsed.kind === 'missing') continue;
      if (parsed.kind === 'bad') report.add(row, header, '不是数值', 'Not a number');
      else if (parsed.value < 0)
        report.add(row, header, '浓度不能为负数', 'A concentration cannot be negative');
      else if (p === 'co' && parsed.value > CO_MAX)
        report.add(
          row,
          header,
          `CO 超过 ${CO_MAX} mg/m³：CO 的单位是 mg/m³，请检查是否误用了 μg/m³`,
          `CO above ${CO_MAX} mg/m³: CO is in mg/m³; check the value was not given in μg/m³`,
        );
      else {
        values[p] = parsed.value;
        any = true;
      }
    }
    if (!any && pollutants.every((p) => parseNumber(cells[col[p]!] ?? '').kind === 'missing'))
      report.add(row, LABEL[pollutants[0]!], '该行没有任何污染物数值', 'The row has no pollutant value');
    if (station && typeof hour === 'string' && hour !== 'notWholeHour' && hour <= nowHour) {
      const k = `${station.id}|${hour}`;
      const first = seen.get(k);
      if (first !== undefined)
        report.add(
          row,
          timeHeader,
          `与第 ${first} 行重复（同一站点同一小时）`,
          `Same station and hour as row ${first}`,
        );
      else seen.set(k, row);
      rows.push({ stationId: station.id, hour, values });
    }
  }
  return report.ok ? { ok: true, rows } : { ok: false, report };
}
