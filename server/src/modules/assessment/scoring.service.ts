// Keeps the stored scores equal to what the engine computes from the facts. After an approval, only the
// units the fact credits are recomputed (onFactsChanged); a rules change or `npm run scores:rebuild`
// recomputes a whole plan with the same function, so both give identical numbers.
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
import { parseDocument, type PlanRow, type ScoredUnit, type ScoresRepo } from './scores.repo.ts';

export interface FactsChange {
  ownerUnitId: number;
  unitIds: number[];
  dates: string[];
}

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

export const kindsOf = (doc: PlanDocument) => doc.groups.flatMap((g) => g.unitKinds);

export function createScoringService(
  db: DB,
  repo: ScoresRepo,
  today: () => string = () => chinaDate(nowIso()),
) {
  const lastMonth = (plan: Pick<PlanRow, 'year'>) => lastMonthOf(plan.year, today());

  /** Recomputes the given units (all of the plan's when null) inside the caller's transaction. */
  async function recompute(
    trx: Transaction<Database>,
    plan: PlanRow,
    unitIds: number[] | null,
    doc = parseDocument(plan),
  ) {
    await repo.lockPlan(trx, plan.id);
    const all = await repo.unitsOf(plan, kindsOf(doc), trx);
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

  async function rebuildPlan(planId: number) {
    await db.transaction().execute(async (trx) => {
      const plan = await repo.planById(planId, trx);
      if (plan) await recompute(trx, plan, null);
    });
  }

  return {
    recompute,
    rebuildPlan,
    lastMonth,

    async rebuildAll(): Promise<number> {
      const ids = await db.selectFrom('assessment_plans').select('id').orderBy('id').execute();
      for (const { id } of ids) await rebuildPlan(id);
      return ids.length;
    },

    /**
     * Called by the submissions service after an approval (or a withdrawal) has committed: recomputes the
     * credited units in the plans of the years the facts fall in.
     */
    async onFactsChanged(change: FactsChange): Promise<void> {
      const years = [...new Set(change.dates.map((d) => Number(d.slice(0, 4))))];
      const plans = await repo.plansOfOwner(change.ownerUnitId, years);
      const unitIds = [...new Set(change.unitIds)];
      for (const plan of plans) await db.transaction().execute((trx) => recompute(trx, plan, unitIds));
    },

    /** Stored scores computed with older rules, or before the current month began, are rebuilt first. */
    async ensureFresh(plan: PlanRow) {
      const state = await repo.state(plan.id);
      if (!state || state.rules_version !== plan.rules_version || state.last_month !== lastMonth(plan))
        await rebuildPlan(plan.id);
    },
  };
}
export type ScoringService = ReturnType<typeof createScoringService>;
