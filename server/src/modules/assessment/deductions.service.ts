// Negative-list deductions (负面清单: 信息差错, 迟报漏报, criticism …) recorded by the information centre
// with the reason and the evidence, audited. Each one is an assessment fact of kind 'negative' written in
// the same transaction, so the score explanation shows it line by line (decision 132).
import { groupOf, type Deduction, type PlanDocument } from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { FactsRepo } from '../facts/facts.repo.ts';
import type { DeductionRow, DeductionsRepo } from './deductions.repo.ts';
import { parseDocument, type ScoresRepo } from './scores.repo.ts';
import { rankedOf, type ScoringService } from './scoring.service.ts';

const SOURCE = 'deduction';

export function createDeductionsService(deps: {
  repo: DeductionsRepo;
  scores: ScoresRepo;
  facts: FactsRepo;
  scoring: Pick<ScoringService, 'markStale' | 'afterCommit'>;
  audit: AuditService;
}) {
  const { repo, scores, facts, scoring, audit } = deps;

  async function visiblePlan(ctx: RequestContext, id: number) {
    const plan = await scores.planInScope(id, requireActor(ctx).scopePath);
    if (!plan) throw notFound();
    return { plan, doc: parseDocument(plan) };
  }

  const present = (r: DeductionRow, doc: PlanDocument): Deduction => {
    const entry = doc.negativeList.find((n) => n.code === r.negative_code);
    return {
      id: r.id,
      planId: r.plan_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      code: r.negative_code,
      name: entry?.name ?? r.negative_code,
      points: entry?.points ?? 0,
      date: r.fact_date,
      reason: r.reason,
      evidence: r.evidence,
      recordedBy: r.recorded_by_name,
      recordedAt: r.recorded_at,
    };
  };

  const field = (f: string, zh: string, en: string) =>
    new ApiError('UNPROCESSABLE', [{ field: f, message: zh, messageEn: en }]);

  return {
    async list(ctx: RequestContext, planId: number) {
      const actor = requireActor(ctx);
      const { plan, doc } = await visiblePlan(ctx, planId);
      const rows = await repo.list(plan.id, actor.scope === 'unit' ? actor.unitId : null);
      return { items: rows.map((r) => present(r, doc)), negativeList: doc.negativeList };
    },

    async create(
      ctx: RequestContext,
      planId: number,
      input: { unitId: number; code: string; date: string; reason: string; evidence: string },
    ) {
      const actor = requireActor(ctx);
      const { plan, doc } = await visiblePlan(ctx, planId);
      const unit = (await scores.unitsOf(plan, rankedOf(doc))).find((u) => u.id === input.unitId);
      if (!unit) throw field('/unitId', '该单位不参加本方案排名', 'This unit is not ranked by the plan');
      const entry = doc.negativeList.find((n) => n.code === input.code);
      if (!entry)
        throw field('/code', '方案的负面清单中没有这一项', "The plan's negative list has no such item");
      const group = groupOf(doc, unit.kind)?.code;
      if (entry.groups && (!group || !entry.groups.includes(group)))
        throw field('/code', '这一项不适用于该单位所在的组', "This item does not apply to the unit's group");
      if (!input.date.startsWith(`${plan.year}-`))
        throw field('/date', `日期应在 ${plan.year} 年内`, `The date must be in ${plan.year}`);
      const at = nowIso();
      let change = null;
      const id = await audit.transact(ctx, async (trx, record) => {
        const id = await repo.insert(trx, {
          plan_id: plan.id,
          unit_id: unit.id,
          negative_code: entry.code,
          fact_date: input.date,
          reason: input.reason.trim(),
          evidence: input.evidence.trim(),
          recorded_by: actor.personId,
          recorded_at: at,
        });
        change = await facts.upsertBySource(
          trx,
          { source: SOURCE, sourceId: id },
          {
            ownerUnitId: plan.owner_unit_id,
            kind: 'negative',
            date: input.date,
            unitIds: [unit.id],
            outletLevel: null,
            outletMedium: null,
            adoptionLevel: null,
            leaderInstruction: null,
            activityType: null,
            awardRank: null,
            quantity: null,
            negativeCode: entry.code,
            themes: [],
            title: `${input.reason.trim()}（依据：${input.evidence.trim()}）`,
          },
        );
        await scoring.markStale(trx, change);
        await record({
          action: 'deduction.create',
          objectType: 'deduction',
          objectId: id,
          detail: { planId: plan.id, unitName: unit.name, points: entry.points, ...input },
        });
        return id;
      });
      if (change) await scoring.afterCommit([change]);
      return present((await repo.find(id))!, doc);
    },

    /** a deduction recorded in error: gone with its fact, audited with what it was */
    async remove(ctx: RequestContext, id: number, reason: string) {
      const row = await repo.find(id);
      if (!row) throw notFound();
      const { doc } = await visiblePlan(ctx, row.plan_id);
      let change = null;
      await audit.transact(ctx, async (trx, record) => {
        await repo.remove(trx, id);
        change = await facts.deleteBySource(trx, { source: SOURCE, sourceId: id });
        if (change) await scoring.markStale(trx, change);
        await record({
          action: 'deduction.delete',
          objectType: 'deduction',
          objectId: id,
          detail: { ...present(row, doc), deleteReason: reason },
        });
      });
      if (change) await scoring.afterCommit([change]);
    },
  };
}
export type DeductionsService = ReturnType<typeof createDeductionsService>;
