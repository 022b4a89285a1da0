// API contract of the new-media matrix (docs/new-media.md): accounts, their history and metrics, the
// board of silent and broken accounts with the opening deadline, and the monthly WCI ranking.
import Type, { type Static } from 'typebox';
import { ACCOUNT_FLAGS } from '../media/silence.ts';
import { ACCOUNT_STATES, FILING_STATES, FUNCTION_STATES, MEDIA_PLATFORMS } from '../media/platforms.ts';
import { METRIC_FIELDS } from '../media/metrics-columns.ts';
import { IsoDate, PageQuery, RowId, Text } from './common.ts';

const str = Type.Union([Type.String(), Type.Null()]);
const date = Type.Union([IsoDate, Type.Null()]);
const Fn = Type.Enum(FUNCTION_STATES);
export const AccountFunctions = Type.Object(
  { messages: Fn, autoReply: Fn, menu: Fn },
  { additionalProperties: false },
);

export const SilentSpellSchema = Type.Object({
  from: Type.String(),
  silentFrom: Type.String(),
  until: str,
  days: Type.Integer(),
  neverPosted: Type.Boolean(),
});

export const MediaAccount = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  platform: Type.Enum(MEDIA_PLATFORMS),
  name: Type.String(),
  platformId: Type.String(),
  operator: str,
  openedOn: str,
  filing: Type.Enum(FILING_STATES),
  filingNumber: str,
  functions: AccountFunctions,
  link: str,
  description: str,
  state: Type.Enum(ACCOUNT_STATES),
  stoppedOn: str,
  deregisteredOn: str,
  lastPostOn: str,
  flags: Type.Array(Type.Enum(ACCOUNT_FLAGS)),
  spell: Type.Union([SilentSpellSchema, Type.Null()]),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type MediaAccount = Static<typeof MediaAccount>;

const accountFields = {
  unitId: RowId(),
  platform: Type.Enum(MEDIA_PLATFORMS),
  name: Text(60),
  platformId: Text(100, {
    description: 'the platform’s own id: WeChat 原始ID or 微信号, Weibo UID, Douyin 号…',
  }),
  operator: Type.Optional(Type.Union([Text(60), Type.Null()])),
  openedOn: Type.Optional(date),
  filing: Type.Enum(FILING_STATES),
  filingNumber: Type.Optional(Type.Union([Text(60), Type.Null()])),
  functions: AccountFunctions,
  link: Type.Optional(
    Type.Union([Text(500, { description: 'http(s) only: the QR code carries it' }), Type.Null()]),
  ),
  description: Type.Optional(Type.Union([Text(500), Type.Null()])),
  state: Type.Enum(ACCOUNT_STATES),
  stoppedOn: Type.Optional(date),
  deregisteredOn: Type.Optional(date),
};
export const MediaAccountInput = Type.Object(accountFields, { additionalProperties: false });
export type MediaAccountInput = Static<typeof MediaAccountInput>;
export const MediaAccountUpdate = Type.Object(
  { version: RowId(), ...Type.Partial(Type.Object(accountFields)).properties },
  { additionalProperties: false },
);
export type MediaAccountUpdate = Static<typeof MediaAccountUpdate>;

export const MediaAccountListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100, description: 'name or platform id' })),
    unitId: Type.Optional(RowId()),
    platform: Type.Optional(Type.Enum(MEDIA_PLATFORMS)),
    state: Type.Optional(Type.Enum(ACCOUNT_STATES)),
  },
  { additionalProperties: false },
);

export const AccountHistoryEntry = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  change: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('imported')]),
  changes: Type.Record(Type.String(), Type.Array(Type.Unknown())),
  /** the same changes in words: each field's label, its values' words (units by name) */
  lines: Type.Array(
    Type.Object({
      field: Type.String(),
      label: Type.Object({ zh: Type.String(), en: Type.String() }),
      before: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
      after: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
    }),
  ),
  changedByName: Type.String(),
  changedAt: Type.String(),
});
export type AccountHistoryEntry = Static<typeof AccountHistoryEntry>;
export const AccountHistory = Type.Object({ items: Type.Array(AccountHistoryEntry) });

