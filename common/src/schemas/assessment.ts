import Type, { type Static } from 'typebox';
import { PERIOD_KINDS } from '../assessment/periods.ts';
import { TRACE_KINDS } from '../assessment/trace.ts';
import { IsoDate, IsoDateTime, RowId, Text } from './common.ts';

export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
/** a plan document: checked by validatePlanDocument, which names the exact path of each problem */
export const PlanDocumentSchema = Type.Unknown({
  description: 'the plan document, see docs/scoring-rules.md',
});

export const InterviewRuleSchema = Type.Object(
  {
    bottomN: Type.Integer({ minimum: 1, maximum: 10 }),
    consecutiveMonths: Type.Integer({ minimum: 0, maximum: 12 }),
    lastForYear: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const PlanSummary = Type.Object({
  id: Type.Integer(),
  ownerUnitId: Type.Integer(),
  ownerUnitName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  rulesVersion: Type.Integer(),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: IsoDateTime,
});
export type PlanSummary = Static<typeof PlanSummary>;

export const PlanDetail = Type.Object({
  ...PlanSummary.properties,
  document: PlanDocumentSchema,
  interviewRule: InterviewRuleSchema,
  versions: Type.Array(
    Type.Object({
      rulesVersion: Type.Integer(),
      note: Type.String(),
      createdBy: Type.Union([Type.String(), Type.Null()]),
      createdAt: IsoDateTime,
    }),
  ),
});
export type PlanDetail = Static<typeof PlanDetail>;

export const PlanCreate = Type.Object(
  {
    year: Year,
    title: Text(100),
    /** the rules to start from; the 2018 default template when absent */
    document: Type.Optional(PlanDocumentSchema),
  },
  { additionalProperties: false },
);
export const PlanUpdate = Type.Object(
  {
    version: RowId(),
    title: Type.Optional(Text(100)),
    interviewRule: Type.Optional(InterviewRuleSchema),
  },
  { additionalProperties: false },
);
export const PlanCopy = Type.Object(
  { year: Year, title: Type.Optional(Text(100)) },
  { additionalProperties: false },
);
export const RulesChange = Type.Object(
  { version: RowId(), document: PlanDocumentSchema, note: Text(200) },
  { additionalProperties: false },
);
export const DryRunBody = Type.Object({ document: PlanDocumentSchema }, { additionalProperties: false });

export const PlanVersionParams = Type.Object(
  { id: RowId(), rulesVersion: Type.Integer({ minimum: 1, maximum: 100000 }) },
  { additionalProperties: false },
);
/** one saved rules version with its document (the versions tab diffs it against the current one) */
export const PlanVersion = Type.Object({
  rulesVersion: Type.Integer(),
  note: Type.String(),
  document: PlanDocumentSchema,
});
export type PlanVersion = Static<typeof PlanVersion>;
export const RulesRestore = Type.Object({ version: RowId() }, { additionalProperties: false });

export const DryRunResult = Type.Object({
  rows: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      group: Type.String(),
      /** the group's name in the plan (the dry run says groups in words) */
      groupName: Type.String(),
      before: Type.Number(),
      after: Type.Number(),
      delta: Type.Number(),
      rankBefore: Type.Integer(),
      rankAfter: Type.Integer(),
    }),
  ),
  changed: Type.Integer(),
});
export type DryRunResult = Static<typeof DryRunResult>;

export const PeriodKindSchema = Type.Enum(PERIOD_KINDS);

export const RulesImpactBody = Type.Object(
  { planId: RowId(), document: PlanDocumentSchema },
  { additionalProperties: false },
);
/** the published bulletins whose numbers new rules would compute differently (they stay as published) */
export const RulesImpact = Type.Object({
  published: Type.Array(
    Type.Object({
      bulletinId: Type.Integer(),
      period: PeriodKindSchema,
      index: Type.Integer(),
      label: Type.String(),
      labelEn: Type.String(),
      docNumber: Type.Union([Type.String(), Type.Null()]),
      /** units whose points in that period would differ from the published ones */
      changedUnits: Type.Integer(),
    }),
  ),
});
export type RulesImpact = Static<typeof RulesImpact>;
export const PeriodQuery = Type.Object(
  {
    period: Type.Optional(PeriodKindSchema),
    index: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    group: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type PeriodQuery = Static<typeof PeriodQuery>;

export const PlanUnitParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    unitId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  },
  { additionalProperties: false },
);

