import { describe, expect, it } from 'vitest';
import { assignJudges, hasConflict, type JudgeCandidate, type WorkToJudge } from './judge-assignment.ts';

const judges: JudgeCandidate[] = [
  { id: 1, schoolId: 10, countyUnitId: 100 },
  { id: 2, schoolId: null, countyUnitId: 200 },
  { id: 3, schoolId: null, countyUnitId: null },
  { id: 4, schoolId: 30, countyUnitId: 300 },
];

describe('hasConflict', () => {
  it.each([
    [{ id: 9, schoolId: 10, countyUnitId: 999 }, 1, true],
    [{ id: 9, schoolId: 11, countyUnitId: 100 }, 1, true],
    [{ id: 9, schoolId: 11, countyUnitId: 101 }, 1, false],
    [{ id: 9, schoolId: 10, countyUnitId: 100 }, 3, false],
  ] as const)('work %j, judge %i → %s', (work, judgeId, conflict) => {
    expect(
      hasConflict(
        judges.find((j) => j.id === judgeId)!,
        work,
      ),
    ).toBe(conflict);
  });
});

describe('assignJudges', () => {
  const works: WorkToJudge[] = [
    { id: 1, schoolId: 10, countyUnitId: 100 },
    { id: 2, schoolId: 20, countyUnitId: 200 },
    { id: 3, schoolId: 30, countyUnitId: 300 },
    { id: 4, schoolId: 40, countyUnitId: 100 },
  ];

  it('gives every work N judges, none of its own school or county, with an even load', () => {
    const r = assignJudges(works, judges, 2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const w of works) {
      const mine = r.added.filter((a) => a.workId === w.id);
      expect(mine).toHaveLength(2);
      for (const a of mine)
        expect(
          hasConflict(
            judges.find((j) => j.id === a.judgeId)!,
            w,
          ),
        ).toBe(false);
    }
    const loads = judges.map((j) => r.added.filter((a) => a.judgeId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('keeps what exists and only fills up', () => {
    const r = assignJudges(works, judges, 2, [{ workId: 1, judgeId: 3 }]);
    if (!r.ok) throw new Error('expected ok');
    expect(r.added.filter((a) => a.workId === 1)).toHaveLength(1);
    expect(r.added.some((a) => a.workId === 1 && a.judgeId === 3)).toBe(false);
  });

  it('refuses the whole run when a work cannot get N eligible judges', () => {
    // work 1 conflicts with judge 1 (school and county): three left, four needed
    expect(assignJudges(works, judges, 4)).toEqual({
      ok: false,
      short: [
        { workId: 1, eligible: 3 },
        { workId: 2, eligible: 3 },
        { workId: 3, eligible: 3 },
        { workId: 4, eligible: 3 },
      ],
    });
  });

  it('is the same for the same input', () => {
    expect(assignJudges(works, judges, 3)).toEqual(
      assignJudges([...works].reverse(), [...judges].reverse(), 3),
    );
  });
});
