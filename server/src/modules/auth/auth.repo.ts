// Credentials, sign-in attempts and sessions. The only place that builds these queries.
import type { Role } from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { bureauOf } from '../units/units.repo.ts';

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

    async failuresSince(personId: number, since: string): Promise<number> {
      const lastSuccess = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.max('at').as('at'))
        .where('person_id', '=', personId)
        .where('succeeded', '=', 1)
        .executeTakeFirst();
      const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
      const row = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .where('succeeded', '=', 0)
        .where('at', '>', from)
        .executeTakeFirstOrThrow();
      return Number(row.n);
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

    async touchSession(id: string, at: string) {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
