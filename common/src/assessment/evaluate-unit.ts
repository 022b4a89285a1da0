// The scoring engine: a pure function from a plan, one unit's facts and the last month evaluated to the
// unit's points per item and month, with the lines that explain them. Facts are put in (date, id) order
// first, so the result does not depend on the order they arrive in.
//
// Caps are yearly. A month's points are what the month added to the year-to-date score, so the months of
// a quarter or a year add up to its score, and a unit at an item's cap earns nothing more from it.
import type { UnitKind } from '../org.ts';
import type { AssessmentFact } from './facts.ts';
import { itemLines, monthOf, type UnitFact } from './item-rules.ts';
import { DEDUCTION_RULES, PLAN_TOTAL, type PlanDocument, type PlanGroup } from './plan.ts';
import { r6, type TraceLine } from './trace.ts';

export interface EvaluationOptions {
  year: number;
  /** the last month (0–12) to evaluate: months after it have not happened yet */
  lastMonth: number;
}

export interface UnitEvaluation {
  unitId: number;
  group: string;
  /** the points each month added, index 0 = January */
  months: number[];
  /** per item code: the points each month added (after the item's cap, before block caps and rescaling) */
  items: Record<string, number[]>;
  total: number;
  lines: TraceLine[];
}

export function groupOf(plan: PlanDocument, kind: UnitKind | string): PlanGroup | null {
  return plan.groups.find((g) => (g.unitKinds as string[]).includes(kind)) ?? null;
}

/** The points a group can reach before rescaling: each block's cap, or less if items do not apply. */
export function reachableMax(plan: PlanDocument, group: string): number {
  let sum = 0;
  for (const b of plan.blocks) {
    const items = b.items.filter(
      (i) => !DEDUCTION_RULES.includes(i.rule.type) && !(i.notApplicableTo ?? []).includes(group),
    );
    sum += Math.min(
      b.maxPoints,
      items.reduce((s, i) => s + i.maxPoints, 0),
    );
  }
  return sum;
}

export function compareFacts(a: AssessmentFact, b: AssessmentFact): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function shareOf(plan: PlanDocument, fact: AssessmentFact, unitId: number): number {
  const n = fact.unitIds.length;
  const pos = fact.unitIds.indexOf(unitId);
  if (pos < 0) return 0;
  if (n === 1) return 1;
  if (plan.joint.mode === 'equal') return 1 / n;
  return pos === 0 ? plan.joint.leadShare : (1 - plan.joint.leadShare) / (n - 1);
}

/** Adds a line after each step that moves a running total past [lo, hi]: the points taken back. */
function clampSteps(
  lines: TraceLine[],
  lo: number,
  hi: number,
  make: (l: TraceLine, adj: number) => TraceLine,
) {
  const out: TraceLine[] = [];
  let raw = 0;
  let capped = 0;
  let stepSum = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    out.push(l);
    raw += l.points;
    stepSum += l.points;
    const next = lines[i + 1];
    // a step is the lines of one fact, or of one month's quota: they are capped together
    if (next && next.month === l.month && next.factId === l.factId && next.kind !== 'quota') continue;
    const c = Math.min(hi, Math.max(lo, raw));
    const adj = r6(c - capped - stepSum);
    if (adj !== 0) out.push(make(l, adj));
    capped = c;
    stepSum = 0;
  }
  return out;
}

const monthSums = (lines: TraceLine[]) => {
  const m = Array.from({ length: 12 }, () => 0);
  for (const l of lines) m[l.month - 1] = r6(m[l.month - 1]! + l.points);
  return m;
};

