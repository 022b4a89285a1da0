import { describe, expect, it } from 'vitest';
import { maskMobile, normaliseEmail, normaliseMobile } from './org.ts';

describe('mainland mobile numbers', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['+86 138-1234-1234', '13812341234'],
    ['008619912345678', '19912345678'],
  ])('accepts %s', (input, expected) => expect(normaliseMobile(input)).toBe(expected));

  it.each(['12812341234', '1381234123', '138123412345', '010-12345678', 'abcdefghijk', ''])(
    'refuses %s',
    (input) => expect(normaliseMobile(input)).toBeNull(),
  );

  it('masks the middle four digits', () => expect(maskMobile('13812341234')).toBe('138****1234'));
});

describe('normaliseEmail', () => {
  it.each([
    ['wang@CDHB.gov.cn', 'wang@cdhb.gov.cn'],
    ['  li.si+notice@example.cn ', 'li.si+notice@example.cn'],
    ['no-at.example.cn', null],
    ['a@b', null],
    ['a b@example.cn', null],
    ['a@@example.cn', null],
    ['a@example..cn', null],
  ])('%s → %s', (input, expected) => expect(normaliseEmail(input)).toBe(expected));
});