const RankingRow = Type.Object({
  rank: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  points: Type.Number(),
  annualPoints: Type.Number(),
});
export const Ranking = Type.Object({
  planId: Type.Integer(),
  year: Type.Integer(),
  period: PeriodKindSchema,
  index: Type.Integer(),
  label: Type.String(),
  labelEn: Type.String(),
  lastMonth: Type.Integer(),
  groups: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      size: Type.Integer(),
      rows: Type.Array(RankingRow),
    }),
  ),
});
export type Ranking = Static<typeof Ranking>;

export const Trend = Type.Object({
  months: Type.Array(Type.Integer()),
  series: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      group: Type.String(),
      /** year-to-date points at the end of each month */
      cumulative: Type.Array(Type.Number()),
      /** the month's own points */
      monthly: Type.Array(Type.Number()),
      /** rank in the group on the month's own points */
      ranks: Type.Array(Type.Integer()),
    }),
  ),
});
export type Trend = Static<typeof Trend>;

export const TraceLineSchema = Type.Object({
  month: Type.Integer(),
  kind: Type.Enum(TRACE_KINDS),
  factId: Type.Union([Type.String(), Type.Null()]),
  /** the source's title ('submission:42' → the submission's title); null when it has none */
  factTitle: Type.Union([Type.String(), Type.Null()]),
  date: Type.Union([Type.String(), Type.Null()]),
  points: Type.Number(),
  zh: Type.String(),
  en: Type.String(),
});
export const ScoreExplanation = Type.Object({
  planId: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  group: Type.String(),
  groupName: Type.String(),
  label: Type.String(),
  labelEn: Type.String(),
  points: Type.Number(),
  annualPoints: Type.Number(),
  rank: Type.Integer(),
  groupSize: Type.Integer(),
  blocks: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      maxPoints: Type.Number(),
      points: Type.Number(),
      items: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          maxPoints: Type.Number(),
          points: Type.Number(),
          lines: Type.Array(TraceLineSchema),
        }),
      ),
      lines: Type.Array(TraceLineSchema),
    }),
  ),
  /** rescaling, negative list and the 0–100 bounds */
  planLines: Type.Array(TraceLineSchema),
});
export type ScoreExplanation = Static<typeof ScoreExplanation>;

export const BULLETIN_STATUSES = ['draft', 'pending', 'approved', 'published'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];
export const Bulletin = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  period: PeriodKindSchema,
  index: Type.Integer(),
  /** issued at approval (decision 130): null for a draft or one awaiting approval */
  docNumber: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  body: Type.String(),
  status: Type.Enum(BULLETIN_STATUSES),
  returnReason: Type.Union([Type.String(), Type.Null()]),
  draftedBy: Type.String(),
  approvedBy: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.Union([IsoDateTime, Type.Null()]),
  publishedAt: Type.Union([IsoDateTime, Type.Null()]),
  version: Type.Integer(),
  createdAt: IsoDateTime,
});
export type Bulletin = Static<typeof Bulletin>;
export const BulletinCreate = Type.Object(
  {
    planId: RowId(),
    period: Type.Union([Type.Literal('month'), Type.Literal('quarter')]),
    index: Type.Integer({ minimum: 1, maximum: 12 }),
    title: Type.Optional(Text(100)),
    body: Type.Optional(Text(5000)),
  },
  { additionalProperties: false },
);
export const BulletinEdit = Type.Object(
  { version: RowId(), title: Type.Optional(Text(100)), body: Type.Optional(Text(5000)) },
  { additionalProperties: false },
);
export const BulletinVersion = Type.Object({ version: RowId() }, { additionalProperties: false });
export const BulletinReturn = Type.Object(
  { version: RowId(), reason: Text(500) },
  { additionalProperties: false },
);

