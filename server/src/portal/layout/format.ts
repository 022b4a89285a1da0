// Dates as the national rules want them on government sites: YYYY-MM-DD HH:MM, China time
// (chinaDateTime, common/src/china-time.ts); a page's day column is its date part ('' for none).
import { chinaDateTime } from '@greenvoice/common';
export const chinaDay = (iso: string | null) => chinaDateTime(iso).slice(0, 10);

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
