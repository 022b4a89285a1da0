// API contract of public cases in the console (docs/public-interaction.md). The public files and follows
// cases through the portal's forms (server-rendered, no JSON), so only staff routes are here.
import Type, { type Static } from 'typebox';
import {
  APPLICANT_TYPES,
  ORGANISATION_KINDS,
  CASE_KINDS,
  INFO_ANSWER_TYPES,
  INFO_DELIVERIES,
  INFO_FORMS,
  REPORT_CATEGORIES,
  WITHHOLD_GROUNDS,
} from '../cases/case-kinds.ts';
import { CASE_ACTIONS, CASE_STATUSES } from '../cases/case-workflow.ts';
import { PageQuery, RowId } from './common.ts';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
export const TIMELINESS = ['onTime', 'dueSoon', 'overdue'] as const;
/** how an open case stands against its time limit, as the console's queue and its export say it */
export const TIMELINESS_LABELS: Record<(typeof TIMELINESS)[number], { zh: string; en: string }> = {
  onTime: { zh: '期限内', en: 'On time' },
  dueSoon: { zh: '3日内到期', en: 'Due within 3 days' },
  overdue: { zh: '已超期', en: 'Overdue' },
};
export const EXTENSION_STATES = ['none', 'requested', 'approved', 'refused'] as const;

export const CaseSummary = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(CASE_KINDS),
  trackingNumber: Str,
  status: Type.Enum(CASE_STATUSES),
  category: Nullable(Type.Enum(REPORT_CATEGORIES)),
  county: Nullable(Str),
  subject: Nullable(Str),
  excerpt: Str,
  receivedOn: Str,
  dueOn: Nullable(Str),
  timeliness: Nullable(Type.Enum(TIMELINESS)),
  assignedUnitId: Nullable(Type.Integer()),
  assignedUnitName: Nullable(Str),
  extensionState: Type.Enum(EXTENSION_STATES),
  anonymous: Type.Boolean(),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Str,
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseQueueQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(CASE_STATUSES)),
    kind: Type.Optional(Type.Enum(CASE_KINDS)),
    timeliness: Type.Optional(Type.Enum(TIMELINESS)),
    extension: Type.Optional(Type.Literal('requested')),
    open: Type.Optional(Type.Boolean({ description: 'only cases not yet final' })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CaseQueueQuery = Static<typeof CaseQueueQuery>;

export const CaseEvent = Type.Object({
  id: Type.Integer(),
  at: Str,
  action: Str,
  fromStatus: Nullable(Type.Enum(CASE_STATUSES)),
  toStatus: Nullable(Type.Enum(CASE_STATUSES)),
  note: Nullable(Str),
  public: Type.Boolean(),
  actorName: Nullable(Str),
  unitName: Nullable(Str),
});
export type CaseEvent = Static<typeof CaseEvent>;

export const CaseLimit = Type.Object({
  stage: Type.Union([
    Type.Literal('accept'),
    Type.Literal('handle'),
    Type.Literal('answer'),
    Type.Literal('reply'),
    Type.Literal('completion'),
  ]),
  due: Str,
  days: Type.Integer(),
  unit: Type.Union([Type.Literal('calendarDays'), Type.Literal('workingDays')]),
  uncertain: Type.Boolean(),
});

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  description: Str,
  address: Nullable(Str),
  publicReplyWanted: Type.Boolean(),
  identityShared: Type.Boolean(),
  applicantType: Nullable(Type.Enum(APPLICANT_TYPES)),
  organisationKind: Nullable(Type.Enum(ORGANISATION_KINDS)),
  infoForm: Nullable(Type.Enum(INFO_FORMS)),
  infoDelivery: Nullable(Type.Enum(INFO_DELIVERIES)),
  acceptedOn: Nullable(Str),
  extensionDays: Type.Integer(),
  extensionRequestDays: Nullable(Type.Integer()),
  extensionReason: Nullable(Str),
  decisionReason: Nullable(Str),
  redirectTo: Nullable(Str),
  countyResult: Nullable(Str),
  replyText: Nullable(Str),
  repliedAt: Nullable(Str),
  answerType: Nullable(Type.Enum(INFO_ANSWER_TYPES)),
  answerBasis: Nullable(Str),
  answerGround: Nullable(Type.Enum(WITHHOLD_GROUNDS)),
  /** an answered information request: its answer letter (GB/T 9704) can be downloaded by the handler */
  answerLetter: Type.Boolean(),
  published: Type.Boolean(),
  publishedQuestion: Nullable(Str),
  publishedReply: Nullable(Str),
  rating: Nullable(Type.Integer()),
  ratingComment: Nullable(Str),
  photos: Type.Array(
    Type.Object({ id: Type.Integer(), fileName: Str, mediaType: Str, size: Type.Integer() }),
  ),
  events: Type.Array(CaseEvent),
  limit: Nullable(CaseLimit),
  /** which side the signed-in person works on: the receiving bureau, or the assigned county bureau */
  side: Type.Union([Type.Literal('handler'), Type.Literal('county'), Type.Literal('leader')]),
  actions: Type.Array(Type.Enum(CASE_ACTIONS)),
  canRequestExtension: Type.Boolean(),
  canDecideExtension: Type.Boolean(),
  /** a letter whose writer agreed: the receiving bureau's handler may publish, edit or take down its Q&A */
  canEditPublication: Type.Boolean(),
  maxExtensionDays: Nullable(Type.Integer()),
  /** whether this person may open the reporter's identity (each opening is audited) */
  reporter: Type.Union([
    Type.Literal('anonymous'),
    Type.Literal('available'),
    Type.Literal('withheld'),
    Type.Literal('erased'),
  ]),
});
export type CaseDetail = Static<typeof CaseDetail>;

