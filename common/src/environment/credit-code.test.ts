import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, checkCreditCode, creditCodeCheckChar } from './credit-code.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  // Codes as printed on business licences and in published registers, typed in by hand: the check
  // character here was not computed by our code.
  it.each([
    '91350100M000100Y43', // the example code shown in GB 32100-2015's explanatory material
    '91110108551385082Q',
    '91440300708461136T',
  ])('accepts the published code %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, normalised: code });
  });

  it('forgives lower case and spaces, nothing else', () => {
    expect(checkCreditCode(' 91350100m000100y43 ').ok).toBe(true);
    expect(checkCreditCode('9135 0100 M000 100Y 43').ok).toBe(true);
  });

  it('names the expected check character when it is wrong', () => {
    expect(checkCreditCode('91350100M000100Y44')).toMatchObject({
      ok: false,
      problem: 'check',
      expected: '3',
    });
  });

  it('refuses a wrong length, letters outside the alphabet and a non-numeric division code', () => {
    expect(checkCreditCode('91350100M000100Y4').problem).toBe('length');
    expect(checkCreditCode('91350100M000100Y433').problem).toBe('length');
    expect(checkCreditCode('91350100M000100I43').problem).toBe('alphabet'); // I is not in the alphabet
    expect(checkCreditCode('91350100M000100O43').problem).toBe('alphabet');
    expect(checkCreditCode('913A0100M000100Y43').problem).toBe('division');
  });

  it('a remainder of 0 gives check value 31, written as 0', () => {
    // 17 zeros: sum 0 → 31 − 0 = 31 → '0'
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    // '1' then zeros: sum 1 → check 30 → 'Y'
    expect(creditCodeCheckChar('10000000000000000')).toBe('Y');
  });

  it('every single-character change of a valid code is caught', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 17; i++) {
      for (const c of CREDIT_CODE_ALPHABET) {
        if (c === code[i]) continue;
        if (i >= 2 && i < 8 && !/\d/.test(c)) continue; // caught as a bad division code instead
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        expect(checkCreditCode(changed).ok, changed).toBe(false);
      }
    }
  });
});
