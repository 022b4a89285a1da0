// The outlet registry (媒体): reference data shared by the whole installation. Everyone who reports
// reads it; the information centre keeps it. An outlet is switched off rather than deleted, because
// old submissions and facts name it.
import type { Outlet, OutletInput, OutletLevel, OutletMedium, OutletUpdate } from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OutletsRepo } from './outlets.repo.ts';

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

export function createOutletsService({ repo, audit }: { repo: OutletsRepo; audit: AuditService }) {
  return {
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

    /** For the submissions module: the outlet, active or not, or null. */
    find: (id: number) => repo.find(id),

    async create(ctx: RequestContext, input: OutletInput): Promise<Outlet> {
      const name = input.name.trim();
      if (await repo.findByName(name)) throw duplicateName();
      const sortOrder = input.sortOrder ?? (await repo.nextSortOrder());
      const id = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const row = await trx
          .insertInto('outlets')
          .values({
            name,
            level: input.level,
            medium: input.medium,
            active: 1,
            sort_order: sortOrder,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await record({
          action: 'outlet.create',
          objectType: 'outlet',
          objectId: row.id,
          detail: { after: input },
        });
        return row.id;
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
        const res = await trx
          .updateTable('outlets')
          .set({
            name,
            level: input.level ?? current.level,
            medium: input.medium ?? current.medium,
            sort_order: input.sortOrder ?? current.sort_order,
            active: input.active === undefined ? current.active : input.active ? 1 : 0,
            version: current.version + 1,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw conflict();
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
}
export type OutletsService = ReturnType<typeof createOutletsService>;
