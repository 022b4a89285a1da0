import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PLAN_2018 } from './default-plan-2018.ts';
import { evaluateUnit, reachableMax } from './evaluate-unit.ts';
import {
  ADOPTION_LEVELS,
  FACT_KINDS,
  INSTRUCTION_LEVELS,
  OUTLET_LEVELS,
  type AssessmentFact,
} from './facts.ts';
import type { PlanDocument } from './plan.ts';
import { rankUnits } from './ranking.ts';
import { r6 } from './trace.ts';

const plan = DEFAULT_PLAN_2018;
let n = 0;
const fact = (p: Partial<AssessmentFact> & Pick<AssessmentFact, 'kind' | 'date'>): AssessmentFact => ({
  id: `submission:${++n}`,
  unitIds: [1],
  outletLevel: null,
  outletMedium: null,
  adoptionLevel: null,
  leaderInstruction: null,
  activityType: null,
  awardRank: null,
  quantity: null,
  negativeCode: null,
  themes: [],
  title: `稿件${n}`,
  ...p,
});
const county = { id: 1, group: 'county' };
const year = { year: 2018, lastMonth: 12 };
const itemTotal = (e: ReturnType<typeof evaluateUnit>, code: string) =>
  r6(e.items[code]!.reduce((s, x) => s + x, 0));
/** the plan with only one item left standing, so an item's points show up undiluted */
const only = (code: string): PlanDocument => ({
  ...plan,
  blocks: plan.blocks.map((b) => ({
    ...b,
    items: b.items.filter((i) => i.code === code || !b.items.some((x) => x.code === code)),
  })),
});

