// The only place that builds queries for stations, sections, readings and imports.
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import { containsText, ownedWithinScope } from '../../db/expressions.ts';
import type { AirStationsTable, Database, EnvImportsTable, WaterSectionsTable } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';

type Trx = Transaction<Database> | DB;
export type StationRow = Omit<AirStationsTable, 'id' | 'version'> & { id: number; version: number };
export type SectionRow = Omit<WaterSectionsTable, 'id' | 'version'> & { id: number; version: number };

export function createMonitoringRepo(db: DB) {
  const sectionsWithin = (scopePath: string) =>
    db.selectFrom('water_sections').select('id').where(ownedWithinScope('owner_unit_id', scopePath));
  return {
    /** The portal's search: a site's stations and sections whose name, code, county or river holds every word. */
    async findPlaces(words: string[], limit: number, scopePath: string) {
      if (words.length === 0) return { stations: [], sections: [] };
      let st = db.selectFrom('air_stations').where(ownedWithinScope('owner_unit_id', scopePath));
      for (const w of words)
        st = st.where((eb) => eb.or(['name', 'code', 'county', 'address'].map((c) => containsText(c, w))));
      let se = db.selectFrom('water_sections').where(ownedWithinScope('owner_unit_id', scopePath));
      for (const w of words)
        se = se.where((eb) =>
          eb.or(['name', 'code', 'county', 'river', 'basin', 'waterbody'].map((c) => containsText(c, w))),
        );
      const [stations, sections] = await Promise.all([
        st.select(['id', 'name', 'county', 'control_level']).orderBy('code').limit(limit).execute(),
        se.select(['id', 'name', 'county', 'river', 'control_level']).orderBy('code').limit(limit).execute(),
      ]);
      return { stations, sections };
    },
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
    /** the newest date with a daily value at any of these stations */
    latestDailyOf: async (stationIds: number[]) =>
      (
        await db
          .selectFrom('air_daily')
          .select((eb) => eb.fn.max('date').as('d'))
          .where('station_id', 'in', stationIds.length ? stationIds : [0])
          .executeTakeFirst()
      )?.d ?? null,
    latestDaily: (stationId: number) =>
      db
        .selectFrom('air_daily')
        .select('date')
        .where('station_id', '=', stationId)
        .orderBy('date', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** one section's readings, else those of every section `scopePath` owns */
    waterReadings: (sectionId: number | null, from: string, to: string, scopePath?: string) => {
      let q = db
        .selectFrom('water_readings')
        .selectAll()
        .where('sampled_on', '>=', from)
        .where('sampled_on', '<=', to);
      if (sectionId !== null) q = q.where('section_id', '=', sectionId);
      if (scopePath) q = q.where('section_id', 'in', sectionsWithin(scopePath));
      return q.orderBy('sampled_on').orderBy('section_id').execute();
    },
    latestWaterDate: async (scopePath: string) =>
      (
        await db
          .selectFrom('water_readings')
          .select((eb) => eb.fn.max('sampled_on').as('d'))
          .where('section_id', 'in', sectionsWithin(scopePath))
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

    insertStation: (trx: Transaction<Database>, row: Insertable<AirStationsTable>) =>
      trx.insertInto('air_stations').values(row).returning('id').executeTakeFirstOrThrow(),
    updateStation: (
      trx: Transaction<Database>,
      id: number,
      version: number,
      set: Updateable<AirStationsTable>,
    ) => updateVersioned(trx, 'air_stations', id, version, set),
    insertSection: (trx: Transaction<Database>, row: Insertable<WaterSectionsTable>) =>
      trx.insertInto('water_sections').values(row).returning('id').executeTakeFirstOrThrow(),
    updateSection: (
      trx: Transaction<Database>,
      id: number,
      version: number,
      set: Updateable<WaterSectionsTable>,
    ) => updateVersioned(trx, 'water_sections', id, version, set),

    insertImport: (trx: Transaction<Database>, row: Insertable<EnvImportsTable>) =>
      trx.insertInto('env_imports').values(row).returning('id').executeTakeFirstOrThrow(),
    /** how many stored readings the import replaced, known once they are stored */
    async setImportReplaced(trx: Transaction<Database>, id: number, replaced: number) {
      await trx.updateTable('env_imports').set({ replaced }).where('id', '=', id).execute();
    },

    /** the names of these air stations, in one query (the audit log says names, not ids) */
    async stationNamesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('air_stations')
        .select(['id', 'name as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** the names of these water sections, in one query (the audit log says names, not ids) */
    async sectionNamesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('water_sections')
        .select(['id', 'name as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type MonitoringRepo = ReturnType<typeof createMonitoringRepo>;