const count = Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()]);
const netCount = Type.Union([Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000 }), Type.Null()]);
const metricProps = Object.fromEntries(
  METRIC_FIELDS.map((f) => [
    f,
    f === 'followersNet' ? netCount : f === 'posts' ? Type.Integer({ minimum: 0, maximum: 100000 }) : count,
  ]),
) as Record<(typeof METRIC_FIELDS)[number], typeof count>;

export const MetricsRowSchema = Type.Object({
  period: Type.Union([Type.Literal('day'), Type.Literal('month')]),
  start: Type.String(),
  ...metricProps,
  source: Type.String(),
});
export type MetricsRowOut = Static<typeof MetricsRowSchema>;

export const MetricsEntry = Type.Object(
  {
    period: Type.Union([Type.Literal('day'), Type.Literal('month')]),
    start: IsoDate,
    ...Object.fromEntries(
      METRIC_FIELDS.map((f) => [f, f === 'posts' ? metricProps.posts : Type.Optional(metricProps[f])]),
    ),
  } as Record<string, Type.TSchema>,
  { additionalProperties: false },
);
export type MetricsEntry = { period: 'day' | 'month'; start: string; posts: number } & Partial<
  Record<(typeof METRIC_FIELDS)[number], number | null>
>;

export const MonthSummary = Type.Object({
  month: Type.String(),
  posts: Type.Integer(),
  reads: Type.Integer(),
  likes: Type.Integer(),
  zaikan: Type.Integer(),
  shares: Type.Integer(),
  followersNet: Type.Integer(),
  followersTotal: Type.Union([Type.Integer(), Type.Null()]),
  wci: Type.Union([Type.Number(), Type.Null()]),
  wciPartial: Type.Boolean(),
});
export type MonthSummary = Static<typeof MonthSummary>;

export const MetricsRange = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const AccountMetrics = Type.Object({
  account: MediaAccount,
  rows: Type.Array(MetricsRowSchema),
  months: Type.Array(MonthSummary),
});
export const MetricsImportResult = Type.Object({
  imported: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  period: Type.String(),
});
export const AccountsImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });

export const UnitMonthly = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  year: Type.Integer(),
  accounts: Type.Array(
    Type.Object({
      accountId: Type.Integer(),
      name: Type.String(),
      platform: Type.Enum(MEDIA_PLATFORMS),
      months: Type.Array(MonthSummary),
    }),
  ),
});
export type UnitMonthly = Static<typeof UnitMonthly>;
export const UnitMonthlyQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

export const MediaBoard = Type.Object({
  today: Type.String({
    description: "the day the board stands at: the year's end, or today within the year",
  }),
  year: Type.Integer(),
  deadline: Type.Union([
    Type.Object({
      due: Type.String(),
      year: Type.Integer(),
      planTitle: Type.String(),
      itemName: Type.String(),
    }),
    Type.Null(),
  ]),
  opening: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      status: Type.Union([
        Type.Literal('onTime'),
        Type.Literal('late'),
        Type.Literal('missing'),
        Type.Literal('pending'),
      ]),
      openedOn: str,
      accountName: str,
      daysLate: Type.Integer(),
    }),
  ),
  flagged: Type.Array(MediaAccount),
});
export type MediaBoard = Static<typeof MediaBoard>;
export const BoardQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);

export const WciRankingQuery = Type.Object(
  { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }) },
  { additionalProperties: false },
);
export const WciRanking = Type.Object({
  month: Type.String(),
  version: Type.String(),
  days: Type.Integer(),
  items: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      accountId: Type.Integer(),
      accountName: Type.String(),
      platformId: Type.String(),
      unitId: Type.Integer(),
      unitName: Type.String(),
      articles: Type.Integer(),
      reads: Type.Integer(),
      overall: Type.Number(),
      perArticle: Type.Number(),
      headline: Type.Number(),
      peak: Type.Number(),
      wci: Type.Number(),
      partial: Type.Boolean(),
      missing: Type.Array(Type.String()),
    }),
  ),
  noIndex: Type.Array(
    Type.Object({ accountId: Type.Integer(), accountName: Type.String(), unitName: Type.String() }),
  ),
});
export type WciRanking = Static<typeof WciRanking>;
