import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

// Environmental information disclosure: monitoring stations and sections with their readings, key
// discharging units with their disclosures, incident releases, and the working-day calendar.
// Readings are keyed by China-time text (hour 'YYYY-MM-DDTHH:00', date 'YYYY-MM-DD'), so ranges are
// plain text comparisons on both databases (decision 003).
export async function up(db: Kysely<any>): Promise<void> {
  const owned = (t: string) =>
    withId(db, db.schema.createTable(t)).addColumn('owner_unit_id', 'integer', (c) =>
      c.notNull().references('units.id'),
    );
  const stamps = <T extends { addColumn: any }>(t: T): T =>
    t
      .addColumn('is_demo', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull());

  await stamps(
    owned('air_stations')
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('county', 'text', (c) => c.notNull())
      .addColumn('control_level', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('longitude', 'double precision')
      .addColumn('latitude', 'double precision'),
  ).execute();

  await stamps(
    owned('water_sections')
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('river', 'text', (c) => c.notNull())
      .addColumn('basin', 'text', (c) => c.notNull())
      .addColumn('waterbody', 'text', (c) => c.notNull())
      .addColumn('county', 'text', (c) => c.notNull())
      .addColumn('control_level', 'text', (c) => c.notNull())
      .addColumn('attribute', 'text')
      .addColumn('target_class', 'text')
      .addColumn('longitude', 'double precision')
      .addColumn('latitude', 'double precision'),
  ).execute();

  await owned('env_imports')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('replaced', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  const pollutants = ['so2', 'no2', 'co', 'pm10', 'pm25'];
  let hourly = db.schema
    .createTable('air_hourly')
    .addColumn('station_id', 'integer', (c) => c.notNull().references('air_stations.id'))
    .addColumn('hour_at', 'text', (c) => c.notNull());
  for (const p of [...pollutants, 'o3', 'o3_8h']) hourly = hourly.addColumn(p, 'double precision');
  await hourly
    .addColumn('aqi', 'integer')
    .addColumn('aqi_level', 'integer')
    .addColumn('primary_pollutants', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('import_id', 'integer', (c) => c.references('env_imports.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('air_hourly_pk', ['station_id', 'hour_at'])
    .execute();

  let daily = db.schema
    .createTable('air_daily')
    .addColumn('station_id', 'integer', (c) => c.notNull().references('air_stations.id'))
    .addColumn('date', 'text', (c) => c.notNull());
  for (const p of [...pollutants, 'o3_1h', 'o3_8h']) daily = daily.addColumn(p, 'double precision');
  await daily
    .addColumn('valid_hours', 'integer', (c) => c.notNull())
    .addColumn('aqi', 'integer')
    .addColumn('aqi_level', 'integer')
    .addColumn('primary_pollutants', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('air_daily_pk', ['station_id', 'date'])
    .execute();
  await db.schema.createIndex('air_daily_date').on('air_daily').columns(['date', 'station_id']).execute();

  await withId(db, db.schema.createTable('water_readings'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('water_sections.id'))
    .addColumn('sampled_on', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('water_class', 'text', (c) => c.notNull())
    .addColumn('limiting_factors', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('env_imports.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('water_readings_section_day', ['section_id', 'sampled_on'])
    .execute();

  await stamps(
    owned('dischargers')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('credit_code', 'text', (c) => c.notNull().unique())
      .addColumn('county', 'text', (c) => c.notNull())
      .addColumn('industry', 'text', (c) => c.notNull())
      .addColumn('permit_number', 'text')
      .addColumn('address', 'text')
      .addColumn('listed_year', 'integer', (c) => c.notNull()),
  ).execute();

  await stamps(
    withId(db, db.schema.createTable('discharger_disclosures'))
      .addColumn('discharger_id', 'integer', (c) => c.notNull().references('dischargers.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('year', 'integer')
      .addColumn('event_date', 'text')
      .addColumn('published_on', 'text')
      .addColumn('due_on', 'text')
      .addColumn('parts_json', 'text')
      .addColumn('doc_number', 'text')
      .addColumn('amount', 'double precision'),
  ).execute();
  await db.schema
    .createIndex('discharger_disclosures_owner')
    .on('discharger_disclosures')
    .columns(['discharger_id', 'kind'])
    .execute();

  await stamps(
    owned('incidents')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('county', 'text', (c) => c.notNull())
      .addColumn('location', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull()),
  ).execute();
  await withId(db, db.schema.createTable('incident_follow_ups'))
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('working_calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('working_calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('working_calendar_years.year'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  // 2018 as published (国办发明电〔2017〕12号): reference data every installation needs, not demo data.
  const at = new Date().toISOString();
  await db.insertInto('working_calendar_years').values({ year: 2018, version: 1, updated_at: at }).execute();
  const days: Array<{ date: string; year: number; kind: string; name: string }> = [];
  const holiday = (from: string, to: string, name: string) => {
    for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000)
      days.push({ date: new Date(d).toISOString().slice(0, 10), year: 2018, kind: 'holiday', name });
  };
  const workday = (date: string, name: string) => days.push({ date, year: 2018, kind: 'workday', name });
  holiday('2018-01-01', '2018-01-01', '元旦');
  holiday('2018-02-15', '2018-02-21', '春节');
  workday('2018-02-11', '春节调休上班');
  workday('2018-02-24', '春节调休上班');
  holiday('2018-04-05', '2018-04-07', '清明节');
  workday('2018-04-08', '清明节调休上班');
  holiday('2018-04-29', '2018-05-01', '劳动节');
  workday('2018-04-28', '劳动节调休上班');
  holiday('2018-06-16', '2018-06-18', '端午节');
  holiday('2018-09-22', '2018-09-24', '中秋节');
  holiday('2018-10-01', '2018-10-07', '国庆节');
  workday('2018-09-29', '国庆节调休上班');
  workday('2018-09-30', '国庆节调休上班');
  await db.insertInto('working_calendar_days').values(days).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'working_calendar_days',
    'working_calendar_years',
    'incident_follow_ups',
    'incidents',
    'discharger_disclosures',
    'dischargers',
    'water_readings',
    'air_daily',
    'air_hourly',
    'env_imports',
    'water_sections',
    'air_stations',
  ])
    await db.schema.dropTable(t).execute();
}
