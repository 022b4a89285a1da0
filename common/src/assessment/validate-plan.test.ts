/* eslint-disable @typescript-eslint/no-explicit-any -- the tests break documents on purpose, field by field */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_2018 } from './default-plan-2018.ts';
import { validatePlanDocument } from './validate-plan.ts';

const clone = () => structuredClone(DEFAULT_PLAN_2018) as unknown as Record<string, any>;
const fieldsOf = (doc: unknown, year: number | null = 2018) =>
  validatePlanDocument(doc, year).map((e) => `${e.field}: ${e.messageEn}`);

describe('plan document validation', () => {
  it('accepts the 2018 default template, whose blocks sum to 100', () => {
    expect(validatePlanDocument(DEFAULT_PLAN_2018, 2018)).toEqual([]);
    expect(DEFAULT_PLAN_2018.blocks.reduce((s, b) => s + b.maxPoints, 0)).toBe(100);
  });

  it.each<[string, (d: Record<string, any>) => void, string]>([
    [
      'negative per-piece points',
      (d) => (d.blocks[0].items[0].rule.perPiece.central = -1),
      '/blocks/0/items/0/rule/perPiece/central: must be ≥ 0',
    ],
    [
      'an unknown outlet level',
      (d) => (d.blocks[0].items[0].rule.perPiece.galactic = 3),
      '/blocks/0/items/0/rule/perPiece/galactic: unknown field',
    ],
    [
      'a wrong rule type',
      (d) => (d.blocks[1].items[0].rule.type = 'lottery'),
      '/blocks/1/items/0/rule/type: must be one of',
    ],
    [
      'blocks not summing to 100',
      (d) => (d.blocks[2].maxPoints = 20),
      "/blocks: the blocks' maxPoints must sum to 100 (now 105)",
    ],
    [
      'an inspection finding code that does not exist',
      (d) => (d.blocks[2].items[4].rule.penalty.accountHaunted = 1),
      '/blocks/2/items/4/rule/penalty/accountHaunted: unknown field',
    ],
    [
      'a negative finding penalty',
      (d) => (d.blocks[2].items[4].rule.penalty.accountNotFiled = -1),
      '/blocks/2/items/4/rule/penalty/accountNotFiled: must be ≥ 0',
    ],
    [
      'a quota for an unknown group',
      (d) => (d.blocks[0].items[3].rule.quota.planet = 2),
      '/blocks/0/items/3/rule/quota/planet: unknown field',
    ],
    [
      'a missing quota for a group',
      (d) => delete d.blocks[0].items[3].rule.quota.department,
      '/blocks/0/items/3/rule/quota/department: is missing a value for group department',
    ],
    [
      'a due date outside the year',
      (d) => (d.blocks[2].items[1].rule.due = '2019-06-30'),
      '/blocks/2/items/1/rule/due: must fall in the plan year 2018',
    ],
    [
      'lateUntil before due',
      (d) => (d.blocks[2].items[1].rule.lateUntil = '2018-01-01'),
      '/blocks/2/items/1/rule/lateUntil: must not be before due',
    ],
    [
      'a bad date',
      (d) => (d.blocks[2].items[1].rule.due = '2018-6-30'),
      '/blocks/2/items/1/rule/due: must be a date YYYY-MM-DD',
    ],
    [
      'a field of another rule type',
      (d) => (d.blocks[0].items[0].rule.basePerMonth = 2),
      '/blocks/0/items/0/rule/basePerMonth: is not a field of a perPiece rule',
    ],
    [
      'a duplicate item code',
      (d) => (d.blocks[1].items[0].code = 'A1'),
      '/blocks/1/items/0/code: duplicate item code: A1',
    ],
    [
      'a deduction item with points',
      (d) => (d.blocks[0].items[4].maxPoints = 3),
      '/blocks/0/items/4/maxPoints: must be 0 for a deduction rule',
    ],
    [
      'an unknown fact kind',
      (d) => (d.blocks[0].items[0].rule.match.kinds = ['rumour']),
      '/blocks/0/items/0/rule/match/kinds/0: must be one of',
    ],
    [
      'notApplicableTo an unknown group',
      (d) => (d.blocks[1].items[1].notApplicableTo = ['aliens']),
      '/blocks/1/items/1/notApplicableTo/0: must be one of: county, department, affiliated',
    ],
    [
      'a multiplier as text',
      (d) => (d.blocks[0].items[1].rule.multipliers[0].factor = '2'),
      '/blocks/0/items/1/rule/multipliers/0/factor: must be a number',
    ],
    [
      'one unit kind in two groups',
      (d) => d.groups[1].unitKinds.push('countyBureau'),
      '/groups/1/unitKinds/1: this unit kind already belongs to group county',
    ],
    [
      'a lead share outside 0–1',
      (d) => (d.joint = { mode: 'lead', leadShare: 1.5 }),
      '/joint/leadShare: must be ≤ 1',
    ],
    [
      'a negative-list entry without points',
      (d) => delete d.negativeList[0].points,
      '/negativeList/0/points: must be a number',
    ],
  ])('names the exact path and reason: %s', (_name, change, expected) => {
    const doc = clone();
    change(doc);
    expect(fieldsOf(doc).join('\n')).toContain(expected);
  });

  it('refuses a group left with no applicable item, and a document that is not an object', () => {
    const doc = clone();
    for (const b of doc.blocks)
      for (const i of b.items) i.notApplicableTo = [...new Set([...(i.notApplicableTo ?? []), 'department'])];
    expect(fieldsOf(doc)).toContain('/groups/1: group department has no applicable scoring item');
    expect(fieldsOf([1, 2])).toEqual(['/: must be an object']);
  });
});
