// The assessment plan document (年度考核方案): blocks, items with their rules, unit groups, the negative
// list and the conversion into the annual target-responsibility assessment. Rules are data an admin edits
// as JSON in the console; validate-plan.ts checks them and docs/scoring-rules.md documents them.
import type { AdoptionLevel, FactKind, InstructionLevel, OutletLevel, OutletMedium } from './facts.ts';
import type { UnitKind } from '../org.ts';

/** Which facts a rule counts. Every listed condition must hold; a list matches any of its values. */
export interface FactMatch {
  kinds: FactKind[];
  activityTypes?: string[];
  /** any one of these theme tags */
  themes?: string[];
  outletMedia?: OutletMedium[];
  outletLevels?: OutletLevel[];
  adoptionLevels?: AdoptionLevel[];
}

/** A condition for a multiplier: the same fields as a match, without kinds. */
export type FactCondition = Omit<FactMatch, 'kinds'>;

export const PIECE_BASES = ['flat', 'outletLevel', 'adoptionLevel', 'awardRank'] as const;
export type PieceBasis = (typeof PIECE_BASES)[number];

export interface PerPieceRule {
  type: 'perPiece';
  match: FactMatch;
  /** what the points per piece depend on */
  by: PieceBasis;
  /** by 'flat': a number; otherwise points keyed by level (a level not listed earns nothing) */
  perPiece: number | Record<string, number>;
  multipliers?: Array<{ when: FactCondition; factor: number; label: string }>;
  /** 批示 bonus by the instructing leader's level, added after multipliers */
  leaderInstructionBonus?: Partial<Record<InstructionLevel, number>>;
}

export interface MonthlyQuotaRule {
  type: 'monthlyQuota';
  match: FactMatch;
  /** pieces a month required, per group code */
  quota: Record<string, number>;
  /** earned in a month the quota is met; a month with nothing reported earns none */
  basePerMonth: number;
  /** deducted from the month's base per missing piece (the month never goes below 0) */
  shortfallPenalty: number;
  /** first month (1–12) the quota applies, e.g. 5 once officers are named by the end of April */
  fromMonth?: number;
}

export interface DeadlineRule {
  type: 'deadline';
  match: FactMatch;
  /** on or before: the item's full points */
  due: string;
  /** after due, on or before lateUntil: latePoints; later or never: nothing */
  lateUntil: string;
  latePoints: number;
}

export interface ProportionalRule {
  type: 'proportional';
  match: FactMatch;
  /** 'sum': quantities added up (subscriptions); 'growth': last measured minus first (followers) */
  measure: 'sum' | 'growth';
  /** the target value per group code; points = maxPoints × min(1, value / target) */
  target: Record<string, number>;
}

export interface AdoptionRateRule {
  type: 'adoptionRate';
  match: FactMatch;
  /** a quarter whose adoption rate (adopted / submitted) is below this loses `penalty` */
  minRate: number;
  penalty: number;
}

export interface SilenceRule {
  type: 'silence';
  match: FactMatch;
  /** more than this many days between two posts (or after the last, once the year is over) */
  maxGapDays: number;
  penalty: number;
}

/** each matching inspection finding deducts the points of its code (decision 195); codes not listed: none */
export interface FindingRule {
  type: 'finding';
  match: FactMatch;
  /** points per finding, by the finding's code (the fact's activityType), e.g. accountNoInteraction */
  penalty: Record<string, number>;
}

export type PlanRule =
  | PerPieceRule
  | MonthlyQuotaRule
  | DeadlineRule
  | ProportionalRule
  | AdoptionRateRule
  | SilenceRule
  | FindingRule;
export type RuleType = PlanRule['type'];
export const RULE_TYPES: readonly RuleType[] = [
  'perPiece',
  'monthlyQuota',
  'deadline',
  'proportional',
  'adoptionRate',
  'silence',
  'finding',
];
/** rules that only ever take points away: their item's cap is maxDeduction, not maxPoints */
export const DEDUCTION_RULES: readonly RuleType[] = ['adoptionRate', 'silence', 'finding'];

export interface PlanItem {
  code: string;
  name: string;
  /** the item's cap (for deduction rules: 0) */
  maxPoints: number;
  /** for deduction rules: the most the item can take away */
  maxDeduction?: number;
  /** group codes this item does not apply to: their total is rescaled to 100 */
  notApplicableTo?: string[];
  rule: PlanRule;
}

export interface PlanBlock {
  code: string;
  name: string;
  /** the block's cap; the blocks' caps sum to 100 */
  maxPoints: number;
  items: PlanItem[];
}

export interface PlanGroup {
  code: string;
  name: string;
  unitKinds: UnitKind[];
}

export interface NegativeListEntry {
  code: string;
  name: string;
  /** deducted from the total for each fact of kind 'negative' with this negativeCode */
  points: number;
  /** group codes it applies to; all groups when absent */
  groups?: string[];
}

export interface PlanDocument {
  /** a note shown in the console, e.g. that the point values are examples */
  note?: string;
  /** who issues the bulletins and notices: the issuing body, the document-number prefix (常环宣), the
   *  office that prints them; the owner bureau's name when absent */
  office?: { issuer: string; docPrefix: string; printedBy: string };
  /** codes of units in the groups' kinds that this plan does not rank: the assessing unit itself (the
   *  information centre reviews everyone else's work and would otherwise be scored 0 — decision 131) */
  notRanked?: string[];
  /** publicity's share of the annual target-responsibility assessment: total / 100 × annualWeight */
  annualWeight: number;
  /** joint submissions: 'equal' splits evenly; 'lead' gives the lead unit leadShare, the rest evenly */
  joint: { mode: 'equal' } | { mode: 'lead'; leadShare: number };
  groups: PlanGroup[];
  blocks: PlanBlock[];
  negativeList: NegativeListEntry[];
}

export const PLAN_TOTAL = 100;
