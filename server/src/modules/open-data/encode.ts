// The exact bytes of a data-set page, and their checksum: the ETag and the checksum headers are of
// the bytes sent, so a client can verify a download and revalidate it cheaply.
import { createHash } from 'node:crypto';
import type { Cell } from './open-data.repo.ts';

/** RFC 4180 fields; a leading =, +, - or @ is quoted with a ' so spreadsheets do not run it as a formula. */
export function csvField(v: Cell): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, Cell>>,
  header: (code: string) => string = (c) => c,
): Buffer {
  const lines = [
    columns.map((c) => csvField(header(c))).join(','),
    ...rows.map((r) => columns.map((c) => csvField(r[c] ?? null)).join(',')),
  ];
  // The BOM makes Excel read the file as UTF-8 (Chinese text would otherwise be garbled).
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export function checksum(body: Buffer) {
  const hash = createHash('sha256').update(body);
  const hex = hash.copy().digest('hex');
  return { hex, base64: hash.digest('base64'), etag: `"${hex}"` };
}
