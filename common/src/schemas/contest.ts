// API contract of the schools' creativity contest (docs/contest.md): the contest, schools and works
// (organiser views with names), the judge's blind view (codes, never names), sheets, results and awards.
import Type, { type Static } from 'typebox';
import { AWARD_RANKS } from '../assessment/facts.ts';
import { IsoDate, RowId, Text } from './common.ts';
import { Photo } from './activities.ts';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const Code = Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,19}$' });
const Named = Type.Object({ code: Code, name: Text(30) }, { additionalProperties: false });
export const CONTEST_STATES = ['open', 'judging', 'proposed', 'locked'] as const;

export const CriterionSchema = Type.Object(
  {
    code: Code,
    name: Text(30),
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    min: Type.Number({ minimum: 0, maximum: 100 }),
    max: Type.Number({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);
export const QuotasSchema = Type.Object(
  {
    first: Type.Integer({ minimum: 0, maximum: 100 }),
    second: Type.Integer({ minimum: 0, maximum: 100 }),
    third: Type.Integer({ minimum: 0, maximum: 100 }),
    excellence: Type.Integer({ minimum: 0, maximum: 500 }),
  },
  { additionalProperties: false },
);

const contestFields = {
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  title: Text(100),
  theme: Text(60),
  categories: Type.Array(Named, { minItems: 1, maxItems: 10 }),
  ageGroups: Type.Array(Named, { minItems: 1, maxItems: 10 }),
  rubric: Type.Array(CriterionSchema, { minItems: 1, maxItems: 10 }),
  quotas: QuotasSchema,
  judgesPerWork: Type.Integer({ minimum: 1, maximum: 15 }),
  entriesCloseOn: IsoDate,
  judgingCloseOn: IsoDate,
  galaOn: IsoDate,
};
export const ContestInput = Type.Object(contestFields, { additionalProperties: false });
export type ContestInput = Static<typeof ContestInput>;

export const Contest = Type.Object({
  id: Type.Integer(),
  ...contestFields,
  categories: Type.Array(Type.Object({ code: Str, name: Str })),
  ageGroups: Type.Array(Type.Object({ code: Str, name: Str })),
  rubric: Type.Array(
    Type.Object({ code: Str, name: Str, weight: Type.Number(), min: Type.Number(), max: Type.Number() }),
  ),
  state: Type.Enum(CONTEST_STATES),
  schools: Type.Integer(),
  works: Type.Integer(),
  judges: Type.Integer(),
  sheets: Type.Integer(),
  scored: Type.Integer(),
  approvedAt: Nullable(Str),
  version: Type.Integer(),
});
export type Contest = Static<typeof Contest>;

export const SchoolInput = Type.Object(
  {
    name: Text(60),
    countyUnitId: RowId(),
    contactTeacher: Text(30),
    contactPhone: Type.Optional(Nullable(Type.String({ pattern: '^1[3-9]\\d{9}$' }))),
    namesConsent: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type SchoolInput = Static<typeof SchoolInput>;
export const School = Type.Object({
  id: Type.Integer(),
  name: Str,
  countyUnitId: Type.Integer(),
  countyName: Str,
  contactTeacher: Str,
  contactPhone: Nullable(Str),
  namesConsent: Type.Boolean(),
  works: Type.Integer(),
});
export type School = Static<typeof School>;

export const WorkInput = Type.Object(
  {
    schoolId: RowId(),
    category: Code,
    ageGroup: Code,
    title: Text(60),
    students: Text(120, { description: 'the students’ names, separated by 、' }),
    teacher: Type.Optional(Nullable(Text(30))),
    description: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);
export type WorkInput = Static<typeof WorkInput>;
export const Work = Type.Object({
  id: Type.Integer(),
  code: Str,
  schoolId: Type.Integer(),
  schoolName: Str,
  countyName: Str,
  category: Str,
  ageGroup: Str,
  title: Str,
  students: Str,
  teacher: Nullable(Str),
  description: Nullable(Str),
  photos: Type.Array(Photo),
  award: Nullable(Type.Enum(AWARD_RANKS)),
  /** judges assigned: a work with judges keeps its photos as the judges were given them */
  judges: Type.Integer(),
});
export type Work = Static<typeof Work>;

export const JudgeInput = Type.Object(
  {
    personId: RowId(),
    schoolId: Type.Optional(Nullable(RowId())),
    countyUnitId: Type.Optional(Nullable(RowId())),
  },
  { additionalProperties: false },
);
export const Judge = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  name: Str,
  schoolName: Nullable(Str),
  countyName: Nullable(Str),
  assigned: Type.Integer(),
  scored: Type.Integer(),
});
export const AssignResult = Type.Object({ added: Type.Integer(), sheets: Type.Integer() });

/** What a judge sees: the blind code, never the school, county, students or teacher. */
export const BlindSheet = Type.Object({
  sheetId: Type.Integer(),
  contestId: Type.Integer(),
  contestTitle: Str,
  code: Str,
  category: Str,
  ageGroup: Str,
  title: Str,
  description: Nullable(Str),
  photos: Type.Array(Type.Object({ id: Type.Integer(), altText: Str, url: Str })),
  rubric: Type.Array(
    Type.Object({ code: Str, name: Str, weight: Type.Number(), min: Type.Number(), max: Type.Number() }),
  ),
  scores: Nullable(Type.Record(Type.String(), Type.Number())),
  total: Nullable(Type.Number()),
  comment: Nullable(Str),
  judgeNote: Nullable(Str),
  scoredAt: Nullable(Str),
  open: Type.Boolean(),
});
export type BlindSheet = Static<typeof BlindSheet>;
export const SheetInput = Type.Object(
  {
    scores: Type.Record(Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,19}$' }), Type.Number(), {
      maxProperties: 10,
    }),
    comment: Type.Optional(Nullable(Text(500))),
    judgeNote: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
);
export type SheetInput = Static<typeof SheetInput>;

export const ResultRow = Type.Object({
  workId: Type.Integer(),
  code: Str,
  title: Str,
  schoolName: Str,
  countyName: Str,
  score: Nullable(Type.Number()),
  mean: Nullable(Type.Number()),
  sheets: Type.Integer(),
  expected: Type.Integer(),
  trimmed: Type.Boolean(),
  outliers: Type.Integer(),
  position: Nullable(Type.Integer()),
  tieBrokenBy: Nullable(Str),
  award: Nullable(Type.Enum(AWARD_RANKS)),
});
export const ContestResults = Type.Object({
  state: Type.Enum(CONTEST_STATES),
  groups: Type.Array(
    Type.Object({
      category: Str,
      categoryName: Str,
      ageGroup: Str,
      ageGroupName: Str,
      works: Type.Array(ResultRow),
    }),
  ),
});
export type ContestResults = Static<typeof ContestResults>;
export const ContestIdParams = Type.Object({ id: RowId(), workId: RowId() }, { additionalProperties: false });
