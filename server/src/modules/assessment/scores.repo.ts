// Queries for plans, the facts they score and the score summaries. The summaries are per plan × unit ×
// month (and × item): recomputing one unit rewrites a few dozen rows; a ranking sums at most 12 per unit.
import { sql, type Transaction } from 'kysely';
import type { AssessmentFact, PlanDocument, UnitEvaluation, UnitKind } from '@greenvoice/common';
import type { DB, Dialect } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { withinOrAboveScope, withinScope } from '../../db/expressions.ts';
import { toFacts, type FactRow, type FactUnitRow } from './fact-rows.ts';

type Q = DB | Transaction<Database>;

export interface PlanRow {
  id: number;
  owner_unit_id: number;
  owner_name: string;
  owner_path: string;
  year: number;
  title: string;
  document: string;
  rules_version: number;
  interview_rule: string;
  is_demo: number;
  version: number;
  updated_at: string;
}

export interface ScoredUnit {
  id: number;
  name: string;
  kind: UnitKind;
  sort_order: number;
}

const FACT_COLUMNS = [
  'assessment_facts.id',
  'assessment_facts.source',
  'assessment_facts.source_id',
  'assessment_facts.kind',
  'assessment_facts.fact_date',
  'assessment_facts.outlet_level',
  'assessment_facts.outlet_medium',
  'assessment_facts.adoption_level',
  'assessment_facts.leader_instruction',
  'assessment_facts.activity_type',
  'assessment_facts.award_rank',
  'assessment_facts.quantity',
  'assessment_facts.negative_code',
  'assessment_facts.themes',
  'assessment_facts.title',
] as const;

