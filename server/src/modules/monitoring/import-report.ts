// The validation report of a reading import: each problem names the row, the column and the reason, in
// Chinese and English. The report is capped so a file of 80,000 bad rows still answers quickly; the
// last entry then says how many more there were.
import type { FieldError } from '@greenvoice/common';

export const MAX_REPORTED_ERRORS = 200;

export class ImportReport {
  readonly errors: FieldError[] = [];
  total = 0;

  add(row: number | 'header', column: string, zh: string, en: string) {
    this.total += 1;
    if (this.errors.length < MAX_REPORTED_ERRORS)
      this.errors.push({ field: `${row}/${column}`, message: zh, messageEn: en });
  }

  get ok() {
    return this.total === 0;
  }

  /** the errors, with a closing entry when some were left out */
  list(): FieldError[] {
    if (this.total <= this.errors.length) return this.errors;
    const more = this.total - this.errors.length;
    return [
      ...this.errors,
      { field: 'file', message: `另有 ${more} 处错误未列出`, messageEn: `${more} more errors not listed` },
    ];
  }
}

/** Header cell → a comparable key: units in brackets, spaces, dots and underscores dropped; lower case. */
export function headerKey(text: string): string {
  return text
    .replace(/[（(［[【].*?[)）］\]】]/g, '')
    .replace(/[\s._\-·]/g, '')
    .toLowerCase();
}

/** Maps each wanted column to its index in the header, by any of its names. */
export function locateColumns<K extends string>(
  header: readonly string[],
  names: Record<K, readonly string[]>,
): Partial<Record<K, number>> {
  const keys = header.map(headerKey);
  const found: Partial<Record<K, number>> = {};
  for (const [column, aliases] of Object.entries(names) as Array<[K, readonly string[]]>) {
    const i = keys.findIndex((k) => aliases.some((a) => headerKey(a) === k));
    if (i !== -1) found[column] = i;
  }
  return found;
}

/** Cells that mean "no valid value" in monitoring exports. */
export const MISSING = new Set(['', '-', '—', '--', '/', 'na', 'n/a', 'null', '无效', '缺测']);

export type Parsed = { kind: 'missing' } | { kind: 'number'; value: number } | { kind: 'bad' };

export function parseNumber(cell: string): Parsed {
  const t = cell.trim();
  if (MISSING.has(t.toLowerCase())) return { kind: 'missing' };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { kind: 'bad' };
  return { kind: 'number', value: Number(t) };
}
