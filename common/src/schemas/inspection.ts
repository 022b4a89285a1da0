import Type, { type Static } from 'typebox';
import { DEDUCTION_CODES, VETO_CODES } from '../inspection/inspection-rules.ts';
import { Bulletin } from './assessment.ts';
import { IsoDate, PageQuery, Page, RowId, Text } from './common.ts';

export const FindingCodeSchema = Type.Enum([...VETO_CODES, ...DEDUCTION_CODES]);
const SubjectTypeSchema = Type.Enum(['site', 'column', 'case', 'guide', 'account', 'page', 'link']);
const Words = Type.Object({ zh: Type.String(), en: Type.String() });

export const InspectionRun = Type.Object({
  id: Type.Integer(),
  checkedOn: IsoDate,
  startedAt: Type.String(),
  finishedAt: Type.String(),
  trigger: Type.Enum(['schedule', 'manual']),
  /** failed: the checks could not run — "could not check", never a pass */
  state: Type.Enum(['done', 'failed']),
  error: Type.Union([Type.String(), Type.Null()]),
  site: Type.Object({ score: Type.Integer(), vetoed: Type.Boolean(), passed: Type.Boolean() }),
  vetoes: Type.Integer(),
  deductions: Type.Integer(),
  accountsFailed: Type.Integer(),
  pagesChecked: Type.Integer(),
  linksChecked: Type.Integer(),
  /** pages and links past the bounds, and external links: counted, not fetched ("unchecked") */
  unchecked: Type.Integer(),
});
export type InspectionRun = Static<typeof InspectionRun>;

export const InspectionFinding = Type.Object({
  id: Type.Integer(),
  code: FindingCodeSchema,
  veto: Type.Boolean(),
  points: Type.Integer(),
  subject: Type.Object({
    type: SubjectTypeSchema,
    id: Type.Union([Type.Integer(), Type.Null()]),
    label: Type.String(),
  }),
  unitId: Type.Union([Type.Integer(), Type.Null()]),
  since: Type.Union([Type.String(), Type.Null()]),
  evidence: Words,
});
export type InspectionFinding = Static<typeof InspectionFinding>;

export const InspectionRunDetail = Type.Intersect([
  InspectionRun,
  Type.Object({ findings: Type.Array(InspectionFinding) }),
]);
export type InspectionRunDetail = Static<typeof InspectionRunDetail>;

export const InspectionRunPage = Page(InspectionRun);
export const InspectionRunQuery = Type.Object(PageQuery, { additionalProperties: false });
export const InspectionRunStarted = Type.Union([Type.Object({ id: Type.Integer() }), Type.Null()]);

export const InspectionSettings = Type.Object({
  repeatAlertDays: Type.Integer(),
  securityIncident: Type.Union([Type.String(), Type.Null()]),
  securityIncidentOn: Type.Union([Type.String(), Type.Null()]),
});
export const InspectionSettingsInput = Type.Object(
  {
    repeatAlertDays: Type.Integer({ minimum: 1, maximum: 90 }),
    /** what happened (security incident, defacement, serious wording error); null: none this period */
    securityIncident: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  },
  { additionalProperties: false },
);

/** one month's end state, for the page's trend chart */
export const InspectionTrend = Type.Object({
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      runs: Type.Integer(),
      score: Type.Union([Type.Integer(), Type.Null()]),
      vetoed: Type.Boolean(),
      vetoes: Type.Union([Type.Integer(), Type.Null()]),
      deductions: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
export type InspectionTrend = Static<typeof InspectionTrend>;

const Month = Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

/** the monthly monitoring bulletin (监测通报, decision 187): a ranking bulletin's fields but the plan's period */
export const InspectionBulletin = Type.Intersect([
  Type.Omit(Bulletin, ['planId', 'period', 'index']),
  Type.Object({
    month: Month,
    copyTo: Type.String(),
    /** shown on the portal once published; empty: nothing public */
    publicSummary: Type.String(),
    /** the month's runs and findings it was drafted from */
    runs: Type.Integer(),
    findings: Type.Integer(),
    vetoes: Type.Integer(),
  }),
]);
export type InspectionBulletin = Static<typeof InspectionBulletin>;
export const InspectionBulletinCreate = Type.Object({ month: Month }, { additionalProperties: false });
export const InspectionBulletinEdit = Type.Object(
  {
    version: RowId(),
    title: Type.Optional(Text(100)),
    body: Type.Optional(Text(8000)),
    copyTo: Type.Optional(Type.String({ maxLength: 200 })),
    /** empty: no public summary on the portal */
    publicSummary: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
