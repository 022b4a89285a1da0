// Queries for the second factor (decision 051): the TOTP columns of a person's account and the hashed
// recovery codes. Codes are consumed by conditional UPDATEs, so a code works once across app servers.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';

export function createSecondFactorRepo(db: DB) {
  return {
    /** What re-authentication and the enrolment steps read of the account. */
    async account(personId: number) {
      return db
        .selectFrom('people')
        .select(['id', 'name', 'password_hash', 'username', 'totp_secret', 'totp_enabled_at'])
        .where('id', '=', personId)
        .executeTakeFirstOrThrow();
    },

    async unusedRecoveryCodes(personId: number): Promise<number> {
      const row = await db
        .selectFrom('totp_recovery_codes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Marks the code used; true only for the one caller that did (an unused code of this person). */
    async consumeRecoveryCode(personId: number, codeHash: string): Promise<boolean> {
      const res = await db
        .updateTable('totp_recovery_codes')
        .set({ used_at: nowIso() })
        .where('person_id', '=', personId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /**
     * Records `step` as the last TOTP step used (a step works once); `resealed` replaces the stored
     * secret in the same write. True only for the caller whose step was newer.
     */
    async consumeTotpStep(personId: number, step: number, resealed?: string): Promise<boolean> {
      const res = await db
        .updateTable('people')
        .set({ totp_last_step: step, ...(resealed ? { totp_secret: resealed } : {}) })
        .where('id', '=', personId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** A pending enrolment: the sealed secret, not yet on. */
    async startEnrolment(trx: Transaction<Database>, personId: number, sealed: string) {
      await trx
        .updateTable('people')
        .set({ totp_secret: sealed, totp_enabled_at: null, totp_last_step: null })
        .where('id', '=', personId)
        .execute();
    },

    async enable(trx: Transaction<Database>, personId: number, step: number) {
      await trx
        .updateTable('people')
        .set({ totp_enabled_at: nowIso(), totp_last_step: step })
        .where('id', '=', personId)
        .execute();
    },

    /** The second factor off: secret and recovery codes gone. */
    async disable(trx: Transaction<Database>, personId: number) {
      await trx
        .updateTable('people')
        .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
        .where('id', '=', personId)
        .execute();
      await trx.deleteFrom('totp_recovery_codes').where('person_id', '=', personId).execute();
    },

    /** Replaces the person's recovery codes with these hashes. */
    async replaceRecoveryCodes(trx: Transaction<Database>, personId: number, hashes: string[]) {
      await trx.deleteFrom('totp_recovery_codes').where('person_id', '=', personId).execute();
      const at = nowIso();
      await trx
        .insertInto('totp_recovery_codes')
        .values(
          hashes.map((code_hash) => ({ person_id: personId, code_hash, created_at: at, used_at: null })),
        )
        .execute();
    },
  };
}
export type SecondFactorRepo = ReturnType<typeof createSecondFactorRepo>;
