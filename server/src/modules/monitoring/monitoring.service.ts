// Stations, sections and reading imports (staff). Every change is scoped to the actor's bureau and
// audited in its own transaction; an import stores all its rows or none.
import type { Database } from '../../db/types.ts';
import type { Transaction } from 'kysely';
import {
  type AirStation,
  type AirStationInput,
  type AirStationUpdate,
  type EnvImport,
  type EnvImportResult,
  type WaterSection,
  type WaterSectionInput,
  type WaterSectionUpdate,
  type Waterbody,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { storeHourly } from './air-store.ts';
import type { MonitoringRepo } from './monitoring.repo.ts';
import { planAirImport } from './plan-air-import.ts';
import { planWaterImport } from './plan-water-import.ts';
import { presentSection, presentStation } from './present.ts';
import { readTable } from './read-table.ts';
import { storeWater } from './water-store.ts';

/** Now in China time, as the readings are written. */
export function chinaNow(at = Date.now()) {
  const iso = new Date(at + 8 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), hour: `${iso.slice(0, 13)}:00` };
}

const duplicateCode = () =>
  new ApiError('DUPLICATE', [
    { field: '/code', message: '编码已被使用', messageEn: 'This code is already used' },
  ]);

function stationColumns(i: Partial<AirStationInput>) {
  return {
    ...(i.code !== undefined ? { code: i.code } : {}),
    ...(i.name !== undefined ? { name: i.name.trim() } : {}),
    ...(i.county !== undefined ? { county: i.county.trim() } : {}),
    ...(i.controlLevel !== undefined ? { control_level: i.controlLevel } : {}),
    ...(i.address !== undefined ? { address: i.address?.trim() ?? null } : {}),
    ...(i.longitude !== undefined ? { longitude: i.longitude } : {}),
    ...(i.latitude !== undefined ? { latitude: i.latitude } : {}),
  };
}

function sectionColumns(i: Partial<WaterSectionInput>) {
  return {
    ...(i.code !== undefined ? { code: i.code } : {}),
    ...(i.name !== undefined ? { name: i.name.trim() } : {}),
    ...(i.river !== undefined ? { river: i.river.trim() } : {}),
    ...(i.basin !== undefined ? { basin: i.basin.trim() } : {}),
    ...(i.waterbody !== undefined ? { waterbody: i.waterbody } : {}),
    ...(i.county !== undefined ? { county: i.county.trim() } : {}),
    ...(i.controlLevel !== undefined ? { control_level: i.controlLevel } : {}),
    ...(i.attribute !== undefined ? { attribute: i.attribute?.trim() ?? null } : {}),
    ...(i.targetClass !== undefined ? { target_class: i.targetClass } : {}),
    ...(i.longitude !== undefined ? { longitude: i.longitude } : {}),
    ...(i.latitude !== undefined ? { latitude: i.latitude } : {}),
  };
}

