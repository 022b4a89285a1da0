// API contract of the activities module (docs/activities.md): events with photos and linked reports,
// statistics, the five-into norm and its board, and sign-up events with seats and a waiting list.
import Type, { type Static } from 'typebox';
import { ACTIVITY_KINDS, AUDIENCE_KINDS, FIVE_INTO_TARGETS } from '../activities/activity-kinds.ts';
import { NORM_PERIODS } from '../activities/five-into-norm.ts';
import { IsoDate, PageQuery, RowId, Text } from './common.ts';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const OptText = (n: number) => Type.Optional(Nullable(Text(n)));

export const Photo = Type.Object({
  id: Type.Integer(),
  fileName: Str,
  altText: Str,
  mediaType: Str,
  size: Type.Integer(),
  url: Str,
});
export type Photo = Static<typeof Photo>;

export const Activity = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Str,
  kind: Type.Enum(ACTIVITY_KINDS),
  target: Nullable(Type.Enum(FIVE_INTO_TARGETS)),
  title: Str,
  heldOn: Str,
  quarter: Str,
  place: Str,
  organiser: Str,
  speaker: Nullable(Str),
  partner: Nullable(Str),
  audienceKind: Nullable(Type.Enum(AUDIENCE_KINDS)),
  audienceCount: Type.Integer(),
  themes: Type.Array(Str),
  description: Nullable(Str),
  reports: Type.Array(Type.Object({ id: Type.Integer(), title: Str })),
  photos: Type.Array(Photo),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Str,
});
export type Activity = Static<typeof Activity>;

