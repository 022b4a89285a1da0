// The housekeeping job: removes ended sessions and sign-in attempts no rule needs any more, and checks
// the audit log's retention. Audit records are never purged here: only `npm run audit:purge` may, after
// writing a signed checkpoint (decision 072) — so the job only reports how old the log is and whether it
// holds at least the 180 days the law requires.
import type { DB } from '../db/database.ts';
import { auditLogAge } from '../modules/audit/audit.repo.ts';
import { AUDIT_RETENTION_DAYS } from '../modules/audit/audit-retention.ts';
import { purgeSessionsAndAttempts } from '../modules/auth/auth.repo.ts';
/** Sign-in attempts serve the 15-minute lockout window; the audit log keeps every sign-in event. */
export const LOGIN_ATTEMPTS_KEEP_DAYS = 30;
/** Ended sessions are kept a day, so "signed out / expired" can still be explained to a user. */
export const ENDED_SESSIONS_KEEP_HOURS = 24;

export interface HousekeepingResult {
  sessionsPurged: number;
  loginAttemptsPurged: number;
  auditRecords: number;
  /** days since the oldest audit record (0 when the log is empty) */
  auditOldestDays: number;
  auditRetentionDays: number;
  /** what the audit log may lose: nothing younger than the retention period, and nothing at all yet */
  auditPurge: 'only by npm run audit:purge (decision 072)';
}

export async function runHousekeeping(db: DB, now = new Date()): Promise<HousekeepingResult> {
  const iso = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const purged = await purgeSessionsAndAttempts(
    db,
    iso(ENDED_SESSIONS_KEEP_HOURS * 3_600_000),
    iso(LOGIN_ATTEMPTS_KEEP_DAYS * 86_400_000),
  );
  const audit = await auditLogAge(db);
  const oldest = audit.oldest ? Date.parse(audit.oldest) : now.getTime();
  return {
    sessionsPurged: purged.sessions,
    loginAttemptsPurged: purged.attempts,
    auditRecords: audit.records,
    auditOldestDays: Math.floor((now.getTime() - oldest) / 86_400_000),
    auditRetentionDays: AUDIT_RETENTION_DAYS,
    auditPurge: 'only by npm run audit:purge (decision 072)',
  };
}