export function evaluateUnit(
  plan: PlanDocument,
  unit: { id: number; group: string },
  facts: readonly AssessmentFact[],
  opts: EvaluationOptions,
): UnitEvaluation {
  const year = String(opts.year);
  const mine: UnitFact[] = facts
    .filter((f) => f.date.startsWith(year) && f.unitIds.includes(unit.id))
    .sort(compareFacts)
    .map((fact) => ({ fact, share: shareOf(plan, fact, unit.id), month: monthOf(fact.date) }))
    .filter((x) => x.month >= 1 && x.month <= opts.lastMonth);
  const ctx = { group: unit.group, lastMonth: opts.lastMonth, year: opts.year };
  const lines: TraceLine[] = [];
  const blockMonths: number[][] = [];

  for (const block of plan.blocks) {
    const blockLines: TraceLine[] = [];
    for (const item of block.items) {
      if ((item.notApplicableTo ?? []).includes(unit.group)) continue;
      const raw = itemLines(item, mine, ctx)
        .map((l) => ({ ...l, blockCode: block.code, itemCode: item.code }))
        .sort((a, b) => a.month - b.month); // stable: keeps fact order within a month
      const deduction = DEDUCTION_RULES.includes(item.rule.type);
      const [lo, hi] = deduction ? [-(item.maxDeduction ?? 0), 0] : [-Infinity, item.maxPoints];
      blockLines.push(
        ...clampSteps(raw, lo, hi, (l, adj) => ({
          ...l,
          kind: 'itemCap',
          points: adj,
          zh: deduction ? `本项最多扣 ${item.maxDeduction} 分` : `本项满分 ${item.maxPoints}，超出部分不计`,
          en: deduction
            ? `this item deducts at most ${item.maxDeduction}`
            : `item capped at ${item.maxPoints}`,
        })),
      );
    }
    lines.push(...blockLines);
    // the block's cap, month by month on the year-to-date sum
    const months = monthSums(blockLines);
    let raw = 0;
    let capped = 0;
    const capped12: number[] = [];
    for (let m = 1; m <= 12; m++) {
      raw += months[m - 1]!;
      const c = Math.min(block.maxPoints, Math.max(0, raw));
      const adj = r6(c - capped - months[m - 1]!);
      if (adj !== 0) {
        // three cases people read differently: over the cap; below 0; deductions held back earlier by
        // the floor now taken from new points
        const [zh, en] =
          c === block.maxPoints && adj < 0
            ? [
                `板块「${block.name}」满分 ${block.maxPoints}，超出部分不计`,
                `block “${block.name}” is capped at ${block.maxPoints}`,
              ]
            : adj > 0
              ? [
                  `板块「${block.name}」得分不低于 0，扣分暂不计`,
                  `block “${block.name}” does not go below 0; deductions held back`,
                ]
              : [
                  `板块「${block.name}」此前暂不计的扣分，从本月得分中扣回`,
                  `block “${block.name}”: deductions held back earlier are taken from this month`,
                ];
        lines.push({
          month: m,
          blockCode: block.code,
          itemCode: null,
          kind: 'blockCap',
          factId: null,
          date: null,
          points: adj,
          zh,
          en,
        });
      }
      capped12.push(r6(c - capped));
      capped = c;
    }
    blockMonths.push(capped12);
  }

  const reach = reachableMax(plan, unit.group);
  const factor = reach > 0 ? PLAN_TOTAL / reach : 0;
  if (Math.abs(factor - 1) > 1e-12)
    for (let m = 1; m <= 12; m++) {
      const sum = blockMonths.reduce((s, b) => s + b[m - 1]!, 0);
      const adj = r6(sum * (factor - 1));
      if (adj !== 0)
        lines.push({
          month: m,
          blockCode: null,
          itemCode: null,
          kind: 'rescale',
          factId: null,
          date: null,
          points: adj,
          zh: `本组有不适用的考核项：按 100 ÷ ${r6(reach)} 折算`,
          en: `items not applicable to this group: rescaled by 100 ÷ ${r6(reach)}`,
        });
    }

  for (const { fact, month } of mine) {
    if (fact.kind !== 'negative') continue;
    const entry = plan.negativeList.find(
      (n) => n.code === fact.negativeCode && (!n.groups || n.groups.includes(unit.group)),
    );
    if (!entry) continue;
    lines.push({
      month,
      blockCode: null,
      itemCode: null,
      kind: 'negative',
      factId: fact.id,
      date: fact.date,
      points: -entry.points,
      zh: `负面清单「${entry.name}」：《${fact.title}》扣 ${entry.points} 分`,
      en: `negative list “${entry.name}”: “${fact.title}” −${entry.points}`,
    });
  }

  // the total stays within [0, 100]
  const before = monthSums(lines);
  let raw = 0;
  let total = 0;
  for (let m = 1; m <= 12; m++) {
    raw += before[m - 1]!;
    const c = Math.min(PLAN_TOTAL, Math.max(0, raw));
    const adj = r6(c - total - before[m - 1]!);
    if (adj !== 0)
      lines.push({
        month: m,
        blockCode: null,
        itemCode: null,
        kind: 'floor',
        factId: null,
        date: null,
        points: adj,
        zh: '总分不低于 0 分、不高于 100 分',
        en: 'the total stays between 0 and 100',
      });
    total = c;
  }

  const items: Record<string, number[]> = {};
  for (const b of plan.blocks)
    for (const i of b.items)
      if (!(i.notApplicableTo ?? []).includes(unit.group))
        items[i.code] = monthSums(lines.filter((l) => l.itemCode === i.code));
  const months = monthSums(lines);
  return {
    unitId: unit.id,
    group: unit.group,
    months,
    items,
    total: r6(months.reduce((s, x) => s + x, 0)),
    lines,
  };
}

/** The last month of `year` that has begun on `today` (0 before the year, 12 after it). */
export function lastMonthOf(year: number, today: string): number {
  const y = Number(today.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 12;
  return monthOf(today);
}
