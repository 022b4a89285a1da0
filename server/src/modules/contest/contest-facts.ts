// Block B feeds itself from the contest (docs/contest.md "Block B"): each registered school with at least
// one work is a `contestEntry` fact credited to its county (item B2, "organising schools to take part"),
// dated the entry deadline (or today, if that is earlier); each approved award is a `contestAward` fact
// with its rank, dated the gala (B3). Written in the transaction that entered the work or locked the
// awards, with the scores marked stale there and recomputed after commit (decision 085).
import { AWARD_LABELS, type AssessmentFact } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { RequestContext } from '../../http/context.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import type { Audit, AuditService } from '../audit/audit.service.ts';
import { mergeFactsChanges, type FactsChange, type FactsRepo } from '../facts/facts.repo.ts';
import type { ContestRepo, ContestRow } from './contest.repo.ts';

const blank = {
  outletLevel: null,
  outletMedium: null,
  adoptionLevel: null,
  leaderInstruction: null,
  negativeCode: null,
  kind: 'activity' as const,
};
type FactBody = Omit<AssessmentFact, 'id'>;

export function createContestFacts(deps: {
  repo: ContestRepo;
  facts: FactsRepo;
  audit: AuditService;
  scores: ScoresHandOff;
  today: () => string;
}) {
  const { repo, facts } = deps;
  const put = (
    trx: Transaction<Database>,
    c: ContestRow,
    source: string,
    sourceId: number,
    f: FactBody | null,
  ) =>
    f
      ? facts.upsertBySource(trx, { source, sourceId }, { ...f, ownerUnitId: c.bureau_unit_id })
      : facts.deleteBySource(trx, { source, sourceId });

  return {
    /** The change, its audit record and its facts in one transaction; the recompute once it committed. */
    async withFacts<T>(
      ctx: RequestContext,
      work: (trx: Transaction<Database>, record: Audit) => Promise<[T, Array<FactsChange | null>]>,
    ): Promise<T> {
      let changes: FactsChange[] = [];
      const result = await deps.audit.transact(ctx, async (trx, record) => {
        const [r, c] = await work(trx, record);
        changes = mergeFactsChanges(c);
        for (const m of changes) await deps.scores.markStale(trx, m);
        return r;
      });
      await deps.scores.afterCommit(changes);
      return result;
    },

    async refreshEntries(trx: Transaction<Database>, c: ContestRow): Promise<Array<FactsChange | null>> {
      const today = deps.today();
      const date = c.entries_close_on < today ? c.entries_close_on : today;
      const out: Array<FactsChange | null> = [];
      for (const s of await repo.schools(c.id, '/', trx)) {
        const n = Number(s.works ?? 0);
        out.push(
          await put(
            trx,
            c,
            'contestEntry',
            s.id,
            n
              ? {
                  ...blank,
                  date,
                  unitIds: [s.county_unit_id],
                  activityType: 'contestEntry',
                  awardRank: null,
                  quantity: n,
                  themes: ['contest'],
                  title: `${c.year}年${c.title}：${s.name}参赛作品 ${n} 件`,
                }
              : null,
          ),
        );
      }
      return out;
    },

    async writeAwards(trx: Transaction<Database>, c: ContestRow): Promise<Array<FactsChange | null>> {
      const out: Array<FactsChange | null> = [];
      for (const w of await repo.works(c.id, '/', trx))
        out.push(
          await put(
            trx,
            c,
            'contestAward',
            w.id,
            w.award
              ? {
                  ...blank,
                  date: c.gala_on,
                  unitIds: [w.county_unit_id],
                  activityType: 'contestAward',
                  awardRank: w.award,
                  quantity: null,
                  themes: ['contest'],
                  title: `${c.year}年${c.title}${AWARD_LABELS[w.award].zh}：${w.school_name}《${w.title}》（${w.code}）`,
                }
              : null,
          ),
        );
      return out;
    },
  };
}
export type ContestFacts = ReturnType<typeof createContestFacts>;
