import { describe, expect, it } from 'vitest';
import { isOneOf } from './one-of.ts';
import { UNIT_KINDS } from './org.ts';

describe('isOneOf', () => {
  it('accepts a member of the list and nothing else', () => {
    expect(isOneOf(UNIT_KINDS, 'department')).toBe(true);
    for (const v of ['Department', 'department ', '', null, undefined, 'toString'])
      expect(isOneOf(UNIT_KINDS, v)).toBe(false);
  });
});
