// Dates as the national rules want them on government sites: YYYY-MM-DD HH:MM, China time.
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function chinaDateTime(iso: string | null): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export const chinaDay = (iso: string | null) => chinaDateTime(iso).slice(0, 10);

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
