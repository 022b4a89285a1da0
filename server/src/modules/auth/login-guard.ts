// The one way a password is checked against the lockout (decision 077), for sign-in and for every route
// that asks for the password again (change password, two-factor enrol/disable, recovery codes). An
// attempt reserves its slot in the database BEFORE scrypt runs, so however many guesses arrive at once,
// on however many app servers, at most LOCKOUT.failures of them are ever evaluated per window.
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { ApiError, invalid } from '../../http/api-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AuthRepo } from './auth.repo.ts';
import { verifyAgainstDummy, verifyPassword } from './password-hash.ts';

export const LOCKOUT = { failures: 5, windowMinutes: 15, lockMinutes: 30 } as const;

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * `refused`: locked, or every slot of the window is taken by attempts still in flight; the password was
 * not evaluated (a dummy scrypt ran instead, so the answer takes as long as a real check).
 * `wrong`: evaluated and wrong; the failure stays counted. `right`: evaluated and right; the caller calls
 * `succeeded` (a success clears the window) or `notAFailure` (right password, but a code is still due).
 */
export type GuardedCheck =
  { outcome: 'refused' } | { outcome: 'wrong'; lockedNow: boolean } | { outcome: 'right'; slot: number };

export interface GuardedPerson {
  id: number;
  name: string;
  password_hash: string;
}

export function createLoginGuard(repo: AuthRepo, audit: AuditService, scryptLogN: number) {
  /** Counts a failure already reserved (wrong password or wrong code) and locks on the last one. */
  async function failed(ctx: RequestContext, person: { id: number; name: string }): Promise<boolean> {
    const now = nowIso();
    const until = isoIn(LOCKOUT.lockMinutes * 60_000);
    const lockedNow = await repo.lockIfExhausted(person.id, LOCKOUT.failures, until, now);
    if (lockedNow)
      await audit.record(ctx, {
        action: 'auth.lock',
        objectType: 'person',
        objectId: person.id,
        detail: { failures: LOCKOUT.failures, until },
        actorOverride: { id: person.id, name: person.name, roles: '' },
      });
    return lockedNow;
  }

  async function check(ctx: RequestContext, person: GuardedPerson, password: string): Promise<GuardedCheck> {
    const now = nowIso();
    const windowStart = isoIn(-LOCKOUT.windowMinutes * 60_000);
    const slot = await repo.reserveAttempt(person.id, LOCKOUT.failures, windowStart, now);
    if (slot === null) {
      await verifyAgainstDummy(password, scryptLogN);
      return { outcome: 'refused' };
    }
    if (await verifyPassword(password, person.password_hash)) return { outcome: 'right', slot };
    return { outcome: 'wrong', lockedNow: await failed(ctx, person) };
  }

  return {
    check,

    /** A wrong second factor after a right password: the reserved slot stays a failure. */
    failed,

    /** The attempt succeeded: its slot and every earlier one are given back (failures since the last success). */
    succeeded: (personId: number, slot: number, trx?: Transaction<Database>) =>
      repo.releaseAttempts(personId, slot, trx),

    /** The password was right but the attempt did not finish (a second factor is asked for). */
    notAFailure: (personId: number) => repo.releaseAttempts(personId, 1),

    /**
     * A signed-in person confirms an action with their password: a wrong one counts towards the lockout
     * like a wrong sign-in, and a locked account is refused (423) without the password being checked.
     */
    async reauthenticate(
      ctx: RequestContext,
      person: { id: number; name: string; password_hash: string | null },
      password: string,
      field: string,
    ): Promise<void> {
      const result: GuardedCheck = person.password_hash
        ? await check(ctx, { ...person, password_hash: person.password_hash }, password)
        : { outcome: 'wrong', lockedNow: false };
      if (result.outcome === 'refused') throw new ApiError('ACCOUNT_LOCKED');
      if (result.outcome === 'wrong') {
        if (result.lockedNow) throw new ApiError('ACCOUNT_LOCKED');
        throw invalid(field, '密码不正确', 'The password is wrong');
      }
      await repo.releaseAttempts(person.id, result.slot);
    },
  };
}
export type LoginGuard = ReturnType<typeof createLoginGuard>;
