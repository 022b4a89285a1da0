// Who is "long at the bottom" (长期排名靠后): the configurable rule for the interview list (约谈名单).
// Pure: it reads each month's points of a group's units and names the units the rule catches, with the
// reason. Ties are broken by the points of the year so far (the long-term measure), and a tie that still
// does not fit into the last N places singles out nobody; units that score nothing month after month
// while others score are listed apart as not reporting, to be chased up (decision 136).

export interface InterviewRule {
  /** a unit in the last `bottomN` of its group … */
  bottomN: number;
  /** … for this many consecutive months is a candidate (0 = this test is off) */
  consecutiveMonths: number;
  /** the last of its group for the year (once the year's last month is ranked) is a candidate */
  lastForYear: boolean;
}

export const DEFAULT_INTERVIEW_RULE: InterviewRule = { bottomN: 2, consecutiveMonths: 3, lastForYear: true };

export interface MonthPoints {
  month: number;
  /** unitId → the unit's points that month (every unit of the group, 0 included) */
  points: Map<number, number>;
}

export interface InterviewCandidate {
  unitId: number;
  /** the months (1–12) of the longest bottom run, if that test caught it */
  months: number[];
  lastForYear: boolean;
  zh: string;
  en: string;
}

export interface SilentUnit {
  unitId: number;
  /** the longest run of months with no points while others in the group scored */
  months: number[];
  zh: string;
  en: string;
}

interface Standing {
  points: number;
  cumulative: number;
}

/** Units whose whole tie (same points, same points so far) lies inside the last `n` places, when at
 *  least one unit stands above them: a tie bigger than the room left names nobody. */
function lastN(standings: Map<number, Standing>, n: number): Set<number> {
  const worse = (a: Standing, b: Standing) =>
    a.points < b.points || (a.points === b.points && a.cumulative < b.cumulative);
  const out = new Set<number>();
  for (const [id, s] of standings) {
    let below = 0;
    let tied = 0;
    let above = 0;
    for (const [other, o] of standings) {
      if (other === id) continue;
      if (worse(o, s)) below++;
      else if (worse(s, o)) above++;
      else tied++;
    }
    if (above > 0 && below + tied + 1 <= n) out.add(id);
  }
  return out;
}

function longestRun(months: number[]): number[] {
  let best: number[] = [];
  let run: number[] = [];
  for (const m of months) {
    run = run.length && run[run.length - 1] === m - 1 ? [...run, m] : [m];
    if (run.length > best.length) best = run;
  }
  return best;
}

/** The candidates and the units not reporting, for one group. */
export function interviewList(
  rule: InterviewRule,
  months: readonly MonthPoints[],
  yearComplete: boolean,
): { candidates: InterviewCandidate[]; silent: SilentUnit[] } {
  const sorted = [...months].sort((a, b) => a.month - b.month);
  const units = new Set<number>();
  for (const m of sorted) for (const id of m.points.keys()) units.add(id);
  const cumulative = new Map<number, number>();
  const bottomMonths = new Map<number, number[]>();
  const silentMonths = new Map<number, number[]>();
  for (const m of sorted) {
    const standings = new Map<number, Standing>();
    for (const id of units) {
      const p = m.points.get(id) ?? 0;
      const c = (cumulative.get(id) ?? 0) + p;
      cumulative.set(id, c);
      standings.set(id, { points: p, cumulative: c });
    }
    // a month in which nobody in the group scored (not reported yet, or not begun) ranks nobody
    const someoneScored = [...standings.values()].some((s) => s.points > 0);
    if (someoneScored && units.size > rule.bottomN)
      for (const id of lastN(standings, rule.bottomN))
        bottomMonths.set(id, [...(bottomMonths.get(id) ?? []), m.month]);
    if (someoneScored)
      for (const [id, s] of standings)
        if (s.points === 0) silentMonths.set(id, [...(silentMonths.get(id) ?? []), m.month]);
  }
  const yearStandings = new Map([...cumulative].map(([id, c]) => [id, { points: c, cumulative: c }]));
  const lastOfYear = yearComplete && rule.lastForYear ? lastN(yearStandings, 1) : new Set<number>();

  const candidates: InterviewCandidate[] = [];
  const silent: SilentUnit[] = [];
  for (const unitId of [...units].sort((a, b) => a - b)) {
    const best = longestRun(bottomMonths.get(unitId) ?? []);
    const byMonths = rule.consecutiveMonths > 0 && best.length >= rule.consecutiveMonths;
    const byYear = lastOfYear.has(unitId);
    if (byMonths || byYear) {
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
      candidates.push({
        unitId,
        months: byMonths ? best : [],
        lastForYear: byYear,
        zh: zh.join('；'),
        en: en.join('; '),
      });
      continue;
    }
    const quiet = longestRun(silentMonths.get(unitId) ?? []);
    if (rule.consecutiveMonths > 0 && quiet.length >= rule.consecutiveMonths)
      silent.push({
        unitId,
        months: quiet,
        zh: `${quiet[0]}—${quiet[quiet.length - 1]}月连续 ${quiet.length} 个月无得分（未报送或未被采用）`,
        en: `no points for ${quiet.length} months running (${quiet[0]}–${quiet[quiet.length - 1]}): nothing reported or adopted`,
      });
  }
  return { candidates, silent };
}
