// What changed between two plan documents, value by value: the versions tab shows it before a restore.
// Arrays of objects with a `code` (blocks, items, groups, negative-list entries) are matched by code, so
// inserting an item does not show every later item as changed.
export interface PlanDiffLine {
  /** a readable path: blocks/A/items/A1/rule/perPiece/central */
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const byCode = (v: unknown): v is Array<{ code: string }> =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.code === 'string');

export function diffPlanDocuments(before: unknown, after: unknown, path = ''): PlanDiffLine[] {
  if (byCode(before) && byCode(after)) {
    const codes = [...new Set([...before.map((x) => x.code), ...after.map((x) => x.code)])];
    return codes.flatMap((code) =>
      diffPlanDocuments(
        before.find((x) => x.code === code),
        after.find((x) => x.code === code),
        `${path}/${code}`,
      ),
    );
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffPlanDocuments(before[k], after[k], `${path}/${k}`));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path.replace(/^\//, '') || '/', before, after }];
}