describe('scoring engine: each rule shape of the published local rules (docs/standards.md)', () => {
  it('points per piece by outlet level, with a leader-instruction bonus and the item cap', () => {
    const facts = [
      fact({ kind: 'newsReport', date: '2018-03-02', outletLevel: 'central' }),
      fact({
        kind: 'newsReport',
        date: '2018-03-05',
        outletLevel: 'provincial',
        leaderInstruction: 'municipal',
      }),
      fact({ kind: 'newsReport', date: '2018-04-01', outletLevel: 'county' }),
    ];
    const e = evaluateUnit(plan, county, facts, year);
    expect(itemTotal(e, 'A1')).toBe(10 + 5 + 2 + 1);
    expect(e.items.A1![2]).toBe(17);
    const many = Array.from({ length: 4 }, (_, i) =>
      fact({ kind: 'newsReport', date: `2018-05-1${i}`, outletLevel: 'central' }),
    );
    const capped = evaluateUnit(plan, county, many, year);
    expect(itemTotal(capped, 'A1')).toBe(30);
    expect(capped.lines.filter((l) => l.kind === 'itemCap')).toEqual([
      expect.objectContaining({ itemCode: 'A1', points: -10, month: 5 }),
    ]);
  });

  it('adoption multipliers (province ×2, national ×5) and the instruction bonus by level', () => {
    const facts = [
      fact({ kind: 'govInfo', date: '2018-02-01', adoptionLevel: 'municipal' }),
      fact({ kind: 'govInfo', date: '2018-02-02', adoptionLevel: 'provincial' }),
      fact({
        kind: 'govInfo',
        date: '2018-02-03',
        adoptionLevel: 'national',
        leaderInstruction: 'provincial',
      }),
      fact({ kind: 'govInfo', date: '2018-02-04', adoptionLevel: 'none' }),
    ];
    const e = evaluateUnit(plan, county, facts, year);
    expect(itemTotal(e, 'A2')).toBe(1 + 2 + 5 + 4);
    expect(e.lines.find((l) => l.factId === facts[2]!.id)!.zh).toContain('× 5（国家级采用）');
  });

  it('joint submissions split their points: no double counting', () => {
    const f = fact({ kind: 'newsReport', date: '2018-03-02', outletLevel: 'central', unitIds: [1, 2, 3, 4] });
    const a = evaluateUnit(plan, county, [f], year);
    const b = evaluateUnit(plan, { id: 3, group: 'county' }, [f], year);
    expect(itemTotal(a, 'A1')).toBe(2.5);
    expect(itemTotal(b, 'A1')).toBe(2.5);
    const lead = evaluateUnit({ ...plan, joint: { mode: 'lead', leadShare: 0.7 } }, county, [f], year);
    expect(itemTotal(lead, 'A1')).toBe(7);
  });

  it('monthly quota: base points when met, shortfall deductions, from May, capped per year', () => {
    const facts = [
      ...[1, 2, 3].map((d) => fact({ kind: 'newsReport', date: `2018-05-0${d}`, outletLevel: 'county' })),
      fact({ kind: 'govInfo', date: '2018-06-01' }),
    ];
    const e = evaluateUnit(only('A4'), county, facts, { year: 2018, lastMonth: 7 });
    expect(e.items.A4!.slice(3, 7)).toEqual([0, 1, 0, 0]); // April not counted; May met; June 2 short; July nothing
    expect(e.lines.filter((l) => l.kind === 'shortfall').map((l) => l.points)).toEqual([-1]);
    // a month with nothing reported earns no base at all (not the base less the shortfall)
    expect(e.lines.find((l) => l.month === 7)).toMatchObject({ kind: 'quota', points: 0 });
  });

  it('deadline items: full on time, late points, nothing when missing after the late date', () => {
    const on = evaluateUnit(plan, county, [fact({ kind: 'mediaAccount', date: '2018-06-30' })], year);
    const late = evaluateUnit(plan, county, [fact({ kind: 'mediaAccount', date: '2018-07-01' })], year);
    const none = evaluateUnit(plan, county, [], year);
    expect([itemTotal(on, 'C2'), itemTotal(late, 'C2'), itemTotal(none, 'C2')]).toEqual([5, 2, 0]);
    expect(none.lines.find((l) => l.itemCode === 'C2')!.zh).toContain('未完成');
  });

  it('proportional items: subscriptions against the group quota and follower growth, capped', () => {
    const subs = [
      fact({ kind: 'mediaSubscription', date: '2018-01-10', quantity: 15 }),
      fact({ kind: 'mediaSubscription', date: '2018-03-10', quantity: 30 }),
    ];
    const e = evaluateUnit(plan, county, subs, year);
    expect(e.items.C1![0]).toBe(3.5);
    expect(itemTotal(e, 'C1')).toBe(7);
    const followers = [500, 1500, 1300, 2600].map((q, i) =>
      fact({ kind: 'mediaFollowers', date: `2018-0${i + 3}-28`, quantity: q }),
    );
    const g = evaluateUnit(plan, county, followers, year);
    expect(g.items.C3!.slice(2, 6)).toEqual([0, 1.5, -0.3, 1.8]);
    expect(itemTotal(g, 'C3')).toBe(3);
  });

  it('quarterly adoption rate below 30 % and 14-day silence deduct, within maxDeduction', () => {
    const gov = [
      fact({ kind: 'govInfo', date: '2018-01-05', adoptionLevel: 'none' }),
      fact({ kind: 'govInfo', date: '2018-02-05', adoptionLevel: 'none' }),
    ];
    const e = evaluateUnit(plan, county, gov, year);
    expect(e.items.A5!.reduce((s, x) => s + x, 0)).toBe(-1);
    // silent spells the new-media matrix measured per account (docs/new-media.md); 14 days is allowed
    const spells = [31, 38, 42, 15, 60, 14].map((days, i) =>
      fact({
        kind: 'mediaSilence',
        date: `2018-0${i + 1}-20`,
        quantity: days,
        activityType: 'wechatOfficial',
      }),
    );
    const weibo = fact({ kind: 'mediaSilence', date: '2018-08-20', quantity: 90, activityType: 'weibo' });
    const s = evaluateUnit(plan, county, [...spells, weibo], year);
    expect(itemTotal(s, 'C4')).toBe(-2); // five spells over 14 days at 0.5 each, at most 2; Weibo not in C4
    expect(s.lines.filter((l) => l.itemCode === 'C4' && l.kind === 'silence')).toHaveLength(5);
  });

  it('inspection findings deduct by their code, each once, within maxDeduction; the silent account is C4’s', () => {
    const finding = (code: string, date: string) =>
      fact({ kind: 'inspectionFinding', date, activityType: code, title: `检查发现 ${code}` });
    const e = evaluateUnit(
      plan,
      county,
      [
        finding('accountNotFiled', '2018-03-01'),
        finding('accountSilent', '2018-03-01'),
        finding('accountNoInteraction', '2018-04-02'),
      ],
      year,
    );
    expect(itemTotal(e, 'C5')).toBe(-1.5);
    const lines = e.lines.filter((l) => l.itemCode === 'C5');
    expect(lines.map((l) => [l.month, l.kind, l.points])).toEqual([
      [3, 'finding', -0.5],
      [4, 'finding', -1],
    ]);
    expect(lines[1]!.zh).toBe('检查发现 accountNoInteraction：扣 1 分');
    const more = ['accountNoInteraction', 'accountNoInteraction', 'accountStoppedNotDeregistered'];
    const capped = evaluateUnit(
      plan,
      county,
      more.map((x) => finding(x, '2018-05-02')),
      year,
    );
    expect(itemTotal(capped, 'C5')).toBe(-2); // 2.5 found, 2 at most
    // departments and affiliated units hold no accounts in the plan's sense: C5 does not apply
    expect(
      evaluateUnit(
        plan,
        { id: 1, group: 'department' },
        more.map((x) => finding(x, '2018-05-02')),
        year,
      ).items.C5,
    ).toBeUndefined();
  });

  it('items not applicable to a group: its total is rescaled to 100', () => {
    expect(reachableMax(plan, 'county')).toBe(100);
    expect(reachableMax(plan, 'department')).toBe(60 + 15 + 7);
    const dept = { id: 9, group: 'department' };
    const facts = Array.from({ length: 12 }, (_, i) =>
      fact({ unitIds: [9], kind: 'newsReport', date: `2018-02-${10 + i}`, outletLevel: 'central' }),
    );
    const e = evaluateUnit(plan, dept, facts, year);
    expect(e.items.B2).toBeUndefined();
    // A1 at its cap (30); nothing reported from May on, so the monthly quota earns no base
    expect(e.total).toBeCloseTo((30 * 100) / 82, 5);
    expect(e.lines.some((l) => l.kind === 'rescale')).toBe(true);
  });

  it('negative-list deductions, only for the groups they name, and the total never below 0', () => {
    const neg = [
      fact({ kind: 'negative', date: '2018-04-01', negativeCode: 'staffMisconduct' }),
      fact({ kind: 'negative', date: '2018-04-02', negativeCode: 'criticism' }),
    ];
    const affiliated = evaluateUnit(
      plan,
      { id: 1, group: 'affiliated' },
      [fact({ kind: 'newsReport', date: '2018-01-01', outletLevel: 'central' }), ...neg],
      year,
    );
    const c = evaluateUnit(
      plan,
      county,
      [fact({ kind: 'newsReport', date: '2018-01-01', outletLevel: 'central' }), ...neg],
      year,
    );
    expect(affiliated.lines.filter((l) => l.kind === 'negative').map((l) => l.points)).toEqual([-3, -2]);
    expect(c.lines.filter((l) => l.kind === 'negative').map((l) => l.points)).toEqual([-2]);
    const broke = evaluateUnit(plan, county, neg, year);
    expect(broke.total).toBe(0);
    expect(broke.months[3]).toBe(0);
  });

  it('a block never goes below 0: deductions held back are taken from later points, and the trace says so', () => {
    const facts = [
      fact({ kind: 'govInfo', date: '2018-02-05', adoptionLevel: 'none' }),
      fact({ kind: 'onlineMedia', date: '2018-06-01', outletLevel: 'municipal' }),
    ];
    const a3a5 = {
      ...plan,
      blocks: plan.blocks.map((b) =>
        b.code === 'A' ? { ...b, items: b.items.filter((i) => ['A3', 'A5'].includes(i.code)) } : b,
      ),
    };
    const e = evaluateUnit(a3a5, county, facts, { year: 2018, lastMonth: 6 });
    const caps = e.lines.filter((l) => l.kind === 'blockCap').map((l) => [l.month, l.points, l.zh]);
    expect(caps).toEqual([
      [3, 1, expect.stringContaining('不低于 0')],
      [6, -1, expect.stringContaining('扣回')],
    ]);
    expect(e.months[2]).toBe(0);
    expect(e.months[5]).toBe(0);
  });

  it('ranks with ties sharing a rank, broken by registry order then id', () => {
    const ranked = rankUnits([
      { unitId: 5, sortOrder: 30, points: 10 },
      { unitId: 4, sortOrder: 20, points: 12.001 },
      { unitId: 3, sortOrder: 10, points: 10.004 },
      { unitId: 2, sortOrder: 10, points: 12 },
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      [2, 1],
      [4, 1],
      [3, 3],
      [5, 3],
    ]);
  });
});

