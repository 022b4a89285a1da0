// How long audit records are kept (decision 072): at least 180 days (Cybersecurity Law art. 21 — network
// logs kept no less than six months). Only `npm run audit:purge` removes older ones; the database's
// delete trigger holds the same figure, so not even a purge permit can remove a younger record.

import { chinaDayStart, isChinaDay } from '@greenvoice/common';

export const AUDIT_RETENTION_DAYS = 180;

/** `--before 2026-06-01` means before that day began in China time (UTC+8), as an ISO instant. */
export function purgeCutoff(date: string): string | null {
  return isChinaDay(date) ? chinaDayStart(date) : null;
}

/** The latest cut-off a purge may use now. */
export function latestPurgeCutoff(now: Date): string {
  return new Date(now.getTime() - AUDIT_RETENTION_DAYS * 86_400_000).toISOString();
}

/** Why a purge before `beforeIso` is refused, or null if the law allows it. */
export function purgeRefusal(beforeIso: string, now: Date): string | null {
  const latest = latestPurgeCutoff(now);
  if (beforeIso <= latest) return null;
  return `refused: audit records are kept at least ${AUDIT_RETENTION_DAYS} days (Cybersecurity Law art. 21); a purge may only remove records from before ${latest}`;
}
