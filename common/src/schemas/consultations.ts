// API contract of draft consultations (意见征集), the monthly case statistics and the annual disclosure
// report in the console (decisions 146–148). The public reads and comments through the portal's pages.
import Type, { type Static } from 'typebox';
import { COMMENT_ADOPTIONS, COMMENT_MODERATIONS, CONSULTATION_PHASES } from '../cases/consultations.ts';
import { CASE_STATUSES } from '../cases/case-workflow.ts';
import { IsoDate, RowId } from './common.ts';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();

export const ConsultationFile = Type.Object({
  id: Type.Integer(),
  name: Str,
  mime: Str,
  size: Type.Integer(),
  url: Str,
});

export const ConsultationComment = Type.Object({
  id: Type.Integer(),
  trackingNumber: Str,
  status: Type.Enum(CASE_STATUSES),
  receivedOn: Str,
  text: Str,
  moderation: Type.Enum(COMMENT_MODERATIONS),
  shownText: Nullable(Str),
  adoption: Nullable(Type.Enum(COMMENT_ADOPTIONS)),
  adoptionReason: Nullable(Str),
  version: Type.Integer(),
});
export type ConsultationComment = Static<typeof ConsultationComment>;

export const Consultation = Type.Object({
  id: Type.Integer(),
  title: Str,
  summary: Str,
  body: Str,
  opensOn: Str,
  closesOn: Str,
  phase: Type.Enum(CONSULTATION_PHASES),
  publishedAt: Nullable(Str),
  resultText: Nullable(Str),
  resultPublishedAt: Nullable(Str),
  files: Type.Array(ConsultationFile),
  comments: Type.Object({ total: Type.Integer(), pending: Type.Integer(), shown: Type.Integer() }),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Str,
});
export type Consultation = Static<typeof Consultation>;

const fields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  summary: Type.String({ maxLength: 2000 }),
  body: Type.String({ minLength: 1, maxLength: 100000 }),
  opensOn: IsoDate,
  closesOn: IsoDate,
};
export const ConsultationInput = Type.Object(
  { ...fields, summary: Type.Optional(fields.summary) },
  { additionalProperties: false },
);
export type ConsultationInput = Static<typeof ConsultationInput>;
export const ConsultationUpdate = Type.Object(
  {
    version: RowId(),
    title: Type.Optional(fields.title),
    summary: Type.Optional(fields.summary),
    body: Type.Optional(fields.body),
    opensOn: Type.Optional(IsoDate),
    closesOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type ConsultationUpdate = Static<typeof ConsultationUpdate>;

export const ConsultationTransition = Type.Object(
  {
    version: RowId(),
    action: Type.Union([Type.Literal('publish'), Type.Literal('withdraw'), Type.Literal('publishResult')]),
    resultText: Type.Optional(Type.String({ maxLength: 20000, description: 'publishResult: the summary' })),
  },
  { additionalProperties: false },
);
export type ConsultationTransition = Static<typeof ConsultationTransition>;

export const CommentModerationInput = Type.Object(
  {
    version: RowId(),
    moderation: Type.Union([Type.Literal('shown'), Type.Literal('hidden')]),
    shownText: Type.Optional(Type.String({ maxLength: 5000, description: 'the text shown, edited' })),
  },
  { additionalProperties: false },
);
export type CommentModerationInput = Static<typeof CommentModerationInput>;

export const CommentAdoptionInput = Type.Object(
  {
    version: RowId(),
    adoption: Type.Enum(COMMENT_ADOPTIONS),
    reason: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type CommentAdoptionInput = Static<typeof CommentAdoptionInput>;

export const CommentParams = Type.Object(
  { id: RowId(), commentId: RowId() },
  { additionalProperties: false },
);
export const ConsultationFileParams = Type.Object(
  { id: RowId(), fileId: RowId() },
  { additionalProperties: false },
);

// ——— monthly statistics ———
export const CaseStatsLineSchema = Type.Object({
  key: Str,
  received: Type.Integer(),
  accepted: Type.Integer(),
  answered: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  overdue: Type.Integer(),
});
export const MonthlyCaseStats = Type.Object({
  month: Str,
  months: Type.Array(Str, { description: 'the months that have figures, newest first' }),
  total: CaseStatsLineSchema,
  byKind: Type.Array(CaseStatsLineSchema),
  byCategory: Type.Array(CaseStatsLineSchema),
  byCounty: Type.Array(CaseStatsLineSchema),
  byUnit: Type.Array(CaseStatsLineSchema),
});
export type MonthlyCaseStats = Static<typeof MonthlyCaseStats>;
export const MonthQuery = Type.Object(
  { month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })) },
  { additionalProperties: false },
);

// ——— the annual disclosure report ———
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Four = Type.Tuple([Count, Count, Count, Count]);
export const DisclosureReportEnteredSchema = Type.Object(
  {
    overview: Type.String({ maxLength: 20000 }),
    rulesMade: Count,
    rulesRepealed: Count,
    rulesInForce: Count,
    enforcement: Count,
    feesWan: Type.Number({ minimum: 0, maximum: 1_000_000 }),
    review: Four,
    litigationDirect: Four,
    litigationAfterReview: Four,
    problems: Type.String({ maxLength: 20000 }),
    otherMatters: Type.String({ maxLength: 20000 }),
  },
  { additionalProperties: false },
);
export const ReportTableSchema = Type.Object({
  caption: Str,
  headers: Type.Array(Str),
  rows: Type.Array(Type.Array(Str)),
  widths: Type.Array(Type.Number()),
  section: Type.Integer(),
});
export const DisclosureReportView = Type.Object({
  year: Type.Integer(),
  title: Str,
  sections: Type.Array(Type.Object({ heading: Str, paragraphs: Type.Array(Str) })),
  tables: Type.Array(ReportTableSchema),
  requests: Type.Object({
    received: Type.Integer(),
    carriedIn: Type.Integer(),
    handled: Type.Integer(),
    carriedOut: Type.Integer(),
  }),
  entered: DisclosureReportEnteredSchema,
  articleId: Nullable(Type.Integer()),
  version: Type.Integer(),
});
export type DisclosureReportView = Static<typeof DisclosureReportView>;
export const DisclosureReportSave = Type.Object(
  { version: Type.Integer({ minimum: 0 }), entered: DisclosureReportEnteredSchema },
  { additionalProperties: false },
);
export type DisclosureReportSave = Static<typeof DisclosureReportSave>;
