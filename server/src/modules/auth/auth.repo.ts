// Credentials, sign-in attempts and sessions. The only place that builds these queries.
import type { Role } from '@greenvoice/common';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database, LoginAttemptsTable, SessionsTable } from '../../db/types.ts';
import { bureauOf } from '../units/units.repo.ts';

/**
 * Housekeeping (jobs/housekeeping.ts): deletes sessions that expired or were ended before `endedBefore`
 * and sign-in attempts older than `attemptsBefore`; answers how many of each.
 */
export async function purgeSessionsAndAttempts(db: DB, endedBefore: string, attemptsBefore: string) {
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', endedBefore),
        eb.and([eb('revoked_at', 'is not', null), eb('revoked_at', '<', endedBefore)]),
      ]),
    )
    .executeTakeFirst();
  const attempts = await db.deleteFrom('login_attempts').where('at', '<', attemptsBefore).executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), attempts: Number(attempts.numDeletedRows) };
}

export function createAuthRepo(db: DB) {
  return {
    async findByUsername(username: string) {
      return db
        .selectFrom('people')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select([
          'people.id',
          'people.name',
          'people.username',
          'people.password_hash',
          'people.password_changed_at',
          'people.must_change_password',
          'people.disabled',
          'people.locked_until',
          'people.totp_secret',
          'people.totp_enabled_at',
          'people.totp_last_step',
          'people.unit_id',
          'units.name as unit_name',
          'units.path as unit_path',
        ])
        .where('people.username', '=', username.toLowerCase())
        .executeTakeFirst();
    },

    async findCredentials(personId: number) {
      return db
        .selectFrom('people')
        .select(['id', 'name', 'username', 'password_hash', 'version'])
        .where('id', '=', personId)
        .executeTakeFirst();
    },

    async rolesOf(personId: number): Promise<Role[]> {
      const rows = await db
        .selectFrom('person_roles')
        .select('role')
        .where('person_id', '=', personId)
        .execute();
      return rows.map((r) => r.role).sort();
    },

    /** The bureau a unit belongs to, through the units module (which owns the tree). */
    bureauOf: (unitPath: string) => bureauOf(db, unitPath),

    /**
     * Reserves one sign-in attempt before the password is checked (decision 077): one conditional UPDATE,
     * atomic on SQLite (writes are serialised) and on PostgreSQL (the row lock makes a concurrent UPDATE
     * re-read the row), so at most `max` attempts per window are ever evaluated, from any app server.
     * Returns the attempt's slot (1 … max), or null when the account is locked or its slots are taken.
     */
    async reserveAttempt(personId: number, max: number, windowStart: string, now: string) {
      const fresh = sql<boolean>`(failed_window_start is null or failed_window_start <= ${windowStart})`;
      const row = await db
        .updateTable('people')
        .set({
          failed_logins: sql`case when ${fresh} then 1 else failed_logins + 1 end`,
          failed_window_start: sql`case when ${fresh} then ${now} else failed_window_start end`,
        })
        .where('id', '=', personId)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .where(sql<boolean>`(${fresh} or failed_logins < ${max})`)
        .returning('failed_logins')
        .executeTakeFirst();
      return row ? Number(row.failed_logins) : null;
    },

    /** Locks the account if its window holds `max` failures; true when this call locked it. */
    async lockIfExhausted(personId: number, max: number, until: string, now: string) {
      const res = await db
        .updateTable('people')
        .set({ locked_until: until })
        .where('id', '=', personId)
        .where('failed_logins', '>=', max)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /**
     * Gives back reserved slots: `count` = 1 returns one attempt that was not a failure (the password was
     * right but a code is still needed); a success gives back its own slot and every earlier one.
     */
    async releaseAttempts(personId: number, count: number, trx: DB | Transaction<Database> = db) {
      await trx
        .updateTable('people')
        .set({
          failed_logins: sql`case when failed_logins > ${count} then failed_logins - ${count} else 0 end`,
        })
        .where('id', '=', personId)
        .execute();
    },

    async recentPasswordHashes(personId: number, count: number): Promise<string[]> {
      const rows = await db
        .selectFrom('password_history')
        .select('password_hash')
        .where('person_id', '=', personId)
        .orderBy('id', 'desc')
        .limit(count)
        .execute();
      return rows.map((r) => r.password_hash);
    },

    async findSession(id: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('people', 'people.id', 'sessions.person_id')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select([
          'sessions.id',
          'sessions.person_id',
          'sessions.last_seen_at',
          'sessions.expires_at',
          'sessions.idle_minutes',
          'sessions.revoked_at',
          'people.name',
          'people.username',
          'people.disabled',
          'people.must_change_password',
          'people.totp_enabled_at',
          'people.unit_id',
          'units.name as unit_name',
          'units.path as unit_path',
        ])
        .where('sessions.id', '=', id)
        .executeTakeFirst();
    },

    /** A person as a session would see them, without a session (work done on their behalf). */
    async findPersonForActor(personId: number) {
      return db
        .selectFrom('people')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select([
          'people.id as person_id',
          'people.name',
          'people.username',
          'people.must_change_password',
          'people.totp_enabled_at',
          'people.unit_id',
          'units.name as unit_name',
          'units.path as unit_path',
        ])
        .where('people.id', '=', personId)
        .executeTakeFirst();
    },

    async touchSession(id: string, at: string) {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },

    /** One sign-in attempt (the lockout window's evidence); outside a transaction for a refusal. */
    async recordAttempt(attempt: Insertable<LoginAttemptsTable>, q: DB | Transaction<Database> = db) {
      await q.insertInto('login_attempts').values(attempt).execute();
    },

    async createSession(trx: Transaction<Database>, session: Insertable<SessionsTable>) {
      await trx.insertInto('sessions').values(session).execute();
    },

    /** A successful sign-in: the time, the lock lifted, whether the password must change first. */
    async markSignedIn(trx: Transaction<Database>, personId: number, at: string, mustChange: boolean) {
      await trx
        .updateTable('people')
        .set({ last_login_at: at, locked_until: null, must_change_password: mustChange ? 1 : 0 })
        .where('id', '=', personId)
        .execute();
    },

    async revokeSession(trx: Transaction<Database>, sessionId: string) {
      await trx.updateTable('sessions').set({ revoked_at: nowIso() }).where('id', '=', sessionId).execute();
    },

    /** Ends every open session of the person, except `keepSessionId` (the one changing its password). */
    async revokeSessions(trx: DB | Transaction<Database>, personId: number, keepSessionId?: string) {
      let q = trx
        .updateTable('sessions')
        .set({ revoked_at: nowIso() })
        .where('person_id', '=', personId)
        .where('revoked_at', 'is', null);
      if (keepSessionId !== undefined) q = q.where('id', '!=', keepSessionId);
      await q.execute();
    },

    /** A new password hash, remembered in the history the reuse rule reads. */
    async setPasswordHash(trx: Transaction<Database>, personId: number, hash: string, mustChange: boolean) {
      const at = nowIso();
      await trx
        .updateTable('people')
        .set((eb) => ({
          password_hash: hash,
          password_changed_at: at,
          must_change_password: mustChange ? 1 : 0,
          updated_at: at,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', personId)
        .execute();
      await trx
        .insertInto('password_history')
        .values({ person_id: personId, password_hash: hash, created_at: at })
        .execute();
    },

    async setDisabled(trx: Transaction<Database>, personId: number, disabled: boolean) {
      await trx
        .updateTable('people')
        .set({ disabled: disabled ? 1 : 0, updated_at: nowIso() })
        .where('id', '=', personId)
        .execute();
    },

    /** Lifts a lock and starts the failure window afresh (decision 077). */
    async unlock(trx: Transaction<Database>, personId: number) {
      await trx
        .updateTable('people')
        .set({ locked_until: null, failed_logins: 0, failed_window_start: null, updated_at: nowIso() })
        .where('id', '=', personId)
        .execute();
    },
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
