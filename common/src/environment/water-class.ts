// Surface-water class per GB 3838-2002 Table 1 by the single-factor method of 地表水环境质量评价办法
// （试行）(环办〔2011〕22号): pure functions, no I/O. The limits are data; the method's rules are code.
import type { Bilingual } from './aqi.ts';

export const WATER_CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'] as const;
export type WaterClass = (typeof WATER_CLASSES)[number];

export const WATERBODIES = ['river', 'lake'] as const;
/** `lake` covers lakes and reservoirs (湖、库), which have their own phosphorus and nitrogen limits. */
export type Waterbody = (typeof WATERBODIES)[number];

export const WATER_FACTORS = [
  'ph', 'do', 'codmn', 'cod', 'bod5', 'nh3n', 'tp', 'tn', 'cu', 'zn', 'f', 'se',
  'as', 'hg', 'cd', 'cr6', 'pb', 'cn', 'phenol', 'oil', 'las', 's2', 'coliform',
] as const; // prettier-ignore
export type WaterFactor = (typeof WATER_FACTORS)[number];

/** mg/L, except pH (dimensionless) and fecal coliform (per L). */
export type WaterValues = Partial<Record<WaterFactor, number>>;

/** Limits of classes I, II, III, IV, V. */
type Limits = readonly [number, number, number, number, number];

interface CommonStandard {
  name: Bilingual;
  unit: string;
  /**
   * `reference`: evaluated on its own and left out of the section's class — the 2011 method does so
   * for total nitrogen and fecal coliform (and water temperature, which we do not take).
   */
  role: 'class' | 'reference';
}
interface RangeStandard extends CommonStandard {
  test: 'range';
  min: number;
  max: number;
}
interface LimitStandard extends CommonStandard {
  /** `atMost`: a class is met when value ≤ its limit; `atLeast` (dissolved oxygen): value ≥ limit */
  test: 'atMost' | 'atLeast';
  /** null where the standard sets no limit for that waterbody */
  limits: Record<Waterbody, Limits | null>;
}
type FactorStandard = RangeStandard | LimitStandard;

const limited = (
  zh: string,
  en: string,
  limits: Limits | Record<Waterbody, Limits | null>,
  more: Partial<Pick<LimitStandard, 'test' | 'role' | 'unit'>> = {},
): LimitStandard => ({
  name: { zh, en },
  unit: 'mg/L',
  role: 'class',
  test: 'atMost',
  limits: 'lake' in limits ? limits : { river: limits, lake: limits },
  ...more,
});

