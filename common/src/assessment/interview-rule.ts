// Who is "long at the bottom" (长期排名靠后): the configurable rule for the interview list (约谈名单).
// Pure: it reads the monthly ranks of a group and names the units the rule catches, with the reason.

export interface InterviewRule {
  /** a unit in the last `bottomN` of its group … */
  bottomN: number;
  /** … for this many consecutive months is a candidate (0 = this test is off) */
  consecutiveMonths: number;
  /** the last of its group for the year (once the year's last month is ranked) is a candidate */
  lastForYear: boolean;
}

export const DEFAULT_INTERVIEW_RULE: InterviewRule = { bottomN: 2, consecutiveMonths: 3, lastForYear: true };

export interface MonthRanks {
  month: number;
  /** unitId → rank, and the group's size that month */
  ranks: Map<number, number>;
  size: number;
}

export interface InterviewCandidate {
  unitId: number;
  /** the months (1–12) of the longest bottom run, if that test caught it */
  months: number[];
  lastForYear: boolean;
  zh: string;
  en: string;
}

export function interviewCandidates(
  rule: InterviewRule,
  monthly: readonly MonthRanks[],
  yearRanks: { ranks: Map<number, number>; size: number; complete: boolean },
): InterviewCandidate[] {
  const units = new Set<number>();
  for (const m of monthly) for (const id of m.ranks.keys()) units.add(id);
  for (const id of yearRanks.ranks.keys()) units.add(id);
  /** Ties count together: a unit is in the last N if fewer than N units rank below it, and it is not
   *  at the top (a month in which everyone ties, e.g. nobody has reported yet, ranks nobody). */
  const inLast = (ranks: Map<number, number>, unitId: number, n: number) => {
    const rank = ranks.get(unitId);
    if (rank === undefined || rank === 1) return false;
    let below = 0;
    for (const r of ranks.values()) if (r > rank) below++;
    return below < n;
  };
  const out: InterviewCandidate[] = [];
  for (const unitId of [...units].sort((a, b) => a - b)) {
    let best: number[] = [];
    let run: number[] = [];
    for (const m of [...monthly].sort((a, b) => a.month - b.month)) {
      const atBottom = m.size > rule.bottomN && inLast(m.ranks, unitId, rule.bottomN);
      run =
        atBottom && (run.length === 0 || run[run.length - 1] === m.month - 1)
          ? [...run, m.month]
          : atBottom
            ? [m.month]
            : [];
      if (run.length > best.length) best = run;
    }
    const byMonths = rule.consecutiveMonths > 0 && best.length >= rule.consecutiveMonths;
    const byYear = rule.lastForYear && yearRanks.complete && inLast(yearRanks.ranks, unitId, 1);
    if (!byMonths && !byYear) continue;
    const zh: string[] = [];
    const en: string[] = [];
    if (byMonths) {
      zh.push(`${best[0]}—${best[best.length - 1]}月连续 ${best.length} 个月排在本组后 ${rule.bottomN} 名`);
      en.push(
        `in the bottom ${rule.bottomN} of its group for ${best.length} months running (${best[0]}–${best[best.length - 1]})`,
      );
    }
    if (byYear) {
      zh.push('年度排名本组末位');
      en.push('last of its group for the year');
    }
    out.push({
      unitId,
      months: byMonths ? best : [],
      lastForYear: byYear,
      zh: zh.join('；'),
      en: en.join('; '),
    });
  }
  return out;
}
