// The public data sets as flat tables: one query per data set, in a stable order so that pages hold
// still between requests. Only public columns are selected.
import type { DB } from '../../db/database.ts';

export type Cell = string | number | null;
export interface DatasetQuery {
  page: number;
  pageSize: number;
  from?: string;
  to?: string;
  station?: string;
}
export interface Dataset {
  name: string;
  title: { zh: string; en: string };
  columns: readonly string[];
  /** which query filters apply */
  filters: ReadonlyArray<'from' | 'to' | 'station'>;
  fetch(db: DB, q: DatasetQuery): Promise<{ total: number; rows: Array<Record<string, Cell>> }>;
}

async function paged<R extends Record<string, Cell>>(
  count: () => Promise<{ n: number | string | bigint } | undefined>,
  rows: () => Promise<R[]>,
) {
  const [c, r] = await Promise.all([count(), rows()]);
  return { total: Number(c?.n ?? 0), rows: r };
}

const POLLUTANTS = ['so2', 'no2', 'co', 'pm10', 'pm25'] as const;

export const DATASETS: readonly Dataset[] = [
  {
    name: 'air-stations',
    title: { zh: '空气质量监测站点', en: 'Air monitoring stations' },
    columns: ['code', 'name', 'county', 'control_level', 'address', 'longitude', 'latitude', 'is_demo'],
    filters: [],
    fetch: (db, q) => {
      const base = db.selectFrom('air_stations');
      return paged(
        () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        () =>
          base
            .select([
              'code',
              'name',
              'county',
              'control_level',
              'address',
              'longitude',
              'latitude',
              'is_demo',
            ])
            .orderBy('code')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
      );
    },
  },
  {
    name: 'air-hourly',
    title: { zh: '空气质量小时数据（含AQI）', en: 'Hourly air readings with AQI' },
    columns: [
      'station_code',
      'hour_at',
      ...POLLUTANTS,
      'o3',
      'o3_8h',
      'aqi',
      'aqi_level',
      'primary_pollutants',
      'is_demo',
    ],
    filters: ['from', 'to', 'station'],
    fetch: (db, q) => {
      let base = db.selectFrom('air_hourly').innerJoin('air_stations as s', 's.id', 'air_hourly.station_id');
      if (q.from) base = base.where('hour_at', '>=', `${q.from}T00:00`);
      if (q.to) base = base.where('hour_at', '<=', `${q.to}T23:00`);
      if (q.station) base = base.where('s.code', '=', q.station);
      return paged(
        () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        () =>
          base
            .select([
              's.code as station_code',
              'hour_at',
              ...POLLUTANTS.map((p) => `air_hourly.${p}` as const),
              'o3',
              'o3_8h',
              'aqi',
              'aqi_level',
              'primary_pollutants',
              'air_hourly.is_demo',
            ])
            .orderBy('hour_at')
            .orderBy('s.code')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
      );
    },
  },
  {
    name: 'air-daily',
    title: { zh: '空气质量日数据（含AQI）', en: 'Daily air values with AQI' },
    columns: [
      'station_code',
      'date',
      ...POLLUTANTS,
      'o3_1h',
      'o3_8h',
      'valid_hours',
      'aqi',
      'aqi_level',
      'primary_pollutants',
      'is_demo',
    ],
    filters: ['from', 'to', 'station'],
    fetch: (db, q) => {
      let base = db.selectFrom('air_daily').innerJoin('air_stations as s', 's.id', 'air_daily.station_id');
      if (q.from) base = base.where('date', '>=', q.from);
      if (q.to) base = base.where('date', '<=', q.to);
      if (q.station) base = base.where('s.code', '=', q.station);
      return paged(
        () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        () =>
          base
            .select([
              's.code as station_code',
              'date',
              ...POLLUTANTS.map((p) => `air_daily.${p}` as const),
              'o3_1h',
              'o3_8h',
              'valid_hours',
              'aqi',
              'aqi_level',
              'primary_pollutants',
              'air_daily.is_demo',
            ])
            .orderBy('date')
            .orderBy('s.code')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
      );
    },
  },
  {
    name: 'water-sections',
    title: { zh: '地表水监测断面', en: 'Surface-water sections' },
    columns: [
      'code',
      'name',
      'river',
      'basin',
      'waterbody',
      'county',
      'control_level',
      'attribute',
      'target_class',
      'is_demo',
    ],
    filters: [],
    fetch: (db, q) => {
      const base = db.selectFrom('water_sections');
      return paged(
        () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        () =>
          base
            .select([
              'code',
              'name',
              'river',
              'basin',
              'waterbody',
              'county',
              'control_level',
              'attribute',
              'target_class',
              'is_demo',
            ])
            .orderBy('code')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
      );
    },
  },
  {
    name: 'water-readings',
    title: { zh: '地表水监测数据（含水质类别）', en: 'Surface-water readings with class' },
    columns: ['section_code', 'sampled_on', 'values_json', 'water_class', 'limiting_factors', 'is_demo'],
    filters: ['from', 'to', 'station'],
    fetch: (db, q) => {
      let base = db
        .selectFrom('water_readings')
        .innerJoin('water_sections as s', 's.id', 'water_readings.section_id');
      if (q.from) base = base.where('sampled_on', '>=', q.from);
      if (q.to) base = base.where('sampled_on', '<=', q.to);
      if (q.station) base = base.where('s.code', '=', q.station);
      return paged(
        () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        () =>
          base
            .select([
              's.code as section_code',
              'sampled_on',
              'values_json',
              'water_class',
              'limiting_factors',
              'water_readings.is_demo',
            ])
            .orderBy('sampled_on')
            .orderBy('s.code')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
      );
    },
  },
  {
    name: 'dischargers',
    title: { zh: '重点排污单位名录', en: 'Key discharging units' },
    columns: [
      'id',
      'name',
      'credit_code',
      'county',
      'industry',
      'permit_number',
      'address',
      'listed_year',
      'is_demo',
    ],
    filters: [],
    fetch: (db, q) => {
      const base = db.selectFrom('dischargers');
      return paged(
        () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        () =>
          base
            .select([
              'id',
              'name',
              'credit_code',
              'county',
              'industry',
              'permit_number',
              'address',
              'listed_year',
              'is_demo',
            ])
            .orderBy('id')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
      );
    },
  },
  {
    name: 'disclosures',
    title: { zh: '企业环境信息披露记录', en: 'Enterprise disclosures' },
    columns: [
      'id',
      'discharger_id',
      'kind',
      'part',
      'title',
      'year',
      'event_date',
      'published_on',
      'doc_number',
      'amount',
      'content',
      'is_demo',
    ],
    filters: ['from', 'to'],
    fetch: (db, q) => {
      let base = db.selectFrom('discharger_disclosures');
      if (q.from) base = base.where('published_on', '>=', q.from);
      if (q.to) base = base.where('published_on', '<=', q.to);
      return paged(
        () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        () =>
          base
            .select([
              'id',
              'discharger_id',
              'kind',
              'part',
              'title',
              'year',
              'event_date',
              'published_on',
              'doc_number',
              'amount',
              'content',
              'is_demo',
            ])
            .orderBy('id')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
      );
    },
  },
  {
    name: 'incidents',
    title: { zh: '突发环境事件信息', en: 'Environmental incidents' },
    columns: [
      'id',
      'title',
      'occurred_at',
      'county',
      'location',
      'level',
      'status',
      'summary',
      'published_at',
      'is_demo',
    ],
    filters: ['from', 'to'],
    fetch: (db, q) => {
      let base = db.selectFrom('incidents');
      if (q.from) base = base.where('occurred_at', '>=', q.from);
      if (q.to) base = base.where('occurred_at', '<=', `${q.to}T23:59`);
      return paged(
        () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        () =>
          base
            .select([
              'id',
              'title',
              'occurred_at',
              'county',
              'location',
              'level',
              'status',
              'summary',
              'published_at',
              'is_demo',
            ])
            .orderBy('id')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
      );
    },
  },
];