export const WATER_STANDARD: Readonly<Record<WaterFactor, FactorStandard>> = {
  // pH has one band, 6–9, for every class: outside it no class is met.
  ph: { name: { zh: 'pH值', en: 'pH' }, unit: '', role: 'class', test: 'range', min: 6, max: 9 },
  // Class I also allows 90 % saturation; we take mg/L readings only, so the 7.5 mg/L form applies.
  do: limited('溶解氧', 'Dissolved oxygen', [7.5, 6, 5, 3, 2], { test: 'atLeast' }),
  codmn: limited('高锰酸盐指数', 'Permanganate index', [2, 4, 6, 10, 15]),
  cod: limited('化学需氧量', 'Chemical oxygen demand', [15, 15, 20, 30, 40]),
  bod5: limited('五日生化需氧量', 'Five-day biochemical oxygen demand', [3, 3, 4, 6, 10]),
  nh3n: limited('氨氮', 'Ammonia nitrogen', [0.15, 0.5, 1.0, 1.5, 2.0]),
  tp: limited('总磷', 'Total phosphorus', {
    river: [0.02, 0.1, 0.2, 0.3, 0.4],
    lake: [0.01, 0.025, 0.05, 0.1, 0.2],
  }),
  // The standard sets total nitrogen for lakes and reservoirs only.
  tn: limited(
    '总氮',
    'Total nitrogen',
    { river: null, lake: [0.2, 0.5, 1.0, 1.5, 2.0] },
    { role: 'reference' },
  ),
  cu: limited('铜', 'Copper', [0.01, 1.0, 1.0, 1.0, 1.0]),
  zn: limited('锌', 'Zinc', [0.05, 1.0, 1.0, 2.0, 2.0]),
  f: limited('氟化物', 'Fluoride', [1.0, 1.0, 1.0, 1.5, 1.5]),
  se: limited('硒', 'Selenium', [0.01, 0.01, 0.01, 0.02, 0.02]),
  as: limited('砷', 'Arsenic', [0.05, 0.05, 0.05, 0.1, 0.1]),
  hg: limited('汞', 'Mercury', [0.00005, 0.00005, 0.0001, 0.001, 0.001]),
  cd: limited('镉', 'Cadmium', [0.001, 0.005, 0.005, 0.005, 0.01]),
  cr6: limited('铬（六价）', 'Chromium (VI)', [0.01, 0.05, 0.05, 0.05, 0.1]),
  pb: limited('铅', 'Lead', [0.01, 0.01, 0.05, 0.05, 0.1]),
  cn: limited('氰化物', 'Cyanide', [0.005, 0.05, 0.2, 0.2, 0.2]),
  phenol: limited('挥发酚', 'Volatile phenol', [0.002, 0.002, 0.005, 0.01, 0.1]),
  oil: limited('石油类', 'Petroleum', [0.05, 0.05, 0.05, 0.5, 1.0]),
  las: limited('阴离子表面活性剂', 'Anionic surfactant', [0.2, 0.2, 0.2, 0.3, 0.3]),
  s2: limited('硫化物', 'Sulfide', [0.05, 0.1, 0.2, 0.5, 1.0]),
  coliform: limited('粪大肠菌群', 'Fecal coliform', [200, 2000, 10000, 20000, 40000], {
    unit: '个/L',
    role: 'reference',
  }),
};

/** Quality words of a section's class (2011 method, Table 2). */
export const WATER_CLASS_CATEGORY: Readonly<Record<WaterClass, Bilingual>> = {
  I: { zh: '优', en: 'Excellent' },
  II: { zh: '优', en: 'Excellent' },
  III: { zh: '良好', en: 'Good' },
  IV: { zh: '轻度污染', en: 'Lightly polluted' },
  V: { zh: '中度污染', en: 'Moderately polluted' },
  劣V: { zh: '重度污染', en: 'Heavily polluted' },
};

/** The class one value meets, or null where the standard sets no limit for this waterbody. */
export function factorClass(factor: WaterFactor, waterbody: Waterbody, value: number): WaterClass | null {
  const std = WATER_STANDARD[factor];
  if (std.test === 'range') return value >= std.min && value <= std.max ? 'I' : '劣V';
  const limits = std.limits[waterbody];
  if (!limits) return null;
  const met = limits.findIndex((limit) => (std.test === 'atLeast' ? value >= limit : value <= limit));
  return met === -1 ? '劣V' : WATER_CLASSES[met]!;
}

/**
 * (value − class-III limit) / class-III limit, to 2 decimals, for a value worse than class III.
 * The 2011 method computes no multiple for pH or dissolved oxygen, so they get none.
 */
export function multipleOfIII(factor: WaterFactor, waterbody: Waterbody, value: number): number | undefined {
  const std = WATER_STANDARD[factor];
  if (std.test !== 'atMost') return undefined;
  const limit = std.limits[waterbody]?.[2];
  if (limit === undefined || value <= limit) return undefined;
  return Math.round(((value - limit) / limit) * 100 + 1e-9) / 100;
}

export interface LimitingFactor {
  factor: WaterFactor;
  class: WaterClass;
  multipleOfIII?: number;
}

export interface WaterClassResult {
  class: WaterClass;
  category: string;
  /** the factors that set the class (all of them on a tie), largest multiple first */
  limitingFactors: LimitingFactor[];
  /** factors judged on their own, outside the class; class null where no limit applies (river TN) */
  referenceFactors: Array<{ factor: WaterFactor; class: WaterClass | null }>;
}

