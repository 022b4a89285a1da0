import { describe, expect, it } from 'vitest';
import { GUIDE_ELEMENTS, missingGuideElements, type GuideElements } from './guide-elements.ts';

const full = Object.fromEntries(GUIDE_ELEMENTS.map((k) => [k, `${k} text`])) as GuideElements;

describe('a service guide’s required elements', () => {
  it.each([
    ['a complete guide', full, []],
    ['fees blank', { ...full, fees: '' }, ['fees']],
    ['fees whitespace', { ...full, fees: ' \n ' }, ['fees']],
    ['phone and process missing', { ...full, phone: undefined, process: null }, ['phone', 'process']],
    ['nothing at all', {}, [...GUIDE_ELEMENTS]],
  ] as const)('%s', (_name, guide, missing) =>
    expect(missingGuideElements(guide as Partial<GuideElements>)).toEqual(missing),
  );
});
