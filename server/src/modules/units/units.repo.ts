import type { UnitKind } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { containsText, pathIds, pathUnitId, withinScope } from '../../db/expressions.ts';
import { updateVersioned } from '../../db/versioned.ts';

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

/** The county bureau at or above a unit, if any (a county's staff work on the cases assigned to it). */
export async function countyBureauOf(
  q: Transaction<Database> | DB,
  unitPath: string,
): Promise<{ id: number; path: string; name: string } | null> {
  const rows = await q
    .selectFrom('units')
    .select(['id', 'path', 'name'])
    .where('id', 'in', pathIds(unitPath))
    .where('kind', '=', 'countyBureau')
    .execute();
  return rows.sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}

/** The county bureaus inside a bureau's tree, in the tree's order (where a case can be assigned). */
export function countyBureausWithin(q: Transaction<Database> | DB, bureauPath: string) {
  return q
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where(withinScope('path', bureauPath))
    .where('kind', '=', 'countyBureau')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Every unit inside a bureau's tree (id, path, kind), for rules that split it, e.g. outside the counties. */
export function unitsWithin(q: Transaction<Database> | DB, bureauPath: string) {
  return q
    .selectFrom('units')
    .select(['id', 'path', 'kind'])
    .where(withinScope('path', bureauPath))
    .execute();
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

/** A unit's kind, for a module that must know what kind of unit it is given (plans: only a bureau owns one). */
export async function unitKind(q: Transaction<Database> | DB, id: number) {
  return q.selectFrom('units').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
}

/** A unit's name by id (the portal's default site name is the bureau's). */
export async function unitName(q: Transaction<Database> | DB, id: number): Promise<string | undefined> {
  return (await q.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** The bureau whose website this is: the unit with this code, else the root of the tree (lowest id). */
export async function siteUnit(
  q: Transaction<Database> | DB,
  code: string | null,
): Promise<{ id: number; name: string; path: string } | undefined> {
  let s = q.selectFrom('units').select(['id', 'name', 'path']);
  s = code ? s.where('code', '=', code) : s.where('parent_id', 'is', null);
  return s.orderBy('id').executeTakeFirst();
}

/**
 * Puts an existing unit under a parent with new name, kind and order, moving its subtree when its path
 * changes — the one tree move, in the caller's transaction (the Excel import calls it).
 */
export async function placeUnit(
  trx: Transaction<Database>,
  v: {
    id: number;
    name: string;
    kind: UnitKind;
    /** null: the top of the tree */
    parentId: number | null;
    parentPath: string;
    sortOrder: number;
    at: string;
  },
): Promise<string> {
  const current = await trx
    .selectFrom('units')
    .select(['path', 'version'])
    .where('id', '=', v.id)
    .executeTakeFirstOrThrow();
  const newPath = `${v.parentPath}${v.id}/`;
  await trx
    .updateTable('units')
    .set({
      name: v.name,
      kind: v.kind,
      parent_id: v.parentId,
      sort_order: v.sortOrder,
      version: current.version + 1,
      updated_at: v.at,
    })
    .where('id', '=', v.id)
    .execute();
  if (newPath !== current.path) await moveSubtree(trx, current.path, newPath);
  return newPath;
}

/** Every unit's code, kind and place (the import matches codes across the whole installation). */
export function allUnitCodes(q: DB) {
  return q.selectFrom('units').select(['id', 'code', 'kind', 'path', 'parent_id']).execute();
}

/** The units of a scope with their parent's code, in tree order (the Excel export). */
export function unitsWithParentCode(q: DB, scopePath: string) {
  return q
    .selectFrom('units')
    .leftJoin('units as parent', 'parent.id', 'units.parent_id')
    .select([
      'units.id',
      'units.code',
      'units.name',
      'units.kind',
      'units.sort_order',
      'units.path',
      'parent.code as parent_code',
    ])
    .where(withinScope('units.path', scopePath))
    .orderBy('units.path')
    .execute();
}

/** The units of a kind under `path` (itself included), in the tree's order; `onlyId` narrows to one. */
export function unitsOfKinds(
  q: Transaction<Database> | DB,
  path: string,
  kinds: readonly UnitKind[],
  onlyId: number | null = null,
) {
  let query = q
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'code'])
    .where(withinScope('path', path))
    .where('kind', 'in', [...kinds])
    .orderBy('sort_order')
    .orderBy('id');
  if (onlyId !== null) query = query.where('id', '=', onlyId);
  return query.execute();
}

/** Every bureau (city bureau or province) with its path: what notifications and reminders are sent for. */
export async function bureauUnits(q: Transaction<Database> | DB) {
  return q
    .selectFrom('units')
    .select(['id', 'path', 'name'])
    .where('kind', 'in', ['cityBureau', 'province'])
    .orderBy('path')
    .execute();
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
        /** '/' and null for a root unit (a bureau at the top of its tree) */
        parentPath: string;
        parentId: number | null;
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

    /** Writes the unit's own columns if it is still at `version`; false when someone changed it meanwhile. */
    async updateVersioned(
      trx: Transaction<Database>,
      id: number,
      version: number,
      values: { code: string; name: string; kind: UnitKind; parentId: number | null; sortOrder: number },
    ): Promise<boolean> {
      return updateVersioned(trx, 'units', id, version, {
        code: values.code,
        name: values.name,
        kind: values.kind,
        parent_id: values.parentId,
        sort_order: values.sortOrder,
        updated_at: nowIso(),
      });
    },

    async remove(trx: Transaction<Database>, id: number) {
      await trx.deleteFrom('units').where('id', '=', id).execute();
    },

    /** Whether submissions, evidence, assessment facts or new-media records name the unit: such a unit is kept. */
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
            eb.exists(
              eb
                .selectFrom('media_accounts')
                .select('id')
                .where((w) => w.or([w('unit_id', '=', id), w('bureau_unit_id', '=', id)])),
            ),
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

    /** the names of these units, in one query (the audit log says names, not ids) */
    async namesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('units')
        .select(['id', 'name as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
