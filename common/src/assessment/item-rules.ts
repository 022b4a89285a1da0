// The points one item earns one unit, as trace lines (uncapped). Pure; evaluate-unit.ts applies caps.
import type { AssessmentFact } from './facts.ts';
import type {
  AdoptionRateRule,
  DeadlineRule,
  FactCondition,
  FactMatch,
  MonthlyQuotaRule,
  PerPieceRule,
  PlanItem,
  ProportionalRule,
  SilenceRule,
  FindingRule,
} from './plan.ts';
import { r6, type TraceLine } from './trace.ts';

/** A fact as one unit sees it: its share of a joint submission. */
export interface UnitFact {
  fact: AssessmentFact;
  share: number;
  month: number;
}

export interface ItemContext {
  group: string;
  /** the last month (0–12) evaluated: later facts and months are ignored */
  lastMonth: number;
  year: number;
}

type Line = Omit<TraceLine, 'blockCode' | 'itemCode'>;

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

function meets(f: AssessmentFact, c: FactCondition): boolean {
  if (c.activityTypes && !c.activityTypes.includes(f.activityType ?? '')) return false;
  if (c.themes && !c.themes.some((t) => f.themes.includes(t))) return false;
  if (c.outletMedia && (!f.outletMedium || !c.outletMedia.includes(f.outletMedium))) return false;
  if (c.outletLevels && (!f.outletLevel || !c.outletLevels.includes(f.outletLevel))) return false;
  if (c.adoptionLevels && (!f.adoptionLevel || !c.adoptionLevels.includes(f.adoptionLevel))) return false;
  return true;
}
export const matches = (f: AssessmentFact, m: FactMatch) => m.kinds.includes(f.kind) && meets(f, m);

/** how a piece's level reads in the explanation */
const LEVEL_LABELS: Record<string, [string, string]> = {
  central: ['中央媒体', 'central outlet'],
  provincial: ['省级媒体/采用', 'provincial'],
  municipal: ['市级媒体/采用', 'municipal'],
  county: ['县级媒体/采用', 'county'],
  national: ['国家级采用', 'national adoption'],
  none: ['未采用', 'not adopted'],
  first: ['一等奖', 'first prize'],
  second: ['二等奖', 'second prize'],
  third: ['三等奖', 'third prize'],
  excellence: ['优秀奖', 'excellence award'],
};

const fmt = (x: number) => String(Math.round(x * 100) / 100);
const shareText = (share: number) =>
  share === 1
    ? { zh: '', en: '' }
    : { zh: `，联合报送分得 ${fmt(share * 100)}%`, en: `, joint share ${fmt(share * 100)}%` };

function perPiece(rule: PerPieceRule, facts: UnitFact[]): Line[] {
  return facts.map(({ fact: f, share, month }) => {
    let base: number;
    let basis = { zh: '每篇', en: 'per piece' };
    if (typeof rule.perPiece === 'number') base = rule.perPiece;
    else {
      const key =
        rule.by === 'outletLevel'
          ? f.outletLevel
          : rule.by === 'adoptionLevel'
            ? f.adoptionLevel
            : f.awardRank;
      base = (key && rule.perPiece[key]) || 0;
      const label = key ? LEVEL_LABELS[key] : undefined;
      basis = { zh: label?.[0] ?? '未注明级别', en: label?.[1] ?? `no ${rule.by}` };
    }
    let pts = base;
    const zh = [`${basis.zh} ${fmt(base)} 分`];
    const en = [`${basis.en} ${fmt(base)}`];
    for (const m of rule.multipliers ?? [])
      if (meets(f, m.when)) {
        pts *= m.factor;
        zh.push(`× ${fmt(m.factor)}（${m.label}）`);
        en.push(`× ${fmt(m.factor)} (${m.label})`);
      }
    const bonus = f.leaderInstruction ? (rule.leaderInstructionBonus?.[f.leaderInstruction] ?? 0) : 0;
    if (bonus) {
      pts += bonus;
      zh.push(`+ ${fmt(bonus)}（${f.leaderInstruction}批示）`);
      en.push(`+ ${fmt(bonus)} (${f.leaderInstruction} leader instruction)`);
    }
    const s = shareText(share);
    return {
      month,
      kind: 'piece' as const,
      factId: f.id,
      date: f.date,
      points: r6(pts * share),
      zh: `《${f.title}》：${zh.join(' ')}${s.zh}`,
      en: `“${f.title}”: ${en.join(' ')}${s.en}`,
    };
  });
}

