// Copying a plan to another year: the same rules, with the deadline items' dates moved to that year.
import type { PlanDocument } from './plan.ts';

function moveDate(date: string, year: number): string {
  const [, m, d] = date.split('-');
  // 29 February does not exist in every year
  const day =
    m === '02' && d === '29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? '28' : d;
  return `${year}-${m}-${day}`;
}

export function copyPlanDocument(doc: PlanDocument, fromYear: number, toYear: number): PlanDocument {
  const copy = structuredClone(doc);
  for (const b of copy.blocks)
    for (const i of b.items)
      if (i.rule.type === 'deadline') {
        const shift = (d: string) => moveDate(d, Number(d.slice(0, 4)) - fromYear + toYear);
        i.rule.due = shift(i.rule.due);
        i.rule.lateUntil = shift(i.rule.lateUntil);
      }
  return copy;
}
