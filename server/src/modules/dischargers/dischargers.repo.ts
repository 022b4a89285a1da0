// The only place that builds queries for key discharging units and their disclosures.
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database, DischargerDisclosuresTable, DischargersTable } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { containsText, ownedWithinScope } from '../../db/expressions.ts';

export interface DischargerFilter {
  q?: string;
  county?: string;
  industry?: string;
  scopePath?: string;
}

export function createDischargersRepo(db: DB) {
  const base = (f: DischargerFilter) => {
    let q = db.selectFrom('dischargers');
    if (f.scopePath) q = q.where(ownedWithinScope('owner_unit_id', f.scopePath));
    if (f.county) q = q.where('county', '=', f.county);
    if (f.industry) q = q.where('industry', '=', f.industry);
    const text = f.q;
    if (text)
      q = q.where((eb) =>
        eb.or([
          containsText('name', text),
          containsText('credit_code', text),
          containsText('permit_number', text),
        ]),
      );
    return q;
  };
  return {
    /**
     * The portal's search: every word is found in the name, credit code, permit number, industry or
     * county (decision 110); a small table, so a scan with LIKE is well within the search's budget.
     */
    async findPublic(words: string[], limit: number, scopePath: string) {
      if (words.length === 0) return { items: [], total: 0 };
      let q = db.selectFrom('dischargers').where(ownedWithinScope('owner_unit_id', scopePath));
      for (const w of words)
        q = q.where((eb) =>
          eb.or(
            ['name', 'credit_code', 'permit_number', 'industry', 'county'].map((c) => containsText(c, w)),
          ),
        );
      const rows = await q
        .select(['id', 'name', 'credit_code', 'county', 'industry', 'permit_number'])
        .select((eb) => eb.fn.countAll<number>().over().as('total'))
        .orderBy('county')
        .orderBy('name')
        .limit(limit)
        .execute();
      return { items: rows, total: Number(rows[0]?.total ?? 0) };
    },
    async list(f: DischargerFilter, page: number, pageSize: number) {
      const total = await base(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await base(f)
        .selectAll()
        .orderBy('county')
        .orderBy('name')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },
    all: (scopePath?: string) =>
      base({ ...(scopePath ? { scopePath } : {}) })
        .selectAll()
        .orderBy('id')
        .execute(),
    find: (id: number, scopePath?: string) =>
      base({ ...(scopePath ? { scopePath } : {}) })
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst(),
    codeTaken: async (code: string, exceptId = 0) =>
      !!(await db
        .selectFrom('dischargers')
        .select('id')
        .where('credit_code', '=', code)
        .where('id', '!=', exceptId)
        .executeTakeFirst()),
    disclosures: (dischargerIds: number[]) =>
      db
        .selectFrom('discharger_disclosures')
        .selectAll()
        .where('discharger_id', 'in', dischargerIds.length ? dischargerIds : [0])
        .orderBy('discharger_id')
        .orderBy('id')
        .execute(),
    findDisclosure: (id: number) =>
      db.selectFrom('discharger_disclosures').selectAll().where('id', '=', id).executeTakeFirst(),

    insert: (trx: Transaction<Database>, row: Insertable<DischargersTable>) =>
      trx.insertInto('dischargers').values(row).returning('id').executeTakeFirstOrThrow(),
    update: (trx: Transaction<Database>, id: number, version: number, set: Updateable<DischargersTable>) =>
      updateVersioned(trx, 'dischargers', id, version, set),
    insertDisclosure: (trx: Transaction<Database>, row: Insertable<DischargerDisclosuresTable>) =>
      trx.insertInto('discharger_disclosures').values(row).returning('id').executeTakeFirstOrThrow(),
    updateDisclosure: (
      trx: Transaction<Database>,
      id: number,
      version: number,
      set: Updateable<DischargerDisclosuresTable>,
    ) => updateVersioned(trx, 'discharger_disclosures', id, version, set),

    /** the names of these key discharging units, in one query (the audit log says names, not ids) */
    async namesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('dischargers')
        .select(['id', 'name as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type DischargersRepo = ReturnType<typeof createDischargersRepo>;
