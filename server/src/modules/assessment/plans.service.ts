// Assessment plans: create (from the 2018 template), copy to another year, edit the title and interview
// rule, change the rules (a new version; scores recomputed in the same transaction) and dry-run a change.
import {
  chinaDate,
  copyPlanDocument,
  DEFAULT_INTERVIEW_RULE,
  DEFAULT_PLAN_2018,
  groupOf,
  periodMonths,
  r2,
  offeredSubmissionKinds,
  rankUnits,
  scoredSubmissionKinds,
  validatePlanDocument,
  type DryRunResult,
  type InterviewRule,
  type OfferedSubmissionKinds,
  type Period,
  type PlanDetail,
  type PlanDocument,
  type PlanSummary,
} from '@greenvoice/common';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DB } from '../../db/database.ts';
import { repoRoot } from '../../paths.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { unitKind } from '../units/units.repo.ts';
import type { PlansRepo } from './plans.repo.ts';
import { parseDocument, type PlanRow, type ScoresRepo } from './scores.repo.ts';
import { evaluateUnits, rankedOf, type ScoringService } from './scoring.service.ts';

const presentSummary = (r: PlanRow): PlanSummary => ({
  id: r.id,
  ownerUnitId: r.owner_unit_id,
  ownerUnitName: r.owner_name,
  year: r.year,
  title: r.title,
  rulesVersion: r.rules_version,
  isDemo: r.is_demo === 1,
  version: r.version,
  updatedAt: r.updated_at,
});

/** A document the admin wrote: refused with every problem's JSON path, or returned typed. */
function checked(doc: unknown, year: number): PlanDocument {
  const errors = validatePlanDocument(doc, year);
  if (errors.length)
    throw new ApiError('VALIDATION_FAILED', errors, {
      zh: '考核规则有错误，未保存',
      en: 'The rules have errors; nothing was saved',
    });
  return doc as PlanDocument;
}

