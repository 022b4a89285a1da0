// The kinds the console's submission form offers (decision 211): the kinds the unit's current assessment
// plan scores, read from the plan itself — a kind counts when an item that applies to the unit's group
// matches it — so a plan that stops scoring a kind (微信公众号开通, 公众号粉丝数 and 报刊征订 under the
// 2018 template, now fed by the new-media registers) stops being offered, and one that scores it again
// offers it again. Submissions of any kind are still read, listed and filtered: this is only the offer.
import { groupOf } from '../assessment/evaluate-unit.ts';
import type { PlanDocument } from '../assessment/plan.ts';
import { SUBMISSION_KINDS, type SubmissionKind } from './submission-kinds.ts';

/**
 * The submission kinds `doc` scores for a unit of `unitKind`: those an item applying to the unit's group
 * matches (a unit in none of the plan's groups: any item), in SUBMISSION_KINDS order.
 */
export function scoredSubmissionKinds(doc: PlanDocument, unitKind: string | null): SubmissionKind[] {
  const group = unitKind ? groupOf(doc, unitKind) : null;
  const matched = new Set<string>();
  for (const block of doc.blocks)
    for (const item of block.items) {
      if (group && (item.notApplicableTo ?? []).includes(group.code)) continue;
      for (const kind of item.rule.match.kinds) matched.add(kind);
    }
  return SUBMISSION_KINDS.filter((k) => matched.has(k));
}

/**
 * What the form offers: the scored kinds (every kind when there is no plan to read them from), plus the
 * kind of the submission being edited, so an old draft of a kind no longer scored still shows as what it
 * is; in SUBMISSION_KINDS order.
 */
export function offeredSubmissionKinds(
  scored: readonly SubmissionKind[] | null,
  editing: SubmissionKind | null = null,
): SubmissionKind[] {
  return SUBMISSION_KINDS.filter((k) => scored === null || scored.includes(k) || k === editing);
}
