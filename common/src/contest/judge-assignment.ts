// Judges for the contest's works (docs/contest.md "Judging"): each work gets N judges, and no judge ever
// judges a work of their own school or their own county. Works with the fewest eligible judges are
// served first; among the eligible, the least-loaded judge is taken (then the lower id), so the load is
// even and the result is the same for the same input. Assignments that already exist are kept (works
// entered later are filled up around them); a work that cannot get N judges stops the whole run.

export interface WorkToJudge {
  id: number;
  schoolId: number;
  countyUnitId: number;
}

export interface JudgeCandidate {
  id: number;
  /** the judge's own school among the registered schools, if any */
  schoolId: number | null;
  /** the judge's own county (a county-level unit), if any */
  countyUnitId: number | null;
}

export interface Assignment {
  workId: number;
  judgeId: number;
}

export type AssignmentResult =
  { ok: true; added: Assignment[] } | { ok: false; short: Array<{ workId: number; eligible: number }> };

/** True when the judge may not judge the work: same school or same county. */
export function hasConflict(judge: JudgeCandidate, work: WorkToJudge): boolean {
  return (
    (judge.schoolId !== null && judge.schoolId === work.schoolId) ||
    (judge.countyUnitId !== null && judge.countyUnitId === work.countyUnitId)
  );
}

export function assignJudges(
  works: WorkToJudge[],
  judges: JudgeCandidate[],
  perWork: number,
  existing: Assignment[] = [],
): AssignmentResult {
  const load = new Map<number, number>(judges.map((j) => [j.id, 0]));
  const have = new Map<number, Set<number>>();
  for (const a of existing) {
    load.set(a.judgeId, (load.get(a.judgeId) ?? 0) + 1);
    const s = have.get(a.workId) ?? new Set<number>();
    s.add(a.judgeId);
    have.set(a.workId, s);
  }
  const eligible = new Map(works.map((w) => [w.id, judges.filter((j) => !hasConflict(j, w))]));
  const short = works
    .filter((w) => eligible.get(w.id)!.length < perWork)
    .map((w) => ({ workId: w.id, eligible: eligible.get(w.id)!.length }));
  if (short.length) return { ok: false, short };

  const order = [...works].sort(
    (a, b) => eligible.get(a.id)!.length - eligible.get(b.id)!.length || a.id - b.id,
  );
  const added: Assignment[] = [];
  for (const w of order) {
    const mine = have.get(w.id) ?? new Set<number>();
    const candidates = eligible
      .get(w.id)!
      .filter((j) => !mine.has(j.id))
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id - b.id);
    for (const j of candidates.slice(0, Math.max(0, perWork - mine.size))) {
      added.push({ workId: w.id, judgeId: j.id });
      load.set(j.id, load.get(j.id)! + 1);
    }
  }
  return { ok: true, added };
}
