// THE way a console list becomes an .xlsx file (decision 126): the whole filtered result, not the page on
// screen, written by exceljs's streaming WorkbookWriter. Rows are fetched a page at a time from the
// list's own service function and committed to the zip stream as they come, so memory stays bounded
// by one page however long the list is; the writer waits for the reader when the response is slow.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { chinaDateTime, chinaDate } from '@greenvoice/common';
import { nowIso } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import { excel } from '../lazy-packages.ts';

export type ExportLang = 'zh' | 'en';
export type ExportCell = string | number | Date | boolean | null | undefined;

export interface ExportColumn<T> {
  header: { zh: string; en: string };
  /** in characters; Excel's default (≈ 9) when absent */
  width?: number;
  value: (row: T, lang: ExportLang) => ExportCell;
  /** an Excel number format, e.g. '0.00' */
  numFmt?: string;
}

export interface ExportSpec<T> {
  sheet: { zh: string; en: string };
  columns: ExportColumn<T>[];
  /** a page-by-page source (everyPage), or rows the list already holds whole */
  rows: AsyncIterable<T> | Iterable<T>;
  lang?: ExportLang;
  /** lines above the header (a document's title, its number), each merged across the table's width */
  title?: string[];
  /** the printed page: A4, fitted to the page width, repeated page numbers; landscape by default */
  orientation?: 'portrait' | 'landscape';
}

/** how many rows each fetch asks for: one page's worth is all the export holds at a time */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every row of a paged list, fetched page after page through the list's own function (so the export
 * applies exactly the filters and the scope the list does). Stops at the first short page.
 */
export async function* everyPage<T>(
  fetch: (page: number, pageSize: number) => Promise<{ items: T[] }>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<T> {
  for (let page = 1; ; page++) {
    const { items } = await fetch(page, pageSize);
    yield* items;
    if (items.length < pageSize) return;
  }
}

/** A formula-looking text (= + - @) is written as text, never run by Excel (CSV/XLSX injection). */
function safeCell(v: ExportCell): ExportCell {
  if (typeof v === 'string' && /^[=+\-@]/.test(v)) return `'${v}`;
  return v ?? null;
}

/**
 * The workbook as a stream. The first row is fetched before this resolves, so a refusal (not found,
 * out of scope) is still an ordinary error reply; a failure later ends the stream with that error.
 */
export async function streamXlsx<T>(spec: ExportSpec<T>): Promise<Readable> {
  const lang = spec.lang ?? 'zh';
  const rows = spec.rows;
  const iterator =
    Symbol.asyncIterator in rows
      ? rows[Symbol.asyncIterator]()
      : (async function* () {
          yield* rows;
        })();
  const first = await iterator.next();
  const out = new PassThrough();
  const wb = new (excel().stream.xlsx.WorkbookWriter)({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const title = spec.title ?? [];
  const ws = wb.addWorksheet(spec.sheet[lang].slice(0, 31), {
    views: [{ state: 'frozen', ySplit: title.length + 1 }],
    // printed on A4 across one page's width (as many pages down as it takes), page numbers at the foot
    pageSetup: {
      paperSize: 9,
      orientation: spec.orientation ?? 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  ws.columns = spec.columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  title.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 15 } : { size: 11 };
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = i === 0 ? 30 : 20;
    ws.mergeCells(i + 1, 1, i + 1, spec.columns.length);
    row.commit();
  });
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const header = ws.addRow(spec.columns.map((c) => c.header[lang]));
  header.font = { bold: true };
  // a header longer than its column wraps onto a second line, which needs the height to show
  header.height = spec.columns.some((c) => c.header[lang].length * 2 > (c.width ?? 9)) ? 32 : 18;
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.border = border));
  header.commit();
  const pump = async () => {
    let next = first;
    while (!next.done) {
      const row = ws.addRow(spec.columns.map((c) => safeCell(c.value(next.value as T, lang))));
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = border));
      row.commit();
      // let a slow download catch up before reading more rows
      if (out.writableNeedDrain) await once(out, 'drain');
      next = await iterator.next();
    }
    ws.commit();
    await wb.commit();
  };
  pump().catch((err: unknown) => out.destroy(err as Error));
  return out;
}

/** The whole stream as bytes, for a workbook that is one document (a bulletin), not a long list. */
export async function xlsxBytes<T>(spec: ExportSpec<T>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await streamXlsx(spec)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** the audit service's `record` (a structural type: the audit module exports its own log too) */
export interface AuditRecorder {
  record(
    ctx: RequestContext,
    entry: { action: string; objectType: null; detail: Record<string, unknown> },
  ): Promise<void>;
}

/** What an export route sends: `sendXlsx(reply, file.filename, file.body, file.fallback)`. */
export interface ExportFile {
  filename: string;
  fallback: string;
  body: Readable;
}

/**
 * A list's export, audited (who took which list with which filters — personal data leaves the system):
 * `list` names it in the audit record and the ASCII file name, `title` in the Chinese or English one.
 */
export async function exportList<T>(
  audit: AuditRecorder,
  ctx: RequestContext,
  list: string,
  filters: Record<string, unknown>,
  spec: ExportSpec<T>,
): Promise<ExportFile> {
  const body = await streamXlsx(spec);
  await audit.record(ctx, { action: 'list.export', objectType: null, detail: { list, filters } });
  const day = chinaDate(nowIso());
  return { filename: `${spec.sheet[spec.lang ?? 'zh']}-${day}.xlsx`, fallback: `${list}-${day}`, body };
}

/** What a paged list's export names: the audit record's list, the sheet, the columns. */
export interface ListExport<T> {
  list: string;
  sheet: { zh: string; en: string };
  columns: ExportColumn<T>[];
}

/**
 * A paged list's export route handler in one line: the query without paging (plus `lang`) goes through
 * the list's own function page after page, so the file holds exactly what the list would show — the
 * same filters and the same unit scope — and the export is audited like every other.
 */
export function pagedExport<Q extends object, T>(
  audit: AuditRecorder,
  spec: ListExport<T>,
  fetch: (ctx: RequestContext, query: Q & { page: number; pageSize: number }) => Promise<{ items: T[] }>,
) {
  return (ctx: RequestContext, query: Q & { lang?: ExportLang }) => {
    const { lang, ...filters } = query;
    return exportList(audit, ctx, spec.list, filters, {
      sheet: spec.sheet,
      columns: spec.columns,
      rows: everyPage((page, pageSize) => fetch(ctx, { ...(filters as Q), page, pageSize })),
      lang,
    });
  };
}

/** An ISO instant as the China wall-clock time people read (YYYY-MM-DD HH:MM), for time columns. */
export function chinaTime(iso: string | null): string | null {
  return iso ? chinaDateTime(iso) : null;
}