const activityFields = {
  unitId: RowId(),
  kind: Type.Enum(ACTIVITY_KINDS),
  target: Type.Optional(Nullable(Type.Enum(FIVE_INTO_TARGETS))),
  title: Text(120),
  heldOn: IsoDate,
  place: Text(120),
  organiser: Text(120, { description: 'e.g. 市委理论学习中心组, 市委党校, the unit itself' }),
  speaker: OptText(60),
  partner: OptText(120),
  audienceKind: Type.Optional(Nullable(Type.Enum(AUDIENCE_KINDS))),
  audienceCount: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  themes: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z]{1,30}$' }), { maxItems: 10 })),
  description: OptText(2000),
  reportIds: Type.Optional(Type.Array(RowId(), { maxItems: 20, uniqueItems: true })),
};
export const ActivityInput = Type.Object(activityFields, { additionalProperties: false });
export type ActivityInput = Static<typeof ActivityInput>;
export const ActivityUpdate = Type.Object(
  { ...Type.Partial(Type.Object(activityFields)).properties, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type ActivityUpdate = Static<typeof ActivityUpdate>;

export const ActivityListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    unitId: Type.Optional(RowId()),
    kind: Type.Optional(Type.Enum(ACTIVITY_KINDS)),
    target: Type.Optional(Type.Enum(FIVE_INTO_TARGETS)),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ActivityListQuery = Static<typeof ActivityListQuery>;

export const YearQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

const Bucket = Type.Object({ key: Str, label: Str, events: Type.Integer(), people: Type.Integer() });
export const ActivityStats = Type.Object({
  year: Type.Integer(),
  events: Type.Integer(),
  people: Type.Integer(),
  reports: Type.Integer(),
  byKind: Type.Array(Bucket),
  byTarget: Type.Array(Bucket),
  byTheme: Type.Array(Bucket),
  byUnit: Type.Array(Bucket),
  byQuarter: Type.Array(Bucket),
  /** kind × quarter: "how many census events in Q2?" */
  kindByQuarter: Type.Array(
    Type.Object({
      kind: Type.Enum(ACTIVITY_KINDS),
      quarter: Str,
      events: Type.Integer(),
      reports: Type.Integer(),
    }),
  ),
});
export type ActivityStats = Static<typeof ActivityStats>;

export const FiveIntoNormSchema = Type.Object(
  {
    perTarget: Type.Integer({ minimum: 1, maximum: 50 }),
    period: Type.Enum(NORM_PERIODS),
    targets: Type.Array(Type.Enum(FIVE_INTO_TARGETS), { minItems: 1, maxItems: 5, uniqueItems: true }),
    unitKinds: Type.Array(Type.String({ pattern: '^[A-Za-z]{1,30}$' }), {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);

export const NormBoard = Type.Object({
  year: Type.Integer(),
  norm: FiveIntoNormSchema,
  periods: Type.Array(Str),
  rows: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Str,
      meets: Type.Boolean(),
      missing: Type.Integer(),
      cells: Type.Array(
        Type.Object({
          period: Str,
          target: Type.Enum(FIVE_INTO_TARGETS),
          count: Type.Integer(),
          met: Type.Boolean(),
        }),
      ),
    }),
  ),
});
export type NormBoard = Static<typeof NormBoard>;

export const SIGNUP_EVENT_KINDS = ['openDay', 'event', 'baseVisit'] as const;
export const SignupEventInput = Type.Object(
  {
    title: Text(120),
    kind: Type.Enum(SIGNUP_EVENT_KINDS),
    startsAt: Type.String({ format: 'date-time' }),
    closesAt: Type.String({ format: 'date-time' }),
    place: Text(120),
    description: OptText(2000),
    capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    /** the education base (a registry entry of kind educationBase) a baseVisit slot opens; only then */
    baseId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type SignupEventInput = Static<typeof SignupEventInput>;
export const SignupEvent = Type.Object({
  id: Type.Integer(),
  title: Str,
  kind: Type.Enum(SIGNUP_EVENT_KINDS),
  startsAt: Str,
  closesAt: Str,
  place: Str,
  description: Nullable(Str),
  capacity: Type.Integer(),
  taken: Type.Integer(),
  waiting: Type.Integer(),
  baseId: Nullable(Type.Integer()),
  baseName: Nullable(Str),
});
export type SignupEvent = Static<typeof SignupEvent>;
export const SignupInput = Type.Object(
  {
    name: Text(60),
    organisation: OptText(120),
    groupSize: Type.Integer({ minimum: 1, maximum: 200 }),
    /** for the reminder the day before (decision 194) */
    mobile: Type.Optional(Type.String({ maxLength: 30 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
  },
  { additionalProperties: false },
);
export type SignupInput = Static<typeof SignupInput>;
export const SignupStatusSchema = Type.Union([
  Type.Literal('confirmed'),
  Type.Literal('waiting'),
  Type.Literal('cancelled'),
]);
export const SignupResult = Type.Object({
  code: Str,
  status: SignupStatusSchema,
  groupSize: Type.Integer(),
  eventId: Type.Integer(),
});
export type SignupResult = Static<typeof SignupResult>;
export const SignupCancel = Type.Object(
  { code: Type.String({ pattern: '^[A-Z0-9]{8}$' }) },
  { additionalProperties: false },
);
export const SignupList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Str,
      name: Str,
      organisation: Nullable(Str),
      groupSize: Type.Integer(),
      status: SignupStatusSchema,
      createdAt: Str,
    }),
  ),
});

/** 环境教育基地, 绿色学校, 绿色社区 (issue 15 item 6; docs/activities.md "Registries") */
export const REGISTRY_KINDS = ['educationBase', 'greenSchool', 'greenCommunity'] as const;
export const REGISTRY_LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export const REGISTRY_STATUSES = ['active', 'underReview', 'revoked'] as const;
const registryFields = {
  kind: Type.Enum(REGISTRY_KINDS),
  name: Text(120),
  county: Text(60),
  level: Type.Enum(REGISTRY_LEVELS),
  yearAwarded: Type.Integer({ minimum: 1990, maximum: 2100 }),
  status: Type.Enum(REGISTRY_STATUSES),
};
export const RegistryEntryInput = Type.Object(registryFields, { additionalProperties: false });
export type RegistryEntryInput = Static<typeof RegistryEntryInput>;
export const RegistryEntryUpdate = Type.Object(
  { ...registryFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type RegistryEntryUpdate = Static<typeof RegistryEntryUpdate>;
export const RegistryEntry = Type.Object({
  id: Type.Integer(),
  ...registryFields,
  name: Str,
  county: Str,
  version: Type.Integer(),
  updatedAt: Str,
});
export type RegistryEntry = Static<typeof RegistryEntry>;
export const RegistryQuery = Type.Object(
  { ...PageQuery, kind: Type.Optional(Type.Enum(REGISTRY_KINDS)) },
  { additionalProperties: false },
);
export type RegistryQuery = Static<typeof RegistryQuery>;
