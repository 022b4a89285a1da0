import {
  CHILD_KINDS,
  UNIT_KIND_LABELS,
  type Unit,
  type UnitInput,
  type UnitKind,
  type UnitUpdate,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { deleteCampaignsOf } from '../campaign/campaign.repo.ts';
import { ApiError, conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { UnitsRepo } from './units.repo.ts';

type UnitRow = NonNullable<Awaited<ReturnType<UnitsRepo['findInScope']>>>;

export function presentUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    parentName: r.parent_name ?? null,
    sortOrder: r.sort_order,
    isDemo: r.is_demo === 1,
    peopleCount: Number(r.people_count ?? 0),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

function kindFitsParent(kind: UnitKind, parentKind: UnitKind) {
  if (!CHILD_KINDS[parentKind].includes(kind)) {
    throw invalid(
      '/kind',
      `${UNIT_KIND_LABELS[parentKind].zh}下不能设${UNIT_KIND_LABELS[kind].zh}`,
      `A ${UNIT_KIND_LABELS[kind].en} cannot sit under a ${UNIT_KIND_LABELS[parentKind].en}`,
    );
  }
}

export function createUnitsService({ repo, audit }: { repo: UnitsRepo; audit: AuditService }) {
  async function getVisible(ctx: RequestContext, id: number) {
    const row = await repo.findInScope(id, requireActor(ctx).scopePath);
    if (!row) throw notFound();
    return row;
  }

  return {
    async list(
      ctx: RequestContext,
      query: { q?: string; kind?: UnitKind; page?: number; pageSize?: number },
    ) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const { items, total } = await repo.list(
        { scopePath: requireActor(ctx).scopePath, q: query.q?.trim() || undefined, kind: query.kind },
        page,
        pageSize,
      );
      return { items: items.map(presentUnit), total, page, pageSize };
    },

    async get(ctx: RequestContext, id: number) {
      return presentUnit(await getVisible(ctx, id));
    },

    /** For other modules: the unit if this actor may see it, else a 404. */
    getVisible,

    async create(ctx: RequestContext, input: UnitInput): Promise<Unit> {
      const parent = await repo.findInScope(input.parentId, requireActor(ctx).scopePath);
      if (!parent) throw invalid('/parentId', '上级单位不存在', 'The parent unit does not exist');
      kindFitsParent(input.kind, parent.kind);
      if (await repo.findByCode(input.code))
        throw new ApiError('DUPLICATE', [
          { field: '/code', message: '单位编码已被使用', messageEn: 'This unit code is already used' },
        ]);
      const id = await audit.transact(ctx, async (trx, record) => {
        const { id } = await repo.insert(trx, {
          code: input.code,
          name: input.name.trim(),
          kind: input.kind,
          parentId: parent.id,
          parentPath: parent.path,
          sortOrder: input.sortOrder ?? 0,
          at: nowIso(),
        });
        await record({ action: 'unit.create', objectType: 'unit', objectId: id, detail: { after: input } });
        return id;
      });
      return presentUnit((await repo.findInScope(id, requireActor(ctx).scopePath))!);
    },

    async update(ctx: RequestContext, id: number, input: UnitUpdate): Promise<Unit> {
      const actor = requireActor(ctx);
      const current = await getVisible(ctx, id);
      if (current.version !== input.version) throw conflict();
      const kind = input.kind ?? current.kind;
      let newPath = current.path;
      const parentId = input.parentId ?? current.parent_id;
      if (parentId !== null && (input.parentId !== undefined || input.kind !== undefined)) {
        const parent = await repo.findInScope(parentId, actor.scopePath);
        if (!parent) throw invalid('/parentId', '上级单位不存在', 'The parent unit does not exist');
        if (parent.path.startsWith(current.path))
          throw invalid('/parentId', '不能把单位移到它自己的下级', 'A unit cannot move under itself');
        kindFitsParent(kind, parent.kind);
        newPath = `${parent.path}${id}/`;
      }
      if (input.code && input.code !== current.code && (await repo.findByCode(input.code))) {
        throw new ApiError('DUPLICATE', [
          { field: '/code', message: '单位编码已被使用', messageEn: 'This unit code is already used' },
        ]);
      }
      await audit.transact(ctx, async (trx, record) => {
        const updated = await repo.updateVersioned(trx, id, input.version, {
          code: input.code ?? current.code,
          name: input.name?.trim() ?? current.name,
          kind,
          parentId,
          sortOrder: input.sortOrder ?? current.sort_order,
        });
        if (!updated) throw conflict();
        if (newPath !== current.path) await repo.movePaths(trx, current.path, newPath);
        const { version: _v, ...changes } = input;
        await record({
          action: 'unit.update',
          objectType: 'unit',
          objectId: id,
          detail: {
            before: {
              code: current.code,
              name: current.name,
              kind: current.kind,
              parentId: current.parent_id,
              sortOrder: current.sort_order,
            },
            after: changes,
          },
        });
      });
      return presentUnit((await repo.findInScope(id, actor.scopePath))!);
    },

    async remove(ctx: RequestContext, id: number): Promise<void> {
      const current = await getVisible(ctx, id);
      if (current.parent_id === null)
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '不能删除根单位',
          en: 'The root unit cannot be deleted',
        });
      if (Number(current.people_count) > 0 || (await repo.countChildren(id)) > 0) {
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '该单位下还有人员或下级单位，不能删除',
          en: 'The unit still has people or sub-units',
        });
      }
      if (await repo.isReferenced(id))
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '该单位已有报送记录、考核数据或新媒体账号等登记，不能删除',
          en: 'The unit has submissions, assessment data or new-media records and cannot be deleted',
        });
      await audit.transact(ctx, async (trx, record) => {
        await deleteCampaignsOf(trx, id);
        await repo.remove(trx, id);
        await record({
          action: 'unit.delete',
          objectType: 'unit',
          objectId: id,
          detail: { before: { code: current.code, name: current.name } },
        });
      });
    },
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
