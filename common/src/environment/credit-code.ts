// Unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters, the last a check
// character over the first 17 (weights 3^(i−1) mod 31, modulus 31). Pure, no I/O.

/** The code's alphabet, valued 0–30 in this order (no I, O, S, V, Z). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v === -1) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[check === 31 ? 0 : check]!;
}

export type CreditCodeProblem = 'length' | 'alphabet' | 'division' | 'check';

export interface CreditCodeCheck {
  ok: boolean;
  /** upper-cased, spaces removed */
  normalised: string;
  problem?: CreditCodeProblem;
  /** for `check`: the character the first 17 call for */
  expected?: string;
}

/** Checks a code as typed: case and surrounding or inner spaces are forgiven, nothing else. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const normalised = input.replace(/\s+/g, '').toUpperCase();
  if (normalised.length !== 18) return { ok: false, normalised, problem: 'length' };
  if ([...normalised].some((c) => !CREDIT_CODE_ALPHABET.includes(c)))
    return { ok: false, normalised, problem: 'alphabet' };
  // Positions 3–8 are an administrative-division code: digits only.
  if (!/^\d{6}$/.test(normalised.slice(2, 8))) return { ok: false, normalised, problem: 'division' };
  const expected = creditCodeCheckChar(normalised.slice(0, 17))!;
  if (normalised[17] !== expected) return { ok: false, normalised, problem: 'check', expected };
  return { ok: true, normalised };
}

export const CREDIT_CODE_PROBLEM_TEXT: Record<CreditCodeProblem, { zh: string; en: string }> = {
  length: { zh: '统一社会信用代码应为18位', en: 'A unified social credit code has 18 characters' },
  alphabet: {
    zh: '统一社会信用代码只能包含数字和除 I、O、S、V、Z 以外的大写字母',
    en: 'A unified social credit code uses digits and capital letters other than I, O, S, V, Z',
  },
  division: {
    zh: '统一社会信用代码第3–8位应为行政区划代码（6位数字）',
    en: 'Characters 3–8 of a unified social credit code are a 6-digit division code',
  },
  check: {
    zh: '统一社会信用代码校验位不正确，请核对',
    en: 'The check character of the unified social credit code is wrong; please check the code',
  },
};