// ---- properties over random facts ----
const arbFact = fc.record({
  kind: fc.constantFrom(...FACT_KINDS),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  units: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  outletLevel: fc.option(fc.constantFrom(...OUTLET_LEVELS)),
  adoptionLevel: fc.option(fc.constantFrom(...ADOPTION_LEVELS)),
  instruction: fc.option(fc.constantFrom(...INSTRUCTION_LEVELS)),
  activityType: fc.option(fc.constantFrom('environmentDay', 'contestEntry', 'contestAward', 'lectureHall')),
  awardRank: fc.option(fc.constantFrom('first', 'second', 'third', 'excellence')),
  quantity: fc.option(fc.integer({ min: 0, max: 5000 })),
  negativeCode: fc.option(fc.constantFrom('criticism', 'lateReport', 'staffMisconduct')),
});
const arbFacts = fc.array(arbFact, { maxLength: 120 }).map((xs) =>
  xs.map((x, i) =>
    fact({
      id: `submission:${i + 1}`,
      kind: x.kind,
      date: `2018-${String(x.month).padStart(2, '0')}-${String(x.day).padStart(2, '0')}`,
      unitIds: x.units,
      outletLevel: x.outletLevel,
      outletMedium: x.kind === 'newMedia' ? 'newMedia' : null,
      adoptionLevel: x.adoptionLevel,
      leaderInstruction: x.instruction,
      activityType: x.activityType,
      awardRank: x.awardRank,
      quantity: x.quantity,
      negativeCode: x.negativeCode,
    }),
  ),
);
const groups = fc.constantFrom('county', 'department', 'affiliated');

