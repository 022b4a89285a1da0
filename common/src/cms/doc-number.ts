// Official document numbers as people type them (GB/T 9704: 机关代字〔年份〕序号号). The portal's search
// finds 常环发〔2018〕9号 whether it is typed with 〔〕, [], 【】, （）or (), with spaces, or only as
// "9号" / "〔2018〕9号" (docs/decisions/110-portal-search-by-number.md). Pure: the article's parts are
// computed on save and by the migration's own copy of these rules.

export interface DocNumberParts {
  /** 机关代字, e.g. 常环发; '' when only the year and/or serial were typed */
  prefix: string;
  year: number | null;
  serial: number;
}

const OPEN = '〔\\[【(（［';
const CLOSE = '〕\\]】)）］';
const FULL = new RegExp(
  `^([^\\s${OPEN}${CLOSE}\\d]{0,20}?)\\s*[${OPEN}]?\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]?\\s*(?:年\\s*)?第?\\s*0*(\\d{1,6})\\s*号$`,
);
const SERIAL_ONLY = /^第?\s*0*(\d{1,6})\s*号$/;

/** The parts of a document number (stored or typed), or null when the text is not one. */
export function parseDocNumber(raw: string): DocNumberParts | null {
  const text = raw.normalize('NFKC').trim();
  if (!text || text.length > 60) return null;
  const serialOnly = SERIAL_ONLY.exec(text);
  if (serialOnly) return { prefix: '', year: null, serial: Number(serialOnly[1]) };
  // NFKC turns 〔〕 into themselves but （）［］ into ()[]: both sets are accepted above
  const m = FULL.exec(text);
  if (!m) return null;
  return { prefix: m[1]!.trim(), year: Number(m[2]), serial: Number(m[3]) };
}

/** The canonical form shown and stored: 常环发〔2018〕9号. */
export function formatDocNumber(p: DocNumberParts): string {
  return `${p.prefix}${p.year === null ? '' : `〔${p.year}〕`}${p.serial}号`;
}

/**
 * An index number as typed (4305000061/2022-06670): full-width characters folded, spaces dropped, upper
 * case. Null when the text cannot be one (it must hold a '/' or '-' between digits).
 */
export function normaliseIndexNumber(raw: string): string | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return /^[0-9A-Z]{6,30}[/-]\d{4}-?\d{1,10}$/.test(text) ? text : null;
}