export const InterviewCandidateSchema = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  group: Type.String(),
  months: Type.Array(Type.Integer()),
  lastForYear: Type.Boolean(),
  reason: Type.String(),
  reasonEn: Type.String(),
  interviewId: Type.Union([Type.Integer(), Type.Null()]),
});
export const INTERVIEW_STATUSES = ['scheduled', 'held', 'rectified', 'withdrawn'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
export const Interview = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  reason: Type.String(),
  docNumber: Type.String(),
  status: Type.Enum(INTERVIEW_STATUSES),
  confirmedBy: Type.String(),
  confirmedAt: IsoDateTime,
  date: Nullable(IsoDate),
  time: Nullable(Type.String()),
  place: Nullable(Type.String()),
  interviewer: Nullable(Type.String()),
  withdrawnReason: Nullable(Type.String()),
  heldOn: Nullable(IsoDate),
  minutes: Nullable(Type.String()),
  rectification: Nullable(Type.String()),
  rectificationDue: Nullable(IsoDate),
  rectifiedOn: Nullable(IsoDate),
  version: Type.Integer(),
});
export type Interview = Static<typeof Interview>;
export const InterviewList = Type.Object({
  planId: Type.Integer(),
  rule: InterviewRuleSchema,
  candidates: Type.Array(InterviewCandidateSchema),
  /** units with no points month after month while others scored: to chase up, not ranked (decision 136) */
  silent: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      group: Type.String(),
      months: Type.Array(Type.Integer()),
      reason: Type.String(),
      reasonEn: Type.String(),
    }),
  ),
  confirmed: Type.Array(Interview),
});
export type InterviewList = Static<typeof InterviewList>;
/** leadership confirms with when, where and who: printed on the notice (decision 134) */
export const InterviewConfirm = Type.Object(
  { unitId: RowId(), date: IsoDate, time: ClockTime, place: Text(100), interviewer: Text(100) },
  { additionalProperties: false },
);
export const InterviewWithdraw = Type.Object(
  { version: RowId(), reason: Text(500) },
  { additionalProperties: false },
);
export const InterviewMinutes = Type.Object(
  {
    version: RowId(),
    heldOn: IsoDate,
    minutes: Text(5000),
    rectification: Text(2000),
    rectificationDue: IsoDate,
  },
  { additionalProperties: false },
);
export const InterviewRectified = Type.Object(
  { version: RowId(), rectifiedOn: IsoDate },
  { additionalProperties: false },
);
export const OwnInterviews = Type.Object({
  items: Type.Array(Type.Object({ ...Interview.properties, planTitle: Type.String() })),
});

/** a negative-list deduction (负面清单) recorded by the information centre (decision 132) */
export const Deduction = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  code: Type.String(),
  name: Type.String(),
  points: Type.Number(),
  date: IsoDate,
  reason: Type.String(),
  evidence: Type.String(),
  recordedBy: Type.String(),
  recordedAt: IsoDateTime,
});
export type Deduction = Static<typeof Deduction>;
export const DeductionList = Type.Object({
  items: Type.Array(Deduction),
  negativeList: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      points: Type.Number(),
      groups: Type.Optional(Type.Array(Type.String())),
    }),
  ),
});
export const DeductionInput = Type.Object(
  {
    unitId: RowId(),
    code: Text(32),
    date: IsoDate,
    /** what was wrong: the piece, the error, the report missed */
    reason: Text(500),
    /** where it is shown: the notice, the document number, the link */
    evidence: Text(500),
  },
  { additionalProperties: false },
);
export const DeductionDelete = Type.Object({ reason: Text(500) }, { additionalProperties: false });

export const DateCheckQuery = Type.Object({ date: IsoDate }, { additionalProperties: false });
export const DateCheck = Type.Object({
  planId: Type.Union([Type.Integer(), Type.Null()]),
  warnings: Type.Array(
    Type.Object({
      code: Type.Union([Type.Literal('outsidePlanYear'), Type.Literal('closedMonth')]),
      message: Type.String(),
      messageEn: Type.String(),
    }),
  ),
});
export type DateCheck = Static<typeof DateCheck>;
