// Assessment plans: create (from the 2018 template), copy to another year, edit the title and interview
// rule, change the rules (a new version; scores recomputed in the same transaction) and dry-run a change.
import {
  copyPlanDocument,
  DEFAULT_INTERVIEW_RULE,
  DEFAULT_PLAN_2018,
  groupOf,
  r2,
  rankUnits,
  validatePlanDocument,
  type DryRunResult,
  type InterviewRule,
  type PlanDetail,
  type PlanDocument,
  type PlanSummary,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { parseDocument, type PlanRow, type ScoresRepo } from './scores.repo.ts';
import { evaluateUnits, kindsOf, type ScoringService } from './scoring.service.ts';

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
  repo,
  scoring,
  audit,
}: {
  db: DB;
  repo: ScoresRepo;
  scoring: ScoringService;
  audit: AuditService;
}) {
  async function visible(ctx: RequestContext, id: number) {
    const plan = await repo.planInScope(id, requireActor(ctx).scopePath);
    if (!plan) throw notFound();
    return plan;
  }

  /** The assessing bureau is the one whose tree the admin works in. */
  async function ownerOf(ctx: RequestContext) {
    const id = requireActor(ctx).bureauUnitId;
    const unit = await db.selectFrom('units').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
    if (!unit || (unit.kind !== 'cityBureau' && unit.kind !== 'province'))
      throw new ApiError('FORBIDDEN', undefined, {
        zh: '只有市局可以制定考核方案',
        en: 'Only a bureau can own a plan',
      });
    return unit.id;
  }

  async function detail(ctx: RequestContext, id: number): Promise<PlanDetail> {
    const plan = await visible(ctx, id);
    const versions = await db
      .selectFrom('assessment_plan_versions')
      .leftJoin('people', 'people.id', 'assessment_plan_versions.created_by')
      .select(['rules_version', 'note', 'people.name as created_by', 'assessment_plan_versions.created_at'])
      .where('plan_id', '=', id)
      .orderBy('rules_version', 'desc')
      .execute();
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
    const existing = await db
      .selectFrom('assessment_plans')
      .select('id')
      .where('owner_unit_id', '=', owner)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (existing)
      throw new ApiError('DUPLICATE', [
        { field: '/year', message: '该年度已有考核方案', messageEn: 'This year already has a plan' },
      ]);
    const at = nowIso();
    return audit.transact(ctx, async (trx, record) => {
      const { id } = await trx
        .insertInto('assessment_plans')
        .values({
          owner_unit_id: owner,
          year: input.year,
          title: input.title.trim(),
          document: JSON.stringify(input.document),
          rules_version: 1,
          interview_rule: JSON.stringify(DEFAULT_INTERVIEW_RULE),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('assessment_plan_versions')
        .values({
          plan_id: id,
          rules_version: 1,
          document: JSON.stringify(input.document),
          note: input.note,
          created_by: requireActor(ctx).personId,
          created_at: at,
        })
        .execute();
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

  return {
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
        const res = await trx
          .updateTable('assessment_plans')
          .set({
            title: input.title?.trim() ?? plan.title,
            interview_rule: input.interviewRule ? JSON.stringify(input.interviewRule) : plan.interview_rule,
            version: plan.version + 1,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw conflict();
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

    /** A new rules version: saved, and every unit's score recomputed, in one transaction. */
    async changeRules(
      ctx: RequestContext,
      id: number,
      input: { version: number; document: unknown; note: string },
    ) {
      const plan = await visible(ctx, id);
      if (plan.version !== input.version) throw conflict();
      const document = checked(input.document, plan.year);
      const rulesVersion = plan.rules_version + 1;
      await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const res = await trx
          .updateTable('assessment_plans')
          .set({
            document: JSON.stringify(document),
            rules_version: rulesVersion,
            version: plan.version + 1,
            updated_at: at,
          })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw conflict();
        await trx
          .insertInto('assessment_plan_versions')
          .values({
            plan_id: id,
            rules_version: rulesVersion,
            document: JSON.stringify(document),
            note: input.note.trim(),
            created_by: requireActor(ctx).personId,
            created_at: at,
          })
          .execute();
        await scoring.recompute(trx, (await repo.planById(id, trx))!, null);
        await record({
          action: 'plan.rules',
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
      const kinds = [...new Set([...kindsOf(current), ...kindsOf(next)])];
      const units = await repo.unitsOf(plan, kinds);
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
}
export type PlansService = ReturnType<typeof createPlansService>;
