// The audit log as people read it (docs/decisions/172-audit-log-in-words.md): each record's object
// named — `person #57` becomes the person's name. Names are looked up once per page and object type
// (one query each, through the owning module's repository), never once per row. An object that is gone
// (a deleted person) keeps its number: the log outlives what it describes.
import type { AuditRecord } from '@greenvoice/common';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/tables/audit.ts';

type AuditRow = Selectable<AuditLogTable>;

/** ids → names for one object type, from the repository of the module that owns the table */
export type NamesOf = (ids: number[]) => Promise<Map<number, string>>;

export function createAuditPresenter(names: Record<string, NamesOf>) {
  async function objectNames(rows: AuditRow[]): Promise<Map<string, string>> {
    const idsByType = new Map<string, Set<number>>();
    for (const r of rows) {
      const id = Number(r.object_id);
      if (!r.object_type || !names[r.object_type] || !Number.isSafeInteger(id) || id <= 0) continue;
      const set = idsByType.get(r.object_type) ?? new Set<number>();
      set.add(id);
      idsByType.set(r.object_type, set);
    }
    const found = new Map<string, string>();
    await Promise.all(
      [...idsByType].map(async ([type, ids]) => {
        for (const [id, name] of await names[type]!([...ids])) found.set(`${type}#${id}`, name);
      }),
    );
    return found;
  }

  return {
    async present(rows: AuditRow[]): Promise<AuditRecord[]> {
      const named = await objectNames(rows);
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRoles: r.actor_roles,
        clientIp: r.client_ip,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        objectName: (r.object_type && named.get(`${r.object_type}#${r.object_id}`)) || null,
        result: r.result,
        requestId: r.request_id,
        detail: r.detail,
        hash: r.hash,
      }));
    },
  };
}
export type AuditPresenter = ReturnType<typeof createAuditPresenter>;
