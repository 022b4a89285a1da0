// Judging and awards (docs/contest.md, decision 162): judges assigned automatically (never their own
// school or county, N per work), blind sheets scored against the rubric until the judging deadline,
// results aggregated by the trimmed mean and ranked by the tie rule, awards proposed by quota and
// approved by leadership — which locks them and writes block B's award facts.
import {
  aggregateWork,
  assignJudges,
  checkSheet,
  hasConflict,
  proposeAwards,
  rankWorks,
  sheetTotal,
  type ContestResults,
  type SheetInput,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { PhotoIntake } from '../activities/photo-intake.ts';
import type { ContestFacts } from './contest-facts.ts';
import type { ContestRepo } from './contest.repo.ts';
import { contestRules, presentBlind } from './contest-present.ts';
import { createContestCertificates } from './contest-certificates.ts';
import type { ContestService } from './contest.service.ts';

const refused = (zh: string, en: string) => new ApiError('INVALID_TRANSITION', undefined, { zh, en });

export function createContestJudging(deps: {
  repo: ContestRepo;
  contests: ContestService;
  audit: AuditService;
  facts: ContestFacts;
  photos: PhotoIntake;
  today: () => string;
}) {
  const { repo, audit } = deps;

  async function results(ctx: RequestContext, id: number): Promise<ContestResults> {
    const c = await deps.contests.contest(ctx, id);
    const rules = contestRules(c);
    const lead = [...rules.rubric].sort((a, b) => b.weight - a.weight)[0]!;
    const [works, sheets] = await Promise.all([repo.works(id, '/'), repo.sheetsOf(id)]);
    const groups: ContestResults['groups'] = [];
    for (const cat of rules.categories)
      for (const age of rules.ageGroups) {
        const mine = works.filter((w) => w.category === cat.code && w.age_group === age.code);
        if (!mine.length) continue;
        const scored = mine.map((w) => {
          const done = sheets.filter((s) => s.work_id === w.id && s.total !== null);
          const leadScores = done.map(
            (s) => (JSON.parse(s.scores!) as Record<string, number>)[lead.code] ?? 0,
          );
          return {
            w,
            expected: sheets.filter((s) => s.work_id === w.id).length,
            sheets: done.length,
            score: aggregateWork(done.map((s) => s.total!)),
            lead: leadScores.length ? leadScores.reduce((a, b) => a + b, 0) / leadScores.length : 0,
          };
        });
        const ranked = rankWorks(
          scored
            .filter((x) => x.score)
            .map((x) => ({ workId: x.w.id, score: x.score!, leadCriterion: x.lead })),
        );
        const rows = scored.map((x) => {
          const r = ranked.find((k) => k.workId === x.w.id);
          return {
            workId: x.w.id,
            code: x.w.code,
            title: x.w.title,
            schoolName: x.w.school_name,
            countyName: x.w.county_name,
            score: x.score?.score ?? null,
            mean: x.score?.mean ?? null,
            sheets: x.sheets,
            expected: x.expected,
            trimmed: x.score?.trimmed ?? false,
            outliers: x.score?.outliers.length ?? 0,
            position: r?.position ?? null,
            tieBrokenBy: r?.tieBrokenBy ?? null,
            award: x.w.award,
          };
        });
        rows.sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9));
        groups.push({
          category: cat.code,
          categoryName: cat.name,
          ageGroup: age.code,
          ageGroupName: age.name,
          works: rows,
        });
      }
    return { state: c.state, groups };
  }

  async function mySheet(ctx: RequestContext, sheetId: number) {
    const [r] = await repo.blindSheets(requireActor(ctx).personId, undefined, sheetId);
    if (!r) throw notFound();
    return r;
  }

  return {
    results,
    ...createContestCertificates({ repo, contests: deps.contests }),

    async assign(ctx: RequestContext, id: number) {
      const c = await deps.contests.contest(ctx, id);
      if (c.state !== 'open' && c.state !== 'judging')
        throw refused('评审已结束，不能再分配', 'Judging is over');
      const [works, judges, sheets] = await Promise.all([
        repo.works(id, '/'),
        repo.judges(id),
        repo.sheetsOf(id),
      ]);
      if (!works.length) throw refused('还没有参赛作品', 'There are no works yet');
      const r = assignJudges(
        works.map((w) => ({ id: w.id, schoolId: w.school_id, countyUnitId: w.county_unit_id })),
        judges.map((j) => ({ id: j.id, schoolId: j.school_id, countyUnitId: j.county_unit_id })),
        c.judges_per_work,
        sheets.map((s) => ({ workId: s.work_id, judgeId: s.judge_id })),
      );
      if (!r.ok) {
        const code = (wid: number) => works.find((w) => w.id === wid)!.code;
        throw new ApiError(
          'UNPROCESSABLE',
          r.short.slice(0, 20).map((s) => ({
            field: code(s.workId),
            message: `作品 ${code(s.workId)} 只有 ${s.eligible} 位可回避的评委，需要 ${c.judges_per_work} 位`,
            messageEn: `Work ${code(s.workId)} has ${s.eligible} eligible judges; ${c.judges_per_work} needed`,
          })),
          {
            zh: '评委人数不足：请增聘与这些学校、区县无关的评委',
            en: 'Not enough judges without a conflict: name more',
          },
        );
      }
      await audit.transact(ctx, async (trx, record) => {
        await repo.insertSheets(
          trx,
          r.added.map((a) => ({ contest_id: id, work_id: a.workId, judge_id: a.judgeId })),
        );
        if (c.state === 'open') await repo.setState(trx, id, ['open'], 'judging');
        await record({
          action: 'contest.assign',
          objectType: 'contest',
          objectId: id,
          detail: { added: r.added.length },
        });
      });
      return { added: r.added.length, sheets: sheets.length + r.added.length };
    },

    async mySheets(ctx: RequestContext) {
      const rows = await repo.blindSheets(requireActor(ctx).personId);
      const photos = await repo.photos([...new Set(rows.map((r) => r.work_id))]);
      return { items: rows.map((r) => presentBlind(r, photos, deps.today())) };
    },

    async score(ctx: RequestContext, sheetId: number, input: SheetInput) {
      const r = await mySheet(ctx, sheetId);
      // impossible by assignment; refused here too (a judge's school or county may have been corrected)
      if (
        hasConflict(
          { id: 0, schoolId: r.judge_school_id, countyUnitId: r.judge_county_unit_id },
          { id: r.work_id, schoolId: r.school_id, countyUnitId: r.county_unit_id },
        )
      )
        throw new ApiError('FORBIDDEN', undefined, {
          zh: '评委不能评审本校或本区县的作品',
          en: 'A judge cannot score a work of their own school or county',
        });
      if (r.state !== 'judging') throw refused('评审已结束', 'Judging is over');
      if (deps.today() > r.judging_close_on)
        throw refused(`评审已于 ${r.judging_close_on} 截止`, `Judging closed on ${r.judging_close_on}`);
      const rubric = JSON.parse(r.rubric) as Parameters<typeof checkSheet>[0];
      const problems = checkSheet(rubric, input.scores);
      if (problems.length)
        throw new ApiError(
          'VALIDATION_FAILED',
          problems.map((p) => ({ field: `/scores/${p.criterion}`, message: p.zh, messageEn: p.en })),
        );
      const total = sheetTotal(rubric, input.scores);
      await audit.transact(ctx, async (trx, record) => {
        await repo.saveSheet(trx, sheetId, {
          scores: JSON.stringify(input.scores),
          total,
          comment: input.comment?.trim() || null,
          judge_note: input.judgeNote?.trim() || null,
          scored_at: nowIso(),
        });
        await record({
          action: 'contest.sheet.score',
          objectType: 'contestSheet',
          objectId: sheetId,
          detail: { code: r.code, total },
        });
      });
      const photos = await repo.photos([r.work_id]);
      return presentBlind(await mySheet(ctx, sheetId), photos, deps.today());
    },

    async sheetPhoto(ctx: RequestContext, sheetId: number, photoId: number) {
      const r = await mySheet(ctx, sheetId);
      const p = await repo.photo(photoId);
      const stream = p && p.owner_id === r.work_id ? await deps.photos.store.open(p.stored_name) : null;
      if (!p || !stream) throw notFound();
      return { stream, mediaType: p.media_type };
    },

    /** The organiser proposes awards by the quotas from the results; every sheet must be scored. */
    async propose(ctx: RequestContext, id: number) {
      const c = await deps.contests.contest(ctx, id);
      if (c.state !== 'judging' && c.state !== 'proposed')
        throw refused(
          c.state === 'locked' ? '获奖名单已审定锁定，不能再改' : '尚未开始评审',
          c.state === 'locked' ? 'The awards are approved and locked' : 'Judging has not started',
        );
      const res = await results(ctx, id);
      const missing = res.groups
        .flatMap((g) => g.works)
        .filter((w) => w.sheets < w.expected || w.expected === 0);
      if (missing.length)
        throw refused(
          `还有 ${missing.length} 件作品未评完（如 ${missing[0]!.code}）`,
          `${missing.length} works are not fully scored (e.g. ${missing[0]!.code})`,
        );
      const quotas = contestRules(c).quotas;
      const rows = res.groups.flatMap((g) => {
        const ranked = g.works
          .filter((w) => w.score !== null)
          .map((w) => ({ workId: w.workId, score: w.score! }));
        const awards = proposeAwards(ranked, quotas);
        return g.works.flatMap((w) =>
          awards.has(w.workId)
            ? [
                {
                  contest_id: id,
                  work_id: w.workId,
                  rank: awards.get(w.workId)!,
                  score: w.score!,
                  position: w.position!,
                },
              ]
            : [],
        );
      });
      await audit.transact(ctx, async (trx, record) => {
        if (!(await repo.setState(trx, id, ['judging', 'proposed'], 'proposed')))
          throw new ApiError('CONFLICT');
        await repo.replaceAwards(trx, id, rows);
        await record({
          action: 'contest.awards.propose',
          objectType: 'contest',
          objectId: id,
          detail: { awards: rows.length },
        });
      });
      return results(ctx, id);
    },

    /** Leadership approves the proposal: the awards lock, block B's award facts are written. */
    async approve(ctx: RequestContext, id: number) {
      const actor = requireActor(ctx);
      const c = await deps.contests.contest(ctx, id);
      if (c.state !== 'proposed')
        throw refused(
          c.state === 'locked' ? '获奖名单已审定锁定，不能再次审定' : '还没有获奖建议',
          c.state === 'locked'
            ? 'The awards are already approved and locked'
            : 'There is no proposal to approve',
        );
      await deps.facts.withFacts(ctx, async (trx, record) => {
        if (
          !(await repo.setState(trx, id, ['proposed'], 'locked', {
            approved_by: actor.personId,
            approved_at: nowIso(),
          }))
        )
          throw refused('获奖名单已审定锁定，不能再次审定', 'The awards are already approved and locked');
        await record({ action: 'contest.awards.approve', objectType: 'contest', objectId: id, detail: {} });
        return [null, await deps.facts.writeAwards(trx, c)];
      });
      return results(ctx, id);
    },
  };
}
export type ContestJudging = ReturnType<typeof createContestJudging>;
