// Checks a plan document an admin wrote as JSON. Every problem names its exact JSON path and the reason,
// in Chinese and English (e.g. `/blocks/0/items/2/rule/perPiece/central: must be ≥ 0`), so the console
// can point at the line. A document that passes can be scored without further checks.
import type { FieldError } from '../errors.ts';
import {
  ADOPTION_LEVELS,
  AWARD_RANKS,
  FACT_KINDS,
  INSTRUCTION_LEVELS,
  OUTLET_LEVELS,
  OUTLET_MEDIA,
} from './facts.ts';
import { isOneOf } from '../one-of.ts';
import { FINDING_CODES } from '../inspection/inspection-rules.ts';
import { UNIT_KINDS } from '../org.ts';
import { reachableMax } from './evaluate-unit.ts';
import { DEDUCTION_RULES, PIECE_BASES, PLAN_TOTAL, RULE_TYPES, type PlanDocument } from './plan.ts';

type Obj = Record<string, unknown>;
const CODE = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

class Checker {
  errors: FieldError[] = [];
  add(path: string, zh: string, en: string) {
    if (this.errors.length < 100) this.errors.push({ field: path, message: zh, messageEn: en });
  }
  obj(v: unknown, path: string, allowed: string[]): Obj | null {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.add(path, '必须是对象', 'must be an object');
      return null;
    }
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k))
        this.add(
          `${path}/${k}`,
          `不认识的字段（可用：${allowed.join(', ')}）`,
          `unknown field (allowed: ${allowed.join(', ')})`,
        );
    }
    return v as Obj;
  }
  arr(v: unknown, path: string, opts: { min?: number; max?: number } = {}): unknown[] | null {
    if (!Array.isArray(v)) {
      this.add(path, '必须是数组', 'must be an array');
      return null;
    }
    if (opts.min !== undefined && v.length < opts.min)
      this.add(path, `至少需要 ${opts.min} 项`, `needs at least ${opts.min} entries`);
    if (opts.max !== undefined && v.length > opts.max)
      this.add(path, `最多 ${opts.max} 项`, `allows at most ${opts.max} entries`);
    return v;
  }
  num(v: unknown, path: string, opts: { min?: number; max?: number; gt?: number } = {}): number | null {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(path, '必须是数字', 'must be a number');
      return null;
    }
    if (opts.min !== undefined && v < opts.min) this.add(path, `必须 ≥ ${opts.min}`, `must be ≥ ${opts.min}`);
    if (opts.gt !== undefined && v <= opts.gt) this.add(path, `必须 > ${opts.gt}`, `must be > ${opts.gt}`);
    if (opts.max !== undefined && v > opts.max) this.add(path, `必须 ≤ ${opts.max}`, `must be ≤ ${opts.max}`);
    return v;
  }
  str(v: unknown, path: string, opts: { pattern?: RegExp; max?: number; what?: [string, string] } = {}) {
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(path, '必须是非空文字', 'must be a non-empty string');
      return null;
    }
    if (v.length > (opts.max ?? 200)) this.add(path, '文字过长', 'is too long');
    if (opts.pattern && !opts.pattern.test(v))
      this.add(path, opts.what?.[0] ?? '格式不正确', opts.what?.[1] ?? 'has the wrong format');
    return v;
  }
  oneOf(v: unknown, path: string, values: readonly string[]) {
    if (typeof v !== 'string' || !values.includes(v)) {
      this.add(path, `必须是以下之一：${values.join(', ')}`, `must be one of: ${values.join(', ')}`);
      return null;
    }
    return v;
  }
  listOf(v: unknown, path: string, values: readonly string[], min = 0) {
    const a = this.arr(v, path, { min });
    a?.forEach((x, i) => this.oneOf(x, `${path}/${i}`, values));
    return (a ?? []) as string[];
  }
  date(v: unknown, path: string) {
    const s = this.str(v, path, {
      pattern: DATE,
      what: ['必须是日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'],
    });
    if (s && DATE.test(s) && Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
      this.add(path, '不是有效日期', 'is not a valid date');
    return s;
  }
}

const MATCH_FIELDS = ['kinds', 'activityTypes', 'themes', 'outletMedia', 'outletLevels', 'adoptionLevels'];

