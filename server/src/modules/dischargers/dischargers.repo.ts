// The only place that builds queries for key discharging units and their disclosures.
import type { DB } from '../../db/database.ts';
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
  };
}
export type DischargersRepo = ReturnType<typeof createDischargersRepo>;