export function createScoresRepo(db: DB, dialect: Dialect) {
  const plans = (q: Q = db) =>
    q
      .selectFrom('assessment_plans')
      .innerJoin('units', 'units.id', 'assessment_plans.owner_unit_id')
      .select([
        'assessment_plans.id',
        'assessment_plans.owner_unit_id',
        'units.name as owner_name',
        'units.path as owner_path',
        'assessment_plans.year',
        'assessment_plans.title',
        'assessment_plans.document',
        'assessment_plans.rules_version',
        'assessment_plans.interview_rule',
        'assessment_plans.is_demo',
        'assessment_plans.version',
        'assessment_plans.updated_at',
      ]);

  return {
    plans,

    /** A plan whose bureau is inside the scope, or above it (an officer's own bureau). */
    async planInScope(id: number, scopePath: string, q: Q = db): Promise<PlanRow | undefined> {
      return plans(q)
        .where('assessment_plans.id', '=', id)
        .where(withinOrAboveScope('units.path', 'units.id', scopePath))
        .executeTakeFirst();
    },

    /** Every plan visible in the scope, newest year first. */
    async plansInScope(scopePath: string, q: Q = db): Promise<PlanRow[]> {
      return plans(q)
        .where(withinOrAboveScope('units.path', 'units.id', scopePath))
        .orderBy('assessment_plans.year', 'desc')
        .execute();
    },

    async planById(id: number, q: Q = db) {
      return plans(q).where('assessment_plans.id', '=', id).executeTakeFirst();
    },

    async plansOfOwner(ownerUnitId: number, years: number[], q: Q = db) {
      if (!years.length) return [];
      return plans(q)
        .where('assessment_plans.owner_unit_id', '=', ownerUnitId)
        .where('assessment_plans.year', 'in', years)
        .execute();
    },

    /** The units a plan assesses: below its bureau, of a kind one of its groups ranks. */
    async unitsOf(plan: Pick<PlanRow, 'owner_path'>, kinds: UnitKind[], q: Q = db): Promise<ScoredUnit[]> {
      if (!kinds.length) return [];
      return q
        .selectFrom('units')
        .select(['id', 'name', 'kind', 'sort_order'])
        .where(withinScope('path', plan.owner_path))
        .where('kind', 'in', kinds)
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
    },

    /** The facts of a year crediting any of `unitIds` (all of the owner's when null), each with all its units. */
    async facts(
      ownerUnitId: number,
      year: number,
      unitIds: number[] | null,
      q: Q = db,
    ): Promise<AssessmentFact[]> {
      if (unitIds && !unitIds.length) return [];
      const inYear = sql<boolean>`assessment_facts.fact_date >= ${`${year}-01-01`} and assessment_facts.fact_date <= ${`${year}-12-31`}`;
      const owner = sql<boolean>`assessment_facts.owner_unit_id = ${ownerUnitId}`;
      if (!unitIds) {
        const rows: FactRow[] = await q
          .selectFrom('assessment_facts')
          .select([...FACT_COLUMNS])
          .where(owner)
          .where(inYear)
          .execute();
        const links: FactUnitRow[] = await q
          .selectFrom('assessment_fact_units')
          .innerJoin('assessment_facts', 'assessment_facts.id', 'assessment_fact_units.fact_id')
          .select([
            'assessment_fact_units.fact_id',
            'assessment_fact_units.unit_id',
            'assessment_fact_units.position',
          ])
          .where(owner)
          .where(inYear)
          .execute();
        return toFacts(rows, links);
      }
      // driven from the unit's own links (indexed by unit), so one unit's recomputation reads only its facts
      // `+owner_unit_id` (valid on both databases) keeps SQLite, which has no statistics, from scanning
      // the owner's whole year through assessment_facts_owner_date instead of the unit's own links
      const ownerNoIndex = sql<boolean>`+assessment_facts.owner_unit_id = ${ownerUnitId}`;
      const rows: FactRow[] = await q
        .selectFrom('assessment_fact_units as mine')
        .innerJoin('assessment_facts', 'assessment_facts.id', 'mine.fact_id')
        .select([...FACT_COLUMNS])
        .where('mine.unit_id', 'in', unitIds)
        .where(ownerNoIndex)
        .where(inYear)
        .execute();
      // every unit of those facts: a joint fact's share depends on how many units it credits
      const links: FactUnitRow[] = await q
        .selectFrom('assessment_fact_units as mine')
        .innerJoin('assessment_facts', 'assessment_facts.id', 'mine.fact_id')
        .innerJoin('assessment_fact_units as other', 'other.fact_id', 'mine.fact_id')
        .select(['other.fact_id', 'other.unit_id', 'other.position'])
        .where('mine.unit_id', 'in', unitIds)
        .where(ownerNoIndex)
        .where(inYear)
        .execute();
      const seen = new Set<string>();
      const unique = <T>(xs: T[], key: (x: T) => string) =>
        xs.filter((x) => !seen.has(key(x)) && !!seen.add(key(x)));
      return toFacts(
        unique(rows, (r) => `f${r.id}`),
        unique(links, (l) => `${l.fact_id}:${l.unit_id}`),
      );
    },

    /** Serialises recomputations of one plan across app servers (PostgreSQL); SQLite has one writer. */
    async lockPlan(trx: Transaction<Database>, planId: number) {
      if (dialect === 'postgres')
        await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), ${planId})`.execute(trx);
    },

    /** Replaces the stored scores of these units with their new evaluations. */
    async writeScores(
      trx: Transaction<Database>,
      planId: number,
      unitIds: number[],
      evaluations: UnitEvaluation[],
    ) {
      if (unitIds.length) {
        await trx
          .deleteFrom('assessment_unit_months')
          .where('plan_id', '=', planId)
          .where('unit_id', 'in', unitIds)
          .execute();
        await trx
          .deleteFrom('assessment_item_months')
          .where('plan_id', '=', planId)
          .where('unit_id', 'in', unitIds)
          .execute();
      }
      const months = evaluations.flatMap((e) =>
        e.months.map((points, i) => ({
          plan_id: planId,
          unit_id: e.unitId,
          month: i + 1,
          group_code: e.group,
          points,
        })),
      );
      const items = evaluations.flatMap((e) =>
        Object.entries(e.items).flatMap(([item_code, ms]) =>
          ms.flatMap((points, i) =>
            points === 0 ? [] : [{ plan_id: planId, unit_id: e.unitId, item_code, month: i + 1, points }],
          ),
        ),
      );
      // batches keep statements under SQLite's and PostgreSQL's parameter limits
      for (let i = 0; i < months.length; i += 500)
        await trx
          .insertInto('assessment_unit_months')
          .values(months.slice(i, i + 500))
          .execute();
      for (let i = 0; i < items.length; i += 500)
        await trx
          .insertInto('assessment_item_months')
          .values(items.slice(i, i + 500))
          .execute();
    },

    async clearScores(trx: Transaction<Database>, planId: number) {
      await trx.deleteFrom('assessment_unit_months').where('plan_id', '=', planId).execute();
      await trx.deleteFrom('assessment_item_months').where('plan_id', '=', planId).execute();
    },

    async setState(
      trx: Transaction<Database>,
      planId: number,
      rulesVersion: number,
      lastMonth: number,
      at: string,
    ) {
      await trx.deleteFrom('assessment_score_state').where('plan_id', '=', planId).execute();
      await trx
        .insertInto('assessment_score_state')
        .values({ plan_id: planId, rules_version: rulesVersion, last_month: lastMonth, computed_at: at })
        .execute();
    },

    async state(planId: number) {
      return db
        .selectFrom('assessment_score_state')
        .selectAll()
        .where('plan_id', '=', planId)
        .executeTakeFirst();
    },

    /** Points per unit over a range of months. */
    async sums(planId: number, from: number, to: number, unitIds?: number[]) {
      let q = db
        .selectFrom('assessment_unit_months')
        .select(['unit_id', 'group_code', (eb) => eb.fn.sum<number>('points').as('points')])
        .where('plan_id', '=', planId)
        .where('month', '>=', from)
        .where('month', '<=', to)
        .groupBy(['unit_id', 'group_code']);
      if (unitIds) q = q.where('unit_id', 'in', unitIds);
      const rows = await q.execute();
      return rows.map((r) => ({ unitId: r.unit_id, group: r.group_code, points: Number(r.points) }));
    },

    async unitMonths(planId: number, unitIds?: number[]) {
      let q = db
        .selectFrom('assessment_unit_months')
        .select(['unit_id', 'group_code', 'month', 'points'])
        .where('plan_id', '=', planId)
        .orderBy('unit_id')
        .orderBy('month');
      if (unitIds) q = q.where('unit_id', 'in', unitIds);
      return q.execute();
    },
  };
}
export type ScoresRepo = ReturnType<typeof createScoresRepo>;

export const parseDocument = (row: Pick<PlanRow, 'document'>) => JSON.parse(row.document) as PlanDocument;
