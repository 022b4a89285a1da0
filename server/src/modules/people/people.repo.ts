import type { Role } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { containsText, withinScope } from '../../db/expressions.ts';

export interface PeopleFilter {
  scopePath: string;
  q?: string;
  unitId?: number;
  role?: Role;
}

const columns = [
  'people.id',
  'people.unit_id',
  'units.name as unit_name',
  'units.path as unit_path',
  'people.name',
  'people.title',
  'people.mobile',
  'people.username',
  'people.disabled',
  'people.locked_until',
  'people.must_change_password',
  'people.last_login_at',
  'people.is_demo',
  'people.version',
  'people.updated_at',
] as const;

export function createPeopleRepo(db: DB) {
  const base = (f: PeopleFilter) => {
    let q = db
      .selectFrom('people')
      .innerJoin('units', 'units.id', 'people.unit_id')
      .where(withinScope('units.path', f.scopePath));
    if (f.unitId) q = q.where('people.unit_id', '=', f.unitId);
    if (f.role)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_roles')
            .whereRef('person_roles.person_id', '=', 'people.id')
            .where('person_roles.role', '=', f.role!)
            .select('person_roles.person_id'),
        ),
      );
    const text = f.q;
    if (text)
      q = q.where((eb) =>
        eb.or([
          containsText('people.name', text),
          containsText('people.username', text),
          containsText('people.title', text),
          containsText('units.name', text),
        ]),
      );
    return q;
  };

  return {
    async list(f: PeopleFilter, page: number, pageSize: number) {
      const total = await base(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await base(f)
        .select(columns)
        .orderBy('units.sort_order')
        .orderBy('people.unit_id')
        .orderBy('people.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },

    async findInScope(id: number, scopePath: string, trx: Transaction<Database> | DB = db) {
      return trx
        .selectFrom('people')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select(columns)
        .where('people.id', '=', id)
        .where(withinScope('units.path', scopePath))
        .executeTakeFirst();
    },

    async rolesByPerson(
      ids: number[],
      trx: Transaction<Database> | DB = db,
    ): Promise<Map<number, { role: Role; assigned_at: string }[]>> {
      const map = new Map<number, { role: Role; assigned_at: string }[]>();
      if (ids.length === 0) return map;
      const rows = await trx
        .selectFrom('person_roles')
        .selectAll()
        .where('person_id', 'in', ids)
        .orderBy('role')
        .execute();
      for (const r of rows) {
        const list = map.get(r.person_id) ?? [];
        list.push({ role: r.role, assigned_at: r.assigned_at });
        map.set(r.person_id, list);
      }
      return map;
    },

    async findByUsername(username: string, trx: Transaction<Database> | DB = db) {
      return trx
        .selectFrom('people')
        .select(['id', 'unit_id', 'name'])
        .where('username', '=', username.toLowerCase())
        .executeTakeFirst();
    },

    async findByUnitAndName(unitId: number, name: string, trx: Transaction<Database> | DB = db) {
      return trx
        .selectFrom('people')
        .select(['id', 'username', 'version'])
        .where('unit_id', '=', unitId)
        .where('name', '=', name)
        .executeTakeFirst();
    },

    /** Replaces a person's roles, keeping the assignment time of roles they already had. */
    async setRoles(trx: Transaction<Database>, personId: number, roles: readonly Role[], at: string) {
      const current = await trx
        .selectFrom('person_roles')
        .select('role')
        .where('person_id', '=', personId)
        .execute();
      const have = new Set(current.map((r) => r.role));
      const removed = [...have].filter((r) => !roles.includes(r));
      if (removed.length > 0)
        await trx
          .deleteFrom('person_roles')
          .where('person_id', '=', personId)
          .where('role', 'in', removed)
          .execute();
      const added = roles.filter((r) => !have.has(r));
      if (added.length > 0)
        await trx
          .insertInto('person_roles')
          .values(added.map((role) => ({ person_id: personId, role, assigned_at: at })))
          .execute();
      return { added, removed };
    },
  };
}
export type PeopleRepo = ReturnType<typeof createPeopleRepo>;
