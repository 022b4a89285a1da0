import type { OutletLevel, OutletMedium } from '@greenvoice/common';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database, OutletsTable } from '../../db/types.ts';
import { containsText } from '../../db/expressions.ts';
import { updateVersioned } from '../../db/versioned.ts';

export interface OutletFilter {
  q?: string;
  level?: OutletLevel;
  medium?: OutletMedium;
  includeInactive?: boolean;
}

export function createOutletsRepo(db: DB) {
  const base = (f: OutletFilter) => {
    let q = db.selectFrom('outlets');
    if (!f.includeInactive) q = q.where('active', '=', 1);
    if (f.level) q = q.where('level', '=', f.level);
    if (f.medium) q = q.where('medium', '=', f.medium);
    if (f.q) q = q.where(containsText('name', f.q));
    return q;
  };
  return {
    async list(f: OutletFilter, page: number, pageSize: number) {
      const total = await base(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await base(f)
        .selectAll()
        .orderBy('sort_order')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },
    find(id: number, trx: Transaction<Database> | DB = db) {
      return trx.selectFrom('outlets').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByName(name: string) {
      return db.selectFrom('outlets').select('id').where('name', '=', name).executeTakeFirst();
    },
    async nextSortOrder() {
      const r = await db
        .selectFrom('outlets')
        .select((eb) => eb.fn.max('sort_order').as('m'))
        .executeTakeFirst();
      return Number(r?.m ?? 0) + 10;
    },

    /** the names of these outlets, in one query (the audit log says names, not ids) */
    async namesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('outlets')
        .select(['id', 'name as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async insert(trx: Transaction<Database>, values: Insertable<OutletsTable>): Promise<number> {
      const row = await trx.insertInto('outlets').values(values).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    /** Writes the changes if the outlet is still at `version` (and bumps it); false when it moved on. */
    async updateVersioned(
      trx: Transaction<Database>,
      id: number,
      version: number,
      changes: Updateable<OutletsTable>,
    ): Promise<boolean> {
      return updateVersioned(trx, 'outlets', id, version, changes);
    },
  };
}
export type OutletsRepo = ReturnType<typeof createOutletsRepo>;
