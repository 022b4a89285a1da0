// Keeps the stored scores equal to what the engine computes from the facts. An approval marks the
// unit-years its facts change stale inside its own transaction (markStale); once it has committed only
// those units are recomputed (afterCommit), and marks a dead process left behind are picked up on start,
// by the scheduled job and before any ranking is read (decision 085). A rules change or
// `npm run scores:rebuild` recomputes a whole plan with the same function, so both give identical numbers.
import type { Transaction } from 'kysely';
import {
  chinaDate,
  evaluateUnit,
  groupOf,
  lastMonthOf,
  type AssessmentFact,
  type PlanDocument,
  type UnitEvaluation,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { FactsChange } from '../facts/facts.repo.ts';
import type { ScoreStaleRepo } from './score-stale.repo.ts';
import { parseDocument, type PlanRow, type ScoredUnit, type ScoresRepo } from './scores.repo.ts';

export interface ScoringDeps {
  db: DB;
  scores: ScoresRepo;
  stale: ScoreStaleRepo;
  /** where a failed recompute after commit is reported (its marks stay for the job) */
  log?: { error(o: object, m: string): void };
  /** today in China, for which months count (tests and the bench fix it) */
  today?: () => string;
}

/** What the approval side needs of the scores: a mark inside its transaction, a recompute after it. */
export interface ScoresHandOff {
  markStale(trx: Transaction<Database>, change: FactsChange): Promise<void>;
  afterCommit(changes: FactsChange[]): Promise<void>;
}

const yearsOf = (dates: string[]) => [...new Set(dates.map((d) => Number(d.slice(0, 4))))];

export function evaluateUnits(
  doc: PlanDocument,
  year: number,
  units: ScoredUnit[],
  facts: AssessmentFact[],
  lastMonth: number,
): UnitEvaluation[] {
  // one pass to give each unit its own facts: a plan-wide rebuild stays linear in the facts
  const byUnit = new Map<number, AssessmentFact[]>();
  for (const f of facts)
    for (const id of f.unitIds) {
      const list = byUnit.get(id);
      if (list) list.push(f);
      else byUnit.set(id, [f]);
    }
  return units.flatMap((u) => {
    const group = groupOf(doc, u.kind);
    return group
      ? [evaluateUnit(doc, { id: u.id, group: group.code }, byUnit.get(u.id) ?? [], { year, lastMonth })]
      : [];
  });
}

const uniqueYears = (of: Array<{ ownerUnitId: number; year: number }>) => [
  ...new Map(of.map((o) => [`${o.ownerUnitId}:${o.year}`, o])).values(),
];

/** Whom a plan ranks: its groups' unit kinds, less the units it names as not ranked (decision 131). */
export const rankedOf = (doc: PlanDocument) => ({
  kinds: doc.groups.flatMap((g) => g.unitKinds),
  notRanked: doc.notRanked ?? [],
});

export function createScoringService(deps: ScoringDeps) {
  const { db, scores: repo, stale } = deps;
  const today = deps.today ?? (() => chinaDate(nowIso()));
  const lastMonth = (plan: Pick<PlanRow, 'year'>) => lastMonthOf(plan.year, today());

  /**
   * Recomputes the given units (all of the plan's when null) inside the caller's transaction, under the
   * plan's lock. A whole plan catches up with every stale mark of its bureau-year.
   */
  async function recompute(
    trx: Transaction<Database>,
    plan: PlanRow,
    unitIds: number[] | null,
    doc = parseDocument(plan),
  ) {
    await repo.lockPlan(trx, plan.id);
    if (!unitIds) await stale.claim(trx, plan.owner_unit_id, plan.year);
    await rewrite(trx, plan, unitIds, doc);
  }

  /** Evaluates the units and replaces their stored scores; the caller holds the plan's lock. */
  async function rewrite(
    trx: Transaction<Database>,
    plan: PlanRow,
    unitIds: number[] | null,
    doc: PlanDocument,
  ) {
    const all = await repo.unitsOf(plan, rankedOf(doc), trx);
    const units = unitIds ? all.filter((u) => unitIds.includes(u.id)) : all;
    const facts = await repo.facts(
      plan.owner_unit_id,
      plan.year,
      unitIds ? units.map((u) => u.id) : null,
      trx,
    );
    const month = lastMonth(plan);
    const evaluations = evaluateUnits(doc, plan.year, units, facts, month);
    if (unitIds)
      await repo.writeScores(
        trx,
        plan.id,
        units.map((u) => u.id),
        evaluations,
      );
    else {
      await repo.clearScores(trx, plan.id);
      await repo.writeScores(trx, plan.id, [], evaluations);
      await repo.setState(trx, plan.id, plan.rules_version, month, nowIso());
    }
  }

  /**
   * Recomputes the marked unit-years (every mark, or those of the given bureaus' years): each bureau-year
   * in one transaction that claims (deletes) its marks under the plans' lock and rewrites those units'
   * scores — a failure rolls the claim back. Safe on several servers at once. Returns the units caught up.
   */
  async function recomputeStale(of?: Array<{ ownerUnitId: number; year: number }>): Promise<number> {
    const years = of
      ? uniqueYears(of)
      : (await stale.years()).map((y) => ({ ownerUnitId: y.owner_unit_id, year: y.year }));
    let caughtUp = 0;
    for (const { ownerUnitId, year } of years) {
      const plans = await repo.plansOfOwner(ownerUnitId, [year]);
      caughtUp += await db.transaction().execute(async (trx) => {
        // scores and marks only: the commit need not wait for the disk (decision 096)
        for (const plan of plans) await repo.lockPlan(trx, plan.id, true);
        const unitIds = await stale.claim(trx, ownerUnitId, year);
        if (unitIds.length) for (const plan of plans) await rewrite(trx, plan, unitIds, parseDocument(plan));
        return unitIds.length;
      });
    }
    return caughtUp;
  }

  async function rebuildPlan(planId: number) {
    await db.transaction().execute(async (trx) => {
      const plan = await repo.planById(planId, trx);
      if (!plan) return;
      await repo.lockPlan(trx, plan.id, true); // its own transaction: scores only (decision 096)
      await recompute(trx, plan, null);
    });
  }

  return {
    recompute,
    rebuildPlan,
    lastMonth,

    async rebuildAll(): Promise<number> {
      const ids = await repo.planIds();
      for (const id of ids) await rebuildPlan(id);
      return ids.length;
    },

    recomputeStale,

    /** Inside the approval's (or withdrawal's) transaction: the unit-years whose scores it changes. */
    async markStale(trx: Transaction<Database>, change: FactsChange) {
      await stale.mark(trx, change.ownerUnitId, yearsOf(change.dates), [...new Set(change.unitIds)]);
    },

    /**
     * After the approval has committed: recomputes what it marked. A failure is logged, not thrown — the
     * committed review stands, and its marks stay for the job or the next ranking read.
     */
    async afterCommit(changes: FactsChange[]) {
      try {
        await recomputeStale(
          changes.flatMap((c) => yearsOf(c.dates).map((year) => ({ ownerUnitId: c.ownerUnitId, year }))),
        );
      } catch (err) {
        deps.log?.error({ err }, 'recompute after approval failed; the stale marks stay for the job');
      }
    },

    /**
     * Before a ranking is read (bulletins, interviews, the console): stored scores computed with older
     * rules or before the current month began are rebuilt, and stale unit-years recomputed.
     */
    async ensureFresh(plan: PlanRow) {
      const { state, stale: marked } = await stale.freshness(plan.id, plan.owner_unit_id, plan.year);
      if (!state || state.rules_version !== plan.rules_version || state.last_month !== lastMonth(plan))
        await rebuildPlan(plan.id);
      else if (marked) await recomputeStale([{ ownerUnitId: plan.owner_unit_id, year: plan.year }]);
    },
  };
}
export type ScoringService = ReturnType<typeof createScoringService>;
