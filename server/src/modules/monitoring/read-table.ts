// Reads an uploaded table — CSV (UTF-8, or GB18030 as Excel on Chinese Windows saves it) or the first
// sheet of an .xlsx workbook — into a header and rows of text cells. File-level problems are thrown as
// ApiErrors; cell-level checks belong to the import plans.
import type ExcelJS from 'exceljs';
import { ApiError } from '../../http/api-error.ts';
import { readWorkbook } from '../../spreadsheets/read-workbook.ts';
import { detectFileType } from '../org-excel/org-excel.service.ts';

export interface Table {
  header: string[];
  /** `row` is the 1-based line or sheet row, as the user sees it */
  rows: Array<{ row: number; cells: string[] }>;
}

/** A year of hourly readings for a dozen stations, with room to spare. */
export const MAX_IMPORT_ROWS = 200_000;

const rejected = (zh: string, en: string) =>
  new ApiError('IMPORT_REJECTED', [{ field: 'file', message: zh, messageEn: en }]);

export async function readTable(file: Buffer): Promise<Table> {
  const type = detectFileType(file);
  if (type === 'application/zip') return readXlsx(file);
  if (type !== 'unknown' || file.includes(0))
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', [
      {
        field: 'file',
        message: `需要 CSV 或 .xlsx 文件，收到的是 ${type === 'unknown' ? '二进制文件' : type}`,
        messageEn: `A CSV or .xlsx file is required; got ${type === 'unknown' ? 'a binary file' : type}`,
      },
    ]);
  return parseCsv(decodeText(file));
}

export function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): Table {
  const records: Array<{ row: number; cells: string[] }> = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      cells.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      records.push({ row: startLine, cells });
      cells = [];
      field = '';
      line++;
      startLine = line;
    } else field += c;
    if (records.length > MAX_IMPORT_ROWS + 1) break;
  }
  if (quoted) throw rejected(`第 ${startLine} 行的引号未闭合`, `Unclosed quote in line ${startLine}`);
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    records.push({ row: startLine, cells });
  }
  return toTable(records);
}

function toTable(records: Array<{ row: number; cells: string[] }>): Table {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rows] = nonEmpty;
  if (!head) throw rejected('文件是空的', 'The file is empty');
  if (rows.length > MAX_IMPORT_ROWS)
    throw rejected(
      `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`,
      `At most ${MAX_IMPORT_ROWS} rows per file; split the file`,
    );
  return {
    header: head.cells.map((c) => c.trim()),
    rows: rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) })),
  };
}

/** Readings files have a station, a time and a dozen pollutants: 64 columns is far more than any. */
export const MAX_IMPORT_COLUMNS = 64;
export const MAX_IMPORT_CELLS = 3_000_000;

async function readXlsx(file: Buffer): Promise<Table> {
  const [sheet] = await readWorkbook(file, {
    sheets: 'first',
    // the header and one row more than allowed, so toTable's message names the row limit
    limits: { maxRows: MAX_IMPORT_ROWS + 2, maxColumns: MAX_IMPORT_COLUMNS, maxCells: MAX_IMPORT_CELLS },
  });
  if (!sheet) throw rejected('工作簿中没有工作表', 'The workbook has no sheet');
  return toTable(sheet.rows.map((r) => ({ row: r.row, cells: r.values.map(cellText) })));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // Excel stores a date-time as wall-clock time; exceljs hands it over as that time in UTC.
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace('T', ' ');
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) {
      const r = v.result;
      return r instanceof Date ? r.toISOString().slice(0, 16).replace('T', ' ') : String(r ?? '');
    }
    if ('text' in v) return String(v.text);
  }
  return String(v);
}
