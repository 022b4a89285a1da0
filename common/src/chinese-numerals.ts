// Chinese numerals for the numbering of official documents (GB/T 9704: 一、…; （一）…): 1–99 as written
// in running text — 十, 十一, 二十, 二十一 — so a long list never switches to Arabic numerals midway.
const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九; outside 1–99 the Arabic numeral. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}