describe('scoring engine properties', () => {
  it('is deterministic and independent of the order facts arrive in', () => {
    fc.assert(
      fc.property(arbFacts, groups, fc.integer({ min: 0, max: 12 }), (facts, group, lastMonth) => {
        const u = { id: 1, group };
        const a = evaluateUnit(plan, u, facts, { year: 2018, lastMonth });
        const b = evaluateUnit(plan, u, [...facts].reverse(), { year: 2018, lastMonth });
        expect(b).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it('stays within [0, 100], months add up to the total, lines add up to the months, caps hold', () => {
    fc.assert(
      fc.property(arbFacts, groups, (facts, group) => {
        const e = evaluateUnit(plan, { id: 2, group }, facts, year);
        expect(e.total).toBeGreaterThanOrEqual(0);
        expect(e.total).toBeLessThanOrEqual(100 + 1e-6);
        let cum = 0;
        for (let m = 0; m < 12; m++) {
          cum += e.months[m]!;
          expect(cum).toBeGreaterThanOrEqual(-1e-6);
          expect(cum).toBeLessThanOrEqual(100 + 1e-6);
          const lines = e.lines.filter((l) => l.month === m + 1).reduce((s, l) => s + l.points, 0);
          expect(lines).toBeCloseTo(e.months[m]!, 5);
        }
        for (const b of plan.blocks)
          for (const i of b.items) {
            const months = e.items[i.code];
            if (!months) continue;
            let c = 0;
            for (const x of months) {
              c += x;
              expect(c).toBeLessThanOrEqual(i.maxPoints + 1e-6);
              expect(c).toBeGreaterThanOrEqual(-(i.maxDeduction ?? 0) - 1e-6);
            }
          }
      }),
      { numRuns: 150 },
    );
  });

  it('adding a fact that only earns points never lowers a unit total below what it had, within caps', () => {
    fc.assert(
      fc.property(arbFacts, fc.constantFrom(...OUTLET_LEVELS), (facts, level) => {
        const base = facts.filter(
          (f) => f.kind !== 'negative' && f.kind !== 'govInfo' && f.kind !== 'newMedia',
        );
        const a = evaluateUnit(plan, county, base, year);
        const b = evaluateUnit(
          plan,
          county,
          [...base, fact({ kind: 'newsReport', date: '2018-12-28', outletLevel: level })],
          year,
        );
        expect(b.total).toBeGreaterThanOrEqual(a.total - 1e-6);
      }),
      { numRuns: 100 },
    );
  });
});
