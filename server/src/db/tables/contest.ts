// Tables owned by the contest module: the yearly contest, schools, works, judges, judging sheets and
// awards (docs/contest.md). Work photos use the activities module's photo shape (contest_work_photos).
import type { Generated } from 'kysely';

export type ContestState = 'open' | 'judging' | 'proposed' | 'locked';

export interface ContestsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  year: number;
  title: string;
  theme: string;
  /** JSON [{code, name}] */
  categories: string;
  /** JSON [{code, name}] */
  age_groups: string;
  /** JSON Criterion[] */
  rubric: string;
  /** JSON AwardQuotas (per category and age group) */
  quotas: string;
  judges_per_work: number;
  entries_close_on: string;
  judging_close_on: string;
  gala_on: string;
  state: ContestState;
  approved_by: number | null;
  approved_at: string | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
}

export interface ContestSchoolsTable {
  id: Generated<number>;
  contest_id: number;
  name: string;
  county_unit_id: number;
  contact_teacher: string;
  contact_phone: string | null;
  /** 1: the school agreed that students' names may be shown in the public gallery */
  names_consent: number;
  created_at: string;
}

export interface ContestWorksTable {
  id: Generated<number>;
  contest_id: number;
  school_id: number;
  /** the blind code judges see instead of names: 2018-H-007 */
  code: string;
  category: string;
  age_group: string;
  title: string;
  students: string;
  teacher: string | null;
  description: string | null;
  created_at: string;
}

export interface ContestJudgesTable {
  id: Generated<number>;
  contest_id: number;
  person_id: number;
  school_id: number | null;
  county_unit_id: number | null;
  created_at: string;
}

export interface ContestSheetsTable {
  id: Generated<number>;
  contest_id: number;
  work_id: number;
  judge_id: number;
  /** JSON {criterion: score}; null until scored */
  scores: string | null;
  total: number | null;
  comment: string | null;
  /** visible to judges only (never in results or the gallery) */
  judge_note: string | null;
  scored_at: string | null;
}

export interface ContestAwardsTable {
  id: Generated<number>;
  contest_id: number;
  work_id: number;
  rank: 'first' | 'second' | 'third' | 'excellence';
  score: number;
  position: number;
}
