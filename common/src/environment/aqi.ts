// Air quality index per HJ 633-2012: pure functions, no I/O. The breakpoint tables are data
// (aqi-breakpoints.ts); the rules that are not table lookups live here, each with its clause.
import { chinaDate } from '../china-time.ts';
import { IAQI_BREAKPOINTS, aqiTableFor, type AqiStandardId, type BreakpointRow } from './aqi-breakpoints.ts';

/** Input names of the tool API: SO2, NO2, CO, PM10, PM2.5, and O3 as its 1 h and 8 h values. */
export const AQI_POLLUTANTS = ['so2', 'no2', 'co', 'pm10', 'pm25', 'o3_1h', 'o3_8h'] as const;
export type AqiPollutant = (typeof AQI_POLLUTANTS)[number];

/** `hourly` is the real-time report (实时报), `daily` the daily report (日报). */
export const AQI_KINDS = ['hourly', 'daily'] as const;
export type AqiKind = (typeof AQI_KINDS)[number];

/** CO in mg/m³, the rest in μg/m³, as in the standard. */
export type Concentrations = Partial<Record<AqiPollutant, number>>;

// Which Table 1 row judges each input. The standard keeps the 1 h SO2, NO2 and CO rows for the
// real-time report only; PM has 24 h rows alone, which the real-time report also uses.
const ROWS: Record<AqiKind, Record<AqiPollutant, BreakpointRow>> = {
  hourly: {
    so2: 'so2_1h',
    no2: 'no2_1h',
    co: 'co_1h',
    pm10: 'pm10_24h',
    pm25: 'pm25_24h',
    o3_1h: 'o3_1h',
    o3_8h: 'o3_8h',
  },
  daily: {
    so2: 'so2_24h',
    no2: 'no2_24h',
    co: 'co_24h',
    pm10: 'pm10_24h',
    pm25: 'pm25_24h',
    o3_1h: 'o3_1h',
    o3_8h: 'o3_8h',
  },
};

/** A sub-index, or `beyondRow` where the standard stops computing it (a short row's end). */
export type Iaqi = { value: number; aboveScale: boolean } | 'beyondRow';

/**
 * IAQI of concentration `c` on one Table 1 row: linear between breakpoints, rounded up (进位取整).
 * Above the top of a full row the standard has no band: the value is capped at 500 and flagged, never
 * extrapolated.
 */
export function iaqi(row: readonly number[], c: number): Iaqi {
  if (!Number.isFinite(c) || c < 0) throw new RangeError(`concentration must be a number ≥ 0, got ${c}`);
  const top = row.length - 1;
  if (c > row[top]!) {
    return row.length < IAQI_BREAKPOINTS.length ? 'beyondRow' : { value: 500, aboveScale: true };
  }
  let i = 1;
  while (c > row[i]!) i++;
  const [bpLo, bpHi] = [row[i - 1]!, row[i]!];
  const [iLo, iHi] = [IAQI_BREAKPOINTS[i - 1]!, IAQI_BREAKPOINTS[i]!];
  return { value: roundUp(((iHi - iLo) / (bpHi - bpLo)) * (c - bpLo) + iLo), aboveScale: false };
}

// Binary floating point makes e.g. 69 come out as 69.00000000000001, which a plain ceil would turn
// into 70; no real concentration is precise to 1e-9 of an index point. (max keeps 0 from becoming −0.)
const roundUp = (x: number) => Math.max(0, Math.ceil(x - 1e-9));

export interface Bilingual {
  zh: string;
  en: string;
}

export interface AqiLevel {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  /** highest AQI of the level */
  upTo: number;
  levelName: Bilingual;
  category: Bilingual;
  color: string;
  colorName: Bilingual;
  healthEffect: Bilingual;
  advice: Bilingual;
}

