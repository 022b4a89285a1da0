// API contract of air stations, water sections and their readings (public reads, staff writes).
import Type, { type Static } from 'typebox';
import { CONTROL_LEVELS } from '../environment/disclosure.ts';
import { AQI_POLLUTANTS } from '../environment/aqi.ts';
import { WATERBODIES, WATER_CLASSES, WATER_FACTORS } from '../environment/water-class.ts';
import { IsoDate, PageQuery, RowId, Text } from './common.ts';

export const ControlLevelSchema = Type.Enum(CONTROL_LEVELS, {
  description: 'national 国控 / provincial 省控 / city 市控',
});
export const StationCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' });
const num = Type.Union([Type.Number(), Type.Null()]);
const Longitude = Type.Optional(Type.Union([Type.Number({ minimum: 73, maximum: 136 }), Type.Null()]));
const Latitude = Type.Optional(Type.Union([Type.Number({ minimum: 3, maximum: 54 }), Type.Null()]));

export const AirStation = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  county: Type.String(),
  controlLevel: ControlLevelSchema,
  address: Type.Union([Type.String(), Type.Null()]),
  longitude: num,
  latitude: num,
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type AirStation = Static<typeof AirStation>;

const stationFields = {
  code: StationCode,
  name: Text(60),
  county: Text(30),
  controlLevel: ControlLevelSchema,
  address: Type.Optional(Type.Union([Text(200), Type.Null()])),
  longitude: Longitude,
  latitude: Latitude,
};
export const AirStationInput = Type.Object(stationFields, { additionalProperties: false });
export type AirStationInput = Static<typeof AirStationInput>;
export const AirStationUpdate = Type.Object(
  { version: RowId(), ...Type.Partial(Type.Object(stationFields)).properties },
  { additionalProperties: false },
);
export type AirStationUpdate = Static<typeof AirStationUpdate>;

export const WaterSection = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  river: Type.String(),
  basin: Type.String(),
  waterbody: Type.Enum(WATERBODIES),
  county: Type.String(),
  controlLevel: ControlLevelSchema,
  attribute: Type.Union([Type.String(), Type.Null()]),
  targetClass: Type.Union([Type.Enum(WATER_CLASSES), Type.Null()]),
  longitude: num,
  latitude: num,
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type WaterSection = Static<typeof WaterSection>;

const sectionFields = {
  code: StationCode,
  name: Text(60),
  river: Text(40),
  basin: Text(40),
  waterbody: Type.Enum(WATERBODIES),
  county: Text(30),
  controlLevel: ControlLevelSchema,
  attribute: Type.Optional(Type.Union([Text(20, { description: '交界 / 饮用水 / 控制' }), Type.Null()])),
  targetClass: Type.Optional(Type.Union([Type.Enum(WATER_CLASSES), Type.Null()])),
  longitude: Longitude,
  latitude: Latitude,
};
export const WaterSectionInput = Type.Object(sectionFields, { additionalProperties: false });
export type WaterSectionInput = Static<typeof WaterSectionInput>;
export const WaterSectionUpdate = Type.Object(
  { version: RowId(), ...Type.Partial(Type.Object(sectionFields)).properties },
  { additionalProperties: false },
);
export type WaterSectionUpdate = Static<typeof WaterSectionUpdate>;

const aqiFields = {
  aqi: Type.Union([Type.Integer(), Type.Null()]),
  level: Type.Union([Type.Integer({ minimum: 1, maximum: 6 }), Type.Null()]),
  category: Type.Union([Type.String(), Type.Null()]),
  color: Type.Union([Type.String(), Type.Null()]),
  primaryPollutants: Type.Array(Type.Enum(AQI_POLLUTANTS)),
};

export const AirHourlyReading = Type.Object({
  stationId: Type.Integer(),
  hour: Type.String({ description: 'YYYY-MM-DDTHH:00, China time: the hour starting then' }),
  so2: num,
  no2: num,
  co: num,
  pm10: num,
  pm25: num,
  o3: num,
  o3_8h: Type.Union([Type.Number(), Type.Null()], { description: '8-hour moving mean ending this hour' }),
  ...aqiFields,
  isDemo: Type.Boolean(),
});
export type AirHourlyReading = Static<typeof AirHourlyReading>;

export const AirDailyReading = Type.Object({
  stationId: Type.Union([Type.Integer(), Type.Null()], { description: 'null: the city (mean of stations)' }),
  date: Type.String(),
  so2: num,
  no2: num,
  co: num,
  pm10: num,
  pm25: num,
  o3_1h: Type.Union([Type.Number(), Type.Null()], { description: 'the day’s maximum 1-hour O3' }),
  o3_8h: Type.Union([Type.Number(), Type.Null()], { description: 'the day’s maximum 8-hour O3' }),
  validHours: Type.Integer({ description: 'valid hours of PM2.5 (the most often missing)' }),
  ...aqiFields,
});
export type AirDailyReading = Static<typeof AirDailyReading>;

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const AirNowItem = Type.Object({
  station: AirStation,
  reading: Type.Union([AirHourlyReading, Type.Null()]),
  healthEffect: Type.Union([Bilingual, Type.Null()]),
  advice: Type.Union([Bilingual, Type.Null()]),
});
export const AirNow = Type.Object({
  items: Type.Array(AirNowItem),
  latestHour: Type.Union([Type.String(), Type.Null()]),
});
export type AirNow = Static<typeof AirNow>;