export function createMonitoringService({
  repo,
  audit,
  changed = () => {},
}: {
  repo: MonitoringRepo;
  audit: AuditService;
  /** called after stations or readings change, so cached public views are rebuilt */
  changed?: () => void;
}) {
  return {
    async createStation(ctx: RequestContext, input: AirStationInput): Promise<AirStation> {
      const { bureauUnitId } = requireActor(ctx);
      if (await repo.stationCodeTaken(input.code)) throw duplicateCode();
      const id = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const { id } = await trx
          .insertInto('air_stations')
          .values({
            owner_unit_id: bureauUnitId,
            ...(stationColumns(input) as Required<ReturnType<typeof stationColumns>>),
            address: input.address ?? null,
            longitude: input.longitude ?? null,
            latitude: input.latitude ?? null,
            is_demo: 0,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await record({
          action: 'airStation.create',
          objectType: 'airStation',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      changed();
      return presentStation((await repo.findStation(id))!);
    },

    async updateStation(ctx: RequestContext, id: number, input: AirStationUpdate): Promise<AirStation> {
      const { scopePath } = requireActor(ctx);
      const current = await repo.findStation(id, scopePath);
      if (!current) throw notFound();
      if (current.version !== input.version) throw conflict();
      if (input.code && (await repo.stationCodeTaken(input.code, id))) throw duplicateCode();
      const { version, ...changes } = input;
      await audit.transact(ctx, async (trx, record) => {
        const r = await trx
          .updateTable('air_stations')
          .set({ ...stationColumns(changes), version: version + 1, updated_at: nowIso() })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await record({
          action: 'airStation.update',
          objectType: 'airStation',
          objectId: id,
          detail: { before: presentStation(current), after: changes },
        });
      });
      changed();
      return presentStation((await repo.findStation(id))!);
    },

    async createSection(ctx: RequestContext, input: WaterSectionInput): Promise<WaterSection> {
      const { bureauUnitId } = requireActor(ctx);
      if (await repo.sectionCodeTaken(input.code)) throw duplicateCode();
      const id = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const { id } = await trx
          .insertInto('water_sections')
          .values({
            owner_unit_id: bureauUnitId,
            ...(sectionColumns(input) as Required<ReturnType<typeof sectionColumns>>),
            attribute: input.attribute ?? null,
            target_class: input.targetClass ?? null,
            longitude: input.longitude ?? null,
            latitude: input.latitude ?? null,
            is_demo: 0,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await record({
          action: 'waterSection.create',
          objectType: 'waterSection',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      return presentSection((await repo.findSection(id))!);
    },

    async updateSection(ctx: RequestContext, id: number, input: WaterSectionUpdate): Promise<WaterSection> {
      const { scopePath } = requireActor(ctx);
      const current = await repo.findSection(id, scopePath);
      if (!current) throw notFound();
      if (current.version !== input.version) throw conflict();
      if (input.code && (await repo.sectionCodeTaken(input.code, id))) throw duplicateCode();
      const { version, ...changes } = input;
      await audit.transact(ctx, async (trx, record) => {
        const r = await trx
          .updateTable('water_sections')
          .set({ ...sectionColumns(changes), version: version + 1, updated_at: nowIso() })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await record({
          action: 'waterSection.update',
          objectType: 'waterSection',
          objectId: id,
          detail: { before: presentSection(current), after: changes },
        });
      });
      return presentSection((await repo.findSection(id))!);
    },

    async importAir(ctx: RequestContext, fileName: string, file: Buffer): Promise<EnvImportResult> {
      const actor = requireActor(ctx);
      const table = await readTable(file);
      const stations = await repo.listStations(actor.scopePath);
      const byKey = new Map<string, { id: number }>();
      for (const s of stations) byKey.set(s.name, s);
      for (const s of stations) byKey.set(s.code, s); // a code wins over a name that looks like one
      const plan = planAirImport(table, (k) => byKey.get(k), chinaNow().hour);
      if (!plan.ok) throw new ApiError('IMPORT_REJECTED', plan.report.list());
      if (plan.rows.length === 0) throw emptyFile();
      const done = await audit.transact(ctx, async (trx, record) => {
        const importId = await insertImport(
          trx,
          actor,
          'air',
          fileName,
          plan.rows.length,
          plan.rows.map((r) => r.hour),
        );
        const stored = await storeHourly(trx, plan.rows, { importId, isDemo: false });
        await trx
          .updateTable('env_imports')
          .set({ replaced: stored.replaced })
          .where('id', '=', importId)
          .execute();
        const result: EnvImportResult = {
          kind: 'air',
          importId,
          rows: plan.rows.length,
          replaced: stored.replaced,
          stations: new Set(plan.rows.map((r) => r.stationId)).size,
          from: stored.first,
          to: stored.last,
          daysDerived: stored.daysDerived,
        };
        await record({
          action: 'airReadings.import',
          objectType: 'envImport',
          objectId: importId,
          detail: { fileName, ...result },
        });
        return result;
      });
      changed();
      return done;
    },

    async importWater(ctx: RequestContext, fileName: string, file: Buffer): Promise<EnvImportResult> {
      const actor = requireActor(ctx);
      const table = await readTable(file);
      const sections = await repo.listSections(actor.scopePath);
      const byKey = new Map<string, { id: number; waterbody: Waterbody }>();
      for (const s of sections) byKey.set(s.name, { id: s.id, waterbody: s.waterbody as Waterbody });
      for (const s of sections) byKey.set(s.code, { id: s.id, waterbody: s.waterbody as Waterbody });
      const plan = planWaterImport(table, (k) => byKey.get(k), chinaNow().date);
      if (!plan.ok) throw new ApiError('IMPORT_REJECTED', plan.report.list());
      if (plan.rows.length === 0) throw emptyFile();
      return audit.transact(ctx, async (trx, record) => {
        const dates = plan.rows.map((r) => r.sampledOn);
        const importId = await insertImport(trx, actor, 'water', fileName, plan.rows.length, dates);
        const replaced = await storeWater(trx, plan.rows, { importId, isDemo: false });
        await trx.updateTable('env_imports').set({ replaced }).where('id', '=', importId).execute();
        const sorted = [...dates].sort();
        const result: EnvImportResult = {
          kind: 'water',
          importId,
          rows: plan.rows.length,
          replaced,
          stations: new Set(plan.rows.map((r) => r.sectionId)).size,
          from: sorted[0]!,
          to: sorted[sorted.length - 1]!,
          daysDerived: 0,
        };
        await record({
          action: 'waterReadings.import',
          objectType: 'envImport',
          objectId: importId,
          detail: { fileName, ...result },
        });
        return result;
      });
    },

    async listImports(ctx: RequestContext, page = 1, pageSize = 20) {
      const { items, total } = await repo.listImports(requireActor(ctx).scopePath, page, pageSize);
      return {
        items: items.map((r): EnvImport => ({
          id: r.id,
          kind: r.kind as EnvImport['kind'],
          fileName: r.file_name,
          rows: r.rows,
          replaced: r.replaced,
          from: r.first_at,
          to: r.last_at,
          createdBy: r.created_by_name ?? null,
          createdAt: r.created_at,
        })),
        total,
        page,
        pageSize,
      };
    },
  };

  async function insertImport(
    trx: Transaction<Database>,
    actor: ReturnType<typeof requireActor>,
    kind: 'air' | 'water',
    fileName: string,
    rows: number,
    times: string[],
  ) {
    let first = times[0]!;
    let last = first;
    for (const t of times) {
      if (t < first) first = t;
      if (t > last) last = t;
    }
    const { id } = await trx
      .insertInto('env_imports')
      .values({
        owner_unit_id: actor.bureauUnitId,
        kind,
        file_name: fileName.slice(0, 200),
        rows,
        replaced: 0,
        first_at: first,
        last_at: last,
        created_by: actor.personId,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }
}

const emptyFile = () =>
  new ApiError('IMPORT_REJECTED', [
    { field: 'file', message: '文件中没有数据行', messageEn: 'The file has no data rows' },
  ]);

export type MonitoringService = ReturnType<typeof createMonitoringService>;
