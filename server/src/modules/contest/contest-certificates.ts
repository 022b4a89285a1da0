// Award certificates (荣誉证书, decision 196): one Word page per award, made by the repository's one Word
// builder (bulletins/official-document.ts), only once leadership has approved and locked the awards —
// before that an award may still change, so no certificate exists. The organiser and leadership
// (contest:results) download them from the results; a county officer does not.
import { AWARD_LABELS, chineseDate } from '@greenvoice/common';
import { ApiError, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import { renderCertificate } from '../bulletins/official-document-on-demand.ts';
import type { ContestRepo } from './contest.repo.ts';
import { contestRules, type Named } from './contest-present.ts';
import type { ContestService } from './contest.service.ts';

const refused = (zh: string, en: string) => new ApiError('INVALID_TRANSITION', undefined, { zh, en });
const nameOf = (list: Named[], code: string) => list.find((x) => x.code === code)?.name ?? code;

export function createContestCertificates(deps: { repo: ContestRepo; contests: ContestService }) {
  return {
    async certificate(ctx: RequestContext, id: number, workId: number) {
      const c = await deps.contests.contest(ctx, id);
      const w = await deps.repo.findWork(workId, id, requireActor(ctx).scopePath);
      if (!w) throw notFound();
      if (c.state !== 'locked')
        throw refused(
          '获奖名单经领导审定锁定后才能生成获奖证书',
          'Certificates are made once leadership has approved and locked the awards',
        );
      if (!w.award) throw refused(`作品 ${w.code} 未获奖，没有获奖证书`, `Work ${w.code} has no award`);
      const rules = contestRules(c);
      const body = await renderCertificate({
        issuer: c.bureau_name,
        number: w.code,
        recipient: `${w.school_name} ${w.students} 同学：`,
        body: [
          `你（们）的作品《${w.title}》（${nameOf(rules.categories, w.category)}·${nameOf(rules.ageGroups, w.age_group)}）在${c.title}（主题：“${c.theme}”）中荣获`,
        ],
        award: AWARD_LABELS[w.award].zh,
        closing: [...(w.teacher ? [`指导老师：${w.teacher}`] : []), '特发此证，以资鼓励。'],
        date: chineseDate(c.gala_on),
      });
      return { body, filename: `荣誉证书-${w.code}.docx` };
    },
  };
}
