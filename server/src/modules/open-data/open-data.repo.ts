// The public data sets as flat tables: one query per data set, in a stable order so that pages hold
// still between requests. Only public columns are selected. Each data set's fields are described in
// open-data.catalogue.ts; times come out in one time zone, China time (UTC+8), as the catalogue says.
import { chinaDateTime, WATER_FACTORS } from '@greenvoice/common';
import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/database.ts';
import { ownedWithinScope } from '../../db/expressions.ts';
import type { Database } from '../../db/types.ts';

export type Cell = string | number | null;
export interface DatasetQuery {
  page: number;
  pageSize: number;
  from?: string;
  to?: string;
  station?: string;
  /** the site's subtree (decision 197): only what its units own */
  scopePath: string;
}
export interface Dataset {
  name: string;
  title: { zh: string; en: string };
  columns: readonly string[];
  /** which query filters apply */
  filters: ReadonlyArray<'from' | 'to' | 'station'>;
  fetch(db: DB, q: DatasetQuery): Promise<{ total: number; rows: Array<Record<string, Cell>> }>;
  /** one page of rows without counting them */
  rows(db: DB, q: DatasetQuery): Promise<Array<Record<string, Cell>>>;
  /**
   * The rows after `after` (a position this returned), in the order of the table's own key, so that a
   * whole-file download reads each step from the index instead of sorting and skipping.
   */
  after(
    db: DB,
    q: Omit<DatasetQuery, 'page' | 'pageSize'>,
    after: Cursor | null,
    limit: number,
  ): Promise<{ rows: Array<Record<string, Cell>>; last: Cursor | null }>;
  /** when the site's part of the data set last changed (China time), null when empty */
  lastUpdate(db: DB, scopePath: string): Promise<string | null>;
}

type Filtered = { from?: string; to?: string; station?: string; scopePath: string };
export type Cursor = readonly [string | number, string | number];
// Each data set's query has its own table types; the shared steps only count, order and slice it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = SelectQueryBuilder<Database, any, any>;

/** An ISO instant (UTC) as China time 'YYYY-MM-DD HH:MM' — the data sets' one time zone. */
export const chinaTime = (iso: string | null) =>
  iso === null || Number.isNaN(Date.parse(iso)) ? iso : chinaDateTime(iso);
/** 'YYYY-MM-DDTHH:MM' China time, as stored, written with a space like the other times. */
const localTime = (s: string | null) => (s === null ? null : s.replace('T', ' '));

function dataset(d: {
  name: string;
  /** the table the rows come from (its id is the default key) */
  table: string;
  title: { zh: string; en: string };
  columns: readonly string[];
  filters: Dataset['filters'];
  base: (db: DB, q: Filtered) => AnyQuery;
  select: (base: AnyQuery) => AnyQuery;
  /** the table's key, two columns, for reading the whole set in steps (default: the id) */
  key?: readonly [string, string];
  map?: (row: Record<string, unknown>) => Record<string, Cell>;
  updated: (db: DB, scopePath: string) => Promise<{ at: string | null } | undefined>;
  updatedIsUtc?: boolean;
}): Dataset {
  const map = d.map ?? ((r) => r as Record<string, Cell>);
  const rows = async (db: DB, q: DatasetQuery) =>
    (
      (await d
        .select(d.base(db, q))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute()) as Array<Record<string, unknown>>
    ).map(map);
  const [k0, k1] = d.key ?? [`${d.table}.id`, `${d.table}.id`];
  const after: Dataset['after'] = async (db, q, from, limit) => {
    let b = d.base(db, q);
    if (from)
      b = b.where((eb) =>
        eb(eb.refTuple(k0 as never, k1 as never), '>', eb.tuple(from[0], from[1]) as never),
      );
    const raw = (await d
      .select(b)
      .clearOrderBy()
      .select([`${k0} as _k0`, `${k1} as _k1`] as never)
      .orderBy(k0 as never)
      .orderBy(k1 as never)
      .limit(limit)
      .execute()) as Array<Record<string, unknown>>;
    const tail = raw.at(-1);
    return {
      rows: raw.map(({ _k0: _a, _k1: _b, ...r }) => map(r)),
      last: tail ? [tail._k0 as string | number, tail._k1 as string | number] : null,
    };
  };
  return {
    name: d.name,
    title: d.title,
    columns: d.columns,
    filters: d.filters,
    rows,
    after,
    async fetch(db, q) {
      const [c, r] = await Promise.all([
        d
          .base(db, q)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst(),
        rows(db, q),
      ]);
      return { total: Number((c as { n?: unknown } | undefined)?.n ?? 0), rows: r };
    },
    async lastUpdate(db, scopePath) {
      const at = (await d.updated(db, scopePath))?.at ?? null;
      return at === null ? null : d.updatedIsUtc === false ? localTime(at) : chinaTime(at);
    },
  };
}

