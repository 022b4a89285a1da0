import Type, { type Static } from 'typebox';
import { ADOPTION_LEVELS, INSTRUCTION_LEVELS } from '../assessment/facts.ts';
import {
  ACTIVITY_TYPES,
  AWARD_RANKS,
  SUBMISSION_KINDS,
  SUBMISSION_THEMES,
} from '../submissions/submission-kinds.ts';
import { SUBMISSION_ACTIONS, SUBMISSION_STATUSES } from '../submissions/submission-workflow.ts';
import { IsoDate, PageQuery, RowId, Text } from './common.ts';
import { OutletLevelSchema, OutletMediumSchema } from './outlets.ts';

export const SubmissionKindSchema = Type.Enum(SUBMISSION_KINDS);
export const SubmissionStatusSchema = Type.Enum(SUBMISSION_STATUSES);
export const SubmissionActionSchema = Type.Enum(SUBMISSION_ACTIONS);
export const AdoptionLevelSchema = Type.Enum(ADOPTION_LEVELS);
export const InstructionLevelSchema = Type.Enum(INSTRUCTION_LEVELS);
const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()]);

export const MAX_EVIDENCE_PER_SUBMISSION = 10;
export const MAX_CO_UNITS = 10;

/** What the officer fills in. Unit, status and review fields are never client-settable (§13). */
const submissionFields = {
  kind: SubmissionKindSchema,
  title: Text(200),
  date: IsoDate,
  outletId: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2147483647 }))),
  link: Type.Optional(
    Nullable(Type.String({ maxLength: 1000, pattern: '^https?://[^\\s]+$', description: 'http(s) URL' })),
  ),
  themes: Type.Optional(Type.Array(Type.Enum(SUBMISSION_THEMES), { maxItems: 14, uniqueItems: true })),
  coUnitIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), {
      maxItems: MAX_CO_UNITS,
      uniqueItems: true,
    }),
  ),
  evidenceIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), {
      maxItems: MAX_EVIDENCE_PER_SUBMISSION,
      uniqueItems: true,
    }),
  ),
  activityType: Type.Optional(Nullable(Type.Enum(ACTIVITY_TYPES))),
  awardRank: Type.Optional(Nullable(Type.Enum(AWARD_RANKS))),
  quantity: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000 }))),
  accountName: Type.Optional(Nullable(Text(100))),
  summary: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

export const SubmissionInput = Type.Object(
  {
    ...submissionFields,
    /** false keeps it a draft; true submits it for review at once */
    submit: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SubmissionInput = Static<typeof SubmissionInput>;

export const SubmissionUpdate = Type.Object(
  {
    kind: Type.Optional(submissionFields.kind),
    title: Type.Optional(submissionFields.title),
    date: Type.Optional(submissionFields.date),
    outletId: submissionFields.outletId,
    link: submissionFields.link,
    themes: submissionFields.themes,
    coUnitIds: submissionFields.coUnitIds,
    evidenceIds: submissionFields.evidenceIds,
    activityType: submissionFields.activityType,
    awardRank: submissionFields.awardRank,
    quantity: submissionFields.quantity,
    accountName: submissionFields.accountName,
    summary: submissionFields.summary,
  },
  { additionalProperties: false },
);
export type SubmissionUpdate = Static<typeof SubmissionUpdate>;

/** Optimistic concurrency: the version the person saw, as the ETag the server sent ("3"). */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.String({ pattern: '^(W/)?"[0-9]{1,9}"$', description: 'the ETag of the version seen' }),
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 128,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'a repeat with the same key returns the first answer',
    }),
  ),
});

