// Queries on the registries of education bases, green schools and green communities (docs/activities.md
// "Registries"): a bureau's rows, one row by id within a bureau, and the versioned change.
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database, EducationRegistryTable } from '../../db/types.ts';

export function createRegistryRepo(db: DB) {
  const mine = (bureauUnitId: number, kind?: EducationRegistryTable['kind']) => {
    let q = db.selectFrom('education_registry').where('bureau_unit_id', '=', bureauUnitId);
    if (kind) q = q.where('kind', '=', kind);
    return q;
  };
  return {
    async list(
      bureauUnitId: number,
      kind: EducationRegistryTable['kind'] | undefined,
      page: number,
      size: number,
    ) {
      const total = await mine(bureauUnitId, kind)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await mine(bureauUnitId, kind)
        .selectAll()
        .orderBy('kind')
        .orderBy('year_awarded', 'desc')
        .orderBy('id')
        .limit(size)
        .offset((page - 1) * size)
        .execute();
      return { items, total: Number(total.n) };
    },
    find: (bureauUnitId: number, id: number, q: DB | Transaction<Database> = db) =>
      q
        .selectFrom('education_registry')
        .selectAll()
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('id', '=', id)
        .executeTakeFirst(),
    async insert(trx: Transaction<Database>, v: Insertable<EducationRegistryTable>) {
      const { id } = await trx
        .insertInto('education_registry')
        .values(v)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    /** Changes the row if it is still at `version`; false when someone changed it first. */
    async update(
      trx: Transaction<Database>,
      bureauUnitId: number,
      id: number,
      version: number,
      v: Updateable<EducationRegistryTable>,
    ) {
      const r = await trx
        .updateTable('education_registry')
        .set((eb) => ({ ...v, version: eb('version', '+', 1) }))
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type RegistryRepo = ReturnType<typeof createRegistryRepo>;