export const AirHistoryQuery = Type.Object(
  {
    granularity: Type.Optional(Type.Enum(['hourly', 'daily'] as const, { default: 'daily' })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export const AirHistory = Type.Object({
  station: AirStation,
  granularity: Type.Enum(['hourly', 'daily'] as const),
  from: Type.String(),
  to: Type.String(),
  hourly: Type.Array(AirHourlyReading),
  daily: Type.Array(AirDailyReading),
});
export type AirHistory = Static<typeof AirHistory>;

const Share = Type.Object({
  days: Type.Integer(),
  goodDays: Type.Integer(),
  share: Type.Union([Type.Number(), Type.Null()], { description: '优良天数比例, %' }),
  byLevel: Type.Array(Type.Integer(), { description: 'days at levels 1–6' }),
});
export const GoodDaysQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    stationId: Type.Optional(RowId()),
  },
  { additionalProperties: false },
);
export const GoodDays = Type.Object({
  year: Type.Integer(),
  stationId: Type.Union([Type.Integer(), Type.Null()]),
  scope: Type.String({ description: 'the station’s name, or 全市 for the city' }),
  months: Type.Array(Type.Intersect([Type.Object({ month: Type.String() }), Share])),
  total: Share,
  lastYear: Type.Union([Share, Type.Null()], { description: 'the same period of the previous year' }),
});
export type GoodDays = Static<typeof GoodDays>;

export const WaterValuesSchema = Type.Record(Type.Enum(WATER_FACTORS), Type.Number());
export const LimitingFactorSchema = Type.Object({
  factor: Type.Enum(WATER_FACTORS),
  class: Type.Enum(WATER_CLASSES),
  multipleOfIII: Type.Optional(Type.Number()),
});
export const WaterReading = Type.Object({
  id: Type.Integer(),
  sectionId: Type.Integer(),
  sampledOn: Type.String(),
  values: Type.Record(Type.String(), Type.Number()),
  class: Type.Enum(WATER_CLASSES),
  category: Type.String(),
  limitingFactors: Type.Array(LimitingFactorSchema),
  isDemo: Type.Boolean(),
});
export type WaterReading = Static<typeof WaterReading>;

export const WaterSectionStatus = Type.Object({
  section: WaterSection,
  latest: Type.Union([WaterReading, Type.Null()]),
  /** the class a year before the latest reading (上年同期) */
  lastYearClass: Type.Union([Type.Enum(WATER_CLASSES), Type.Null()]),
  change: Type.Union([Type.Integer(), Type.Null()], {
    description: 'classes better (+) or worse (−) than the same month last year',
  }),
  meetsTarget: Type.Union([Type.Boolean(), Type.Null()]),
});
export type WaterSectionStatus = Static<typeof WaterSectionStatus>;
export const WaterStatusQuery = Type.Object(
  {
    month: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM; default: latest' }),
    ),
  },
  { additionalProperties: false },
);
export const WaterStatusList = Type.Object({
  month: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(WaterSectionStatus),
  summaries: Type.Array(
    Type.Object({
      kind: Type.Enum(['river', 'lake', 'basin', 'all'] as const, {
        description: 'river; lake: a lake or reservoir (湖库); basin; all sections',
      }),
      name: Type.String(),
      sections: Type.Integer(),
      counts: Type.Record(Type.String(), Type.Integer()),
      shareIToIII: Type.Number(),
      shareWorseThanV: Type.Number(),
      category: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type WaterStatusList = Static<typeof WaterStatusList>;

export const WaterReadingsQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

export const ENV_IMPORT_KINDS = ['air', 'water'] as const;
export const EnvImportResult = Type.Object({
  kind: Type.Enum(ENV_IMPORT_KINDS),
  importId: Type.Integer(),
  rows: Type.Integer(),
  replaced: Type.Integer({ description: 'readings that existed and were replaced' }),
  stations: Type.Integer({ description: 'stations or sections in the file' }),
  from: Type.String(),
  to: Type.String(),
  daysDerived: Type.Integer({ description: 'daily values (re)computed' }),
});
export type EnvImportResult = Static<typeof EnvImportResult>;

export const EnvImport = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(ENV_IMPORT_KINDS),
  fileName: Type.String(),
  rows: Type.Integer(),
  replaced: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type EnvImport = Static<typeof EnvImport>;
export const EnvImportListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
