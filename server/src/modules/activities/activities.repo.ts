// The only place that builds queries on the activities module's tables: events and their photos, the
// five-into norm per bureau (docs/activities.md). Scope is the organising unit's place in the tree.
import type { Insertable, Transaction } from 'kysely';
import type { ActivityKind, FiveIntoTarget } from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { containsText, withinScope } from '../../db/expressions.ts';
import type { ActivitiesTable, Database, PhotoTable } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';

export interface ActivityFilter {
  scopePath: string;
  q?: string;
  unitId?: number;
  kind?: ActivityKind;
  target?: FiveIntoTarget;
  from?: string;
  to?: string;
}

type Q = DB | Transaction<Database>;
export type ActivityValues = Omit<ActivitiesTable, 'id' | 'version'>;

export function createActivitiesRepo(db: DB) {
  const base = (f: ActivityFilter, q: Q = db) => {
    let s = q
      .selectFrom('activities as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .where(withinScope('u.path', f.scopePath));
    if (f.unitId) s = s.where('a.unit_id', '=', f.unitId);
    if (f.kind) s = s.where('a.kind', '=', f.kind);
    if (f.target) s = s.where('a.target', '=', f.target);
    if (f.from) s = s.where('a.held_on', '>=', f.from);
    if (f.to) s = s.where('a.held_on', '<=', f.to);
    const text = f.q;
    if (text)
      s = s.where((eb) =>
        eb.or([
          containsText('a.title', text),
          containsText('a.place', text),
          containsText('a.organiser', text),
        ]),
      );
    return s;
  };
  const withUnit = (f: ActivityFilter, q: Q = db) =>
    base(f, q).selectAll('a').select(['u.name as unit_name', 'u.sort_order as unit_order']);

  return {
    async list(f: ActivityFilter, page: number, pageSize: number) {
      const total = await base(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await withUnit(f)
        .orderBy('a.held_on', 'desc')
        .orderBy('a.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },
    all: (f: ActivityFilter, q: Q = db) => withUnit(f, q).orderBy('a.held_on').orderBy('a.id').execute(),
    find: (id: number, scopePath: string, q: Q = db) =>
      withUnit({ scopePath }, q).where('a.id', '=', id).executeTakeFirst(),

    async insert(trx: Transaction<Database>, v: ActivityValues): Promise<number> {
      const { id } = await trx.insertInto('activities').values(v).returning('id').executeTakeFirstOrThrow();
      return id;
    },
    /** Optimistic update: false when the version moved on. */
    async update(trx: Transaction<Database>, id: number, version: number, v: Partial<ActivityValues>) {
      return updateVersioned(trx, 'activities', id, version, v);
    },
    async remove(trx: Transaction<Database>, id: number) {
      await trx.deleteFrom('activity_photos').where('owner_id', '=', id).execute();
      await trx.deleteFrom('activities').where('id', '=', id).execute();
    },

    photos: (ids: number[], q: Q = db) =>
      ids.length
        ? q.selectFrom('activity_photos').selectAll().where('owner_id', 'in', ids).orderBy('id').execute()
        : Promise.resolve([]),
    photo: (ownerId: number, photoId: number) =>
      db
        .selectFrom('activity_photos')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('id', '=', photoId)
        .executeTakeFirst(),
    async addPhoto(trx: Transaction<Database>, v: Insertable<PhotoTable>) {
      const { id } = await trx
        .insertInto('activity_photos')
        .values(v)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    async norm(bureauUnitId: number): Promise<string | null> {
      const r = await db
        .selectFrom('activity_norms')
        .select('norm')
        .where('bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirst();
      return r?.norm ?? null;
    },
    async setNorm(trx: Transaction<Database>, bureauUnitId: number, norm: string, at: string) {
      await trx.deleteFrom('activity_norms').where('bureau_unit_id', '=', bureauUnitId).execute();
      await trx
        .insertInto('activity_norms')
        .values({ bureau_unit_id: bureauUnitId, norm, updated_at: at })
        .execute();
    },
    /** Five-into events of a year inside a scope, for the norm board. */
    fiveIntoEvents: (scopePath: string, year: number) =>
      base({ scopePath, kind: 'fiveInto', from: `${year}-01-01`, to: `${year}-12-31` })
        .select(['a.unit_id', 'a.target', 'a.held_on'])
        .where('a.target', 'is not', null)
        .execute(),
  };
}
export type ActivitiesRepo = ReturnType<typeof createActivitiesRepo>;
export type ActivityRow = NonNullable<Awaited<ReturnType<ActivitiesRepo['find']>>>;