const POLLUTANTS = ['so2', 'no2', 'co', 'pm10', 'pm25'] as const;
type WholeTable = 'air_stations' | 'water_sections' | 'dischargers' | 'discharger_disclosures' | 'incidents';
/** the ids of the rows of `table` the site's units own */
const ownedIds = (db: DB, table: Exclude<WholeTable, 'discharger_disclosures'>, scopePath: string) =>
  db.selectFrom(table).select('id').where(ownedWithinScope('owner_unit_id', scopePath));
/** The site's rows of a whole table (decision 197): a disclosure is its enterprise's. */
const ownedRows = (db: DB, table: WholeTable, scopePath: string): AnyQuery =>
  table === 'discharger_disclosures'
    ? db.selectFrom(table).where('discharger_id', 'in', ownedIds(db, 'dischargers', scopePath))
    : db.selectFrom(table).where(ownedWithinScope('owner_unit_id', scopePath));
const maxUpdated = (db: DB, table: WholeTable, scopePath: string) =>
  ownedRows(db, table, scopePath)
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst() as Promise<{ at: string | null } | undefined>;
/** the newest reading of the site's stations or sections (China time, as stored): "last updated" to a reader */
const newest = (db: DB, table: 'air_hourly' | 'air_daily' | 'water_readings', scopePath: string) =>
  db
    .selectFrom(table)
    .select((eb) =>
      eb.fn.max(table === 'air_hourly' ? 'hour_at' : table === 'air_daily' ? 'date' : 'sampled_on').as('at'),
    )
    .where(
      table === 'water_readings' ? 'section_id' : 'station_id',
      'in',
      ownedIds(db, table === 'water_readings' ? 'water_sections' : 'air_stations', scopePath),
    )
    .executeTakeFirst() as Promise<{ at: string | null } | undefined>;

/** The factors as columns, not a JSON string (issue 11 item 7). */
function waterFactorCells(json: unknown): Record<string, Cell> {
  let v: Record<string, number> = {};
  try {
    v = typeof json === 'string' ? (JSON.parse(json) as Record<string, number>) : {};
  } catch {
    v = {};
  }
  return Object.fromEntries(WATER_FACTORS.map((f) => [f, typeof v[f] === 'number' ? v[f] : null]));
}
function factorCodes(json: unknown): string {
  try {
    const list = JSON.parse(String(json)) as Array<{ factor: string }>;
    return list.map((f) => f.factor).join(',');
  } catch {
    return '';
  }
}

/**
 * The request's days on one column: `from` and `to` as they are, or as the column's own text of the
 * day's first and last moment (an hour column compares with 'YYYY-MM-DDT00:00' … 'T23:00').
 */
function inDays(
  base: AnyQuery,
  q: Filtered,
  column: string,
  day: { from?: (d: string) => string; to?: (d: string) => string } = {},
): AnyQuery {
  if (q.from) base = base.where(column as never, '>=', (day.from?.(q.from) ?? q.from) as never);
  if (q.to) base = base.where(column as never, '<=', (day.to?.(q.to) ?? q.to) as never);
  return base;
}
/**
 * Readings joined to their monitoring site (as `s`): the web site's stations or sections only (decision
 * 197), by days on their time column and by the monitoring site's code.
 */
const ofSite = (base: AnyQuery, q: Filtered, column: string, day?: Parameters<typeof inDays>[3]) => {
  const b = inDays(base.where(ownedWithinScope('s.owner_unit_id', q.scopePath)), q, column, day);
  return q.station ? b.where('s.code' as never, '=', q.station as never) : b;
};
/** A data set that is one whole table's public columns, in one order, optionally by days on a column. */
const wholeTable = (
  table: WholeTable,
  columns: readonly string[],
  orderBy: 'code' | 'id',
  days?: { column: string; to?: (d: string) => string },
) => ({
  table,
  columns,
  filters: days ? (['from', 'to'] as const) : ([] as const),
  base: (db: DB, q: Filtered): AnyQuery => {
    const rows = ownedRows(db, table, q.scopePath);
    return days ? inDays(rows, q, days.column, days) : rows;
  },
  select: (b: AnyQuery) => b.select(columns as never).orderBy(orderBy),
  updated: (db: DB, scopePath: string) => maxUpdated(db, table, scopePath),
});

