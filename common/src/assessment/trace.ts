// One line of a score's explanation. The lines of a unit's evaluation add up, month by month, to its
// score: every piece, multiplier, cap, deduction and rescaling that made the number is one line.

export const TRACE_KINDS = [
  'piece', // a fact earning points (per-piece rules), with its multipliers, bonus and joint share
  'quota', // a month's base for meeting (or part-meeting) the quota
  'shortfall', // a month's deduction for missing pieces
  'deadline', // full / late / none for a deadline item
  'proportional', // a fact moving the value towards its target
  'rate', // a quarter's adoption rate below the minimum
  'silence', // a gap between posts longer than allowed
  'finding', // a self-inspection finding the plan deducts for (decision 195)
  'itemCap', // points beyond an item's cap (or deductions beyond its maxDeduction) taken back
  'blockCap', // points beyond a block's cap taken back
  'rescale', // items not applicable to the group: the rest is rescaled to 100
  'negative', // a negative-list deduction
  'floor', // the total never goes below 0
] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];

export interface TraceLine {
  /** 1–12: the month whose score this line counts in */
  month: number;
  blockCode: string | null;
  itemCode: string | null;
  kind: TraceKind;
  /** the fact behind the line, e.g. 'submission:42' */
  factId: string | null;
  date: string | null;
  points: number;
  zh: string;
  en: string;
}

/** Points are kept to six decimals so that sums come out the same in any order and on any database. */
export const r6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0;
/** Points as people read them. */
export const r2 = (x: number) => Math.round(x * 100) / 100 + 0;
