// The interview list (约谈名单): units "long at the bottom" by the plan's configurable rule are computed
// from the monthly and yearly rankings; leadership confirms each one, which records it (audited) and
// issues an interview notice in official-document layout.
import {
  chinaDate,
  chineseDate,
  interviewCandidates,
  type InterviewList,
  type MonthRanks,
  type PlanDetail,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { PlansService } from '../assessment/plans.service.ts';
import type { RankingsService } from '../assessment/rankings.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { renderOfficialDocument } from '../bulletins/official-document-on-demand.ts';
import { takeDocumentNumber } from '../bulletins/document-numbers.repo.ts';

type Office = { issuer: string; docPrefix: string; printedBy: string };
const officeOf = (plan: PlanDetail): Office =>
  (plan.document as { office?: Office }).office ?? {
    issuer: plan.ownerUnitName,
    docPrefix: '通知',
    printedBy: `${plan.ownerUnitName}办公室`,
  };
const noticeNumber = (plan: PlanDetail, n: number) => `${officeOf(plan).docPrefix}谈〔${plan.year}〕${n}号`;

export function createInterviewsService({
  db,
  plans,
  rankings,
  audit,
}: {
  db: DB;
  plans: PlansService;
  rankings: RankingsService;
  audit: AuditService;
}) {
  async function candidates(ctx: RequestContext, plan: PlanDetail) {
    const [trend, year] = await Promise.all([
      rankings.trend(ctx, plan.id, {}),
      rankings.ranking(ctx, plan.id, { period: 'year' }),
    ]);
    const out = [];
    for (const g of year.groups) {
      const series = trend.series.filter((s) => s.group === g.code);
      const monthly: MonthRanks[] = trend.months.map((m, i) => ({
        month: m,
        size: series.length,
        ranks: new Map(series.map((s) => [s.unitId, s.ranks[i]!])),
      }));
      const yearRanks = {
        ranks: new Map(g.rows.map((r) => [r.unitId, r.rank])),
        size: g.size,
        complete: year.lastMonth === 12,
      };
      for (const c of interviewCandidates(plan.interviewRule, monthly, yearRanks))
        out.push({ ...c, unitName: g.rows.find((r) => r.unitId === c.unitId)!.unitName, group: g.name });
    }
    return out;
  }

  const confirmedRows = (planId: number) =>
    db
      .selectFrom('interviews')
      .innerJoin('units', 'units.id', 'interviews.unit_id')
      .innerJoin('people', 'people.id', 'interviews.confirmed_by')
      .select([
        'interviews.id',
        'interviews.unit_id',
        'units.name as unit_name',
        'interviews.reason',
        'interviews.doc_number',
        'people.name as confirmed_by',
        'interviews.confirmed_at',
      ])
      .where('interviews.plan_id', '=', planId)
      .orderBy('interviews.id')
      .execute();

  return {
    async list(ctx: RequestContext, planId: number): Promise<InterviewList> {
      const plan = await plans.detail(ctx, planId);
      const confirmed = await confirmedRows(plan.id);
      const byUnit = new Map(confirmed.map((c) => [c.unit_id, c.id]));
      return {
        planId: plan.id,
        rule: plan.interviewRule,
        candidates: (await candidates(ctx, plan)).map((c) => ({
          unitId: c.unitId,
          unitName: c.unitName,
          group: c.group,
          months: c.months,
          lastForYear: c.lastForYear,
          reason: c.zh,
          reasonEn: c.en,
          interviewId: byUnit.get(c.unitId) ?? null,
        })),
        confirmed: confirmed.map((c) => ({
          id: c.id,
          unitId: c.unit_id,
          unitName: c.unit_name,
          reason: c.reason,
          docNumber: noticeNumber(plan, c.doc_number),
          confirmedBy: c.confirmed_by,
          confirmedAt: c.confirmed_at,
        })),
      };
    },

    async confirm(ctx: RequestContext, planId: number, unitId: number) {
      const plan = await plans.detail(ctx, planId);
      const candidate = (await candidates(ctx, plan)).find((c) => c.unitId === unitId);
      if (!candidate)
        throw new ApiError('UNPROCESSABLE', [
          {
            field: '/unitId',
            message: '该单位不在约谈名单上',
            messageEn: 'This unit is not on the interview list',
          },
        ]);
      const exists = await db
        .selectFrom('interviews')
        .select('id')
        .where('plan_id', '=', plan.id)
        .where('unit_id', '=', unitId)
        .executeTakeFirst();
      if (exists)
        throw new ApiError('DUPLICATE', [
          { field: '/unitId', message: '已确认约谈该单位', messageEn: 'This interview is already confirmed' },
        ]);
      await audit.transact(ctx, async (trx, record) => {
        const docNumber = await takeDocumentNumber(trx, `interview:${plan.id}`);
        const { id } = await trx
          .insertInto('interviews')
          .values({
            plan_id: plan.id,
            unit_id: unitId,
            basis: JSON.stringify({
              months: candidate.months,
              lastForYear: candidate.lastForYear,
              rule: plan.interviewRule,
            }),
            reason: candidate.zh,
            doc_number: docNumber,
            confirmed_by: requireActor(ctx).personId,
            confirmed_at: nowIso(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await record({
          action: 'interview.confirm',
          objectType: 'interview',
          objectId: id,
          detail: { planId: plan.id, unitId, unitName: candidate.unitName, reason: candidate.zh },
        });
      });
      return this.list(ctx, planId);
    },

    async notice(ctx: RequestContext, id: number) {
      const row = await db
        .selectFrom('interviews')
        .innerJoin('units', 'units.id', 'interviews.unit_id')
        .select([
          'interviews.plan_id',
          'interviews.reason',
          'interviews.doc_number',
          'interviews.confirmed_at',
          'units.name as unit_name',
        ])
        .where('interviews.id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound();
      const plan = await plans.detail(ctx, row.plan_id);
      const office = officeOf(plan);
      const docNumber = noticeNumber(plan, row.doc_number);
      const title = `关于约谈${row.unit_name}主要负责人的通知`;
      const body = await renderOfficialDocument({
        issuer: office.issuer,
        docNumber,
        title,
        addressee: `${row.unit_name}：`,
        body: [
          `根据《${plan.title}》关于“对长期排名靠后的单位，由党组书记、局长约谈其主要负责人”的规定，经局领导研究确认，你单位${row.reason}。`,
          '现决定对你单位主要负责人进行约谈。请你单位主要负责人和分管领导按通知的时间到市局接受约谈，并提前准备书面情况说明，内容包括排名靠后的原因分析、存在的问题和整改措施。',
          '请你单位高度重视，认真落实整改，切实提升环境信息宣传工作水平。',
        ],
        date: chineseDate(chinaDate(row.confirmed_at)),
        printedBy: office.printedBy,
      });
      return { body, filename: `${docNumber}${title}.docx` };
    },
  };
}
export type InterviewsService = ReturnType<typeof createInterviewsService>;
