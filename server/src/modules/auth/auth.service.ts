// Sign-in, sessions, password changes and account administration (docs/security-requirements.md §1–9).
import { createHash, randomBytes } from 'node:crypto';
import {
  describePasswordProblem,
  isUnitScoped,
  passwordProblems,
  permissionsOf,
  PRIVILEGED_ROLES,
  type AccountAction,
  type Me,
  type Role,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { ApiError } from '../../http/api-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { requireActor } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { isCommonPassword } from './common-passwords.ts';
import { createAuthRepo, type AuthRepo } from './auth.repo.ts';
import { createLoginGuard, type LoginGuard } from './login-guard.ts';
import { createSecondFactorRepo } from './second-factor.repo.ts';
import { createSecondFactorService, type SecondFactorService } from './second-factor.ts';
import {
  generateTemporaryPassword,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from './password-hash.ts';

export const PASSWORD_MAX_AGE_DAYS = 90;
export const PASSWORD_HISTORY = 5;
/** last_seen_at is written at most this often, so reading a page is not a write each time */
const TOUCH_EVERY_MS = 60_000;

const minutes = (n: number) => n * 60_000;
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createAuthService({
  repo,
  audit,
  config,
  secondFactor,
  guard,
}: {
  repo: AuthRepo;
  audit: AuditService;
  config: Config;
  secondFactor: SecondFactorService;
  guard: LoginGuard;
}) {
  /** REQUIRE_TOTP_FOR_ADMINS: admins and audit administrators enrol before anything else */
  const totpRequiredFor = (roles: readonly Role[]) =>
    config.requireTotpForAdmins && roles.some((r) => PRIVILEGED_ROLES.includes(r));

  async function passwordRulesOrThrow(
    password: string,
    roles: readonly Role[],
    context: { username?: string; name?: string },
    field: string,
  ) {
    const problems = passwordProblems(password, roles, context);
    // the list is checked only for an otherwise acceptable password (it is loaded on first use)
    if (problems.length === 0 && (await isCommonPassword(password)))
      problems.push({ code: 'COMMON_PASSWORD' });
    if (problems.length > 0) {
      throw new ApiError(
        'VALIDATION_FAILED',
        problems.map((p) => {
          const d = describePasswordProblem(p);
          return { field, message: d.zh, messageEn: d.en };
        }),
      );
    }
  }

  async function setPassword(
    trx: Transaction<Database>,
    personId: number,
    password: string,
    mustChange: boolean,
  ) {
    await repo.setPasswordHash(trx, personId, await hashPassword(password, config.scryptLogN), mustChange);
  }

  const revokeSessions = (trx: Transaction<Database> | DB, personId: number) =>
    repo.revokeSessions(trx, personId);

  async function toActor(
    sessionId: string,
    row: Omit<
      NonNullable<Awaited<ReturnType<AuthRepo['findSession']>>>,
      'id' | 'last_seen_at' | 'idle_minutes' | 'revoked_at' | 'disabled'
    >,
  ): Promise<Actor> {
    const roles = await repo.rolesOf(row.person_id);
    const unitScoped = isUnitScoped(roles);
    const totpEnabled = row.totp_enabled_at !== null;
    const bureau = await repo.bureauOf(row.unit_path);
    return {
      totpEnabled,
      mustEnrolTotp: !totpEnabled && totpRequiredFor(roles),
      personId: row.person_id,
      name: row.name,
      username: row.username ?? '',
      unitId: row.unit_id,
      unitName: row.unit_name,
      unitPath: row.unit_path,
      scope: unitScoped ? 'unit' : 'bureau',
      scopePath: unitScoped ? row.unit_path : bureau.path,
      bureauUnitId: bureau.id,
      bureauPath: bureau.path,
      roles,
      permissions: permissionsOf(roles),
      mustChangePassword: row.must_change_password === 1,
      sessionId: sessionId,
      sessionExpiresAt: row.expires_at,
    };
  }

  return {
    hashToken,

    /**
     * The actor a person would be when signed in, for work done on their behalf inside the server (the
     * demo story at first start): the same roles, scope and bureau, no session.
     */
    async actorOfPerson(personId: number, purpose: string): Promise<Actor> {
      const row = await repo.findPersonForActor(personId);
      if (!row) throw new Error(`no person ${personId}`);
      return toActor(purpose, { ...row, expires_at: '' });
    },

    async login(
      ctx: RequestContext,
      username: string,
      password: string,
      code?: string,
    ): Promise<{ token: string; actor: Actor; idleMinutes: number }> {
      const person = await repo.findByUsername(username);
      const attemptAt = nowIso();
      const attempt = (personId: number | null, ok: boolean) => ({
        person_id: personId,
        username: username.slice(0, 64),
        client_ip: ctx.clientIp,
        at: attemptAt,
        succeeded: ok ? 1 : 0,
      });
      const refuse = async (reason: string, personId: number | null) => {
        await repo.recordAttempt(attempt(personId, false));
        await audit.record(ctx, {
          action: 'auth.login',
          result: 'failure',
          objectType: 'person',
          objectId: personId,
          detail: { username: username.slice(0, 64), reason },
          actorOverride: { id: personId, name: person?.name ?? null, roles: '' },
        });
        return new ApiError('INVALID_CREDENTIALS');
      };

      // Unknown, disabled, locked and out-of-slots all answer as a wrong password does, after the same
      // scrypt work (decision 077): the answer tells nothing about whether the name exists.
      if (!person || !person.password_hash || person.disabled) {
        await verifyAgainstDummy(password, config.scryptLogN);
        throw await refuse(person ? 'account disabled' : 'unknown user', person?.id ?? null);
      }
      const guarded = { id: person.id, name: person.name, password_hash: person.password_hash };
      const check = await guard.check(ctx, guarded, password);
      if (check.outcome === 'refused') throw await refuse('account locked', person.id);
      if (check.outcome === 'wrong') throw await refuse('wrong password', person.id);
      let secondFactorUsed: 'totp' | 'recovery' | null = null;
      if (person.totp_enabled_at) {
        if (!code) {
          // the password was right: not a failure, but a sign-in event all the same
          await guard.notAFailure(person.id);
          await audit.record(ctx, {
            action: 'auth.login',
            result: 'failure',
            objectType: 'person',
            objectId: person.id,
            detail: { username: username.slice(0, 64), reason: 'second factor required' },
            actorOverride: { id: person.id, name: person.name, roles: '' },
          });
          throw new ApiError('TOTP_REQUIRED');
        }
        secondFactorUsed = await secondFactor.consumeAtSignIn(person, code);
        if (!secondFactorUsed) {
          // a wrong second factor counts towards the lockout like a wrong password
          await guard.failed(ctx, guarded);
          await refuse('wrong second factor', person.id);
          throw new ApiError('TOTP_INVALID');
        }
      }

      const roles = await repo.rolesOf(person.id);
      const privileged = roles.some((r) => PRIVILEGED_ROLES.includes(r));
      const passwordAgeDays = person.password_changed_at
        ? (Date.now() - Date.parse(person.password_changed_at)) / 86_400_000
        : Infinity;
      const mustChange =
        person.must_change_password === 1 || (privileged && passwordAgeDays > PASSWORD_MAX_AGE_DAYS);
      const idleMinutes = privileged ? config.sessionAdminIdleMinutes : config.sessionIdleMinutes;
      const token = randomBytes(32).toString('base64url');
      const sessionId = hashToken(token);
      await audit.transact(ctx, async (trx, record) => {
        await repo.recordAttempt(attempt(person.id, true), trx);
        await repo.createSession(trx, {
          id: sessionId,
          person_id: person.id,
          created_at: attemptAt,
          last_seen_at: attemptAt,
          expires_at: isoIn(config.sessionAbsoluteHours * 3_600_000),
          idle_minutes: idleMinutes,
          client_ip: ctx.clientIp,
          user_agent: ctx.userAgent.slice(0, 200),
        });
        await repo.markSignedIn(trx, person.id, attemptAt, mustChange);
        await guard.succeeded(person.id, check.slot, trx);
        await record({
          action: 'auth.login',
          objectType: 'person',
          objectId: person.id,
          actorOverride: { id: person.id, name: person.name, roles: roles.join(',') },
          detail:
            mustChange || secondFactorUsed
              ? {
                  ...(mustChange ? { mustChangePassword: true } : {}),
                  ...(secondFactorUsed ? { secondFactor: secondFactorUsed } : {}),
                }
              : null,
        });
      });
      const row = await repo.findSession(sessionId);
      if (!row) throw new Error('session vanished after creation');
      return { token, actor: await toActor(sessionId, row), idleMinutes };
    },

    /** The actor behind a session cookie, or null when it is unknown, ended, idle too long or expired. */
    async resolveSession(token: string): Promise<Actor | null> {
      if (token.length < 20 || token.length > 100) return null;
      const id = hashToken(token);
      const row = await repo.findSession(id);
      if (!row || row.revoked_at || row.disabled) return null;
      const now = Date.now();
      if (Date.parse(row.expires_at) <= now) return null;
      const lastSeen = Date.parse(row.last_seen_at);
      if (lastSeen + minutes(row.idle_minutes) <= now) return null;
      if (now - lastSeen > TOUCH_EVERY_MS) await repo.touchSession(id, new Date(now).toISOString());
      return toActor(id, row);
    },

    async logout(ctx: RequestContext) {
      const actor = requireActor(ctx);
      await audit.transact(ctx, async (trx, record) => {
        await repo.revokeSession(trx, actor.sessionId);
        await record({ action: 'auth.logout', objectType: 'person', objectId: actor.personId });
      });
    },

    presentMe(actor: Actor): Me {
      return {
        id: actor.personId,
        name: actor.name,
        username: actor.username,
        unitId: actor.unitId,
        unitName: actor.unitName,
        roles: actor.roles,
        permissions: [...actor.permissions].sort(),
        mustChangePassword: actor.mustChangePassword,
        scope: actor.scope,
        sessionExpiresAt: actor.sessionExpiresAt,
        totpEnabled: actor.totpEnabled,
        totpRequired: actor.mustEnrolTotp,
      };
    },

    async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string) {
      const actor = requireActor(ctx);
      const cred = await repo.findCredentials(actor.personId);
      if (!cred) throw new ApiError('UNAUTHENTICATED');
      await guard.reauthenticate(ctx, cred, currentPassword, '/currentPassword');
      await passwordRulesOrThrow(
        newPassword,
        actor.roles,
        { username: actor.username, name: cred.name },
        '/newPassword',
      );
      for (const old of await repo.recentPasswordHashes(actor.personId, PASSWORD_HISTORY)) {
        if (await verifyPassword(newPassword, old)) {
          throw new ApiError('VALIDATION_FAILED', [
            {
              field: '/newPassword',
              message: `不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`,
              messageEn: `Must differ from your last ${PASSWORD_HISTORY} passwords`,
            },
          ]);
        }
      }
      await audit.transact(ctx, async (trx, record) => {
        await setPassword(trx, actor.personId, newPassword, false);
        // Other sessions end; this one stays, so the person is not thrown out after changing it.
        await repo.revokeSessions(trx, actor.personId, actor.sessionId);
        await record({ action: 'auth.password.change', objectType: 'person', objectId: actor.personId });
      });
    },

    /** Checks password rules for a new account's first password (used by the people module). */
    passwordRulesOrThrow,
    totpRequiredFor,
    setPassword,
    revokeSessions,

    /** Admin actions on another person's account; the caller has checked that the person is in scope. */
    async accountAction(
      ctx: RequestContext,
      target: { id: number; name: string; username: string | null; roles: Role[] },
      body: AccountAction,
    ): Promise<{ ok: true; temporaryPassword?: string }> {
      const actor = requireActor(ctx);
      if (!target.username) {
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '该人员没有登录账号',
          en: 'This person has no sign-in account',
        });
      }
      if (target.id === actor.personId && (body.action === 'disable' || body.action === 'resetPassword')) {
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '不能对自己的账号执行此操作',
          en: 'You cannot do this to your own account',
        });
      }
      let temporaryPassword: string | undefined;
      if (body.action === 'resetPassword') {
        temporaryPassword = body.temporaryPassword ?? generateTemporaryPassword();
        await passwordRulesOrThrow(
          temporaryPassword,
          target.roles,
          { username: target.username, name: target.name },
          '/temporaryPassword',
        );
      }
      await audit.transact(ctx, async (trx, record) => {
        switch (body.action) {
          case 'resetPassword':
            await setPassword(trx, target.id, temporaryPassword!, true);
            await revokeSessions(trx, target.id);
            break;
          case 'disable':
            await repo.setDisabled(trx, target.id, true);
            await revokeSessions(trx, target.id);
            break;
          case 'enable':
            await repo.setDisabled(trx, target.id, false);
            break;
          case 'unlock':
            // a fresh start for the failure window too (decision 077)
            await repo.unlock(trx, target.id);
            break;
          case 'endSessions':
            await revokeSessions(trx, target.id);
            break;
        }
        await record({ action: `account.${body.action}`, objectType: 'person', objectId: target.id });
      });
      return temporaryPassword ? { ok: true, temporaryPassword } : { ok: true };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

/** The auth module's services wired together: the one way to build them (app and tests). */
export function createAuthServices({ db, audit, config }: { db: DB; audit: AuditService; config: Config }) {
  const repo = createAuthRepo(db);
  const loginGuard = createLoginGuard(repo, audit, config.scryptLogN);
  const secondFactor = createSecondFactorService({
    repo: createSecondFactorRepo(db),
    audit,
    config,
    guard: loginGuard,
  });
  const auth = createAuthService({ repo, audit, config, secondFactor, guard: loginGuard });
  return { auth, secondFactor, loginGuard };
}
