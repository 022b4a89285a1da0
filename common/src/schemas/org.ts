import Type, { type Static } from 'typebox';
import { ROLES } from '../roles.ts';
import { UNIT_KINDS } from '../org.ts';
import { PageQuery, RowId, Text } from './common.ts';

export const RoleSchema = Type.Enum(ROLES);
export const UnitKindSchema = Type.Enum(UNIT_KINDS);

export const UnitCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' });

export const Unit = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: UnitKindSchema,
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  parentName: Type.Union([Type.String(), Type.Null()]),
  sortOrder: Type.Integer(),
  isDemo: Type.Boolean(),
  peopleCount: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Unit = Static<typeof Unit>;

export const UnitInput = Type.Object(
  {
    code: UnitCode,
    name: Text(100),
    kind: UnitKindSchema,
    parentId: RowId(),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type UnitInput = Static<typeof UnitInput>;

export const UnitUpdate = Type.Object(
  {
    version: RowId(),
    code: Type.Optional(UnitCode),
    name: Type.Optional(Text(100)),
    kind: Type.Optional(UnitKindSchema),
    parentId: Type.Optional(RowId()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type UnitUpdate = Static<typeof UnitUpdate>;

export const UnitListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(UnitKindSchema),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
  },
  { additionalProperties: false },
);

export const Person = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  name: Type.String(),
  title: Type.String(),
  mobileMasked: Type.Union([Type.String(), Type.Null()]),
  /** where e-mail reminders go (decision 120) */
  email: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleSchema),
  username: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Person = Static<typeof Person>;

export const Username = Type.String({ minLength: 3, maxLength: 32, pattern: '^[a-zA-Z][a-zA-Z0-9_.-]*$' });
export const PasswordField = Type.String({ minLength: 1, maxLength: 256 });

export const PersonInput = Type.Object(
  {
    unitId: RowId(),
    name: Text(50),
    title: Type.Optional(Type.String({ maxLength: 50 })),
    mobile: Type.Optional(Type.String({ maxLength: 20 })),
    /** empty: none */
    email: Type.Optional(Type.String({ maxLength: 254 })),
    roles: Type.Array(RoleSchema, { maxItems: 8, uniqueItems: true }),
    username: Type.Optional(Username),
    initialPassword: Type.Optional(PasswordField),
  },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;

export const PersonUpdate = Type.Object(
  {
    version: RowId(),
    unitId: Type.Optional(RowId()),
    name: Type.Optional(Text(50)),
    title: Type.Optional(Type.String({ maxLength: 50 })),
    mobile: Type.Optional(Type.String({ maxLength: 20 })),
    /** empty clears it */
    email: Type.Optional(Type.String({ maxLength: 254 })),
    roles: Type.Optional(Type.Array(RoleSchema, { maxItems: 8, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type PersonUpdate = Static<typeof PersonUpdate>;

export const PeopleListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    unitId: Type.Optional(RowId()),
    role: Type.Optional(RoleSchema),
  },
  { additionalProperties: false },
);

export const AccountAction = Type.Object(
  {
    action: Type.Union([
      Type.Literal('resetPassword'),
      Type.Literal('disable'),
      Type.Literal('enable'),
      Type.Literal('unlock'),
      Type.Literal('endSessions'),
      /** a named contact without an account gets one: the user name below, a temporary password */
      Type.Literal('createLogin'),
    ]),
    /** for resetPassword or createLogin with a chosen temporary password; otherwise one is generated */
    temporaryPassword: Type.Optional(PasswordField),
    /** createLogin only: the new account's user name */
    username: Type.Optional(Username),
  },
  { additionalProperties: false },
);
export type AccountAction = Static<typeof AccountAction>;

export const AccountActionResult = Type.Object({
  ok: Type.Literal(true),
  /** shown once, only after a reset or a new login that generated it */
  temporaryPassword: Type.Optional(Type.String()),
});

export const ImportRowError = Type.Object({
  sheet: Type.String(),
  row: Type.Integer(),
  column: Type.String(),
  message: Type.String(),
  messageEn: Type.String(),
});
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportResult = Type.Object({
  unitsCreated: Type.Integer(),
  unitsUpdated: Type.Integer(),
  peopleCreated: Type.Integer(),
  peopleUpdated: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResult>;

export const CampaignBoardRow = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  kind: UnitKindSchema,
  deputyLeader: Type.Union([
    Type.Object({
      personId: Type.Integer(),
      name: Type.String(),
      mobileMasked: Type.Union([Type.String(), Type.Null()]),
      namedAt: Type.String(),
    }),
    Type.Null(),
  ]),
  officer: Type.Union([
    Type.Object({
      personId: Type.Integer(),
      name: Type.String(),
      mobileMasked: Type.Union([Type.String(), Type.Null()]),
      namedAt: Type.String(),
    }),
    Type.Null(),
  ]),
  /** when the unit reported its contacts (recorded by the bureau); null: the entry date counts */
  reportedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  /** done: both named by the deadline; late: both named, one after it; pending: not yet, deadline not passed; overdue: not yet, deadline passed */
  status: Type.Union([
    Type.Literal('done'),
    Type.Literal('late'),
    Type.Literal('pending'),
    Type.Literal('overdue'),
  ]),
});
export type CampaignBoardRow = Static<typeof CampaignBoardRow>;

export const Campaign = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  deadline: Type.String(),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;

export const CampaignBoard = Type.Object({
  campaign: Campaign,
  rows: Type.Array(CampaignBoardRow),
  summary: Type.Object({
    total: Type.Integer(),
    done: Type.Integer(),
    late: Type.Integer(),
    pending: Type.Integer(),
    overdue: Type.Integer(),
  }),
});

export const CampaignInput = Type.Object(
  { title: Text(100), deadline: Type.String({ format: 'date' }) },
  { additionalProperties: false },
);
/** the bureau records the date a unit reported (its letter or message), not the day it is typed in */
export const CampaignReport = Type.Object(
  { unitId: RowId(), reportedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]) },
  { additionalProperties: false },
);
export const CampaignUpdate = Type.Object(
  {
    version: RowId(),
    title: Type.Optional(Text(100)),
    deadline: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
