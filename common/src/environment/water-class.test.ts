import { describe, expect, it } from 'vitest';
import {
  WATER_CLASSES,
  WaterClassInputError,
  classify,
  factorClass,
  summariseSections,
  type WaterClass,
  type WaterFactor,
  type Waterbody,
} from './water-class.ts';

// GB 3838-2002 Table 1, typed in again from the standard rather than imported, so a slip in the data
// fails here. Limits of classes I–V; a value meets a class when it is ≤ the limit.
const TABLE_1: Array<[WaterFactor, Waterbody, number[]]> = [
  ['codmn', 'river', [2, 4, 6, 10, 15]],
  ['cod', 'river', [15, 15, 20, 30, 40]],
  ['bod5', 'river', [3, 3, 4, 6, 10]],
  ['nh3n', 'river', [0.15, 0.5, 1.0, 1.5, 2.0]],
  ['tp', 'river', [0.02, 0.1, 0.2, 0.3, 0.4]],
  ['tp', 'lake', [0.01, 0.025, 0.05, 0.1, 0.2]],
  ['tn', 'lake', [0.2, 0.5, 1.0, 1.5, 2.0]],
  ['cu', 'river', [0.01, 1.0, 1.0, 1.0, 1.0]],
  ['zn', 'river', [0.05, 1.0, 1.0, 2.0, 2.0]],
  ['f', 'river', [1.0, 1.0, 1.0, 1.5, 1.5]],
  ['se', 'river', [0.01, 0.01, 0.01, 0.02, 0.02]],
  ['as', 'river', [0.05, 0.05, 0.05, 0.1, 0.1]],
  ['hg', 'river', [0.00005, 0.00005, 0.0001, 0.001, 0.001]],
  ['cd', 'river', [0.001, 0.005, 0.005, 0.005, 0.01]],
  ['cr6', 'river', [0.01, 0.05, 0.05, 0.05, 0.1]],
  ['pb', 'river', [0.01, 0.01, 0.05, 0.05, 0.1]],
  ['cn', 'river', [0.005, 0.05, 0.2, 0.2, 0.2]],
  ['phenol', 'river', [0.002, 0.002, 0.005, 0.01, 0.1]],
  ['oil', 'river', [0.05, 0.05, 0.05, 0.5, 1.0]],
  ['las', 'river', [0.2, 0.2, 0.2, 0.3, 0.3]],
  ['s2', 'river', [0.05, 0.1, 0.2, 0.5, 1.0]],
  ['coliform', 'river', [200, 2000, 10000, 20000, 40000]],
];

// Where classes share a limit (COD 15 for I and II), a value at it meets the best of them; just above
// it, the best class with a larger limit, or 劣V past class V.
const bestMeeting = (limits: number[], ok: (limit: number) => boolean): WaterClass =>
  WATER_CLASSES[limits.findIndex(ok)] ?? '劣V';

type Case = [WaterFactor, Waterbody, number, WaterClass];
const cases: Case[] = TABLE_1.flatMap(([factor, body, limits]) =>
  limits.flatMap((limit): Case[] => {
    const above = limit * 1.001;
    return [
      [factor, body, limit, bestMeeting(limits, (l) => limit <= l)],
      [factor, body, above, bestMeeting(limits, (l) => above <= l)],
    ];
  }),
);

describe('every Table 1 limit, from both sides', () => {
  it.each(cases)('%s (%s) %d → %s', (factor, body, value, expected) => {
    expect(factorClass(factor, body, value)).toBe(expected);
  });

  it('spot-checks the shared limits', () => {
    expect(factorClass('cod', 'river', 15)).toBe('I');
    expect(factorClass('cod', 'river', 15.1)).toBe('III');
    expect(factorClass('cn', 'river', 0.21)).toBe('劣V');
    expect(factorClass('nh3n', 'river', 0)).toBe('I');
  });
});

describe('direction: dissolved oxygen is better when higher, pH must lie within 6–9', () => {
  it.each<[number, WaterClass]>([
    [12, 'I'],
    [7.5, 'I'],
    [7.49, 'II'],
    [6, 'II'],
    [5.99, 'III'],
    [5, 'III'],
    [4.99, 'IV'],
    [3, 'IV'],
    [2.99, 'V'],
    [2, 'V'],
    [1.99, '劣V'],
    [0, '劣V'],
  ])('DO %d → %s', (value, expected) => expect(factorClass('do', 'river', value)).toBe(expected));

  it.each<[number, WaterClass]>([
    [5.99, '劣V'],
    [6, 'I'],
    [7.4, 'I'],
    [9, 'I'],
    [9.01, '劣V'],
  ])('pH %d → %s', (value, expected) => expect(factorClass('ph', 'lake', value)).toBe(expected));
});

