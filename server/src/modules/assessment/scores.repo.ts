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

    /** Every plan's id, oldest first (scores:rebuild). */
    async planIds(): Promise<number[]> {
      const rows = await db.selectFrom('assessment_plans').select('id').orderBy('id').execute();
      return rows.map((r) => r.id);
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
    /** The units a plan ranks: of its groups' kinds, less those it names as not ranked (decision 131). */
    async unitsOf(
      plan: Pick<PlanRow, 'owner_path'>,
      who: UnitKind[] | { kinds: UnitKind[]; notRanked: string[] },
      q: Q = db,
    ): Promise<ScoredUnit[]> {
      const ranked = Array.isArray(who) ? { kinds: who, notRanked: [] } : who;
      if (!ranked.kinds.length) return [];
      let query = q
        .selectFrom('units')
        .select(['id', 'name', 'kind', 'sort_order'])
        .where(withinScope('path', plan.owner_path))
        .where('kind', 'in', ranked.kinds);
      if (ranked.notRanked.length) query = query.where('code', 'not in', ranked.notRanked);
      return query.orderBy('sort_order').orderBy('id').execute();
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
      // One round trip (decision 096): each fact crediting one of the units, once per unit it credits
      // (`other`: a joint fact's share depends on how many units it has). Found through the units' own
      // links alone (index assessment_fact_units_unit_year: unit, owner, date), so one unit's
      // recomputation reads only its facts of the year and neither database has to choose, from
      // statistics it may not have yet, between that index and the facts' own date index.
      const joined = await q
        .selectFrom('assessment_fact_units as mine')
        .innerJoin('assessment_facts', 'assessment_facts.id', 'mine.fact_id')
        .innerJoin('assessment_fact_units as other', 'other.fact_id', 'mine.fact_id')
        .select([...FACT_COLUMNS, 'other.unit_id as link_unit', 'other.position as link_position'])
        .where('mine.unit_id', 'in', unitIds)
        .where('mine.owner_unit_id', '=', ownerUnitId)
        .where('mine.fact_date', '>=', `${year}-01-01`)
        .where('mine.fact_date', '<=', `${year}-12-31`)
        .execute();
      const rows = new Map<number, FactRow>();
      const links = new Map<string, FactUnitRow>();
      for (const { link_unit, link_position, ...fact } of joined) {
        rows.set(fact.id, fact);
        links.set(`${fact.id}:${link_unit}`, {
          fact_id: fact.id,
          unit_id: link_unit,
          position: link_position,
        });
      }
      return toFacts([...rows.values()], [...links.values()]);
    },

    /**
     * Serialises recomputations of one plan across app servers (PostgreSQL); SQLite has one writer.
     * `derivedOnly`: the transaction writes nothing but scores and the claim of their stale marks, so on
     * PostgreSQL its commit need not wait for the WAL flush (`synchronous_commit = off` for this
     * transaction, set in the same round trip). A crash may lose such a commit, but only whole: the
     * marks it claimed come back with it and are recomputed at the next start (decisions 085, 096).
     */
    async lockPlan(trx: Transaction<Database>, planId: number, derivedOnly = false) {
      if (dialect !== 'postgres') return;
      if (derivedOnly)
        await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), ${planId}), set_config('synchronous_commit', 'off', true)`.execute(
          trx,
        );
      else await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), ${planId})`.execute(trx);
    },

    /** Replaces the stored scores of these units with their new evaluations. */
    async writeScores(
      trx: Transaction<Database>,
      planId: number,
      unitIds: number[],
      evaluations: UnitEvaluation[],
    ) {
      // On PostgreSQL the two DELETEs (and below the two INSERTs of one batch) go as one statement each,
      // through a data-modifying WITH: each round trip there costs about as much as the statement
      // (decision 096). SQLite runs in the process, where a statement costs no round trip.
      if (unitIds.length && dialect === 'postgres')
        await trx
          .with('months', (w) =>
            w
              .deleteFrom('assessment_unit_months')
              .where('plan_id', '=', planId)
              .where('unit_id', 'in', unitIds),
          )
          .deleteFrom('assessment_item_months')
          .where('plan_id', '=', planId)
          .where('unit_id', 'in', unitIds)
          .execute();
      else if (unitIds.length) {
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
      if (dialect === 'postgres' && months.length && items.length && months.length + items.length <= 500) {
        await trx
          .with('months', (w) => w.insertInto('assessment_unit_months').values(months))
          .insertInto('assessment_item_months')
          .values(items)
          .execute();
        return;
      }
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

    /**
     * The units a plan assesses (as `unitsOf`) with their points over a range of months, in one round
     * trip (decision 096): a unit without stored months has 0.
     */
    async unitsWithPoints(
      plan: Pick<PlanRow, 'id' | 'owner_path'>,
      who: { kinds: UnitKind[]; notRanked: string[] },
      from: number,
      to: number,
    ): Promise<Array<ScoredUnit & { points: number }>> {
      if (!who.kinds.length) return [];
      let query = db
        .selectFrom('units')
        .leftJoin(
          (eb) =>
            eb
              .selectFrom('assessment_unit_months')
              .select(['unit_id', (e) => e.fn.sum<number>('points').as('points')])
              .where('plan_id', '=', plan.id)
              .where('month', '>=', from)
              .where('month', '<=', to)
              .groupBy('unit_id')
              .as('s'),
          (join) => join.onRef('s.unit_id', '=', 'units.id'),
        )
        .select(['units.id', 'units.name', 'units.kind', 'units.sort_order', 's.points'])
        .where(withinScope('units.path', plan.owner_path))
        .where('units.kind', 'in', who.kinds);
      if (who.notRanked.length) query = query.where('units.code', 'not in', who.notRanked);
      const rows = await query.orderBy('units.sort_order').orderBy('units.id').execute();
      return rows.map((r) => ({ ...r, points: Number(r.points ?? 0) }));
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
