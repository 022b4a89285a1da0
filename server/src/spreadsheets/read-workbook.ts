// The one way an uploaded .xlsx is read (readings imports, the organisation import). The zip is checked
// first (zip-check.ts: parts, uncompressed sizes, real inflated sizes); then exceljs's streaming reader
// walks the sheets row by row and the read stops at the first row, column or cell beyond the caller's
// bounds — only cells that exist are visited, never `columnCount` of every row (hardening item 5,
// decision 074). Parsing yields to the event loop between chunks, so other requests keep being answered.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excel } from '../lazy-packages.ts';
import { ApiError } from '../http/api-error.ts';
import { checkZip, tagCounter, ZipRefused, type ZipLimits } from './zip-check.ts';

export interface WorkbookLimits {
  /** rows holding at least one value, header included, over all sheets read */
  maxRows: number;
  /** the highest column a value may be in */
  maxColumns: number;
  /** cells holding a value, over all sheets read */
  maxCells: number;
}

export interface SheetData {
  name: string;
  /** rows with at least one value; `values[0]` is column A */
  rows: Array<{ row: number; values: ExcelJS.CellValue[] }>;
}

const MIB = 1024 * 1024;
/** Sizes no import needs: 200,000 rows of readings are ≈ 80 MiB of sheet XML. */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 200,
  maxTotalBytes: 128 * MIB,
  maxEntryBytes: { '*': 128 * MIB, 'xl/sharedStrings.xml': 32 * MIB, 'xl/styles.xml': 8 * MIB },
};

const rejected = (zh: string, en: string) =>
  new ApiError('IMPORT_REJECTED', [{ field: 'file', message: zh, messageEn: en }]);

export const damagedWorkbook = () =>
  rejected('文件已损坏或不是有效的 Excel (.xlsx) 文件', 'The file is damaged or not a valid .xlsx workbook');

function zipRefusal(err: ZipRefused): ApiError {
  if (err.limit === 'entries')
    return rejected(
      `工作簿包含 ${err.value} 个部件，超过上限 ${ZIP_LIMITS.maxEntries}`,
      `The workbook has ${err.value} parts, over the limit of ${ZIP_LIMITS.maxEntries}`,
    );
  if (err.limit.startsWith('uncompressed')) {
    const part = err.limit.slice('uncompressed:'.length);
    const limit = part ? ZIP_LIMITS.maxEntryBytes[part]! : ZIP_LIMITS.maxTotalBytes;
    return rejected(
      `工作簿解压后${part ? `的 ${part}` : ''}超过 ${limit / MIB} MiB 的上限`,
      `The workbook${part ? `'s ${part}` : ''} exceeds the limit of ${limit / MIB} MiB uncompressed`,
    );
  }
  return damagedWorkbook();
}

/**
 * Reads the named sheets (or only the first) as rows of cell values, refusing with 422
 * IMPORT_REJECTED naming the bound as soon as the workbook goes beyond it.
 */
export async function readWorkbook(
  file: Buffer,
  options: { limits: WorkbookLimits; sheets: 'first' | readonly string[] },
): Promise<SheetData[]> {
  const { maxRows, maxColumns, maxCells } = options.limits;
  // Row and cell tags are counted while the zip is checked, so a sheet beyond the bounds is refused
  // before parsing starts (formatted empty rows and cells count too: they cost parsing time as well).
  const tags = tagCounter();
  try {
    await checkZip(file, ZIP_LIMITS, tags.push);
  } catch (err) {
    if (err instanceof ZipRefused) throw zipRefusal(err);
    throw err;
  }
  if (tags.counts.maxColumn > maxColumns) throw beyond('columns', tags.counts.maxColumn, maxColumns);
  if (tags.counts.rows > maxRows) throw beyond('rows', tags.counts.rows, maxRows);
  if (tags.counts.cells > maxCells) throw beyond('cells', tags.counts.cells, maxCells);
  const reader = new (excel().stream.xlsx.WorkbookReader)(Readable.from([file]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const out: SheetData[] = [];
  let rows = 0;
  let cells = 0;
  try {
    for await (const ws of reader) {
      const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      if (options.sheets !== 'first' && !options.sheets.includes(sheet.name)) continue;
      const data: SheetData = { name: sheet.name, rows: [] };
      for await (const row of sheet) {
        const at = () => ({ sheet: sheet.name, row: row.number });
        const values: ExcelJS.CellValue[] = [];
        row.eachCell((cell, col) => {
          if (col > maxColumns) throw beyond('columns', col, maxColumns, at());
          values[col - 1] = cell.value;
          cells += 1;
        });
        if (!values.length) continue;
        if (++rows > maxRows) throw beyond('rows', rows, maxRows, at());
        if (cells > maxCells) throw beyond('cells', cells, maxCells, at());
        data.rows.push({ row: row.number, values: Array.from(values, (v) => v ?? null) });
      }
      out.push(data);
      if (options.sheets === 'first') break;
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw damagedWorkbook();
  }
  return out;
}

const LIMIT_WORDS = {
  rows: { zh: '行数', en: 'rows' },
  columns: { zh: '列数', en: 'columns' },
  cells: { zh: '单元格数', en: 'cells' },
} as const;

/** The refusal naming the bound; `at` is where the read stopped, when it got that far. */
function beyond(
  what: keyof typeof LIMIT_WORDS,
  value: number,
  limit: number,
  at?: { sheet: string; row: number },
) {
  const w = LIMIT_WORDS[what];
  const zhWhere = at ? `工作表“${at.sheet}”第 ${at.row} 行处` : '工作簿';
  const enWhere = at ? `Sheet "${at.sheet}" at row ${at.row}` : 'The workbook';
  const zhValue = what === 'columns' ? `第 ${value} 列有数据` : `共 ${value}`;
  const enValue = what === 'columns' ? `a value in column ${value}` : `${value} ${w.en}`;
  return rejected(
    `${zhWhere}超出${w.zh}上限 ${limit}（${zhValue}），未导入任何数据`,
    `${enWhere} is beyond the limit of ${limit} ${w.en} (${enValue}); nothing was imported`,
  );
}
