// Writes of assessment plans and their rules versions (the assessment module owns both tables); the plan
// reads the scoring side shares are in scores.repo.ts.
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { AssessmentPlansTable, AssessmentPlanVersionsTable, Database } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';

export function createPlansRepo(db: DB) {
  return {
    /** The rules versions of a plan, newest first, with who saved each. */
    async versions(planId: number) {
      return db
        .selectFrom('assessment_plan_versions')
        .leftJoin('people', 'people.id', 'assessment_plan_versions.created_by')
        .select(['rules_version', 'note', 'people.name as created_by', 'assessment_plan_versions.created_at'])
        .where('plan_id', '=', planId)
        .orderBy('rules_version', 'desc')
        .execute();
    },

    /** One saved rules version's document, or undefined. */
    version: (planId: number, rulesVersion: number) =>
      db
        .selectFrom('assessment_plan_versions')
        .select(['rules_version', 'note', 'document'])
        .where('plan_id', '=', planId)
        .where('rules_version', '=', rulesVersion)
        .executeTakeFirst(),

    /** Whether the bureau already has a plan for the year (one plan per bureau and year). */
    async existsForYear(ownerUnitId: number, year: number): Promise<boolean> {
      const row = await db
        .selectFrom('assessment_plans')
        .select('id')
        .where('owner_unit_id', '=', ownerUnitId)
        .where('year', '=', year)
        .executeTakeFirst();
      return row !== undefined;
    },

    async insert(trx: Transaction<Database>, values: Insertable<AssessmentPlansTable>): Promise<number> {
      const row = await trx
        .insertInto('assessment_plans')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async addVersion(trx: Transaction<Database>, values: Insertable<AssessmentPlanVersionsTable>) {
      await trx.insertInto('assessment_plan_versions').values(values).execute();
    },

    /** Writes the changes if the plan is still at `version` (and bumps it); false when it moved on. */
    async updateVersioned(
      trx: Transaction<Database>,
      id: number,
      version: number,
      changes: Updateable<AssessmentPlansTable>,
    ): Promise<boolean> {
      return updateVersioned(trx, 'assessment_plans', id, version, changes);
    },
  };
}
export type PlansRepo = ReturnType<typeof createPlansRepo>;
