import { describe, expect, it } from 'vitest';
import { chinaDate, maskMobile, normaliseMobile } from './org.ts';

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

describe('China dates', () => {
  it('turns an instant into the calendar date in UTC+8', () => {
    expect(chinaDate('2018-04-30T15:59:59Z')).toBe('2018-04-30');
    expect(chinaDate('2018-04-30T16:00:00Z')).toBe('2018-05-01');
  });
});
