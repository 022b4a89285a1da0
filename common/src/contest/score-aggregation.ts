// Scoring against the rubric and aggregating the judges' sheets (docs/contest.md "Scores"):
// - a sheet gives every criterion a score inside its range (steps of 0.5); its total is the weighted
//   share of the range, on 100 points: Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ × 100;
// - a work's score is the trimmed mean of its sheets' totals: with four sheets or more the single
//   highest and lowest are dropped (so one judge far off either way cannot move the result), with fewer
//   it is the plain mean;
// - a sheet more than OUTLIER_POINTS from the median of its work's sheets is flagged, so the organiser
//   sees it (and can reopen it) before proposing awards;
// - ties: higher untrimmed mean, then higher mean on the heaviest criterion, then the earlier entry.

export interface Criterion {
  code: string;
  name: string;
  weight: number;
  min: number;
  max: number;
}

export const OUTLIER_POINTS = 20;

export const DEFAULT_RUBRIC: Criterion[] = [
  { code: 'theme', name: '主题契合', weight: 30, min: 0, max: 10 },
  { code: 'creativity', name: '创意新颖', weight: 30, min: 0, max: 10 },
  { code: 'craft', name: '制作工艺', weight: 25, min: 0, max: 10 },
  { code: 'eco', name: '环保材料', weight: 15, min: 0, max: 10 },
];

export interface SheetProblem {
  criterion: string;
  zh: string;
  en: string;
}

/** What is wrong with a sheet: missing, unknown or out-of-range scores, or steps finer than 0.5. */
export function checkSheet(rubric: Criterion[], scores: Record<string, number>): SheetProblem[] {
  const out: SheetProblem[] = [];
  for (const code of Object.keys(scores))
    if (!rubric.some((c) => c.code === code))
      out.push({ criterion: code, zh: '评分细则中没有该项', en: 'Not a criterion of the rubric' });
  for (const c of rubric) {
    const s = scores[c.code];
    if (s === undefined) out.push({ criterion: c.code, zh: `请为“${c.name}”打分`, en: `Score “${c.name}”` });
    else if (!Number.isFinite(s) || s < c.min || s > c.max)
      out.push({
        criterion: c.code,
        zh: `“${c.name}”的分数须在 ${c.min}–${c.max} 之间`,
        en: `“${c.name}” must be between ${c.min} and ${c.max}`,
      });
    else if (Math.round(s * 2) !== s * 2)
      out.push({ criterion: c.code, zh: '分数最小单位为 0.5', en: 'Scores go in steps of 0.5' });
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A checked sheet's total on 100 points. */
export function sheetTotal(rubric: Criterion[], scores: Record<string, number>): number {
  const weights = rubric.reduce((s, c) => s + c.weight, 0);
  const sum = rubric.reduce(
    (s, c) => s + (c.weight * ((scores[c.code] ?? c.min) - c.min)) / (c.max - c.min),
    0,
  );
  return round2((sum / weights) * 100);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface WorkScore {
  score: number;
  mean: number;
  median: number;
  sheets: number;
  trimmed: boolean;
  /** positions (in the given totals) of the sheets far from the median */
  outliers: number[];
}

export function aggregateWork(totals: number[]): WorkScore | null {
  if (!totals.length) return null;
  const mean = totals.reduce((s, x) => s + x, 0) / totals.length;
  const med = median(totals);
  const trimmed = totals.length >= 4;
  const kept = trimmed ? [...totals].sort((a, b) => a - b).slice(1, -1) : totals;
  return {
    score: round2(kept.reduce((s, x) => s + x, 0) / kept.length),
    mean: round2(mean),
    median: round2(med),
    sheets: totals.length,
    trimmed,
    outliers: totals.flatMap((t, i) => (Math.abs(t - med) > OUTLIER_POINTS ? [i] : [])),
  };
}

export interface WorkRankInput {
  workId: number;
  score: WorkScore;
  /** the mean of the judges' scores on the heaviest criterion */
  leadCriterion: number;
}

export type TieBreak = 'mean' | 'leadCriterion' | 'entryOrder' | null;

export interface Ranked extends WorkRankInput {
  position: number;
  /** what separated this work from the one ranked just above it with the same score */
  tieBrokenBy: TieBreak;
}

/** Works ranked by score with the documented tie rule; every position is distinct. */
export function rankWorks(works: WorkRankInput[]): Ranked[] {
  const sorted = [...works].sort(
    (a, b) =>
      b.score.score - a.score.score ||
      b.score.mean - a.score.mean ||
      b.leadCriterion - a.leadCriterion ||
      a.workId - b.workId,
  );
  return sorted.map((w, i) => {
    const prev = sorted[i - 1];
    let tieBrokenBy: TieBreak = null;
    if (prev && prev.score.score === w.score.score)
      tieBrokenBy =
        prev.score.mean !== w.score.mean
          ? 'mean'
          : prev.leadCriterion !== w.leadCriterion
            ? 'leadCriterion'
            : 'entryOrder';
    return { ...w, position: i + 1, tieBrokenBy };
  });
}