export function createPlansService({
  db,
  plansRepo,
  repo,
  scoring,
  audit,
  today = () => chinaDate(nowIso()),
}: {
  db: DB;
  plansRepo: PlansRepo;
  repo: ScoresRepo;
  scoring: ScoringService;
  audit: AuditService;
  /** today in China: which plan is the current one (tests fix it) */
  today?: () => string;
}) {
  async function visible(ctx: RequestContext, id: number) {
    const plan = await repo.planInScope(id, requireActor(ctx).scopePath);
    if (!plan) throw notFound();
    return plan;
  }

  /** The assessing bureau is the one whose tree the admin works in. */
  async function ownerOf(ctx: RequestContext) {
    const id = requireActor(ctx).bureauUnitId;
    const unit = await unitKind(db, id);
    if (!unit || (unit.kind !== 'cityBureau' && unit.kind !== 'province'))
      throw new ApiError('FORBIDDEN', undefined, {
        zh: '只有市局可以制定考核方案',
        en: 'Only a bureau can own a plan',
      });
    return unit.id;
  }

  async function detail(ctx: RequestContext, id: number): Promise<PlanDetail> {
    const plan = await visible(ctx, id);
    const versions = await plansRepo.versions(id);
    return {
      ...presentSummary(plan),
      document: JSON.parse(plan.document),
      interviewRule: JSON.parse(plan.interview_rule) as InterviewRule,
      versions: versions.map((v) => ({
        rulesVersion: v.rules_version,
        note: v.note,
        createdBy: v.created_by,
        createdAt: v.created_at,
      })),
    };
  }

  async function insertPlan(
    ctx: RequestContext,
    input: {
      year: number;
      title: string;
      document: PlanDocument;
      note: string;
      action: string;
      from?: number;
    },
  ) {
    const owner = await ownerOf(ctx);
    if (await plansRepo.existsForYear(owner, input.year))
      throw new ApiError('DUPLICATE', [
        { field: '/year', message: '该年度已有考核方案', messageEn: 'This year already has a plan' },
      ]);
    const at = nowIso();
    return audit.transact(ctx, async (trx, record) => {
      const id = await plansRepo.insert(trx, {
        owner_unit_id: owner,
        year: input.year,
        title: input.title.trim(),
        document: JSON.stringify(input.document),
        rules_version: 1,
        interview_rule: JSON.stringify(DEFAULT_INTERVIEW_RULE),
        created_at: at,
        updated_at: at,
      });
      await plansRepo.addVersion(trx, {
        plan_id: id,
        rules_version: 1,
        document: JSON.stringify(input.document),
        note: input.note,
        created_by: requireActor(ctx).personId,
        created_at: at,
      });
      await scoring.recompute(trx, (await repo.planById(id, trx))!, null);
      await record({
        action: input.action,
        objectType: 'assessmentPlan',
        objectId: id,
        detail: { year: input.year, title: input.title, from: input.from ?? null },
      });
      return id;
    });
  }

  const service = {
    detail,

    async list(ctx: RequestContext) {
      const rows = await repo.plansInScope(requireActor(ctx).scopePath);
      return { items: rows.map(presentSummary) };
    },

    async create(ctx: RequestContext, input: { year: number; title: string; document?: unknown }) {
      const document =
        input.document === undefined
          ? copyPlanDocument(DEFAULT_PLAN_2018, 2018, input.year)
          : checked(input.document, input.year);
      const id = await insertPlan(ctx, {
        ...input,
        document,
        note: input.document === undefined ? '由2018年默认模板创建' : '创建',
        action: 'plan.create',
      });
      return detail(ctx, id);
    },

    async copy(ctx: RequestContext, id: number, input: { year: number; title?: string }) {
      const source = await visible(ctx, id);
      const document = checked(copyPlanDocument(parseDocument(source), source.year, input.year), input.year);
      const title = input.title ?? source.title.replace(String(source.year), String(input.year));
      const newId = await insertPlan(ctx, {
        year: input.year,
        title,
        document,
        note: `复制自${source.year}年方案（第${source.rules_version}版）`,
        action: 'plan.copy',
        from: id,
      });
      return detail(ctx, newId);
    },

    async update(
      ctx: RequestContext,
      id: number,
      input: { version: number; title?: string; interviewRule?: InterviewRule },
    ) {
      const plan = await visible(ctx, id);
      if (plan.version !== input.version) throw conflict();
      await audit.transact(ctx, async (trx, record) => {
        const updated = await plansRepo.updateVersioned(trx, id, input.version, {
          title: input.title?.trim() ?? plan.title,
          interview_rule: input.interviewRule ? JSON.stringify(input.interviewRule) : plan.interview_rule,
          updated_at: nowIso(),
        });
        if (!updated) throw conflict();
        await record({
          action: 'plan.update',
          objectType: 'assessmentPlan',
          objectId: id,
          detail: {
            before: { title: plan.title, interviewRule: JSON.parse(plan.interview_rule) },
            after: { title: input.title, interviewRule: input.interviewRule },
          },
        });
      });
      return detail(ctx, id);
    },

    /**
     * The kinds the submission form offers the reader (decision 211): those the current plan of their
     * bureau — this year's, else the latest before it, else the first after — scores for their unit's
     * group; every kind when the bureau has no plan.
     */
    async offeredSubmissionKinds(ctx: RequestContext): Promise<OfferedSubmissionKinds> {
      const actor = requireActor(ctx);
      const thisYear = Number(today().slice(0, 4));
      const own = (await repo.plansInScope(actor.scopePath)).filter(
        (p) => p.owner_unit_id === actor.bureauUnitId,
      ); // newest year first
      const plan = own.find((p) => p.year <= thisYear) ?? own.at(-1);
      if (!plan) return { planId: null, year: null, kinds: offeredSubmissionKinds(null) };
      const unit = await unitKind(db, actor.unitId);
      return {
        planId: plan.id,
        year: plan.year,
        kinds: scoredSubmissionKinds(parseDocument(plan), unit?.kind ?? null),
      };
    },

    /** Refuses a document with every problem's path (400), as a save would. */
    check: (document: unknown, year: number) => checked(document, year),

    /** The rule documentation (docs/scoring-rules.md), served in the console beside the rule form. */
    async rulesDoc() {
      return { markdown: await readFile(path.join(repoRoot, 'docs/scoring-rules.md'), 'utf8') };
    },

    /** One saved rules version with its document (the console diffs it against the current one). */
    async version(ctx: RequestContext, id: number, rulesVersion: number) {
      await visible(ctx, id);
      const v = await plansRepo.version(id, rulesVersion);
      if (!v) throw notFound();
      return { rulesVersion: v.rules_version, note: v.note, document: JSON.parse(v.document) as unknown };
    },

    /** A saved version's rules become the newest version (a restore is a change like any other). */
    async restoreRules(ctx: RequestContext, id: number, rulesVersion: number, input: { version: number }) {
      const old = await service.version(ctx, id, rulesVersion);
      return service.changeRules(
        ctx,
        id,
        { version: input.version, document: old.document, note: `恢复第${rulesVersion}版` },
        'plan.rules.restore',
      );
    },

    /** Each unit's points in a period under `document` (not saved): what a published bulletin would read. */
    async periodTotals(ctx: RequestContext, id: number, document: unknown, period: Period) {
      const plan = await visible(ctx, id);
      const doc = checked(document, plan.year);
      const [from, to] = periodMonths(period)!;
      const units = await repo.unitsOf(plan, rankedOf(doc));
      const facts = await repo.facts(plan.owner_unit_id, plan.year, null);
      const totals = new Map<number, number>();
      for (const e of evaluateUnits(doc, plan.year, units, facts, scoring.lastMonth(plan)))
        totals.set(e.unitId, r2(e.months.slice(from - 1, to).reduce((sum, p) => sum + p, 0)));
      return totals;
    },

    /** A new rules version: saved, and every unit's score recomputed, in one transaction. */
    async changeRules(
      ctx: RequestContext,
      id: number,
      input: { version: number; document: unknown; note: string },
      action = 'plan.rules',
    ) {
      const plan = await visible(ctx, id);
      if (plan.version !== input.version) throw conflict();
      const document = checked(input.document, plan.year);
      const rulesVersion = plan.rules_version + 1;
      await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const updated = await plansRepo.updateVersioned(trx, id, input.version, {
          document: JSON.stringify(document),
          rules_version: rulesVersion,
          updated_at: at,
        });
        if (!updated) throw conflict();
        await plansRepo.addVersion(trx, {
          plan_id: id,
          rules_version: rulesVersion,
          document: JSON.stringify(document),
          note: input.note.trim(),
          created_by: requireActor(ctx).personId,
          created_at: at,
        });
        await scoring.recompute(trx, (await repo.planById(id, trx))!, null);
        await record({
          action,
          objectType: 'assessmentPlan',
          objectId: id,
          detail: { rulesVersion, note: input.note },
        });
      });
      return detail(ctx, id);
    },

    /** What a rules change would do to every unit's year score and rank; nothing is saved. */
    async dryRun(ctx: RequestContext, id: number, input: { document: unknown }): Promise<DryRunResult> {
      const plan = await visible(ctx, id);
      const next = checked(input.document, plan.year);
      const current = parseDocument(plan);
      const month = scoring.lastMonth(plan);
      const kinds = [...new Set([...rankedOf(current).kinds, ...rankedOf(next).kinds])];
      const units = await repo.unitsOf(plan, { kinds, notRanked: rankedOf(next).notRanked });
      const facts = await repo.facts(plan.owner_unit_id, plan.year, null);
      const score = (doc: PlanDocument) => {
        const totals = new Map(evaluateUnits(doc, plan.year, units, facts, month).map((e) => [e.unitId, e]));
        const ranks = new Map<number, number>();
        for (const g of doc.groups) {
          const rows = units
            .filter((u) => (g.unitKinds as string[]).includes(u.kind))
            .map((u) => ({ unitId: u.id, sortOrder: u.sort_order, points: totals.get(u.id)?.total ?? 0 }));
          for (const r of rankUnits(rows)) ranks.set(r.unitId, r.rank);
        }
        return { totals, ranks };
      };
      const before = score(current);
      const after = score(next);
      const rows = units.map((u) => {
        const b = r2(before.totals.get(u.id)?.total ?? 0);
        const a = r2(after.totals.get(u.id)?.total ?? 0);
        return {
          unitId: u.id,
          unitName: u.name,
          group: groupOf(next, u.kind)?.code ?? groupOf(current, u.kind)?.code ?? '',
          groupName: groupOf(next, u.kind)?.name ?? groupOf(current, u.kind)?.name ?? '',
          before: b,
          after: a,
          delta: r2(a - b),
          rankBefore: before.ranks.get(u.id) ?? 0,
          rankAfter: after.ranks.get(u.id) ?? 0,
        };
      });
      return { rows, changed: rows.filter((r) => r.delta !== 0 || r.rankBefore !== r.rankAfter).length };
    },
  };
  return service;
}
export type PlansService = ReturnType<typeof createPlansService>;