function monthlyQuota(rule: MonthlyQuotaRule, facts: UnitFact[], ctx: ItemContext): Line[] {
  const quota = rule.quota[ctx.group] ?? 0;
  const lines: Line[] = [];
  for (let m = rule.fromMonth ?? 1; m <= ctx.lastMonth; m++) {
    const count = r6(facts.filter((x) => x.month === m).reduce((s, x) => s + x.share, 0));
    // A month with nothing reported earns no base: shortfall deductions only trim a base that was earned.
    if (count === 0) {
      lines.push({
        month: m,
        kind: 'quota',
        factId: null,
        date: null,
        points: 0,
        zh: `${m}月：未报送，定额 ${fmt(quota)} 篇，不得基础分`,
        en: `month ${m}: nothing reported against a quota of ${fmt(quota)}, no base`,
      });
      continue;
    }
    lines.push({
      month: m,
      kind: 'quota',
      factId: null,
      date: null,
      points: rule.basePerMonth,
      zh: `${m}月：报送 ${fmt(count)} 篇，定额 ${fmt(quota)} 篇，基础分 ${fmt(rule.basePerMonth)}`,
      en: `month ${m}: ${fmt(count)} pieces against a quota of ${fmt(quota)}, base ${fmt(rule.basePerMonth)}`,
    });
    const missing = Math.max(0, quota - count);
    if (missing > 0) {
      const cut = Math.min(rule.basePerMonth, rule.shortfallPenalty * missing);
      lines.push({
        month: m,
        kind: 'shortfall',
        factId: null,
        date: null,
        points: r6(-cut),
        zh: `${m}月：缺 ${fmt(missing)} 篇，每篇扣 ${fmt(rule.shortfallPenalty)}（当月最多扣至 0）`,
        en: `month ${m}: ${fmt(missing)} missing, −${fmt(rule.shortfallPenalty)} each (the month stops at 0)`,
      });
    }
  }
  return lines;
}

function deadline(rule: DeadlineRule, facts: UnitFact[], item: PlanItem, ctx: ItemContext): Line[] {
  const first = facts[0];
  if (!first) {
    const over = `${ctx.year}-${String(ctx.lastMonth).padStart(2, '0')}-31` >= rule.lateUntil;
    return over
      ? [
          {
            month: ctx.lastMonth,
            kind: 'deadline',
            factId: null,
            date: null,
            points: 0,
            zh: `截至 ${rule.lateUntil} 未完成：0 分`,
            en: `not done by ${rule.lateUntil}: 0`,
          },
        ]
      : [];
  }
  const d = first.fact.date;
  const [points, zh, en] =
    d <= rule.due
      ? [item.maxPoints, `按期完成（${d} ≤ ${rule.due}）`, `on time (${d} ≤ ${rule.due})`]
      : d <= rule.lateUntil
        ? [
            Math.min(rule.latePoints, item.maxPoints),
            `逾期完成（${d} 晚于 ${rule.due}）`,
            `late (${d} after ${rule.due})`,
          ]
        : [0, `超过 ${rule.lateUntil} 才完成`, `done after ${rule.lateUntil}`];
  return [
    {
      month: first.month,
      kind: 'deadline',
      factId: first.fact.id,
      date: d,
      points,
      zh: `《${first.fact.title}》：${zh}，${fmt(points)} 分`,
      en: `“${first.fact.title}”: ${en}, ${fmt(points)}`,
    },
  ];
}

function proportional(rule: ProportionalRule, facts: UnitFact[], item: PlanItem, ctx: ItemContext): Line[] {
  const target = rule.target[ctx.group] ?? 1;
  const lines: Line[] = [];
  let sum = 0;
  let first: number | null = null;
  let prevPoints = 0;
  for (const { fact: f, share, month } of facts) {
    const q = f.quantity ?? 0;
    let value: number;
    if (rule.measure === 'sum') value = sum = sum + q * share;
    else {
      first ??= q;
      value = q - first;
    }
    const points = r6(item.maxPoints * Math.min(1, Math.max(0, value) / target));
    lines.push({
      month,
      kind: 'proportional',
      factId: f.id,
      date: f.date,
      points: r6(points - prevPoints),
      zh: `《${f.title}》：${rule.measure === 'sum' ? '累计' : '增长'} ${fmt(value)} / 目标 ${fmt(target)} → ${fmt(points)} 分`,
      en: `“${f.title}”: ${rule.measure === 'sum' ? 'total' : 'growth'} ${fmt(value)} / target ${fmt(target)} → ${fmt(points)}`,
    });
    prevPoints = points;
  }
  return lines;
}