/** Input the method cannot judge; `field` is the JSON pointer in the tool request. */
export class WaterClassInputError extends Error {
  readonly field: string;
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(field: string, messageZh: string, messageEn: string) {
    super(messageEn);
    this.field = field;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

const rank = (c: WaterClass) => WATER_CLASSES.indexOf(c);

/** A section's class: the worst class over its evaluated factors (single-factor method). */
export function classify(waterbody: Waterbody, values: WaterValues): WaterClassResult {
  const judged: Array<{ factor: WaterFactor; class: WaterClass; value: number }> = [];
  const referenceFactors: WaterClassResult['referenceFactors'] = [];
  for (const factor of WATER_FACTORS) {
    const value = values[factor];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0 || (factor === 'ph' && value > 14)) {
      const range = factor === 'ph' ? '0–14' : '≥ 0';
      throw new WaterClassInputError(
        `/values/${factor}`,
        `应为 ${range} 的数值`,
        `must be a number ${range}`,
      );
    }
    const cls = factorClass(factor, waterbody, value);
    if (WATER_STANDARD[factor].role === 'reference' || cls === null)
      referenceFactors.push({ factor, class: cls });
    else judged.push({ factor, class: cls, value });
  }
  if (judged.length === 0) {
    throw new WaterClassInputError(
      '/values',
      '至少提交一项参与定类的指标（总氮、粪大肠菌群单独评价，不参与定类）',
      'give at least one factor that sets the class (total nitrogen and fecal coliform are judged separately)',
    );
  }
  const worst = WATER_CLASSES[Math.max(...judged.map((j) => rank(j.class)))]!;
  const limitingFactors = judged
    .filter((j) => j.class === worst)
    .map((j): LimitingFactor => {
      const multiple = rank(worst) > rank('III') ? multipleOfIII(j.factor, waterbody, j.value) : undefined;
      return {
        factor: j.factor,
        class: j.class,
        ...(multiple !== undefined ? { multipleOfIII: multiple } : {}),
      };
    })
    .sort((a, b) => (b.multipleOfIII ?? -1) - (a.multipleOfIII ?? -1));
  return { class: worst, category: WATER_CLASS_CATEGORY[worst].zh, limitingFactors, referenceFactors };
}

export const RIVER_QUALITY_CATEGORIES = ['优', '良好', '轻度污染', '中度污染', '重度污染'] as const;
export type RiverQualityCategory = (typeof RIVER_QUALITY_CATEGORIES)[number];

export interface SectionSummary {
  sections: number;
  counts: Record<WaterClass, number>;
  /** percentages to one decimal */
  shares: Record<WaterClass, number>;
  shareIToIII: number;
  shareWorseThanV: number;
  /**
   * The river's or basin's quality by section shares; null below 5 sections, where the method
   * classifies the sections' mean concentrations instead (classify them with `classify`).
   */
  category: RiverQualityCategory | null;
}

/** A river's or basin's summary from its sections' classes (2011 method, Table 3). */
export function summariseSections(classes: readonly WaterClass[]): SectionSummary {
  const n = classes.length;
  const counts = Object.fromEntries(WATER_CLASSES.map((c) => [c, 0])) as Record<WaterClass, number>;
  for (const c of classes) counts[c] += 1;
  const percent = (k: number) => (n === 0 ? 0 : Math.round((k / n) * 1000) / 10);
  const good = counts.I + counts.II + counts.III;
  const bad = counts['劣V'];
  return {
    sections: n,
    counts,
    shares: Object.fromEntries(WATER_CLASSES.map((c) => [c, percent(counts[c])])) as Record<
      WaterClass,
      number
    >,
    shareIToIII: percent(good),
    shareWorseThanV: percent(bad),
    category: n < 5 ? null : riverCategory(good, bad, n),
  };
}

// Compared in whole counts so that 9 of 10 is exactly 90 %, not 89.99999 %. The heavy band follows our
// reference (I–III < 75 % and 劣V ≥ 40 %). If the 2011 text reads "I–III < 60 %" there, the two differ
// only at exactly 60 % / 40 %, which that wording would leave without a category.
function riverCategory(good: number, bad: number, n: number): RiverQualityCategory {
  if (good * 100 >= 90 * n) return '优';
  if (good * 100 >= 75 * n) return '良好';
  if (bad * 100 < 20 * n) return '轻度污染';
  if (bad * 100 < 40 * n) return '中度污染';
  return '重度污染';
}
