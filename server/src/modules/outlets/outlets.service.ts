// The outlet registry (媒体): reference data shared by the whole installation. Everyone who reports
// reads it; the information centre keeps it. An outlet is switched off rather than deleted, because
// old submissions and facts name it.
import {
  OUTLET_LEVEL_LABELS,
  OUTLET_MEDIUM_LABELS,
  type Outlet,
  type OutletInput,
  type OutletLevel,
  type OutletMedium,
  type OutletUpdate,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OutletsRepo } from './outlets.repo.ts';
import { everyPage, exportList, type ExportColumn, type ExportLang } from '../../spreadsheets/xlsx-export.ts';

type OutletExportQuery = {
  q?: string;
  level?: OutletLevel;
  medium?: OutletMedium;
  includeInactive?: boolean;
  lang?: ExportLang;
};

type OutletRow = NonNullable<Awaited<ReturnType<OutletsRepo['find']>>>;

export function presentOutlet(r: OutletRow): Outlet {
  return {
    id: r.id,
    name: r.name,
    level: r.level,
    medium: r.medium,
    active: r.active === 1,
    sortOrder: r.sort_order,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

const duplicateName = () =>
  new ApiError('DUPLICATE', [
    { field: '/name', message: '已有同名媒体', messageEn: 'An outlet with this name already exists' },
  ]);

const EXPORT_COLUMNS: ExportColumn<Outlet>[] = [
  { header: { zh: '媒体名称', en: 'Outlet' }, width: 30, value: (o) => o.name },
  { header: { zh: '级别', en: 'Level' }, width: 10, value: (o, l) => OUTLET_LEVEL_LABELS[o.level][l] },
  { header: { zh: '类型', en: 'Medium' }, width: 12, value: (o, l) => OUTLET_MEDIUM_LABELS[o.medium][l] },
  {
    header: { zh: '状态', en: 'State' },
    width: 8,
    value: (o, l) => (o.active ? { zh: '在用', en: 'In use' } : { zh: '停用', en: 'Off' })[l],
  },
  { header: { zh: '排序', en: 'Order' }, width: 8, value: (o) => o.sortOrder },
];

export function createOutletsService({ repo, audit }: { repo: OutletsRepo; audit: AuditService }) {
  const service = {
    async list(
      _ctx: RequestContext,
      query: {
        q?: string;
        level?: OutletLevel;
        medium?: OutletMedium;
        includeInactive?: boolean;
        page?: number;
        pageSize?: number;
      },
    ) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 100;
      const { items, total } = await repo.list({ ...query, q: query.q?.trim() || undefined }, page, pageSize);
      return { items: items.map(presentOutlet), total, page, pageSize };
    },

    /** The whole filtered registry as .xlsx (decision 126). */
    async exportXlsx(ctx: RequestContext, query: OutletExportQuery) {
      const { lang, ...filters } = query;
      return exportList(audit, ctx, 'outlets', filters, {
        sheet: { zh: '媒体名录', en: 'Outlets' },
        columns: EXPORT_COLUMNS,
        rows: everyPage((page, pageSize) => service.list(ctx, { ...filters, page, pageSize })),
        lang,
      });
    },

    /** For the submissions module: the outlet, active or not, or null. */
    find: (id: number) => repo.find(id),

    async create(ctx: RequestContext, input: OutletInput): Promise<Outlet> {
      const name = input.name.trim();
      if (await repo.findByName(name)) throw duplicateName();
      const sortOrder = input.sortOrder ?? (await repo.nextSortOrder());
      const id = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const outletId = await repo.insert(trx, {
          name,
          level: input.level,
          medium: input.medium,
          active: 1,
          sort_order: sortOrder,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'outlet.create',
          objectType: 'outlet',
          objectId: outletId,
          detail: { after: input },
        });
        return outletId;
      });
      return presentOutlet((await repo.find(id))!);
    },

    async update(ctx: RequestContext, id: number, input: OutletUpdate): Promise<Outlet> {
      const current = await repo.find(id);
      if (!current) throw notFound();
      if (current.version !== input.version) throw conflict();
      const name = input.name?.trim() ?? current.name;
      if (name !== current.name && (await repo.findByName(name))) throw duplicateName();
      await audit.transact(ctx, async (trx, record) => {
        const updated = await repo.updateVersioned(trx, id, input.version, {
          name,
          level: input.level ?? current.level,
          medium: input.medium ?? current.medium,
          sort_order: input.sortOrder ?? current.sort_order,
          active: input.active === undefined ? current.active : input.active ? 1 : 0,
          updated_at: nowIso(),
        });
        if (!updated) throw conflict();
        const { version: _v, ...after } = input;
        await record({
          action: 'outlet.update',
          objectType: 'outlet',
          objectId: id,
          detail: {
            before: {
              name: current.name,
              level: current.level,
              medium: current.medium,
              active: current.active === 1,
              sortOrder: current.sort_order,
            },
            after,
          },
        });
      });
      return presentOutlet((await repo.find(id))!);
    },
  };
  return service;
}
export type OutletsService = ReturnType<typeof createOutletsService>;