/** HJ 633-2012 Table 2: levels, categories, colours, health effects and advice. */
export const AQI_LEVELS: readonly AqiLevel[] = [
  {
    level: 1,
    upTo: 50,
    levelName: { zh: '一级', en: 'Level 1' },
    category: { zh: '优', en: 'Excellent' },
    color: '#00E400',
    colorName: { zh: '绿色', en: 'green' },
    healthEffect: {
      zh: '空气质量令人满意，基本无空气污染',
      en: 'Air quality is satisfactory; there is little or no air pollution.',
    },
    advice: { zh: '各类人群可正常活动', en: 'Everyone can carry on as normal.' },
  },
  {
    level: 2,
    upTo: 100,
    levelName: { zh: '二级', en: 'Level 2' },
    category: { zh: '良', en: 'Good' },
    color: '#FFFF00',
    colorName: { zh: '黄色', en: 'yellow' },
    healthEffect: {
      zh: '空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响',
      en: 'Air quality is acceptable, but some pollutants may slightly affect a very small number of unusually sensitive people.',
    },
    advice: {
      zh: '极少数异常敏感人群应减少户外活动',
      en: 'Unusually sensitive people should reduce outdoor activity.',
    },
  },
  {
    level: 3,
    upTo: 150,
    levelName: { zh: '三级', en: 'Level 3' },
    category: { zh: '轻度污染', en: 'Lightly polluted' },
    color: '#FF7E00',
    colorName: { zh: '橙色', en: 'orange' },
    healthEffect: {
      zh: '易感人群症状有轻度加剧，健康人群出现刺激症状',
      en: 'Symptoms of susceptible people worsen slightly; healthy people show signs of irritation.',
    },
    advice: {
      zh: '儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼',
      en: 'Children, older people and people with heart or respiratory disease should reduce long or strenuous outdoor exercise.',
    },
  },
  {
    level: 4,
    upTo: 200,
    levelName: { zh: '四级', en: 'Level 4' },
    category: { zh: '中度污染', en: 'Moderately polluted' },
    color: '#FF0000',
    colorName: { zh: '红色', en: 'red' },
    healthEffect: {
      zh: '进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响',
      en: 'Symptoms of susceptible people worsen further; the heart and breathing of healthy people may be affected.',
    },
    advice: {
      zh: '儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动',
      en: 'Children, older people and people with heart or respiratory disease should avoid long or strenuous outdoor exercise; everyone else should cut down outdoor exercise.',
    },
  },
  {
    level: 5,
    upTo: 300,
    levelName: { zh: '五级', en: 'Level 5' },
    category: { zh: '重度污染', en: 'Heavily polluted' },
    color: '#99004C',
    colorName: { zh: '紫色', en: 'purple' },
    healthEffect: {
      zh: '心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状',
      en: 'Symptoms of people with heart or lung disease worsen markedly and exercise tolerance falls; healthy people commonly show symptoms.',
    },
    advice: {
      zh: '儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动',
      en: 'Children, older people and people with heart or lung disease should stay indoors and stop outdoor exercise; everyone else should reduce outdoor exercise.',
    },
  },
  {
    level: 6,
    upTo: Infinity,
    levelName: { zh: '六级', en: 'Level 6' },
    category: { zh: '严重污染', en: 'Severely polluted' },
    color: '#7E0023',
    colorName: { zh: '褐红色', en: 'maroon' },
    healthEffect: {
      zh: '健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病',
      en: 'Exercise tolerance of healthy people falls, with marked symptoms; some illnesses set in early.',
    },
    advice: {
      zh: '儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动',
      en: 'Children, older people and the sick should stay indoors and avoid exertion; everyone else should avoid outdoor activity.',
    },
  },
];

export function aqiLevel(aqi: number): AqiLevel {
  return AQI_LEVELS.find((l) => aqi <= l.upTo) ?? AQI_LEVELS[AQI_LEVELS.length - 1]!;
}

