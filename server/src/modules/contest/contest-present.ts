// Rows → API shapes for the contest (docs/contest.md). The organiser's work view carries names; the
// judge's blind view (presentBlind) is built from a row that never selects them for output.
import type { AwardQuotas, BlindSheet, Contest, Criterion, Work } from '@greenvoice/common';
import type { PhotoTable } from '../../db/types.ts';
import type { BlindRow, ContestRow, WorkRow } from './contest.repo.ts';

type PhotoRow = Omit<PhotoTable, 'id'> & { id: number };
export type Named = { code: string; name: string };

export const contestRules = (c: ContestRow) => ({
  categories: JSON.parse(c.categories) as Named[],
  ageGroups: JSON.parse(c.age_groups) as Named[],
  rubric: JSON.parse(c.rubric) as Criterion[],
  quotas: JSON.parse(c.quotas) as AwardQuotas,
});

export function presentContest(c: ContestRow): Contest {
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    theme: c.theme,
    ...contestRules(c),
    judgesPerWork: c.judges_per_work,
    entriesCloseOn: c.entries_close_on,
    judgingCloseOn: c.judging_close_on,
    galaOn: c.gala_on,
    state: c.state,
    schools: Number(c.schools ?? 0),
    works: Number(c.works ?? 0),
    judges: Number(c.judges ?? 0),
    sheets: Number(c.sheets ?? 0),
    scored: Number(c.scored ?? 0),
    approvedAt: c.approved_at,
    version: c.version,
  };
}

export const photoUrl = (contestId: number, workId: number, photoId: number) =>
  `/api/v1/contests/${contestId}/works/${workId}/photos/${photoId}`;

export function presentWork(w: WorkRow, photos: PhotoRow[]): Work {
  return {
    id: w.id,
    code: w.code,
    schoolId: w.school_id,
    schoolName: w.school_name,
    countyName: w.county_name,
    category: w.category,
    ageGroup: w.age_group,
    title: w.title,
    students: w.students,
    teacher: w.teacher,
    description: w.description,
    photos: photos
      .filter((p) => p.owner_id === w.id)
      .map((p) => ({
        id: p.id,
        fileName: p.file_name,
        altText: p.alt_text,
        mediaType: p.media_type,
        size: p.size,
        url: photoUrl(w.contest_id, w.id, p.id),
      })),
    award: w.award,
    judges: Number(w.judges ?? 0),
  };
}

/** The judge's view: code, category, age group, title, description and photos — nothing that names anyone. */
export function presentBlind(r: BlindRow, photos: PhotoRow[], today: string): BlindSheet {
  return {
    sheetId: r.sheet_id,
    contestId: r.contest_id,
    contestTitle: r.contest_title,
    code: r.code,
    category: r.category,
    ageGroup: r.age_group,
    title: r.title,
    description: r.description,
    photos: photos
      .filter((p) => p.owner_id === r.work_id)
      .map((p) => ({
        id: p.id,
        altText: `作品 ${r.code} 照片`,
        url: `/api/v1/contest-sheets/${r.sheet_id}/photos/${p.id}`,
      })),
    rubric: JSON.parse(r.rubric) as Criterion[],
    scores: r.scores ? (JSON.parse(r.scores) as Record<string, number>) : null,
    total: r.total,
    comment: r.comment,
    judgeNote: r.judge_note,
    scoredAt: r.scored_at,
    open: r.state === 'judging' && today <= r.judging_close_on,
  };
}
