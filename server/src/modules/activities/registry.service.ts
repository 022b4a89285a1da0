// The registries of 环境教育基地, 绿色学校 and 绿色社区 (docs/activities.md "Registries"): name, county,
// level, year awarded and status, kept by each bureau for its own city; every change audited in its
// transaction, an edit refused (409) when the row changed since it was read.
import type {
  RegistryEntry,
  RegistryEntryInput,
  RegistryEntryUpdate,
  RegistryQuery,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { RegistryRepo } from './registry.repo.ts';

type Row = NonNullable<Awaited<ReturnType<RegistryRepo['find']>>>;
const present = (r: Row): RegistryEntry => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  county: r.county,
  level: r.level,
  yearAwarded: r.year_awarded,
  status: r.status,
  version: r.version,
  updatedAt: r.updated_at,
});
const columns = (v: RegistryEntryInput) => ({
  kind: v.kind,
  name: v.name.trim(),
  county: v.county.trim(),
  level: v.level,
  year_awarded: v.yearAwarded,
  status: v.status,
});

export function createRegistryService(deps: { repo: RegistryRepo; audit: AuditService }) {
  const { repo, audit } = deps;
  return {
    async list(ctx: RequestContext, q: RegistryQuery) {
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const r = await repo.list(requireActor(ctx).bureauUnitId, q.kind, page, pageSize);
      return { items: r.items.map(present), total: r.total, page, pageSize };
    },
    async create(ctx: RequestContext, input: RegistryEntryInput) {
      const { bureauUnitId } = requireActor(ctx);
      const id = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const id = await repo.insert(trx, {
          bureau_unit_id: bureauUnitId,
          ...columns(input),
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'registry.create',
          objectType: 'registryEntry',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      return present((await repo.find(bureauUnitId, id))!);
    },
    async update(ctx: RequestContext, id: number, input: RegistryEntryUpdate) {
      const { bureauUnitId } = requireActor(ctx);
      const { version, ...fields } = input;
      await audit.transact(ctx, async (trx, record) => {
        const before = await repo.find(bureauUnitId, id, trx);
        if (!before) throw notFound();
        if (
          !(await repo.update(trx, bureauUnitId, id, version, { ...columns(fields), updated_at: nowIso() }))
        )
          throw conflict();
        await record({
          action: 'registry.update',
          objectType: 'registryEntry',
          objectId: id,
          detail: { before: present(before), after: fields },
        });
      });
      return present((await repo.find(bureauUnitId, id))!);
    },
  };
}
export type RegistryService = ReturnType<typeof createRegistryService>;
