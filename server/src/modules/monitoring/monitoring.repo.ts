// The only place that builds queries for stations, sections, readings and imports.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { ownedWithinScope } from '../../db/expressions.ts';
import type { AirStationsTable, Database, WaterSectionsTable } from '../../db/types.ts';

type Trx = Transaction<Database> | DB;
export type StationRow = Omit<AirStationsTable, 'id' | 'version'> & { id: number; version: number };
export type SectionRow = Omit<WaterSectionsTable, 'id' | 'version'> & { id: number; version: number };

export function createMonitoringRepo(db: DB) {
  return {
    listStations: (scopePath?: string): Promise<StationRow[]> => {
      let q = db.selectFrom('air_stations').selectAll();
      if (scopePath) q = q.where(ownedWithinScope('owner_unit_id', scopePath));
      return q.orderBy('control_level').orderBy('code').execute();
    },
    findStation: (id: number, scopePath?: string, trx: Trx = db): Promise<StationRow | undefined> => {
      let q = trx.selectFrom('air_stations').selectAll().where('id', '=', id);
      if (scopePath) q = q.where(ownedWithinScope('owner_unit_id', scopePath));
      return q.executeTakeFirst();
    },
    stationCodeTaken: async (code: string, exceptId = 0) =>
      !!(await db
        .selectFrom('air_stations')
        .select('id')
        .where('code', '=', code)
        .where('id', '!=', exceptId)
        .executeTakeFirst()),

    listSections: (scopePath?: string): Promise<SectionRow[]> => {
      let q = db.selectFrom('water_sections').selectAll();
      if (scopePath) q = q.where(ownedWithinScope('owner_unit_id', scopePath));
      return q.orderBy('basin').orderBy('river').orderBy('code').execute();
    },
    findSection: (id: number, scopePath?: string, trx: Trx = db): Promise<SectionRow | undefined> => {
      let q = trx.selectFrom('water_sections').selectAll().where('id', '=', id);
      if (scopePath) q = q.where(ownedWithinScope('owner_unit_id', scopePath));
      return q.executeTakeFirst();
    },
    sectionCodeTaken: async (code: string, exceptId = 0) =>
      !!(await db
        .selectFrom('water_sections')
        .select('id')
        .where('code', '=', code)
        .where('id', '!=', exceptId)
        .executeTakeFirst()),

    latestHourly: (stationId: number) =>
      db
        .selectFrom('air_hourly')
        .selectAll()
        .where('station_id', '=', stationId)
        .orderBy('hour_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    hourlyRange: (stationId: number, from: string, to: string) =>
      db
        .selectFrom('air_hourly')
        .selectAll()
        .where('station_id', '=', stationId)
        .where('hour_at', '>=', from)
        .where('hour_at', '<=', to)
        .orderBy('hour_at')
        .execute(),
    dailyRange: (stationIds: number[] | null, from: string, to: string) => {
      let q = db.selectFrom('air_daily').selectAll().where('date', '>=', from).where('date', '<=', to);
      if (stationIds) q = q.where('station_id', 'in', stationIds.length ? stationIds : [0]);
      return q.orderBy('date').orderBy('station_id').execute();
    },
    latestDaily: (stationId: number) =>
      db
        .selectFrom('air_daily')
        .select('date')
        .where('station_id', '=', stationId)
        .orderBy('date', 'desc')
        .limit(1)
        .executeTakeFirst(),

    waterReadings: (sectionId: number | null, from: string, to: string) => {
      let q = db
        .selectFrom('water_readings')
        .selectAll()
        .where('sampled_on', '>=', from)
        .where('sampled_on', '<=', to);
      if (sectionId !== null) q = q.where('section_id', '=', sectionId);
      return q.orderBy('sampled_on').orderBy('section_id').execute();
    },
    latestWaterDate: async () =>
      (
        await db
          .selectFrom('water_readings')
          .select((eb) => eb.fn.max('sampled_on').as('d'))
          .executeTakeFirst()
      )?.d ?? null,

    listImports: async (scopePath: string, page: number, pageSize: number) => {
      const base = db
        .selectFrom('env_imports')
        .where(ownedWithinScope('env_imports.owner_unit_id', scopePath));
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const items = await base
        .leftJoin('people', 'people.id', 'env_imports.created_by')
        .selectAll('env_imports')
        .select('people.name as created_by_name')
        .orderBy('env_imports.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },
  };
}
export type MonitoringRepo = ReturnType<typeof createMonitoringRepo>;