const Note = Type.String({ maxLength: 5000 });
/** the handler's instructions to the county bureau on assigning a case (decision 213) */
export const ASSIGN_INSTRUCTIONS_MAX = 2000;
export const CaseActionInput = Type.Object(
  {
    action: Type.Enum(CASE_ACTIONS),
    version: RowId(),
    note: Type.Optional(Note),
    unitId: Type.Optional(RowId({ description: 'assign: the county bureau' })),
    instructions: Type.Optional(
      Type.String({
        maxLength: ASSIGN_INSTRUCTIONS_MAX,
        description: 'assign: what the handler asks of the county bureau (not shown to the person)',
      }),
    ),
    reason: Type.Optional(Note),
    redirectTo: Type.Optional(Type.String({ maxLength: 500 })),
    reply: Type.Optional(Type.String({ maxLength: 20000 })),
    answerType: Type.Optional(Type.Enum(INFO_ANSWER_TYPES)),
    answerBasis: Type.Optional(Type.String({ maxLength: 2000 })),
    answerGround: Type.Optional(
      Type.Enum(WITHHOLD_GROUNDS, { description: 'notDisclosed: the ground (art. 14–16)' }),
    ),
    publish: Type.Optional(Type.Boolean()),
    publishedQuestion: Type.Optional(Type.String({ maxLength: 20000 })),
    publishedReply: Type.Optional(Type.String({ maxLength: 20000 })),
  },
  { additionalProperties: false },
);
export type CaseActionInput = Static<typeof CaseActionInput>;

/** The Q&A as the portal shows it: both texts are masked again by the server (redact.ts). */
export const PublicationInput = Type.Object(
  {
    version: RowId(),
    publishedQuestion: Type.String({ minLength: 1, maxLength: 20000 }),
    publishedReply: Type.String({ minLength: 1, maxLength: 20000 }),
  },
  { additionalProperties: false },
);
export type PublicationInput = Static<typeof PublicationInput>;

/** Taking a published Q&A off the portal; the reason stays in the case's internal timeline. */
export const PublicationWithdrawInput = Type.Object(
  { version: RowId(), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type PublicationWithdrawInput = Static<typeof PublicationWithdrawInput>;

export const ExtensionRequestInput = Type.Object(
  {
    version: RowId(),
    days: Type.Integer({ minimum: 1, maximum: 30 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type ExtensionRequestInput = Static<typeof ExtensionRequestInput>;

export const ExtensionDecisionInput = Type.Object(
  { version: RowId(), approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type ExtensionDecisionInput = Static<typeof ExtensionDecisionInput>;

export const ReporterIdentity = Type.Object({
  name: Nullable(Str),
  phone: Nullable(Str),
  email: Nullable(Str),
  address: Nullable(Str),
  idNumber: Nullable(Str),
  organisation: Nullable(Str),
});
export type ReporterIdentity = Static<typeof ReporterIdentity>;

export const CountyOption = Type.Object({ id: Type.Integer(), name: Str, area: Str });
export type CountyOption = Static<typeof CountyOption>;
