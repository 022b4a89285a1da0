import type { Role } from '@greenvoice/common';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database, PeopleTable } from '../../db/types.ts';
import { containsText, withinScope } from '../../db/expressions.ts';
import { updateVersioned } from '../../db/versioned.ts';

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
  'people.email',
  'people.username',
  'people.disabled',
  'people.locked_until',
  'people.must_change_password',
  'people.last_login_at',
  'people.is_demo',
  'people.version',
  'people.updated_at',
] as const;

/** The holders of `roles` in the given units, with the date each role was given. */
export async function roleHoldersOf(
  q: Transaction<Database> | DB,
  unitIds: readonly number[],
  roles: readonly Role[],
) {
  if (!unitIds.length) return [];
  return q
    .selectFrom('person_roles')
    .innerJoin('people', 'people.id', 'person_roles.person_id')
    .select([
      'people.id as personId',
      'people.unit_id as unitId',
      'people.name',
      'people.mobile',
      'person_roles.role',
      'person_roles.assigned_at as assignedAt',
    ])
    .where('person_roles.role', 'in', [...roles])
    .where('people.unit_id', 'in', [...unitIds])
    .execute();
}

/** Everyone's unit, name, user name and mobile (the import matches them across the installation). */
export function allPeopleKeys(q: DB) {
  return q.selectFrom('people').select(['id', 'unit_id', 'name', 'username', 'mobile']).execute();
}

/** The people of a scope with their unit's code (the Excel export). */
export function peopleWithUnitCode(q: DB, scopePath: string) {
  return q
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select([
      'people.id',
      'people.name',
      'units.code as unit_code',
      'people.title',
      'people.mobile',
      'people.username',
    ])
    .where(withinScope('units.path', scopePath))
    .orderBy('units.sort_order')
    .orderBy('people.id')
    .execute();
}

/** A person as an import row describes them: contact details, unit and (once set) user name. */
export async function saveImportedPerson(
  trx: Transaction<Database>,
  v: {
    id: number | null;
    unitId: number;
    name: string;
    title: string;
    /** undefined keeps the stored number (a masked export cell) */
    mobile: string | null | undefined;
    username: string | null;
    at: string;
  },
): Promise<{ id: number; unitChanged: boolean }> {
  if (v.id === null) {
    const row = await trx
      .insertInto('people')
      .values({
        unit_id: v.unitId,
        name: v.name,
        title: v.title,
        mobile: v.mobile ?? null,
        username: v.username,
        must_change_password: 1,
        disabled: 0,
        is_demo: 0,
        created_at: v.at,
        updated_at: v.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, unitChanged: false };
  }
  const current = await trx
    .selectFrom('people')
    .select(['version', 'mobile', 'username', 'unit_id'])
    .where('id', '=', v.id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('people')
    .set({
      unit_id: v.unitId,
      name: v.name,
      title: v.title,
      mobile: v.mobile === undefined ? current.mobile : v.mobile,
      username: current.username ?? v.username,
      version: current.version + 1,
      updated_at: v.at,
    })
    .where('id', '=', v.id)
    .execute();
  return { id: v.id, unitChanged: current.unit_id !== v.unitId };
}

/** Gives a person without one a user name (their sign-in account); false when they already have one. */
export async function setUsername(
  trx: Transaction<Database>,
  id: number,
  version: number,
  username: string,
  at: string,
) {
  return updateVersioned(trx, 'people', { id, username: null }, version, {
    username,
    must_change_password: 1,
    updated_at: at,
  });
}

export interface Addressees {
  personIds?: number[];
  unitIds?: number[];
  roles?: Role[];
}

/**
 * The people a notification of the bureau at `bureauPath` reaches (decision 120), with their contact
 * details: the persons named, plus the holders of `roles` in `unitIds` (both given), everyone in `unitIds`
 * (units only) or the holders of `roles` anywhere in the bureau's tree (roles only). Only people whose own
 * bureau it is (not those of a bureau nested below it) and who are not disabled; in the caller's transaction.
 */
export async function notificationRecipients(
  trx: Transaction<Database> | DB,
  bureauPath: string,
  nestedBureauPaths: readonly string[],
  to: Addressees,
) {
  const personIds = to.personIds ?? [];
  const unitIds = to.unitIds ?? [];
  const roles = to.roles ?? [];
  if (personIds.length === 0 && unitIds.length === 0 && roles.length === 0) return [];
  const rows = await trx
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.name', 'people.mobile', 'people.email', 'units.path'])
    .where(withinScope('units.path', bureauPath))
    .where('people.disabled', '=', 0)
    .where((eb) => {
      const hasRole = eb.exists(
        eb
          .selectFrom('person_roles')
          .whereRef('person_roles.person_id', '=', 'people.id')
          .where('person_roles.role', 'in', roles.length ? roles : ['admin'])
          .select('person_roles.person_id'),
      );
      const any = [];
      if (personIds.length) any.push(eb('people.id', 'in', personIds));
      if (unitIds.length && roles.length) any.push(eb.and([eb('people.unit_id', 'in', unitIds), hasRole]));
      else if (unitIds.length) any.push(eb('people.unit_id', 'in', unitIds));
      else if (roles.length) any.push(hasRole);
      return eb.or(any);
    })
    .orderBy('people.id')
    .execute();
  return rows
    .filter((r) => !nestedBureauPaths.some((p) => p !== bureauPath && r.path.startsWith(p)))
    .map(({ path: _path, ...r }) => r);
}

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

    /** the names of these people, in one query (the audit log says names, not ids) */
    async namesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('people')
        .select(['id', 'name as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async insert(trx: Transaction<Database>, values: Insertable<PeopleTable>): Promise<number> {
      const row = await trx.insertInto('people').values(values).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    /** Writes the changes if the person is still at `version` (and bumps it); false when they moved on. */
    async updateVersioned(
      trx: Transaction<Database>,
      id: number,
      version: number,
      changes: Updateable<PeopleTable>,
    ): Promise<boolean> {
      return updateVersioned(trx, 'people', id, version, changes);
    },

    async remove(trx: Transaction<Database>, id: number) {
      await trx.deleteFrom('people').where('id', '=', id).execute();
    },
  };
}
export type PeopleRepo = ReturnType<typeof createPeopleRepo>;
