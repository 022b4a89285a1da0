// The award proposal (docs/contest.md "Awards"): within each category and age group, the ranked works
// take the quotas in order — first prizes, then second, third and 优秀奖. A work below the floor score
// gets no award, whatever the quota left. Leadership approves the proposal; then it is locked.
import type { AwardRank } from '../assessment/facts.ts';

export type AwardQuotas = Record<AwardRank, number>;

export const DEFAULT_QUOTAS: AwardQuotas = { first: 1, second: 2, third: 3, excellence: 5 };

export const AWARD_LABELS: Record<AwardRank, { zh: string; en: string }> = {
  first: { zh: '一等奖', en: 'First prize' },
  second: { zh: '二等奖', en: 'Second prize' },
  third: { zh: '三等奖', en: 'Third prize' },
  excellence: { zh: '优秀奖', en: 'Excellence award' },
};

const ORDER: AwardRank[] = ['first', 'second', 'third', 'excellence'];

/** Awards for one group's works, given best first. */
export function proposeAwards(
  rankedIds: Array<{ workId: number; score: number }>,
  quotas: AwardQuotas,
  floorScore = 0,
): Map<number, AwardRank> {
  const out = new Map<number, AwardRank>();
  let i = 0;
  for (const rank of ORDER)
    for (let k = 0; k < quotas[rank] && i < rankedIds.length; k++, i++) {
      const w = rankedIds[i]!;
      if (w.score < floorScore) return out;
      out.set(w.workId, rank);
    }
  return out;
}
