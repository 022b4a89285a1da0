// Ranking within a group. Units are compared on the points people see (two decimals): equal points
// share a rank (1, 2, 2, 4), and tied units are listed in the unit registry's order, then by id, so the
// same data always gives the same list.
import { r2 } from './trace.ts';

export interface RankInput {
  unitId: number;
  sortOrder: number;
  points: number;
}

export function rankUnits<T extends RankInput>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort(
    (a, b) => r2(b.points) - r2(a.points) || a.sortOrder - b.sortOrder || a.unitId - b.unitId,
  );
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || r2(row.points) !== r2(sorted[i - 1]!.points)) rank = i + 1;
    return { ...row, rank };
  });
}
