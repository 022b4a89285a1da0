// Periods a score is ranked over: a month, a quarter, a half-year or the year, as a range of months.
import { chineseNumeral } from '../chinese-numerals.ts';
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** month 1–12, quarter 1–4, half 1–2; ignored for the year */
  index: number;
}

const SPAN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The first and last month (1–12) of a period; null if the index does not exist. */
export function periodMonths(p: Period): [number, number] | null {
  if (p.kind === 'year') return [1, 12];
  const span = SPAN[p.kind];
  if (!Number.isInteger(p.index) || p.index < 1 || p.index > 12 / span) return null;
  return [(p.index - 1) * span + 1, p.index * span];
}

export function periodLabel(year: number, p: Period): { zh: string; en: string } {
  switch (p.kind) {
    case 'month':
      return { zh: `${year}年${p.index}月`, en: `${year}-${String(p.index).padStart(2, '0')}` };
    case 'quarter':
      return { zh: `${year}年第${chineseNumeral(p.index)}季度`, en: `${year} Q${p.index}` };
    case 'half':
      return { zh: `${year}年${p.index === 1 ? '上' : '下'}半年`, en: `${year} H${p.index}` };
    case 'year':
      return { zh: `${year}年度`, en: `${year}` };
  }
}