const AIR_STATIONS_COLUMNS = [
  'code',
  'name',
  'county',
  'control_level',
  'address',
  'longitude',
  'latitude',
  'is_demo',
] as const;
const WATER_SECTIONS_COLUMNS = [
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
] as const;
const DISCHARGERS_COLUMNS = [
  'id',
  'name',
  'credit_code',
  'county',
  'industry',
  'permit_number',
  'address',
  'listed_year',
  'is_demo',
] as const;
const DISCLOSURES_COLUMNS = [
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
] as const;
const INCIDENTS_COLUMNS = [
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
] as const;
export const DATASETS: readonly Dataset[] = [
  dataset({
    name: 'air-stations',
    title: { zh: '空气质量监测站点', en: 'Air monitoring stations' },
    ...wholeTable('air_stations', AIR_STATIONS_COLUMNS, 'code'),
  }),
  dataset({
    name: 'air-hourly',
    table: 'air_hourly',
    key: ['air_hourly.station_id', 'air_hourly.hour_at'],
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
    base: (db, q) =>
      ofSite(
        db.selectFrom('air_hourly').innerJoin('air_stations as s', 's.id', 'air_hourly.station_id'),
        q,
        'hour_at',
        {
          from: (d) => `${d}T00:00`,
          to: (d) => `${d}T23:00`,
        },
      ),
    select: (b) =>
      b
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
        .orderBy('s.code'),
    map: (r) => ({ ...(r as Record<string, Cell>), hour_at: localTime(r.hour_at as string) }),
    updated: (db, scopePath) => newest(db, 'air_hourly', scopePath),
    updatedIsUtc: false,
  }),
  dataset({
    name: 'air-daily',
    table: 'air_daily',
    key: ['air_daily.station_id', 'air_daily.date'],
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
    base: (db, q) =>
      ofSite(
        db.selectFrom('air_daily').innerJoin('air_stations as s', 's.id', 'air_daily.station_id'),
        q,
        'date',
      ),
    select: (b) =>
      b
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
        .orderBy('s.code'),
    updated: (db, scopePath) => newest(db, 'air_daily', scopePath),
    updatedIsUtc: false,
  }),
  dataset({
    name: 'water-sections',
    title: { zh: '地表水监测断面', en: 'Surface-water sections' },
    ...wholeTable('water_sections', WATER_SECTIONS_COLUMNS, 'code'),
  }),
  dataset({
    name: 'water-readings',
    table: 'water_readings',
    key: ['water_readings.section_id', 'water_readings.sampled_on'],
    title: { zh: '地表水监测数据（含水质类别）', en: 'Surface-water readings with class' },
    columns: ['section_code', 'sampled_on', ...WATER_FACTORS, 'water_class', 'limiting_factors', 'is_demo'],
    filters: ['from', 'to', 'station'],
    base: (db, q) =>
      ofSite(
        db.selectFrom('water_readings').innerJoin('water_sections as s', 's.id', 'water_readings.section_id'),
        q,
        'sampled_on',
      ),
    select: (b) =>
      b
        .select([
          's.code as section_code',
          'sampled_on',
          'values_json',
          'water_class',
          'limiting_factors',
          'water_readings.is_demo',
        ])
        .orderBy('sampled_on')
        .orderBy('s.code'),
    map: (r) => ({
      section_code: r.section_code as string,
      sampled_on: r.sampled_on as string,
      ...waterFactorCells(r.values_json),
      water_class: r.water_class as string,
      limiting_factors: factorCodes(r.limiting_factors),
      is_demo: r.is_demo as number,
    }),
    updated: (db, scopePath) => newest(db, 'water_readings', scopePath),
    updatedIsUtc: false,
  }),
  dataset({
    name: 'dischargers',
    title: { zh: '重点排污单位名录', en: 'Key discharging units' },
    ...wholeTable('dischargers', DISCHARGERS_COLUMNS, 'id'),
  }),
  dataset({
    name: 'disclosures',
    title: { zh: '企业环境信息披露记录', en: 'Enterprise disclosures' },
    ...wholeTable('discharger_disclosures', DISCLOSURES_COLUMNS, 'id', { column: 'published_on' }),
  }),
  dataset({
    name: 'incidents',
    title: { zh: '突发环境事件信息', en: 'Environmental incidents' },
    ...wholeTable('incidents', INCIDENTS_COLUMNS, 'id', { column: 'occurred_at', to: (d) => `${d}T23:59` }),
    map: (r) => ({
      ...(r as Record<string, Cell>),
      occurred_at: localTime(r.occurred_at as string),
      published_at: chinaTime(r.published_at as string),
    }),
  }),
];