function checkCondition(c: Checker, v: unknown, path: string, withKinds: boolean) {
  const o = c.obj(v, path, withKinds ? MATCH_FIELDS : MATCH_FIELDS.slice(1));
  if (!o) return;
  if (withKinds) c.listOf(o.kinds, `${path}/kinds`, FACT_KINDS, 1);
  for (const f of ['activityTypes', 'themes'] as const) {
    if (o[f] === undefined) continue;
    const a = c.arr(o[f], `${path}/${f}`, { min: 1 });
    a?.forEach((x, i) => c.str(x, `${path}/${f}/${i}`, { pattern: CODE }));
  }
  if (o.outletMedia !== undefined) c.listOf(o.outletMedia, `${path}/outletMedia`, OUTLET_MEDIA, 1);
  if (o.outletLevels !== undefined) c.listOf(o.outletLevels, `${path}/outletLevels`, OUTLET_LEVELS, 1);
  if (o.adoptionLevels !== undefined)
    c.listOf(o.adoptionLevels, `${path}/adoptionLevels`, ADOPTION_LEVELS, 1);
}

function checkGroupMap(
  c: Checker,
  v: unknown,
  path: string,
  groups: string[],
  applicable: string[],
  gt0: boolean,
) {
  const o = c.obj(v, path, groups);
  if (!o) return;
  for (const [k, x] of Object.entries(o))
    if (groups.includes(k)) c.num(x, `${path}/${k}`, gt0 ? { gt: 0 } : { min: 0 });
  for (const g of applicable)
    if (o[g] === undefined) c.add(`${path}/${g}`, `缺少分组 ${g} 的值`, `is missing a value for group ${g}`);
}

const LEVEL_KEYS: Record<string, readonly string[]> = {
  outletLevel: OUTLET_LEVELS,
  adoptionLevel: ADOPTION_LEVELS,
  awardRank: AWARD_RANKS,
};

function checkRule(
  c: Checker,
  v: unknown,
  path: string,
  groups: string[],
  applicable: string[],
  year: number | null,
) {
  const base = c.obj(v, path, [
    'type',
    'match',
    'by',
    'perPiece',
    'multipliers',
    'leaderInstructionBonus',
    'quota',
    'basePerMonth',
    'shortfallPenalty',
    'fromMonth',
    'due',
    'lateUntil',
    'latePoints',
    'measure',
    'target',
    'minRate',
    'penalty',
    'maxGapDays',
  ]);
  if (!base) return null;
  const type = c.oneOf(base.type, `${path}/type`, RULE_TYPES);
  checkCondition(c, base.match, `${path}/match`, true);
  const only = (fields: string[]) => {
    for (const k of Object.keys(base))
      if (!['type', 'match', ...fields].includes(k))
        c.add(`${path}/${k}`, `${String(type)} 规则没有该字段`, `is not a field of a ${String(type)} rule`);
  };
  switch (type) {
    case 'perPiece': {
      only(['by', 'perPiece', 'multipliers', 'leaderInstructionBonus']);
      const by = c.oneOf(base.by, `${path}/by`, PIECE_BASES);
      if (by === 'flat') c.num(base.perPiece, `${path}/perPiece`, { min: 0 });
      else if (by) {
        const o = c.obj(base.perPiece, `${path}/perPiece`, [...LEVEL_KEYS[by]!]);
        if (o)
          for (const [k, x] of Object.entries(o))
            if (LEVEL_KEYS[by]!.includes(k)) c.num(x, `${path}/perPiece/${k}`, { min: 0 });
      }
      if (base.multipliers !== undefined)
        c.arr(base.multipliers, `${path}/multipliers`)?.forEach((m, i) => {
          const p = `${path}/multipliers/${i}`;
          const o = c.obj(m, p, ['when', 'factor', 'label']);
          if (!o) return;
          checkCondition(c, o.when, `${p}/when`, false);
          c.num(o.factor, `${p}/factor`, { min: 0, max: 100 });
          c.str(o.label, `${p}/label`, { max: 50 });
        });
      if (base.leaderInstructionBonus !== undefined) {
        const o = c.obj(base.leaderInstructionBonus, `${path}/leaderInstructionBonus`, [
          ...INSTRUCTION_LEVELS,
        ]);
        if (o)
          for (const [k, x] of Object.entries(o))
            if (isOneOf(INSTRUCTION_LEVELS, k)) c.num(x, `${path}/leaderInstructionBonus/${k}`, { min: 0 });
      }
      break;
    }
    case 'monthlyQuota':
      only(['quota', 'basePerMonth', 'shortfallPenalty', 'fromMonth']);
      checkGroupMap(c, base.quota, `${path}/quota`, groups, applicable, false);
      c.num(base.basePerMonth, `${path}/basePerMonth`, { min: 0 });
      c.num(base.shortfallPenalty, `${path}/shortfallPenalty`, { min: 0 });
      if (base.fromMonth !== undefined) {
        const m = c.num(base.fromMonth, `${path}/fromMonth`, { min: 1, max: 12 });
        if (m !== null && !Number.isInteger(m))
          c.add(`${path}/fromMonth`, '必须是整数', 'must be an integer');
      }
      break;
    case 'deadline': {
      only(['due', 'lateUntil', 'latePoints']);
      const due = c.date(base.due, `${path}/due`);
      const late = c.date(base.lateUntil, `${path}/lateUntil`);
      if (due && late && late < due) c.add(`${path}/lateUntil`, '不能早于 due', 'must not be before due');
      if (due && year !== null && !due.startsWith(String(year)))
        c.add(`${path}/due`, `必须在方案年度 ${year} 内`, `must fall in the plan year ${year}`);
      c.num(base.latePoints, `${path}/latePoints`, { min: 0 });
      break;
    }
    case 'proportional':
      only(['measure', 'target']);
      c.oneOf(base.measure, `${path}/measure`, ['sum', 'growth']);
      checkGroupMap(c, base.target, `${path}/target`, groups, applicable, true);
      break;
    case 'adoptionRate':
      only(['minRate', 'penalty']);
      c.num(base.minRate, `${path}/minRate`, { min: 0, max: 1 });
      c.num(base.penalty, `${path}/penalty`, { min: 0 });
      break;
    case 'silence':
      only(['maxGapDays', 'penalty']);
      c.num(base.maxGapDays, `${path}/maxGapDays`, { min: 1, max: 366 });
      c.num(base.penalty, `${path}/penalty`, { min: 0 });
      break;
    case 'finding': {
      only(['penalty']);
      const o = c.obj(base.penalty, `${path}/penalty`, [...FINDING_CODES]);
      if (o) for (const [k, x] of Object.entries(o)) c.num(x, `${path}/penalty/${k}`, { min: 0 });
      break;
    }
  }
  return type;
}

