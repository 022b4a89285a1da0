import { describe, expect, it } from 'vitest';
import { placeFieldErrors } from './field-errors.ts';

const pick = (l: { zh: string; en: string }) => l.en;
const problem = (field: string, en: string) => ({ field, message: `中${en}`, messageEn: en });

describe('server field problems placed on form fields', () => {
  it('puts each problem on the longest registered field its pointer starts with', () => {
    const placed = placeFieldErrors(
      [
        problem('/mobile', 'bad mobile'),
        problem('/parts/2/title', 'too long'),
        problem('/parts', 'too many'),
      ],
      [['mobile'], ['parts'], ['parts', 2, 'title']],
      pick,
    );
    expect(placed.fields).toEqual([
      { name: ['mobile'], errors: ['bad mobile'] },
      { name: ['parts', 2, 'title'], errors: ['too long'] },
      { name: ['parts'], errors: ['too many'] },
    ]);
    expect(placed.unmatched).toEqual([]);
  });

  it('keeps problems without a field on the form (nothing is dropped silently)', () => {
    const placed = placeFieldErrors(
      [problem('/version', 'stale'), problem('', 'whole body')],
      [['name']],
      pick,
    );
    expect(placed.fields).toEqual([]);
    expect(placed.unmatched.map((u) => u.messageEn)).toEqual(['stale', 'whole body']);
  });

  it('joins several problems of one field and decodes ~1 in pointers', () => {
    const placed = placeFieldErrors([problem('/a~1b', 'one'), problem('/a~1b', 'two')], [['a/b']], pick);
    expect(placed.fields).toEqual([{ name: ['a/b'], errors: ['one', 'two'] }]);
  });
});
