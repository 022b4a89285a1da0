// Finds, for a page of submissions, the other records already in the system (within the reader's
// scope, drafts excluded) with the same normalised link or a near-identical title. Titles are compared
// among records dated within DATE_WINDOW_DAYS of each other: the same story is reported near its date.
import type { DuplicateRef } from '@greenvoice/common';
import { lengthsCompatible, TITLE_SIMILARITY_THRESHOLD, titleSimilarity } from './duplicate-keys.ts';
import type { SubmissionsRepo } from './submissions.repo.ts';

export const DATE_WINDOW_DAYS = 92;
const MAX_PER_RECORD = 5;

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Probe {
  id: number;
  title_norm: string;
  link_norm: string | null;
  fact_date: string;
}

export async function findDuplicates(
  repo: SubmissionsRepo,
  rows: Probe[],
  scopePath: string,
): Promise<Map<number, DuplicateRef[]>> {
  const out = new Map<number, DuplicateRef[]>(rows.map((r) => [r.id, []]));
  if (!rows.length) return out;
  const links = [...new Set(rows.map((r) => r.link_norm).filter((l): l is string => !!l))];
  const linkHits = await repo.linkMatches(links, scopePath);
  const dates = rows.map((r) => r.fact_date).sort();
  const pool = await repo.titleCandidates(
    shift(dates[0]!, -DATE_WINDOW_DAYS),
    shift(dates[dates.length - 1]!, DATE_WINDOW_DAYS),
    scopePath,
  );
  for (const r of rows) {
    const found = new Map<number, DuplicateRef>();
    for (const h of linkHits) {
      if (h.id === r.id || h.link_norm !== r.link_norm) continue;
      found.set(h.id, {
        id: h.id,
        title: h.title,
        unitName: h.unit_name,
        status: h.status,
        date: h.fact_date,
        match: 'link',
        similarity: 1,
      });
    }
    const lo = shift(r.fact_date, -DATE_WINDOW_DAYS);
    const hi = shift(r.fact_date, DATE_WINDOW_DAYS);
    for (const c of pool) {
      if (c.id === r.id || found.has(c.id) || c.fact_date < lo || c.fact_date > hi) continue;
      if (!lengthsCompatible(r.title_norm, c.title_norm)) continue;
      const similarity = titleSimilarity(r.title_norm, c.title_norm);
      if (similarity < TITLE_SIMILARITY_THRESHOLD) continue;
      found.set(c.id, {
        id: c.id,
        title: c.title,
        unitName: c.unit_name,
        status: c.status,
        date: c.fact_date,
        match: 'title',
        similarity: Math.round(similarity * 1000) / 1000,
      });
    }
    out.set(
      r.id,
      [...found.values()]
        .sort((a, b) => (a.match === b.match ? b.similarity - a.similarity : a.match === 'link' ? -1 : 1))
        .slice(0, MAX_PER_RECORD),
    );
  }
  return out;
}