export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const ReviewInput = Type.Object(
  {
    action: Type.Enum(['approve', 'return', 'reject'] as const),
    /** required to return or reject: the officer reads it */
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    adoptionLevel: Type.Optional(AdoptionLevelSchema),
    leaderInstruction: Type.Optional(Nullable(InstructionLevelSchema)),
    instructionNote: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

/** The adoption level and leader instruction (批示) recorded after the approval; absent fields stay. */
export const OutcomeInput = Type.Object(
  {
    adoptionLevel: Type.Optional(AdoptionLevelSchema),
    leaderInstruction: Type.Optional(Nullable(InstructionLevelSchema)),
    instructionNote: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type OutcomeInput = Static<typeof OutcomeInput>;

export const BulkApproveInput = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { id: Type.Integer({ minimum: 1, maximum: 2147483647 }), version: RowId() },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type BulkApproveInput = Static<typeof BulkApproveInput>;

export const CommentInput = Type.Object({ body: Text(2000) }, { additionalProperties: false });

export const Evidence = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
});
export type Evidence = Static<typeof Evidence>;

export const DuplicateRef = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  unitName: Type.String(),
  status: SubmissionStatusSchema,
  date: Type.String(),
  /** what matched: the normalised link, or a near-identical title */
  match: Type.Enum(['link', 'title'] as const),
  /** bigram similarity of the normalised titles, 0–1 */
  similarity: Type.Number(),
});
export type DuplicateRef = Static<typeof DuplicateRef>;

export const SubmissionEvent = Type.Object({
  id: Type.Integer(),
  action: Type.String({ description: 'create, edit, submit, resubmit, approve, return, reject or comment' }),
  fromStatus: Nullable(SubmissionStatusSchema),
  toStatus: Nullable(SubmissionStatusSchema),
  personName: Type.String(),
  unitName: Type.String(),
  text: Nullable(Type.String()),
  at: Type.String(),
});
export type SubmissionEvent = Static<typeof SubmissionEvent>;

export const Submission = Type.Object({
  id: Type.Integer(),
  kind: SubmissionKindSchema,
  status: SubmissionStatusSchema,
  title: Type.String(),
  date: Type.String(),
  outletId: Nullable(Type.Integer()),
  outletName: Nullable(Type.String()),
  outletLevel: Nullable(OutletLevelSchema),
  outletMedium: Nullable(OutletMediumSchema),
  link: Nullable(Type.String()),
  themes: Type.Array(Type.String()),
  unitId: Type.Integer(),
  unitName: Type.String(),
  coUnits: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  activityType: Nullable(Type.Enum(ACTIVITY_TYPES)),
  awardRank: Nullable(Type.Enum(AWARD_RANKS)),
  quantity: Nullable(Type.Number()),
  accountName: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  adoptionLevel: Nullable(AdoptionLevelSchema),
  leaderInstruction: Nullable(InstructionLevelSchema),
  instructionNote: Nullable(Type.String()),
  /** the reason given when it was last returned or rejected */
  reviewReason: Nullable(Type.String()),
  reviewerName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  createdByName: Type.String(),
  evidence: Type.Array(Evidence),
  /** other records with the same normalised link or a near-identical title (shown to the reviewer) */
  duplicates: Type.Array(DuplicateRef),
  /** what the signed-in person may do with it now */
  allowedActions: Type.Array(SubmissionActionSchema),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Submission = Static<typeof Submission>;

export const SubmissionDetail = Type.Object({
  ...Submission.properties,
  events: Type.Array(SubmissionEvent),
});
export type SubmissionDetail = Static<typeof SubmissionDetail>;

export const SubmissionListQuery = Type.Object(
  {
    ...PageQuery,
    /** a status, or 'awaitingReview' for submitted and resubmitted */
    status: Type.Optional(Type.Union([SubmissionStatusSchema, Type.Literal('awaitingReview')])),
    kind: Type.Optional(SubmissionKindSchema),
    unitId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    /** only those flagged as possible duplicates */
    duplicatesOnly: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SubmissionListQuery = Static<typeof SubmissionListQuery>;

export const CoUnitOption = Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() });
export type CoUnitOption = Static<typeof CoUnitOption>;

export const BulkApproveResult = Type.Object({ approved: Type.Array(Type.Integer()) });

/** The kinds the submission form offers: those the unit's current plan scores (decision 211) */
export const OfferedSubmissionKinds = Type.Object({
  /** the plan read (the bureau's plan of this year, else its latest); null: none, every kind offered */
  planId: Type.Union([Type.Integer(), Type.Null()]),
  year: Type.Union([Type.Integer(), Type.Null()]),
  kinds: Type.Array(SubmissionKindSchema),
});
export type OfferedSubmissionKinds = Static<typeof OfferedSubmissionKinds>;
