// Pure rules of the media work around the matrix (docs/new-media.md, "Subscriptions, commentators,
// columns"): the subscription summary by unit and paper against the plan's quota, and the commentators'
// monthly tally. The server answers with them; the console shows what they return.
import { groupOf } from '../assessment/evaluate-unit.ts';
import type { PlanDocument, PlanItem } from '../assessment/plan.ts';

/** The plan's subscription item: a proportional rule over `mediaSubscription` facts (C1 in 2018). */
export function subscriptionItem(doc: PlanDocument): PlanItem | null {
  for (const b of doc.blocks)
    for (const i of b.items)
      if (i.rule.type === 'proportional' && i.rule.match.kinds.includes('mediaSubscription')) return i;
  return null;
}

/** The copies the item asks of a unit of this kind; null when the item does not apply to it. */
export function subscriptionQuota(doc: PlanDocument, item: PlanItem | null, unitKind: string): number | null {
  if (!item || item.rule.type !== 'proportional') return null;
  const group = groupOf(doc, unitKind);
  if (!group || (item.notApplicableTo ?? []).includes(group.code)) return null;
  return item.rule.target[group.code] ?? null;
}

export interface SubscriptionLine {
  unitId: number;
  unitName: string;
  paper: string;
  copies: number;
  amountFen: number | null;
}

/** Each unit's copies by paper, in all and against its quota; units in the order first seen. */
export function summariseSubscriptions(
  lines: readonly SubscriptionLine[],
  quotaOf: (unitId: number) => number | null,
) {
  const papers = [...new Set(lines.map((l) => l.paper))].sort((a, b) => a.localeCompare(b, 'zh'));
  const units = new Map<
    number,
    { unitId: number; unitName: string; byPaper: Record<string, number>; copies: number; fen: number }
  >();
  for (const l of lines) {
    const u = units.get(l.unitId) ?? {
      unitId: l.unitId,
      unitName: l.unitName,
      byPaper: {},
      copies: 0,
      fen: 0,
    };
    u.byPaper[l.paper] = (u.byPaper[l.paper] ?? 0) + l.copies;
    u.copies += l.copies;
    u.fen += l.amountFen ?? 0;
    units.set(l.unitId, u);
  }
  return {
    papers,
    units: [...units.values()].map(({ fen, ...u }) => {
      const quota = quotaOf(u.unitId);
      return { ...u, amountYuan: fen / 100, quota, met: quota === null ? null : u.copies >= quota };
    }),
  };
}

/** Posts per commentator and month of `year` (January first); commentators without posts get zeros. */
export function tallyPosts(
  people: ReadonlyArray<{ id: number; name: string; unitName: string }>,
  posts: ReadonlyArray<{ commentatorId: number; postedOn: string }>,
  year: number,
) {
  return people.map((p) => {
    const months = Array.from({ length: 12 }, () => 0);
    for (const post of posts)
      if (post.commentatorId === p.id && post.postedOn.startsWith(`${year}-`))
        months[Number(post.postedOn.slice(5, 7)) - 1]! += 1;
    return {
      commentatorId: p.id,
      name: p.name,
      unitName: p.unitName,
      months,
      total: months.reduce((s, n) => s + n, 0),
    };
  });
}