describe('a section’s class by the single-factor method', () => {
  it('answers the contract example: ammonia nitrogen 1.3 sets class IV, 0.3 times the class-III limit', () => {
    expect(classify('river', { nh3n: 1.3, codmn: 3, do: 6.5, ph: 7.2 })).toEqual({
      class: 'IV',
      category: '轻度污染',
      limitingFactors: [{ factor: 'nh3n', class: 'IV', multipleOfIII: 0.3 }],
      referenceFactors: [],
    });
  });

  it('lists every factor at the worst class, largest multiple first; pH and DO get no multiple', () => {
    const r = classify('river', { tp: 0.45, cod: 45, do: 1.5, nh3n: 1.8, ph: 9.5 });
    expect(r.class).toBe('劣V');
    expect(r.category).toBe('重度污染');
    expect(r.limitingFactors).toEqual([
      { factor: 'cod', class: '劣V', multipleOfIII: 1.25 },
      { factor: 'tp', class: '劣V', multipleOfIII: 1.25 },
      { factor: 'ph', class: '劣V' },
      { factor: 'do', class: '劣V' },
    ]);
  });

  it('rounds the multiple to 2 decimals', () => {
    expect(classify('river', { cod: 35 }).limitingFactors).toEqual([
      { factor: 'cod', class: 'V', multipleOfIII: 0.75 },
    ]);
    expect(classify('river', { hg: 0.0003 }).limitingFactors).toEqual([
      { factor: 'hg', class: 'IV', multipleOfIII: 2 },
    ]);
    expect(classify('river', { bod5: 4.01 }).limitingFactors).toEqual([
      { factor: 'bod5', class: 'IV', multipleOfIII: 0 },
    ]);
    expect(classify('river', { codmn: 6.07 }).limitingFactors).toEqual([
      { factor: 'codmn', class: 'IV', multipleOfIII: 0.01 },
    ]);
  });

  it('gives no multiple for a class no worse than III', () => {
    expect(classify('river', { nh3n: 0.8, tp: 0.15 })).toEqual({
      class: 'III',
      category: '良好',
      limitingFactors: [
        { factor: 'nh3n', class: 'III' },
        { factor: 'tp', class: 'III' },
      ],
      referenceFactors: [],
    });
  });

  it('judges phosphorus by the lake limits for lakes and reservoirs', () => {
    expect(classify('lake', { tp: 0.11 })).toMatchObject({
      class: 'V',
      limitingFactors: [{ factor: 'tp', multipleOfIII: 1.2 }],
    });
    expect(classify('river', { tp: 0.11 })).toMatchObject({
      class: 'III',
      limitingFactors: [{ factor: 'tp' }],
    });
  });

  it('keeps total nitrogen and fecal coliform out of the class, judged on their own', () => {
    const lake = classify('lake', { tp: 0.04, tn: 1.8, coliform: 30000 });
    expect(lake).toMatchObject({ class: 'III', limitingFactors: [{ factor: 'tp', class: 'III' }] });
    expect(lake.referenceFactors).toEqual([
      { factor: 'tn', class: 'V' },
      { factor: 'coliform', class: 'V' },
    ]);
    // The standard sets no total-nitrogen limit for rivers.
    expect(classify('river', { tp: 0.04, tn: 1.8 }).referenceFactors).toEqual([
      { factor: 'tn', class: null },
    ]);
  });

  it.each<[WaterClass, string]>([
    ['I', '优'],
    ['II', '优'],
    ['III', '良好'],
    ['IV', '轻度污染'],
    ['V', '中度污染'],
    ['劣V', '重度污染'],
  ])('class %s is %s', (cls, category) => {
    const codmn = { I: 1, II: 3, III: 5, IV: 8, V: 12, 劣V: 20 }[cls];
    expect(classify('river', { codmn })).toMatchObject({ class: cls, category });
  });

  it.each<[Record<string, number>, string]>([
    [{}, '/values'],
    [{ tn: 1 }, '/values'],
    [{ coliform: 100 }, '/values'],
    [{ nh3n: -0.1 }, '/values/nh3n'],
    [{ cod: Number.NaN }, '/values/cod'],
    [{ ph: 14.5 }, '/values/ph'],
  ])('refuses %j naming %s', (values, field) => {
    let error: unknown;
    try {
      classify('lake', values);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WaterClassInputError);
    expect(error).toMatchObject({ field });
  });
});

describe('river and basin summary by share of sections', () => {
  const sections = (counts: Partial<Record<WaterClass, number>>): WaterClass[] =>
    WATER_CLASSES.flatMap((c) => Array<WaterClass>(counts[c] ?? 0).fill(c));

  it.each<[Partial<Record<WaterClass, number>>, string]>([
    [{ II: 18, IV: 2 }, '优'], // I–III exactly 90 %
    [{ II: 17, IV: 3 }, '良好'], // 85 %
    [{ III: 15, V: 5 }, '良好'], // exactly 75 %
    [{ III: 14, IV: 3, 劣V: 3 }, '轻度污染'], // 70 %, 劣V 15 %
    [{ III: 14, IV: 2, 劣V: 4 }, '中度污染'], // 劣V exactly 20 %
    [{ III: 12, IV: 1, 劣V: 7 }, '中度污染'], // 劣V 35 %
    [{ III: 12, 劣V: 8 }, '重度污染'], // 劣V exactly 40 %
    [{ I: 1, II: 1, III: 1, IV: 1, V: 1 }, '轻度污染'], // 60 %, the smallest group judged by shares
  ])('%j → %s', (counts, category) => {
    expect(summariseSections(sections(counts)).category).toBe(category);
  });

  it('reports counts and shares to one decimal', () => {
    expect(summariseSections(sections({ I: 1, II: 2, III: 3, IV: 1, 劣V: 2 }))).toEqual({
      sections: 9,
      counts: { I: 1, II: 2, III: 3, IV: 1, V: 0, 劣V: 2 },
      shares: { I: 11.1, II: 22.2, III: 33.3, IV: 11.1, V: 0, 劣V: 22.2 },
      shareIToIII: 66.7,
      shareWorseThanV: 22.2,
      category: '中度污染',
    });
  });

  it('leaves the category to the mean-concentration method below 5 sections', () => {
    expect(summariseSections(['I', 'II', 'III', 'III'])).toMatchObject({
      sections: 4,
      shareIToIII: 100,
      category: null,
    });
    expect(summariseSections([])).toMatchObject({ sections: 0, shareIToIII: 0, category: null });
  });
});
