// The second factor for staff (docs/security-requirements.md §9, MLPS level 3): TOTP enrolment with a
// confirming code, single-use codes at sign-in, hashed single-use recovery codes, and the password
// again before anything about it changes. Secrets are sealed with TOTP_ENCRYPTION_KEY (decision 051).
import type { Database } from '../../db/types.ts';
import type { Transaction } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { RecoveryCodes, TotpEnrolment, TotpStatus } from '@greenvoice/common';
import type { Config } from '../../config.ts';
import { ApiError, conflict, invalid } from '../../http/api-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { requireActor } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { LoginGuard } from './login-guard.ts';
import type { SecondFactorRepo } from './second-factor.repo.ts';
import { isSealed, openSecret, sealSecret } from './secret-box.ts';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

export const RECOVERY_CODE_COUNT = 10;
const ISSUER = '绿讯 GreenVoice';

/** 60 random bits as xxxx-xxxx-xxxx (base32, lower case: no 0/1/8/9 to misread). */
function newRecoveryCode(): string {
  const raw = base32Encode(randomBytes(8)).slice(0, 12).toLowerCase();
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}
const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const hashRecovery = (code: string) => createHash('sha256').update(normaliseRecovery(code)).digest('hex');
export const looksLikeRecoveryCode = (code: string) => /^[a-z2-7]{12}$/.test(normaliseRecovery(code));

export interface SecondFactorPerson {
  id: number;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
}

export function createSecondFactorService({
  repo,
  audit,
  config,
  guard,
}: {
  repo: SecondFactorRepo;
  audit: AuditService;
  config: Config;
  guard: LoginGuard;
}) {
  const key = config.totpEncryptionKey;

  /** The password again before anything about the second factor changes; wrong ones count towards the lockout. */
  async function reauthenticate(ctx: RequestContext, personId: number, password: string) {
    const row = await repo.account(personId);
    await guard.reauthenticate(ctx, row, password, '/password');
    return row;
  }

  async function issueRecoveryCodes(trx: Transaction<Database>, personId: number) {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await repo.replaceRecoveryCodes(trx, personId, codes.map(hashRecovery));
    return codes;
  }

  return {
    /**
     * Checks a sign-in's second factor and consumes it: a TOTP step or a recovery code works once, even
     * when two app servers see the same code at the same moment (conditional UPDATEs).
     */
    async consumeAtSignIn(person: SecondFactorPerson, code: string): Promise<'totp' | 'recovery' | null> {
      if (looksLikeRecoveryCode(code)) {
        return (await repo.consumeRecoveryCode(person.id, hashRecovery(code))) ? 'recovery' : null;
      }
      if (!person.totp_secret) return null;
      const secret = openSecret(person.totp_secret, key);
      const step = matchTotp(secret, code, Date.now(), person.totp_last_step);
      if (step === null) return null;
      // a key configured after enrolment: seal the secret now
      const resealed = key && !isSealed(person.totp_secret) ? sealSecret(secret, key) : undefined;
      return (await repo.consumeTotpStep(person.id, step, resealed)) ? 'totp' : null;
    },

    async status(ctx: RequestContext, required: boolean): Promise<TotpStatus> {
      const actor = requireActor(ctx);
      const row = await repo.account(actor.personId);
      const left = await repo.unusedRecoveryCodes(actor.personId);
      return {
        enabled: row.totp_enabled_at !== null,
        enabledAt: row.totp_enabled_at,
        pending: row.totp_secret !== null && row.totp_enabled_at === null,
        recoveryCodesLeft: row.totp_enabled_at ? left : 0,
        required,
      };
    },

    /** Starts (or restarts) an enrolment: a new secret, effective once a code from it is confirmed. */
    async enrol(ctx: RequestContext, password: string): Promise<TotpEnrolment> {
      const actor = requireActor(ctx);
      const row = await reauthenticate(ctx, actor.personId, password);
      if (row.totp_enabled_at)
        throw new ApiError('CONFLICT', undefined, {
          zh: '已绑定身份验证器；如需更换，请先解除绑定',
          en: 'Two-factor authentication is on; turn it off first to change the authenticator',
        });
      const secret = newTotpSecret();
      await audit.transact(ctx, async (trx, record) => {
        await repo.startEnrolment(trx, actor.personId, sealSecret(secret, key));
        await record({ action: 'auth.totp.enrol', objectType: 'person', objectId: actor.personId });
      });
      return { secret, otpauthUri: otpauthUri(secret, actor.username, ISSUER) };
    },

    /** The first code from the app proves it holds the secret; the second factor is on from now. */
    async confirm(ctx: RequestContext, code: string): Promise<RecoveryCodes> {
      const actor = requireActor(ctx);
      const row = await repo.account(actor.personId);
      if (!row.totp_secret || row.totp_enabled_at) throw conflict();
      const step = matchTotp(openSecret(row.totp_secret, key), code, Date.now(), null);
      if (step === null)
        throw invalid(
          '/code',
          '验证码不正确，请核对手机时间后重试',
          'Wrong code; check the phone’s clock and retry',
        );
      return audit.transact(ctx, async (trx, record) => {
        await repo.enable(trx, actor.personId, step);
        const recoveryCodes = await issueRecoveryCodes(trx, actor.personId);
        await record({ action: 'auth.totp.confirm', objectType: 'person', objectId: actor.personId });
        return { recoveryCodes };
      });
    },

    async disable(ctx: RequestContext, password: string): Promise<void> {
      const actor = requireActor(ctx);
      await reauthenticate(ctx, actor.personId, password);
      await audit.transact(ctx, async (trx, record) => {
        await repo.disable(trx, actor.personId);
        await record({ action: 'auth.totp.disable', objectType: 'person', objectId: actor.personId });
      });
    },

    async regenerateRecoveryCodes(ctx: RequestContext, password: string): Promise<RecoveryCodes> {
      const actor = requireActor(ctx);
      const row = await reauthenticate(ctx, actor.personId, password);
      if (!row.totp_enabled_at) throw conflict();
      return audit.transact(ctx, async (trx, record) => {
        const recoveryCodes = await issueRecoveryCodes(trx, actor.personId);
        await record({ action: 'auth.totp.recoveryCodes', objectType: 'person', objectId: actor.personId });
        return { recoveryCodes };
      });
    },
  };
}
export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
