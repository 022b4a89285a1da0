// The only place that builds queries for service guides (办事指南) and their downloadable forms.
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import { ownedWithinScope } from '../../db/expressions.ts';
import type { Database, ServiceGuideFormsTable, ServiceGuidesTable } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';

type Executor = DB | Transaction<Database>;
export type GuideRow = Omit<ServiceGuidesTable, 'id' | 'version'> & { id: number; version: number };
export type GuideFormRow = Omit<ServiceGuideFormsTable, 'id'> & { id: number };

export function createServiceGuidesRepo(db: DB) {
  return {
    list: (scopePath: string): Promise<GuideRow[]> =>
      db
        .selectFrom('service_guides')
        .selectAll()
        .where(ownedWithinScope('owner_unit_id', scopePath))
        .orderBy('sort_order')
        .orderBy('id')
        .execute(),
    find: (id: number, scopePath: string, trx: Executor = db): Promise<GuideRow | undefined> =>
      trx
        .selectFrom('service_guides')
        .selectAll()
        .where('id', '=', id)
        .where(ownedWithinScope('owner_unit_id', scopePath))
        .executeTakeFirst(),
    insert: (trx: Executor, row: Insertable<ServiceGuidesTable>) =>
      trx.insertInto('service_guides').values(row).returning('id').executeTakeFirstOrThrow(),
    async update(trx: Executor, id: number, version: number, set: Updateable<ServiceGuidesTable>) {
      return updateVersioned(trx, 'service_guides', id, version, set);
    },
    forms: (guideIds: number[], trx: Executor = db): Promise<GuideFormRow[]> =>
      trx
        .selectFrom('service_guide_forms')
        .selectAll()
        .where('guide_id', 'in', guideIds.length ? guideIds : [0])
        .orderBy('sort_order')
        .orderBy('id')
        .execute(),
    insertForm: (trx: Executor, row: Insertable<ServiceGuideFormsTable>) =>
      trx.insertInto('service_guide_forms').values(row).returning('id').executeTakeFirstOrThrow(),
    deleteForm: (trx: Executor, id: number, guideId: number) =>
      trx.deleteFrom('service_guide_forms').where('id', '=', id).where('guide_id', '=', guideId).execute(),

    // ——— the portal's reads: published guides of the site's bureau ———
    published: (siteUnitId: number): Promise<GuideRow[]> =>
      db
        .selectFrom('service_guides')
        .selectAll()
        .where('owner_unit_id', '=', siteUnitId)
        .where('status', '=', 'published')
        .orderBy('sort_order')
        .orderBy('id')
        .execute(),
    publishedOne: (id: number, siteUnitId: number): Promise<GuideRow | undefined> =>
      db
        .selectFrom('service_guides')
        .selectAll()
        .where('id', '=', id)
        .where('owner_unit_id', '=', siteUnitId)
        .where('status', '=', 'published')
        .executeTakeFirst(),
    publishedForm: (formId: number, guideId: number, siteUnitId: number) =>
      db
        .selectFrom('service_guide_forms as f')
        .innerJoin('service_guides as g', 'g.id', 'f.guide_id')
        .select(['f.id', 'f.token', 'f.original_name', 'f.mime', 'f.size'])
        .where('f.id', '=', formId)
        .where('f.guide_id', '=', guideId)
        .where('g.owner_unit_id', '=', siteUnitId)
        .where('g.status', '=', 'published')
        .executeTakeFirst(),
  };
}
export type ServiceGuidesRepo = ReturnType<typeof createServiceGuidesRepo>;
