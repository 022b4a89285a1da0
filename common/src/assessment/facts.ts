// Assessment facts: what the scoring engine counts. Every approved submission (news report, government
// information, activity, subscription, WeChat account, follower count…) becomes one fact; later
// registries (activities, the new-media matrix) feed the same facts. The engine reads nothing else.

export const FACT_KINDS = [
  'newsReport', // 新闻媒体报道
  'govInfo', // 政务信息 (adoption by higher bodies)
  'onlineMedia', // 网络媒体
  'newMedia', // 新媒体 post
  'activity', // an event: June-5 Environment Day, lecture hall, five-into, contest entry or award
  'subscription', // paper subscriptions: quantity = copies, for the year of `date`
  'wechatAccount', // a WeChat official account opened on `date`
  'followerCount', // followers of the unit's account measured on `date`: quantity = count
  'mediaAccount', // a WeChat official account in the new-media registry, opened on `date` (written by the system)
  'mediaFollowers', // the unit's WeChat official-account followers at the end of `date`'s month: quantity (system)
  'mediaSubscription', // one paper's copies for a unit and year in the subscription register: quantity = copies (system)
  'mediaSilence', // one account's silent spell measured by the matrix: quantity = days, date = silent from (system)
  'inspectionFinding', // a self-inspection finding about a unit's account: activityType = the finding code, date = first seen (system)
  'negative', // a negative-list item (负面清单) or criticism: negativeCode says which
  'other',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const OUTLET_LEVELS = ['central', 'provincial', 'municipal', 'county'] as const;
export type OutletLevel = (typeof OUTLET_LEVELS)[number];
export const OUTLET_MEDIA = ['paper', 'broadcast', 'web', 'newMedia'] as const;
export type OutletMedium = (typeof OUTLET_MEDIA)[number];
/** who adopted (采用) a piece of government information; 'none' = submitted, not adopted */
export const ADOPTION_LEVELS = ['none', 'county', 'municipal', 'provincial', 'national'] as const;
export type AdoptionLevel = (typeof ADOPTION_LEVELS)[number];
/** the level of the leader who wrote an instruction (批示) on it */
export const INSTRUCTION_LEVELS = ['municipal', 'provincial', 'national'] as const;
export type InstructionLevel = (typeof INSTRUCTION_LEVELS)[number];

/** contest award ranks (for activity facts of type contestAward) */
export const AWARD_RANKS = ['first', 'second', 'third', 'excellence'] as const;
export type AwardRank = (typeof AWARD_RANKS)[number];

export interface AssessmentFact {
  /** stable and unique, e.g. 'submission:42' */
  id: string;
  kind: FactKind;
  /** the China calendar date the fact counts on: publication, event, opening or measurement date */
  date: string;
  /** the units credited; the first is the lead unit. A joint submission's points are split among them. */
  unitIds: number[];
  outletLevel: OutletLevel | null;
  outletMedium: OutletMedium | null;
  adoptionLevel: AdoptionLevel | null;
  leaderInstruction: InstructionLevel | null;
  /** for activities: 'environmentDay' | 'lectureHall' | 'fiveInto' | 'census' | 'inspection' | 'contestEntry' | 'contestAward' | … */
  activityType: string | null;
  /** for contest awards: 'first' | 'second' | 'third' | 'excellence' */
  awardRank: string | null;
  /** copies (subscription), followers (followerCount), or a count of people reached (activity) */
  quantity: number | null;
  /** for kind 'negative': the negative-list item */
  negativeCode: string | null;
  /** theme tags from the plan's main activities (lectureHall, fiveInto, census, inspection, pollutionAir …) */
  themes: string[];
  /** what the explanation trace shows a person */
  title: string;
}
