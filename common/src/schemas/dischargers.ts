// API contract of key discharging units (重点排污单位), their disclosures and deadlines, and the
// working-day calendar the deadlines are counted on.
import Type, { type Static } from 'typebox';
import {
  ANNUAL_REPORT_PARTS,
  DISCLOSURE_KINDS,
  DISCLOSURE_RULES,
  OBLIGATION_STATUSES,
} from '../environment/disclosure.ts';
import { CALENDAR_DAY_KINDS } from '../environment/working-days.ts';
import { IsoDate, PageQuery, RowId, Text } from './common.ts';

const str = Type.Union([Type.String(), Type.Null()]);

export const Discharger = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  creditCode: Type.String(),
  county: Type.String(),
  industry: Type.String(),
  permitNumber: str,
  address: str,
  listedYear: Type.Integer({ description: 'first year on the list of key discharging units' }),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Discharger = Static<typeof Discharger>;

const dischargerFields = {
  name: Text(100),
  creditCode: Type.String({
    minLength: 1,
    maxLength: 40,
    description: 'GB 32100-2015, check character verified',
  }),
  county: Text(30),
  industry: Text(40),
  permitNumber: Type.Optional(Type.Union([Text(40), Type.Null()])),
  address: Type.Optional(Type.Union([Text(200), Type.Null()])),
  listedYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
};
export const DischargerInput = Type.Object(dischargerFields, { additionalProperties: false });
export type DischargerInput = Static<typeof DischargerInput>;
export const DischargerUpdate = Type.Object(
  { version: RowId(), ...Type.Partial(Type.Object(dischargerFields)).properties },
  { additionalProperties: false },
);
export type DischargerUpdate = Static<typeof DischargerUpdate>;

export const DischargerListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100, description: 'name, credit code or permit number' })),
    county: Type.Optional(Type.String({ maxLength: 30 })),
    industry: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const PartsText = Type.Object(
  Object.fromEntries(ANNUAL_REPORT_PARTS.map((p) => [p, Type.Optional(Type.String({ maxLength: 20000 }))])),
  { additionalProperties: false },
);

const amount = (description: string) =>
  Type.Union([Type.Number({ minimum: 0, maximum: 1e9 }), Type.Null()], { description });
/** One row of the annual report's part 3 (污染物产生、治理与排放信息): what is discharged, how much, against what. */
export const EmissionRow = Type.Object(
  {
    pollutant: Text(40),
    outlet: Type.Optional(Type.String({ maxLength: 60, description: 'e.g. DW001 总排口' })),
    concentration: amount('annual mean concentration'),
    limit: amount('the limit the permit and standard set'),
    concentrationUnit: Type.String({ minLength: 1, maxLength: 20, description: 'mg/L, mg/m³ …' }),
    total: amount('tonnes discharged in the year'),
    permitted: amount('tonnes the permit allows a year'),
    monitoring: Type.String({ minLength: 1, maxLength: 60, description: '自动监测 / 手工监测 …' }),
    standard: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type EmissionRow = Static<typeof EmissionRow>;

export const Disclosure = Type.Object({
  id: Type.Integer(),
  dischargerId: Type.Integer(),
  kind: Type.Enum(DISCLOSURE_KINDS),
  part: Type.Enum(ANNUAL_REPORT_PARTS),
  title: Type.String(),
  content: Type.String(),
  year: Type.Union([Type.Integer(), Type.Null()]),
  eventDate: str,
  publishedOn: str,
  dueOn: str,
  parts: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
  /** annual reports: part 3's figures */
  emissions: Type.Union([Type.Array(EmissionRow), Type.Null()]),
  docNumber: str,
  amount: Type.Union([Type.Number(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Type.String(),
});
export type Disclosure = Static<typeof Disclosure>;

export const DisclosureInput = Type.Object(
  {
    kind: Type.Enum(DISCLOSURE_KINDS),
    title: Text(200),
    content: Type.Optional(Type.String({ maxLength: 20000 })),
    year: Type.Optional(
      Type.Integer({ minimum: 2000, maximum: 2100, description: 'annual: the year reported on' }),
    ),
    eventDate: Type.Optional(IsoDate),
    publishedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    parts: Type.Optional(PartsText),
    emissions: Type.Optional(Type.Array(EmissionRow, { maxItems: 50 })),
    docNumber: Type.Optional(Type.Union([Text(60), Type.Null()])),
    amount: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1e10 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type DisclosureInput = Static<typeof DisclosureInput>;
export const DisclosureUpdate = Type.Object(
  {
    version: RowId(),
    title: Type.Optional(Text(200)),
    content: Type.Optional(Type.String({ maxLength: 20000 })),
    publishedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    parts: Type.Optional(PartsText),
    emissions: Type.Optional(Type.Array(EmissionRow, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type DisclosureUpdate = Static<typeof DisclosureUpdate>;

export const Obligation = Type.Object({
  dischargerId: Type.Integer(),
  dischargerName: Type.String(),
  county: Type.String(),
  kind: Type.Enum(['annual', 'temporary'] as const),
  year: Type.Union([Type.Integer(), Type.Null()]),
  disclosureId: Type.Union([Type.Integer(), Type.Null()]),
  title: Type.String(),
  eventDate: str,
  dueOn: Type.String(),
  publishedOn: str,
  status: Type.Enum(OBLIGATION_STATUSES),
  daysLate: Type.Integer({ description: 'calendar days past due (0 when not late)' }),
  uncertain: Type.Boolean({ description: 'counted through a year with no holiday schedule' }),
  rule: Type.Enum(DISCLOSURE_RULES, { description: 'the order the deadline comes from (decision 115)' }),
});
export type Obligation = Static<typeof Obligation>;

export const DischargerPart = Type.Object({
  part: Type.Enum(ANNUAL_REPORT_PARTS),
  label: Type.Object({ zh: Type.String(), en: Type.String() }),
  /** the latest annual report's text for this part */
  annualText: str,
  annualYear: Type.Union([Type.Integer(), Type.Null()]),
  records: Type.Array(Disclosure),
});
export const DischargerDetail = Type.Object({
  discharger: Discharger,
  parts: Type.Array(DischargerPart),
  annualReports: Type.Array(Disclosure),
  obligations: Type.Array(Obligation),
});
export type DischargerDetail = Static<typeof DischargerDetail>;

export const OverdueQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate),
    includeLate: Type.Optional(
      Type.Boolean({ default: true, description: 'also list reports published late' }),
    ),
  },
  { additionalProperties: false },
);
export const OverdueList = Type.Object({ asOf: Type.String(), items: Type.Array(Obligation) });
export type OverdueList = Static<typeof OverdueList>;

export const CalendarDaySchema = Type.Object(
  { date: IsoDate, kind: Type.Enum(CALENDAR_DAY_KINDS), name: Text(30) },
  { additionalProperties: false },
);
export const YearParams = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
export const WorkingCalendarYear = Type.Object({
  year: Type.Integer(),
  configured: Type.Boolean({ description: 'false: no schedule entered; weekends alone are rest days' }),
  days: Type.Array(CalendarDaySchema),
  version: Type.Integer(),
});
export type WorkingCalendarYear = Static<typeof WorkingCalendarYear>;
export const WorkingCalendarInput = Type.Object(
  {
    version: Type.Integer({ minimum: 0, description: '0 for a year not yet configured' }),
    days: Type.Array(CalendarDaySchema, { maxItems: 120 }),
  },
  { additionalProperties: false },
);
export type WorkingCalendarInput = Static<typeof WorkingCalendarInput>;