function unique(c: Checker, codes: Array<[string | null, string]>, what: [string, string]) {
  const seen = new Set<string>();
  for (const [code, path] of codes) {
    if (code === null) continue;
    if (seen.has(code)) c.add(path, `${what[0]}编码重复：${code}`, `duplicate ${what[1]} code: ${code}`);
    seen.add(code);
  }
}

/** Returns the problems found (empty = valid). `year` checks that dates fall in the plan's year. */
export function validatePlanDocument(input: unknown, year: number | null = null): FieldError[] {
  const c = new Checker();
  const doc = c.obj(input, '', [
    'note',
    'office',
    'annualWeight',
    'joint',
    'groups',
    'blocks',
    'negativeList',
    'notRanked',
  ]);
  if (!doc) return c.errors.map((e) => ({ ...e, field: e.field || '/' }));
  if (doc.note !== undefined) c.str(doc.note, '/note', { max: 500 });
  if (doc.office !== undefined) {
    const o = c.obj(doc.office, '/office', ['issuer', 'docPrefix', 'printedBy']);
    if (o) for (const k of ['issuer', 'docPrefix', 'printedBy']) c.str(o[k], `/office/${k}`, { max: 50 });
  }
  if (doc.notRanked !== undefined)
    c.arr(doc.notRanked, '/notRanked', { max: 50 })?.forEach((code, i) =>
      c.str(code, `/notRanked/${i}`, { max: 32 }),
    );
  c.num(doc.annualWeight, '/annualWeight', { gt: 0, max: 100 });
  const joint = c.obj(doc.joint, '/joint', ['mode', 'leadShare']);
  if (joint) {
    const mode = c.oneOf(joint.mode, '/joint/mode', ['equal', 'lead']);
    if (mode === 'lead') c.num(joint.leadShare, '/joint/leadShare', { min: 0, max: 1 });
    else if (joint.leadShare !== undefined)
      c.add('/joint/leadShare', '仅 lead 模式可用', 'only for mode lead');
  }

  const groupCodes: Array<[string | null, string]> = [];
  const kindsSeen = new Map<string, string>();
  c.arr(doc.groups, '/groups', { min: 1, max: 20 })?.forEach((g, i) => {
    const p = `/groups/${i}`;
    const o = c.obj(g, p, ['code', 'name', 'unitKinds']);
    if (!o) return;
    groupCodes.push([c.str(o.code, `${p}/code`, { pattern: CODE }), `${p}/code`]);
    c.str(o.name, `${p}/name`, { max: 50 });
    c.listOf(o.unitKinds, `${p}/unitKinds`, UNIT_KINDS, 1).forEach((k, j) => {
      if (kindsSeen.has(k))
        c.add(
          `${p}/unitKinds/${j}`,
          `该单位类型已属于分组 ${kindsSeen.get(k)}`,
          `this unit kind already belongs to group ${kindsSeen.get(k)}`,
        );
      else kindsSeen.set(k, String(o.code));
    });
  });
  unique(c, groupCodes, ['分组', 'group']);
  const groups = groupCodes.map(([g]) => g).filter((g): g is string => g !== null);

  const blockCodes: Array<[string | null, string]> = [];
  const itemCodes: Array<[string | null, string]> = [];
  let blockTotal = 0;
  c.arr(doc.blocks, '/blocks', { min: 1, max: 10 })?.forEach((b, i) => {
    const p = `/blocks/${i}`;
    const o = c.obj(b, p, ['code', 'name', 'maxPoints', 'items']);
    if (!o) return;
    blockCodes.push([c.str(o.code, `${p}/code`, { pattern: CODE }), `${p}/code`]);
    c.str(o.name, `${p}/name`, { max: 100 });
    blockTotal += c.num(o.maxPoints, `${p}/maxPoints`, { gt: 0, max: PLAN_TOTAL }) ?? 0;
    c.arr(o.items, `${p}/items`, { min: 1, max: 50 })?.forEach((it, j) => {
      const ip = `${p}/items/${j}`;
      const io = c.obj(it, ip, ['code', 'name', 'maxPoints', 'maxDeduction', 'notApplicableTo', 'rule']);
      if (!io) return;
      itemCodes.push([c.str(io.code, `${ip}/code`, { pattern: CODE }), `${ip}/code`]);
      c.str(io.name, `${ip}/name`, { max: 100 });
      const na =
        io.notApplicableTo === undefined ? [] : c.listOf(io.notApplicableTo, `${ip}/notApplicableTo`, groups);
      const type = checkRule(
        c,
        io.rule,
        `${ip}/rule`,
        groups,
        groups.filter((g) => !na.includes(g)),
        year,
      );
      const deduction = isOneOf(DEDUCTION_RULES, type);
      if (deduction) {
        if (io.maxPoints !== 0)
          c.add(`${ip}/maxPoints`, '扣分规则的满分必须为 0', 'must be 0 for a deduction rule');
        c.num(io.maxDeduction, `${ip}/maxDeduction`, { gt: 0, max: PLAN_TOTAL });
      } else {
        c.num(io.maxPoints, `${ip}/maxPoints`, { gt: 0, max: PLAN_TOTAL });
        if (io.maxDeduction !== undefined)
          c.add(`${ip}/maxDeduction`, '仅扣分规则可用', 'only for deduction rules');
      }
    });
  });
  unique(c, blockCodes, ['板块', 'block']);
  unique(c, itemCodes, ['考核项', 'item']);
  if (Array.isArray(doc.blocks) && Math.abs(blockTotal - PLAN_TOTAL) > 1e-9)
    c.add(
      '/blocks',
      `各板块满分之和必须为 100（现为 ${blockTotal}）`,
      `the blocks' maxPoints must sum to 100 (now ${blockTotal})`,
    );

  const negCodes: Array<[string | null, string]> = [];
  c.arr(doc.negativeList, '/negativeList', { max: 50 })?.forEach((n, i) => {
    const p = `/negativeList/${i}`;
    const o = c.obj(n, p, ['code', 'name', 'points', 'groups']);
    if (!o) return;
    negCodes.push([c.str(o.code, `${p}/code`, { pattern: CODE }), `${p}/code`]);
    c.str(o.name, `${p}/name`, { max: 100 });
    c.num(o.points, `${p}/points`, { gt: 0, max: PLAN_TOTAL });
    if (o.groups !== undefined) c.listOf(o.groups, `${p}/groups`, groups, 1);
  });
  unique(c, negCodes, ['负面清单', 'negative-list']);
  if (c.errors.length === 0)
    groups.forEach((g, i) => {
      if (reachableMax(input as PlanDocument, g) <= 0)
        c.add(`/groups/${i}`, `分组 ${g} 没有适用的计分项`, `group ${g} has no applicable scoring item`);
    });
  return c.errors;
}

export function isPlanDocument(input: unknown, year: number | null = null): input is PlanDocument {
  return validatePlanDocument(input, year).length === 0;
}
