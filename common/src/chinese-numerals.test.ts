import { describe, expect, it } from 'vitest';
import { chineseNumeral } from './chinese-numerals.ts';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [30, '三十'],
    [99, '九十九'],
    [0, '0'],
    [100, '100'],
    [2.5, '2.5'],
  ])('%d → %s', (n, zh) => expect(chineseNumeral(n)).toBe(zh));
});
