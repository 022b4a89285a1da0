import { describe, expect, it } from 'vitest';
import { formatDocNumber, normaliseIndexNumber, parseDocNumber } from './doc-number.ts';

describe('document numbers as typed', () => {
  it.each([
    ['常环发〔2018〕9号', { prefix: '常环发', year: 2018, serial: 9 }],
    ['常环发[2018]9号', { prefix: '常环发', year: 2018, serial: 9 }],
    ['常环发【2018】9号', { prefix: '常环发', year: 2018, serial: 9 }],
    ['常环发（2018）9号', { prefix: '常环发', year: 2018, serial: 9 }],
    ['常环发(2018)09号', { prefix: '常环发', year: 2018, serial: 9 }],
    [' 常环发 〔2018〕 9 号 ', { prefix: '常环发', year: 2018, serial: 9 }],
    ['常环发2018年第9号', { prefix: '常环发', year: 2018, serial: 9 }],
    ['〔2018〕9号', { prefix: '', year: 2018, serial: 9 }],
    ['9号', { prefix: '', year: null, serial: 9 }],
    ['第12号', { prefix: '', year: null, serial: 12 }],
    ['湘环发〔2017〕121号', { prefix: '湘环发', year: 2017, serial: 121 }],
  ])('%s', (typed, parts) => expect(parseDocNumber(typed)).toEqual(parts));

  it.each(['环保督察', '9', '号', '常环发', '2018', '', 'x'.repeat(70), '常环发〔2018〕号'])(
    'not a number: %s',
    (typed) => expect(parseDocNumber(typed)).toBeNull(),
  );

  it('formats the canonical form', () => {
    expect(formatDocNumber({ prefix: '常环发', year: 2018, serial: 9 })).toBe('常环发〔2018〕9号');
    expect(formatDocNumber({ prefix: '', year: null, serial: 9 })).toBe('9号');
  });

  it.each([
    ['4307000061/2018-00012', '4307000061/2018-00012'],
    [' 4307000061 / 2018-00012 ', '4307000061/2018-00012'],
    ['４３０７００００６１/２０１８-００１２', '4307000061/2018-0012'],
    ['mb1a2b3c4/2018-00012', 'MB1A2B3C4/2018-00012'],
  ])('index number %s', (typed, key) => expect(normaliseIndexNumber(typed)).toBe(key));
  it.each(['环保', '2018', '4307/2018'])('not an index number: %s', (typed) =>
    expect(normaliseIndexNumber(typed)).toBeNull(),
  );
});
