// The five-into basic norm (§2.3, docs/activities.md "The five-into norm"): e.g. every county-level bureau
// holds at least one event per target per half-year. The norm is data (stored per bureau, edited in the
// console); this function checks it for a set of units and a year, so the board and any reminder agree.
import { FIVE_INTO_TARGETS, halfOf, quarterOf, type FiveIntoTarget } from './activity-kinds.ts';

export const NORM_PERIODS = ['quarter', 'half', 'year'] as const;
export type NormPeriod = (typeof NORM_PERIODS)[number];

export interface FiveIntoNorm {
  /** events needed per target in each period */
  perTarget: number;
  period: NormPeriod;
  /** the targets the norm asks for (all five by default) */
  targets: FiveIntoTarget[];
  /** unit kinds the norm applies to, e.g. ['countyBureau'] (county and zone bureaus) */
  unitKinds: string[];
}

export const DEFAULT_FIVE_INTO_NORM: FiveIntoNorm = {
  perTarget: 1,
  period: 'half',
  targets: [...FIVE_INTO_TARGETS],
  unitKinds: ['countyBureau'],
};

export interface NormEvent {
  unitId: number;
  target: FiveIntoTarget;
  heldOn: string;
}

export interface NormCell {
  period: string;
  target: FiveIntoTarget;
  count: number;
  met: boolean;
}

export interface NormRow {
  unitId: number;
  cells: NormCell[];
  /** every cell of every period that has begun met */
  meets: boolean;
  /** cells still short in periods that have begun */
  missing: number;
}

/** The periods of a year: ['2018-H1', '2018-H2'] … */
export function periodsOf(year: number, period: NormPeriod): string[] {
  if (period === 'year') return [String(year)];
  if (period === 'half') return [`${year}-H1`, `${year}-H2`];
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

function periodOf(date: string, period: NormPeriod): string {
  return period === 'year' ? date.slice(0, 4) : period === 'half' ? halfOf(date) : quarterOf(date);
}

/**
 * One row per unit: for each period of the year and each target, the events held and whether the norm
 * is met. A period that has not begun by `today` is shown but does not count against the unit; a period
 * under way counts (the board says who is still short before it ends).
 */
export function checkFiveIntoNorm(
  norm: FiveIntoNorm,
  unitIds: number[],
  events: NormEvent[],
  year: number,
  today: string,
): NormRow[] {
  const periods = periodsOf(year, norm.period);
  const begun = (p: string) => p <= periodOf(today, norm.period);
  const counts = new Map<string, number>();
  for (const e of events) {
    if (Number(e.heldOn.slice(0, 4)) !== year) continue;
    const key = `${e.unitId}|${periodOf(e.heldOn, norm.period)}|${e.target}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return unitIds.map((unitId) => {
    const cells: NormCell[] = [];
    for (const period of periods)
      for (const target of norm.targets) {
        const count = counts.get(`${unitId}|${period}|${target}`) ?? 0;
        cells.push({ period, target, count, met: count >= norm.perTarget });
      }
    const missing = cells.filter((c) => !c.met && begun(c.period)).length;
    return { unitId, cells, meets: missing === 0, missing };
  });
}
