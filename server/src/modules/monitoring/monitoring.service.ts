// Stations, sections and reading imports (staff). Every change is scoped to the actor's bureau and
// audited in its own transaction; an import stores all its rows or none.
import type { Database } from '../../db/types.ts';
import type { Transaction } from 'kysely';
import {
  chinaNow,
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
import { exportList, type ExportLang, type ListExport } from '../../spreadsheets/xlsx-export.ts';
import { createChangeRunner, type ContentChanges } from '../cms/content-changes.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { storeHourly } from './air-store.ts';
import type { MonitoringRepo, SectionRow, StationRow } from './monitoring.repo.ts';
import { AIR_EXPORT, WATER_EXPORT } from './monitoring-export.ts';
import type { QualityService } from './quality.service.ts';
import { planAirImport } from './plan-air-import.ts';
import { planWaterImport } from './plan-water-import.ts';
import { presentSection, presentStation } from './present.ts';
import { readTable } from './read-table.ts';
import { storeWater } from './water-store.ts';

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

/** The columns every new site row gets besides its own. */
type NewSite = { owner_unit_id: number; is_demo: 0; created_at: string; updated_at: string };

/** What differs between an air station and a water section when one is created or corrected. */
interface SiteKind<I, U extends { version: number }, R, P> {
  topic: 'air' | 'water';
  objectType: 'airStation' | 'waterSection';
  codeTaken: (code: string, exceptId?: number) => Promise<boolean>;
  find: (id: number, scopePath?: string) => Promise<R | undefined>;
  insert: (trx: Transaction<Database>, input: I, row: NewSite) => Promise<{ id: number }>;
  update: (
    trx: Transaction<Database>,
    id: number,
    version: number,
    changes: Omit<U, 'version'>,
    at: string,
  ) => Promise<boolean>;
  present: (row: R) => P;
  /** called once the change is stored */
  changed: () => void;
}

export function createMonitoringService({
  repo,
  audit,
  quality,
  changes,
  changed = () => {},
}: {
  repo: MonitoringRepo;
  audit: AuditService;
  /** the monitoring page's readings, which its exports write out */
  quality: Pick<QualityService, 'airNow' | 'waterStatus'>;
  /** the portal's change feed: every station, section and import is announced to every app server */
  changes: ContentChanges;
  /** called after stations, sections or readings change, so this process's kept public reads are rebuilt */
  changed?: (topic: 'air' | 'water') => void;
}) {
  const change = createChangeRunner(audit, changes);
  const exportTable = <T>(
    ctx: RequestContext,
    spec: ListExport<T>,
    rows: T[],
    lang?: ExportLang,
    title?: string,
  ) => exportList(audit, ctx, spec.list, {}, { ...spec, rows, lang, title: title ? [title] : undefined });
  // Stations and sections are created and corrected the same way (one code per site, the bureau owns
  // it, versioned updates, audited, announced on the change feed); only their columns differ.
  const stations: SiteKind<AirStationInput, AirStationUpdate, StationRow, AirStation> = {
    topic: 'air',
    objectType: 'airStation',
    codeTaken: repo.stationCodeTaken,
    find: repo.findStation,
    insert: (trx, input, row) =>
      repo.insertStation(trx, {
        ...row,
        ...(stationColumns(input) as Required<ReturnType<typeof stationColumns>>),
        address: input.address ?? null,
        longitude: input.longitude ?? null,
        latitude: input.latitude ?? null,
      }),
    update: (trx, id, version, changes, at) =>
      repo.updateStation(trx, id, version, { ...stationColumns(changes), updated_at: at }),
    present: presentStation,
    changed: () => changed('air'),
  };
  const sections: SiteKind<WaterSectionInput, WaterSectionUpdate, SectionRow, WaterSection> = {
    topic: 'water',
    objectType: 'waterSection',
    codeTaken: repo.sectionCodeTaken,
    find: repo.findSection,
    insert: (trx, input, row) =>
      repo.insertSection(trx, {
        ...row,
        ...(sectionColumns(input) as Required<ReturnType<typeof sectionColumns>>),
        attribute: input.attribute ?? null,
        target_class: input.targetClass ?? null,
        longitude: input.longitude ?? null,
        latitude: input.latitude ?? null,
      }),
    update: (trx, id, version, changes, at) =>
      repo.updateSection(trx, id, version, { ...sectionColumns(changes), updated_at: at }),
    present: presentSection,
    changed: () => changed('water'),
  };

  async function create<I extends { code: string }, U extends { version: number }, R, P>(
    k: SiteKind<I, U, R, P>,
    ctx: RequestContext,
    input: I,
  ): Promise<P> {
    const { bureauUnitId } = requireActor(ctx);
    if (await k.codeTaken(input.code)) throw duplicateCode();
    const id = await change(ctx, { topic: k.topic }, async (trx, record) => {
      const at = nowIso();
      const { id } = await k.insert(trx, input, {
        owner_unit_id: bureauUnitId,
        is_demo: 0,
        created_at: at,
        updated_at: at,
      });
      await record({
        action: `${k.objectType}.create`,
        objectType: k.objectType,
        objectId: id,
        detail: { after: input },
      });
      return id;
    });
    k.changed();
    return k.present((await k.find(id))!);
  }

  async function update<I, U extends { version: number; code?: string }, R extends { version: number }, P>(
    k: SiteKind<I, U, R, P>,
    ctx: RequestContext,
    id: number,
    input: U,
  ): Promise<P> {
    const { scopePath } = requireActor(ctx);
    const current = await k.find(id, scopePath);
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    if (input.code && (await k.codeTaken(input.code, id))) throw duplicateCode();
    const { version, ...changes } = input;
    await change(ctx, { topic: k.topic }, async (trx, record) => {
      const ok = await k.update(trx, id, version, changes, nowIso());
      if (!ok) throw conflict();
      await record({
        action: `${k.objectType}.update`,
        objectType: k.objectType,
        objectId: id,
        detail: { before: k.present(current), after: changes },
      });
    });
    k.changed();
    return k.present((await k.find(id))!);
  }

  return {
    /** The air stations with their latest hour, as the monitoring page lists them (decision 123). */
    async exportAir(ctx: RequestContext, lang?: ExportLang) {
      return exportTable(ctx, AIR_EXPORT, (await quality.airNow()).items, lang);
    },

    /** The water sections with a month's class (the latest month unless asked), as the page lists them. */
    async exportWater(ctx: RequestContext, query: { month?: string; lang?: ExportLang }) {
      const status = await quality.waterStatus(query.month);
      const month = status.month ?? '—';
      const title = query.lang === 'en' ? `Water sections, ${month}` : `水质断面 ${month}`;
      return exportTable(ctx, WATER_EXPORT, status.items, query.lang, title);
    },

    createStation: (ctx: RequestContext, input: AirStationInput): Promise<AirStation> =>
      create(stations, ctx, input),
    updateStation: (ctx: RequestContext, id: number, input: AirStationUpdate): Promise<AirStation> =>
      update(stations, ctx, id, input),
    createSection: (ctx: RequestContext, input: WaterSectionInput): Promise<WaterSection> =>
      create(sections, ctx, input),
    updateSection: (ctx: RequestContext, id: number, input: WaterSectionUpdate): Promise<WaterSection> =>
      update(sections, ctx, id, input),

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
      const done = await change(ctx, { topic: 'air' }, async (trx, record) => {
        const importId = await insertImport(
          trx,
          actor,
          'air',
          fileName,
          plan.rows.length,
          plan.rows.map((r) => r.hour),
        );
        const stored = await storeHourly(trx, plan.rows, { importId, isDemo: false });
        await repo.setImportReplaced(trx, importId, stored.replaced);
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
      changed('air');
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
      const done = await change(ctx, { topic: 'water' }, async (trx, record) => {
        const dates = plan.rows.map((r) => r.sampledOn);
        const importId = await insertImport(trx, actor, 'water', fileName, plan.rows.length, dates);
        const replaced = await storeWater(trx, plan.rows, { importId, isDemo: false });
        await repo.setImportReplaced(trx, importId, replaced);
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
      changed('water');
      return done;
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
    const { id } = await repo.insertImport(trx, {
      owner_unit_id: actor.bureauUnitId,
      kind,
      file_name: fileName.slice(0, 200),
      rows,
      replaced: 0,
      first_at: first,
      last_at: last,
      created_by: actor.personId,
      created_at: nowIso(),
    });
    return id;
  }
}

const emptyFile = () =>
  new ApiError('IMPORT_REJECTED', [
    { field: 'file', message: '文件中没有数据行', messageEn: 'The file has no data rows' },
  ]);

export type MonitoringService = ReturnType<typeof createMonitoringService>;