function adoptionRate(rule: AdoptionRateRule, facts: UnitFact[], ctx: ItemContext): Line[] {
  const lines: Line[] = [];
  for (let q = 1; q <= 4; q++) {
    const end = q * 3;
    if (end > ctx.lastMonth) break;
    const inQ = facts.filter((x) => x.month > end - 3 && x.month <= end);
    const sent = inQ.reduce((s, x) => s + x.share, 0);
    const adopted = inQ
      .filter((x) => x.fact.adoptionLevel && x.fact.adoptionLevel !== 'none')
      .reduce((s, x) => s + x.share, 0);
    if (sent > 0 && adopted / sent < rule.minRate)
      lines.push({
        month: end,
        kind: 'rate',
        factId: null,
        date: null,
        points: -rule.penalty,
        zh: `第${q}季度采用率 ${fmt((adopted / sent) * 100)}% 低于 ${fmt(rule.minRate * 100)}%`,
        en: `Q${q} adoption rate ${fmt((adopted / sent) * 100)}% below ${fmt(rule.minRate * 100)}%`,
      });
  }
  return lines;
}

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

function silence(rule: SilenceRule, all: UnitFact[], ctx: ItemContext): Line[] {
  const lines: Line[] = [];
  // spells the new-media matrix measured itself, per account (docs/new-media.md): each one longer than
  // the rule allows deducts once; the title names the account and the spell
  for (const { fact: f, month } of all)
    if (f.kind === 'mediaSilence' && (f.quantity ?? 0) > rule.maxGapDays)
      lines.push({
        month,
        kind: 'silence',
        factId: f.id,
        date: f.date,
        points: -rule.penalty,
        zh: `${f.title}（超过 ${rule.maxGapDays} 天）`,
        en: `${f.title} (more than ${rule.maxGapDays} days)`,
      });
  const facts = all.filter((x) => x.fact.kind !== 'mediaSilence');
  const dates = [...new Set(facts.map((x) => x.fact.date))];
  if (ctx.lastMonth === 12 && dates.length) dates.push(`${ctx.year}-12-31`);
  for (let i = 1; i < dates.length; i++) {
    const gap = dayNumber(dates[i]!) - dayNumber(dates[i - 1]!);
    if (gap > rule.maxGapDays)
      lines.push({
        month: monthOf(dates[i]!),
        kind: 'silence',
        factId: null,
        date: dates[i]!,
        points: -rule.penalty,
        zh: `${dates[i - 1]} 至 ${dates[i]} 间隔 ${gap} 天未更新（超过 ${rule.maxGapDays} 天）`,
        en: `${gap} days without a post between ${dates[i - 1]} and ${dates[i]} (more than ${rule.maxGapDays})`,
      });
  }
  return lines;
}

/** each finding once, in the month it was first seen, with the points of its code */
function finding(rule: FindingRule, facts: UnitFact[]): Line[] {
  return facts.flatMap(({ fact: f, month }) => {
    const points = rule.penalty[f.activityType ?? ''] ?? 0;
    return points > 0
      ? [
          {
            month,
            kind: 'finding' as const,
            factId: f.id,
            date: f.date,
            points: -points,
            zh: `${f.title}：扣 ${fmt(points)} 分`,
            en: `${f.title}: −${fmt(points)}`,
          },
        ]
      : [];
  });
}

/** The item's lines for one unit; `facts` are this unit's facts in (date, id) order. */
export function itemLines(item: PlanItem, facts: UnitFact[], ctx: ItemContext): Line[] {
  const mine = facts.filter((x) => x.month <= ctx.lastMonth && matches(x.fact, item.rule.match));
  const rule = item.rule;
  switch (rule.type) {
    case 'perPiece':
      return perPiece(rule, mine);
    case 'monthlyQuota':
      return monthlyQuota(rule, mine, ctx);
    case 'deadline':
      return deadline(rule, mine, item, ctx);
    case 'proportional':
      return proportional(rule, mine, item, ctx);
    case 'adoptionRate':
      return adoptionRate(rule, mine, ctx);
    case 'silence':
      return silence(rule, mine, ctx);
    case 'finding':
      return finding(rule, mine);
  }
}
