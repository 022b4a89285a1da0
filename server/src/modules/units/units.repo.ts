import type { UnitKind } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { containsText, pathIds, pathUnitId, withinScope } from '../../db/expressions.ts';

export interface UnitFilter {
  scopePath: string;
  q?: string;
  kind?: UnitKind;
}

/**
 * The bureau that assesses and owns the records of a unit: the deepest city bureau (or province) at or
 * above it; a tree without one answers the unit itself. The one implementation (decision 080):
 * sign-in puts it on the actor as `bureauUnitId` / `bureauPath`.
 */
export async function bureauOf(
  q: Transaction<Database> | DB,
  unitPath: string,
): Promise<{ id: number; path: string }> {
  const ids = pathIds(unitPath);
  const bureaus = await q
    .selectFrom('units')
    .select(['id', 'path'])
    .where('id', 'in', ids)
    .where('kind', 'in', ['cityBureau', 'province'])
    .execute();
  return (
    bureaus.sort((a, b) => b.path.length - a.path.length)[0] ?? { id: pathUnitId(unitPath), path: unitPath }
  );
}

/**
 * Moves a unit's whole subtree by rewriting the path prefix, in the caller's transaction (the units
 * service and the Excel import both move units through here).
 */
export async function moveSubtree(trx: Transaction<Database>, oldPrefix: string, newPrefix: string) {
  const rows = await trx
    .selectFrom('units')
    .select(['id', 'path'])
    .where(withinScope('path', oldPrefix))
    .execute();
  for (const r of rows) {
    await trx
      .updateTable('units')
      .set({ path: newPrefix + r.path.slice(oldPrefix.length) })
      .where('id', '=', r.id)
      .execute();
  }
}

export function createUnitsRepo(db: DB) {
  const base = (f: UnitFilter) => {
    let q = db.selectFrom('units').where(withinScope('units.path', f.scopePath));
    if (f.kind) q = q.where('units.kind', '=', f.kind);
    const text = f.q;
    if (text)
      q = q.where((eb) => eb.or([containsText('units.name', text), containsText('units.code', text)]));
    return q;
  };
  const columns = [
    'units.id',
    'units.code',
    'units.name',
    'units.kind',
    'units.parent_id',
    'units.path',
    'units.sort_order',
    'units.is_demo',
    'units.version',
    'units.updated_at',
  ] as const;

  return {
    async list(f: UnitFilter, page: number, pageSize: number) {
      const total = await base(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await base(f)
        .leftJoin('units as parent', 'parent.id', 'units.parent_id')
        .select([...columns, 'parent.name as parent_name'])
        .select((eb) =>
          eb
            .selectFrom('people')
            .whereRef('people.unit_id', '=', 'units.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('people_count'),
        )
        .orderBy('units.sort_order')
        .orderBy('units.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },

    async findInScope(id: number, scopePath: string, trx: Transaction<Database> | DB = db) {
      return trx
        .selectFrom('units')
        .leftJoin('units as parent', 'parent.id', 'units.parent_id')
        .select([...columns, 'parent.name as parent_name'])
        .select((eb) =>
          eb
            .selectFrom('people')
            .whereRef('people.unit_id', '=', 'units.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('people_count'),
        )
        .where('units.id', '=', id)
        .where(withinScope('units.path', scopePath))
        .executeTakeFirst();
    },

    async findByCode(code: string, trx: Transaction<Database> | DB = db) {
      return trx
        .selectFrom('units')
        .select(['id', 'code', 'path', 'kind'])
        .where('code', '=', code)
        .executeTakeFirst();
    },

    async insert(
      trx: Transaction<Database>,
      values: {
        code: string;
        name: string;
        kind: UnitKind;
        parentPath: string;
        parentId: number;
        sortOrder: number;
        isDemo?: boolean;
        at: string;
      },
    ) {
      const row = await trx
        .insertInto('units')
        .values({
          code: values.code,
          name: values.name,
          kind: values.kind,
          parent_id: values.parentId,
          path: '/', // set below, once the id is known
          sort_order: values.sortOrder,
          is_demo: values.isDemo ? 1 : 0,
          created_at: values.at,
          updated_at: values.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${values.parentPath}${row.id}/`;
      await trx.updateTable('units').set({ path }).where('id', '=', row.id).execute();
      return { id: row.id, path };
    },

    movePaths: moveSubtree,

    /** Whether submissions, evidence or assessment facts name the unit: such a unit is kept. */
    async isReferenced(id: number): Promise<boolean> {
      const hit = await db
        .selectFrom('units')
        .select('id')
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.exists(
              eb
                .selectFrom('submissions')
                .select('id')
                .where((w) => w.or([w('unit_id', '=', id), w('owner_unit_id', '=', id)])),
            ),
            eb.exists(eb.selectFrom('submission_units').select('unit_id').where('unit_id', '=', id)),
            eb.exists(eb.selectFrom('evidence_files').select('id').where('unit_id', '=', id)),
            eb.exists(eb.selectFrom('assessment_fact_units').select('unit_id').where('unit_id', '=', id)),
            eb.exists(eb.selectFrom('assessment_facts').select('id').where('owner_unit_id', '=', id)),
          ]),
        )
        .executeTakeFirst();
      return !!hit;
    },

    async countChildren(id: number) {
      const r = await db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
