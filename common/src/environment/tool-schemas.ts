// Contracts of the public tool endpoints (POST /api/v1/tools/aqi and /tools/water-class). Other
// systems call them, so field names and shapes here are a published interface: add, never rename.
import Type, { type Static } from 'typebox';
import { IsoDate } from '../schemas/common.ts';
import { AQI_STANDARD_IDS } from './aqi-breakpoints.ts';
import { AQI_KINDS, AQI_POLLUTANTS } from './aqi.ts';
import { WATERBODIES, WATER_CLASSES, WATER_FACTORS } from './water-class.ts';

// The upper bound is far above any real reading; without one a value such as 1e308 made the multiple of
// the class-III limit Infinity, serialised as null (found by fuzzing).
const amount = (description: string) => Type.Optional(Type.Number({ minimum: 0, maximum: 1e9, description }));

export const AqiPollutantSchema = Type.Enum(AQI_POLLUTANTS);

export const AqiToolRequest = Type.Object(
  {
    kind: Type.Enum(AQI_KINDS, {
      description: 'hourly: real-time report (实时报); daily: daily report (日报)',
    }),
    concentrations: Type.Object(
      {
        so2: amount('SO2, μg/m³: 1 h average (hourly) or 24 h average (daily)'),
        no2: amount('NO2, μg/m³: 1 h average (hourly) or 24 h average (daily)'),
        co: amount('CO, mg/m³: 1 h average (hourly) or 24 h average (daily)'),
        pm10: amount('PM10, μg/m³: the hour’s value (hourly) or 24 h average (daily)'),
        pm25: amount('PM2.5, μg/m³: the hour’s value (hourly) or 24 h average (daily)'),
        o3_1h: amount('O3, μg/m³: 1 h average (hourly) or the day’s maximum 1 h average (daily)'),
        o3_8h: amount('O3, μg/m³: 8 h moving average (hourly) or the day’s maximum 8 h average (daily)'),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    standard: Type.Optional(
      Type.Enum(AQI_STANDARD_IDS, { description: 'default: the table in force on `date`' }),
    ),
    date: Type.Optional(IsoDate), // default: today in China
  },
  { additionalProperties: false },
);
export type AqiToolRequest = Static<typeof AqiToolRequest>;

const subIndex = Type.Optional(Type.Integer({ minimum: 0, maximum: 500 }));

export const AqiToolResponse = Type.Object({
  aqi: Type.Integer({ minimum: 0, maximum: 500 }),
  level: Type.Integer({ minimum: 1, maximum: 6 }),
  category: Type.String({ description: '优 / 良 / 轻度污染 / 中度污染 / 重度污染 / 严重污染' }),
  color: Type.String({ description: 'HJ 633 Table 2 colour, e.g. #FFFF00' }),
  primaryPollutants: Type.Array(AqiPollutantSchema, { description: 'empty when AQI ≤ 50' }),
  exceeding: Type.Array(AqiPollutantSchema, { description: 'pollutants with IAQI > 100' }),
  iaqi: Type.Object({
    so2: subIndex,
    no2: subIndex,
    co: subIndex,
    pm10: subIndex,
    pm25: subIndex,
    o3_1h: subIndex,
    o3_8h: subIndex,
  }),
  standard: Type.Enum(AQI_STANDARD_IDS, { description: 'the breakpoint table used' }),
  aboveScale: Type.Array(AqiPollutantSchema, {
    description: 'above the top breakpoint: reported as IAQI 500',
  }),
});
export type AqiToolResponse = Static<typeof AqiToolResponse>;

const mgL = (name: string) => amount(`${name}, mg/L`);

export const WaterClassToolRequest = Type.Object(
  {
    waterbody: Type.Enum(WATERBODIES, { description: 'lake covers lakes and reservoirs (湖、库)' }),
    values: Type.Object(
      {
        ph: Type.Optional(Type.Number({ minimum: 0, maximum: 14, description: 'pH (dimensionless)' })),
        do: mgL('dissolved oxygen'),
        codmn: mgL('permanganate index'),
        cod: mgL('chemical oxygen demand'),
        bod5: mgL('five-day biochemical oxygen demand'),
        nh3n: mgL('ammonia nitrogen'),
        tp: mgL('total phosphorus'),
        tn: mgL('total nitrogen (judged separately; lakes and reservoirs only)'),
        cu: mgL('copper'),
        zn: mgL('zinc'),
        f: mgL('fluoride'),
        se: mgL('selenium'),
        as: mgL('arsenic'),
        hg: mgL('mercury'),
        cd: mgL('cadmium'),
        cr6: mgL('chromium (VI)'),
        pb: mgL('lead'),
        cn: mgL('cyanide'),
        phenol: mgL('volatile phenol'),
        oil: mgL('petroleum'),
        las: mgL('anionic surfactant'),
        s2: mgL('sulfide'),
        coliform: amount('fecal coliform, per L (judged separately)'),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
);
export type WaterClassToolRequest = Static<typeof WaterClassToolRequest>;

const WaterClassSchema = Type.Enum(WATER_CLASSES);
const WaterFactorSchema = Type.Enum(WATER_FACTORS);

export const WaterClassToolResponse = Type.Object({
  class: WaterClassSchema,
  category: Type.String({ description: '优 / 良好 / 轻度污染 / 中度污染 / 重度污染' }),
  limitingFactors: Type.Array(
    Type.Object({
      factor: WaterFactorSchema,
      class: WaterClassSchema,
      multipleOfIII: Type.Optional(
        Type.Number({
          description: '(value − class-III limit) / class-III limit; only worse than III, not for pH or DO',
        }),
      ),
    }),
  ),
  referenceFactors: Type.Array(
    Type.Object({ factor: WaterFactorSchema, class: Type.Union([WaterClassSchema, Type.Null()]) }),
    {
      description:
        'judged outside the class (total nitrogen, fecal coliform); null: no limit for this waterbody',
    },
  ),
});
export type WaterClassToolResponse = Static<typeof WaterClassToolResponse>;
