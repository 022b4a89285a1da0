import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_2018 } from './default-plan-2018.ts';
import { diffPlanDocuments } from './diff-plan.ts';

const copy = () => structuredClone(DEFAULT_PLAN_2018);

describe('diffPlanDocuments', () => {
  it('finds nothing between equal documents', () => {
    expect(diffPlanDocuments(copy(), copy())).toEqual([]);
  });
  it.each([
    [
      'a changed value, by block and item code',
      (d: ReturnType<typeof copy>) => (d.blocks[0]!.items[0]!.maxPoints = 99),
      'blocks/A/items/A1/maxPoints',
    ],
    ['a top-level value', (d: ReturnType<typeof copy>) => (d.annualWeight = 7), 'annualWeight'],
  ])('%s', (_name, change, path) => {
    const after = copy();
    change(after);
    const lines = diffPlanDocuments(copy(), after);
    expect(lines.map((l) => l.path)).toEqual([path]);
    expect(lines[0]!.after).not.toEqual(lines[0]!.before);
  });
  it('an item removed shows once, as gone — later items are matched by code, not position', () => {
    const after = copy();
    const removed = after.blocks[0]!.items.splice(0, 1)[0]!;
    const lines = diffPlanDocuments(copy(), after);
    expect(lines).toEqual([{ path: `blocks/A/items/${removed.code}`, before: removed, after: undefined }]);
  });
});