export interface AqiResult {
  standard: AqiStandardId;
  aqi: number;
  level: AqiLevel['level'];
  category: string;
  color: string;
  /** 首要污染物: the largest IAQI, all of them on a tie; none when AQI ≤ 50 */
  primaryPollutants: AqiPollutant[];
  /** 超标污染物: IAQI > 100 */
  exceeding: AqiPollutant[];
  iaqi: Partial<Record<AqiPollutant, number>>;
  /** pollutants above the table's top breakpoint, reported at IAQI 500 */
  aboveScale: AqiPollutant[];
}

/** Input the standard cannot judge; `field` is the JSON pointer in the tool request. */
export class AqiInputError extends Error {
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

// Where a short row ends, the standard hands the sub-index to another value (the notes to Table 1).
const BEYOND_ROW: Partial<Record<AqiPollutant, Bilingual>> = {
  so2: {
    zh: 'SO2 1小时平均浓度高于 800 μg/m³ 时不计算其分指数，按 24 小时平均浓度的分指数报告：请以 daily 方式提交 24 小时平均浓度',
    en: 'An SO2 1-hour value above 800 μg/m³ has no sub-index; SO2 is reported by its 24-hour sub-index: submit the 24-hour average with kind "daily"',
  },
  o3_8h: {
    zh: 'O3 8小时平均浓度高于 800 μg/m³ 时不计算其分指数，按 1 小时平均浓度的分指数报告：请同时提交 o3_1h',
    en: 'An O3 8-hour value above 800 μg/m³ has no sub-index; O3 is reported by its 1-hour sub-index: submit o3_1h as well',
  },
};

export function computeAqi(
  kind: AqiKind,
  concentrations: Concentrations,
  options: { standard?: string; date?: string } = {},
): AqiResult {
  const date = options.date ?? chinaDate(new Date().toISOString());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new AqiInputError('/date', '日期格式应为 YYYY-MM-DD', 'must be YYYY-MM-DD');
  const table = aqiTableFor({
    ...(options.standard !== undefined ? { standard: options.standard } : {}),
    date,
  });
  if (!table) {
    if (options.standard !== undefined)
      throw new AqiInputError('/standard', '未知的技术规定', 'unknown standard');
    throw new AqiInputError(
      '/date',
      `${date} 尚无施行的 AQI 技术规定`,
      `no AQI standard was in force on ${date}`,
    );
  }
  const given = AQI_POLLUTANTS.filter((p) => concentrations[p] !== undefined);
  if (given.length === 0) {
    throw new AqiInputError('/concentrations', '至少提交一项污染物浓度', 'give at least one concentration');
  }
  const sub: Partial<Record<AqiPollutant, number>> = {};
  const aboveScale: AqiPollutant[] = [];
  for (const p of given) {
    const c = concentrations[p]!;
    if (!Number.isFinite(c) || c < 0) {
      throw new AqiInputError(
        `/concentrations/${p}`,
        '应为不小于 0 的数值',
        'must be a number of at least 0',
      );
    }
    const r = iaqi(table.rows[ROWS[kind][p]], c);
    if (r === 'beyondRow') {
      if (p === 'o3_8h' && concentrations.o3_1h !== undefined) continue; // O3 is judged by o3_1h alone
      const why = BEYOND_ROW[p] ?? {
        zh: '超出技术规定的浓度范围',
        en: 'is beyond the range of the standard',
      };
      throw new AqiInputError(`/concentrations/${p}`, why.zh, why.en);
    }
    sub[p] = r.value;
    if (r.aboveScale) aboveScale.push(p);
  }
  const counted = AQI_POLLUTANTS.filter((p) => sub[p] !== undefined);
  const aqi = Math.max(...counted.map((p) => sub[p]!));
  const level = aqiLevel(aqi);
  return {
    standard: table.id,
    aqi,
    level: level.level,
    category: level.category.zh,
    color: level.color,
    primaryPollutants: aqi > 50 ? counted.filter((p) => sub[p] === aqi) : [],
    exceeding: counted.filter((p) => sub[p]! > 100),
    iaqi: sub,
    aboveScale,
  };
}
