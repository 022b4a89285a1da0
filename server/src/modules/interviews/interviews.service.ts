// The interview list (约谈名单): units "long at the bottom" by the plan's configurable rule are computed
// from the monthly rankings (decision 136); leadership confirms one with the date, time, place and
// interviewer, which issues the notice in official-document layout; a confirmed interview can be
// withdrawn, its minutes and the rectification follow-up recorded (decision 134). Every step is audited.
import {
  chinaDate,
  chineseDate,
  interviewList,
  type Interview,
  type InterviewList,
  type MonthPoints,
  type PlanDetail,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, forbidden, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { PlansService } from '../assessment/plans.service.ts';
import type { RankingsService } from '../assessment/rankings.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { exportList, type ExportLang } from '../../spreadsheets/xlsx-export.ts';
import { INTERVIEW_EXPORT_COLUMNS, interviewExportRows } from './interview-export.ts';
import { renderOfficialDocument } from '../bulletins/official-document-on-demand.ts';
import { takeDocumentNumber } from '../bulletins/document-numbers.repo.ts';
import { noticeNumberOf, officeOf } from '../bulletins/office.ts';
import type { InterviewRow, InterviewsRepo } from './interviews.repo.ts';

const WEEKDAYS = '日一二三四五六';

export function createInterviewsService({
  repo,
  plans,
  rankings,
  audit,
}: {
  repo: InterviewsRepo;
  plans: PlansService;
  rankings: RankingsService;
  audit: AuditService;
}) {
  async function computeList(ctx: RequestContext, plan: PlanDetail) {
    const [trend, year] = await Promise.all([
      rankings.trend(ctx, plan.id, {}),
      rankings.ranking(ctx, plan.id, { period: 'year' }),
    ]);
    const candidates = [];
    const silent = [];
    for (const g of year.groups) {
      const series = trend.series.filter((s) => s.group === g.code);
      const monthly: MonthPoints[] = trend.months.map((m, i) => ({
        month: m,
        points: new Map(series.map((s) => [s.unitId, s.monthly[i]!])),
      }));
      const nameOf = (id: number) => g.rows.find((r) => r.unitId === id)!.unitName;
      const out = interviewList(plan.interviewRule, monthly, year.lastMonth === 12);
      for (const c of out.candidates) candidates.push({ ...c, unitName: nameOf(c.unitId), group: g.name });
      for (const s of out.silent) silent.push({ ...s, unitName: nameOf(s.unitId), group: g.name });
    }
    return { candidates, silent };
  }

  const present = (r: InterviewRow, plan: PlanDetail): Interview => ({
    id: r.id,
    planId: r.plan_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    reason: r.reason,
    docNumber: noticeNumberOf(plan, r.doc_number),
    status: r.status,
    confirmedBy: r.confirmed_by_name,
    confirmedAt: r.confirmed_at,
    date: r.interview_date,
    time: r.interview_time,
    place: r.place,
    interviewer: r.interviewer,
    withdrawnReason: r.withdrawn_reason,
    heldOn: r.held_on,
    minutes: r.minutes,
    rectification: r.rectification,
    rectificationDue: r.rectification_due,
    rectifiedOn: r.rectified_on,
    version: r.version,
  });

  /** the interview, if the actor may see it: staff of the plan's bureau, or the interviewed unit itself */
  async function visible(ctx: RequestContext, id: number) {
    const actor = requireActor(ctx);
    const row = await repo.find(id);
    if (!row) throw notFound();
    const staff = actor.permissions.has('interviews:read');
    const ownUnit = actor.permissions.has('interviews:own') && actor.unitId === row.unit_id;
    if (!staff && !(ownUnit && row.status !== 'withdrawn')) throw notFound();
    const plan = await plans.detail(ctx, row.plan_id);
    return { row, plan };
  }

  const refuse = (zh: string, en: string) => new ApiError('UNPROCESSABLE', undefined, { zh, en });

  async function step(
    ctx: RequestContext,
    id: number,
    version: number,
    from: Interview['status'][],
    action: string,
    set: Parameters<InterviewsRepo['update']>[3],
    detail: Record<string, unknown>,
  ) {
    if (!requireActor(ctx).permissions.has('interviews:confirm')) throw forbidden();
    const { row, plan } = await visible(ctx, id);
    if (row.version !== version) throw conflict();
    if (!from.includes(row.status))
      throw refuse(
        `约谈当前状态为“${STATUS_ZH[row.status]}”，不能执行该操作`,
        `The interview is ${row.status}`,
      );
    await audit.transact(ctx, async (trx, record) => {
      if (!(await repo.update(trx, id, version, set))) throw conflict();
      await record({
        action: `interview.${action}`,
        objectType: 'interview',
        objectId: id,
        detail: { unitName: row.unit_name, from: row.status, ...detail },
      });
    });
    return present((await repo.find(id))!, plan);
  }

  async function list(ctx: RequestContext, planId: number): Promise<InterviewList> {
    const plan = await plans.detail(ctx, planId);
    const confirmed = await repo.byPlan(plan.id);
    const live = new Map(confirmed.filter((c) => c.status !== 'withdrawn').map((c) => [c.unit_id, c.id]));
    const { candidates, silent } = await computeList(ctx, plan);
    return {
      planId: plan.id,
      rule: plan.interviewRule,
      candidates: candidates.map((c) => ({
        unitId: c.unitId,
        unitName: c.unitName,
        group: c.group,
        months: c.months,
        lastForYear: c.lastForYear,
        reason: c.zh,
        reasonEn: c.en,
        interviewId: live.get(c.unitId) ?? null,
      })),
      silent: silent.map((s) => ({
        unitId: s.unitId,
        unitName: s.unitName,
        group: s.group,
        months: s.months,
        reason: s.zh,
        reasonEn: s.en,
      })),
      confirmed: confirmed.map((c) => present(c, plan)),
    };
  }

  const service = {
    /** The interview list as .xlsx (decision 126). */
    async exportXlsx(ctx: RequestContext, planId: number, lang?: ExportLang) {
      const list = await service.list(ctx, planId);
      return exportList(
        audit,
        ctx,
        'interviews',
        { planId },
        {
          sheet: { zh: '约谈名单', en: 'Interviews' },
          columns: INTERVIEW_EXPORT_COLUMNS,
          rows: interviewExportRows(list),
          lang,
        },
      );
    },

    list,

    /** Leadership confirms a candidate with when, where and who; a withdrawn one can be confirmed again
     *  (same notice number, new details). */
    async confirm(
      ctx: RequestContext,
      planId: number,
      input: { unitId: number; date: string; time: string; place: string; interviewer: string },
    ) {
      const plan = await plans.detail(ctx, planId);
      const candidate = (await computeList(ctx, plan)).candidates.find((c) => c.unitId === input.unitId);
      if (!candidate)
        throw new ApiError('UNPROCESSABLE', [
          {
            field: '/unitId',
            message: '该单位不在约谈名单上',
            messageEn: 'This unit is not on the interview list',
          },
        ]);
      if (input.date < chinaDate(nowIso()))
        throw new ApiError('UNPROCESSABLE', [
          { field: '/date', message: '约谈日期不能早于今天', messageEn: 'The date cannot be in the past' },
        ]);
      const exists = await repo.findByPlanUnit(plan.id, input.unitId);
      if (exists && exists.status !== 'withdrawn')
        throw new ApiError('DUPLICATE', [
          { field: '/unitId', message: '已确认约谈该单位', messageEn: 'This interview is already confirmed' },
        ]);
      const details = {
        interview_date: input.date,
        interview_time: input.time,
        place: input.place.trim(),
        interviewer: input.interviewer.trim(),
      };
      const basis = JSON.stringify({
        months: candidate.months,
        lastForYear: candidate.lastForYear,
        rule: plan.interviewRule,
      });
      const at = nowIso();
      const by = requireActor(ctx).personId;
      await audit.transact(ctx, async (trx, record) => {
        let id: number;
        if (exists) {
          id = exists.id;
          const ok = await repo.update(trx, id, exists.version, {
            ...details,
            basis,
            reason: candidate.zh,
            status: 'scheduled',
            withdrawn_reason: null,
            withdrawn_at: null,
            confirmed_by: by,
            confirmed_at: at,
          });
          if (!ok) throw conflict();
        } else {
          id = await repo.insert(trx, {
            plan_id: plan.id,
            unit_id: input.unitId,
            basis,
            reason: candidate.zh,
            doc_number: await takeDocumentNumber(trx, `interview:${plan.id}`),
            confirmed_by: by,
            confirmed_at: at,
            ...details,
          });
        }
        await record({
          action: 'interview.confirm',
          objectType: 'interview',
          objectId: id,
          detail: { planId: plan.id, unitName: candidate.unitName, reason: candidate.zh, ...input },
        });
      });
      return list(ctx, planId);
    },

    withdraw: (ctx: RequestContext, id: number, input: { version: number; reason: string }) =>
      step(
        ctx,
        id,
        input.version,
        ['scheduled'],
        'withdraw',
        { status: 'withdrawn', withdrawn_reason: input.reason.trim(), withdrawn_at: nowIso() },
        { reason: input.reason },
      ),

    /** the interview took place: minutes and what the unit must rectify, by when */
    minutes: (
      ctx: RequestContext,
      id: number,
      input: {
        version: number;
        heldOn: string;
        minutes: string;
        rectification: string;
        rectificationDue: string;
      },
    ) => {
      if (input.rectificationDue < input.heldOn)
        throw new ApiError('UNPROCESSABLE', [
          {
            field: '/rectificationDue',
            message: '整改期限不能早于约谈日期',
            messageEn: 'The rectification deadline cannot be before the interview',
          },
        ]);
      return step(
        ctx,
        id,
        input.version,
        ['scheduled', 'held'],
        'minutes',
        {
          status: 'held',
          held_on: input.heldOn,
          minutes: input.minutes.trim(),
          rectification: input.rectification.trim(),
          rectification_due: input.rectificationDue,
        },
        { heldOn: input.heldOn, rectificationDue: input.rectificationDue },
      );
    },

    rectified: (ctx: RequestContext, id: number, input: { version: number; rectifiedOn: string }) =>
      step(
        ctx,
        id,
        input.version,
        ['held'],
        'rectified',
        { status: 'rectified', rectified_on: input.rectifiedOn },
        {
          rectifiedOn: input.rectifiedOn,
        },
      ),

    /** a deputy leader's (or officer's) view: the notices addressed to their own unit */
    async mine(ctx: RequestContext) {
      const actor = requireActor(ctx);
      const items = [];
      for (const r of await repo.ofUnit(actor.unitId)) {
        const plan = await plans.detail(ctx, r.plan_id);
        items.push({ ...present(r, plan), planTitle: plan.title });
      }
      return { items };
    },

    async notice(ctx: RequestContext, id: number) {
      const { row, plan } = await visible(ctx, id);
      if (row.status === 'withdrawn')
        throw refuse('约谈已撤回，通知不再有效', 'The interview was withdrawn; its notice is void');
      const office = officeOf(plan);
      const docNumber = noticeNumberOf(plan, row.doc_number);
      const title = `关于约谈${row.unit_name}主要负责人的通知`;
      const when = row.interview_date
        ? `${chineseDate(row.interview_date)}（星期${WEEKDAYS[new Date(`${row.interview_date}T00:00:00Z`).getUTCDay()]}）${row.interview_time ?? ''}`
        : '另行通知的时间';
      const body = await renderOfficialDocument({
        issuer: office.issuer,
        docNumber,
        title,
        addressee: `${row.unit_name}：`,
        body: [
          `根据《${plan.title}》关于“对长期排名靠后的单位，由党组书记、局长约谈其主要负责人”的规定，经局领导研究确认，你单位${row.reason}。`,
          '现决定对你单位主要负责人进行约谈。有关事项通知如下：',
          `一、约谈时间：${when}。`,
          `二、约谈地点：${row.place ?? '另行通知'}。`,
          `三、约谈人：${row.interviewer ?? '局主要负责人'}。`,
          '四、请你单位主要负责人和分管领导准时参加，并提前准备书面情况说明，内容包括排名靠后的原因分析、存在的问题和整改措施。',
          '请你单位高度重视，认真落实整改，切实提升环境信息宣传工作水平。',
        ],
        date: chineseDate(chinaDate(row.confirmed_at)),
        printedBy: office.printedBy,
      });
      return { body, filename: `${docNumber}${title}.docx` };
    },
  };
  return service;
}
export type InterviewsService = ReturnType<typeof createInterviewsService>;

const STATUS_ZH: Record<Interview['status'], string> = {
  scheduled: '已确认',
  held: '已约谈',
  rectified: '已整改',
  withdrawn: '已撤回',
};
