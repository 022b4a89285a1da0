import {
  describeDutyRefusal,
  dutyRefusal,
  maskMobile,
  minPasswordLength,
  normaliseEmail,
  normaliseMobile,
  type AccountAction,
  type Person,
  type PersonInput,
  type PersonAct,
  type PersonUpdate,
  type Role,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { exportPeople } from './people-export.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import { generateTemporaryPassword } from '../auth/password-hash.ts';
import { setUsername, type PeopleRepo } from './people.repo.ts';

type PersonRow = NonNullable<Awaited<ReturnType<PeopleRepo['findInScope']>>>;

export function presentPerson(r: PersonRow, roles: { role: Role }[]): Person {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    name: r.name,
    title: r.title,
    mobileMasked: r.mobile ? maskMobile(r.mobile) : null,
    email: r.email,
    roles: roles.map((x) => x.role),
    username: r.username,
    disabled: r.disabled === 1,
    lockedUntil: r.locked_until && r.locked_until > nowIso() ? r.locked_until : null,
    mustChangePassword: r.must_change_password === 1,
    lastLoginAt: r.last_login_at,
    isDemo: r.is_demo === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function mobileOrThrow(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const mobile = normaliseMobile(raw);
  if (!mobile)
    throw invalid(
      '/mobile',
      '手机号码应为 11 位中国大陆手机号',
      'Must be an 11-digit mainland China mobile number',
    );
  return mobile;
}

export function emailOrThrow(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const email = normaliseEmail(raw);
  if (!email) throw invalid('/email', '电子邮箱格式不正确', 'Not an e-mail address');
  return email;
}

export function createPeopleService({
  repo,
  units,
  auth,
  audit,
}: {
  repo: PeopleRepo;
  units: UnitsService;
  auth: AuthService;
  audit: AuditService;
}) {
  async function getVisible(ctx: RequestContext, id: number) {
    const row = await repo.findInScope(id, requireActor(ctx).scopePath);
    if (!row) throw notFound();
    return row;
  }
  async function present(row: PersonRow) {
    return presentPerson(row, (await repo.rolesByPerson([row.id])).get(row.id) ?? []);
  }
  /** Separation of duties (decision 078): a refused act is audited for the audit administrator to see. */
  async function dutyOrThrow(
    ctx: RequestContext,
    target: { id: number | null; roles: readonly Role[] },
    act: PersonAct,
    newRoles?: readonly Role[],
  ) {
    const refusal = dutyRefusal(requireActor(ctx), target, act, newRoles);
    if (!refusal) return;
    // the same action code an allowed act records, so the auditor finds both under one name
    const action =
      act === 'create' || act === 'delete'
        ? `person.${act}`
        : act === 'edit'
          ? newRoles
            ? 'person.update.roles'
            : 'person.update'
          : `account.${act}`;
    await audit.record(ctx, {
      action,
      result: 'denied',
      objectType: 'person',
      objectId: target.id,
      detail: { reason: refusal, roles: target.roles, ...(newRoles ? { newRoles } : {}) },
    });
    throw new ApiError('FORBIDDEN', undefined, describeDutyRefusal(refusal));
  }
  async function unitOrThrow(ctx: RequestContext, unitId: number) {
    try {
      return await units.getVisible(ctx, unitId);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_FOUND')
        throw invalid('/unitId', '单位不存在', 'The unit does not exist');
      throw err;
    }
  }

  /**
   * A named contact (from the campaign, the Excel import or the form) gets a sign-in account: a user
   * name and a temporary password (generated unless chosen) that must be changed at the first sign-in —
   * what an imported person with a user name and an administrator's reset add up to, in one step.
   */
  async function createLogin(ctx: RequestContext, person: Person, body: AccountAction) {
    if (person.username)
      throw new ApiError('UNPROCESSABLE', undefined, {
        zh: '该人员已有登录账号',
        en: 'This person already has a sign-in account',
      });
    if (!body.username) throw invalid('/username', '请填写用户名', 'Enter a user name');
    const username = body.username.toLowerCase();
    if (await repo.findByUsername(username))
      throw new ApiError('DUPLICATE', [
        { field: '/username', message: '用户名已被使用', messageEn: 'This user name is already taken' },
      ]);
    const temporaryPassword = body.temporaryPassword ?? generateTemporaryPassword();
    await auth.passwordRulesOrThrow(
      temporaryPassword,
      person.roles,
      { username, name: person.name },
      '/temporaryPassword',
    );
    await audit.transact(ctx, async (trx, record) => {
      if (!(await setUsername(trx, person.id, person.version, username, nowIso()))) throw conflict();
      await auth.setPassword(trx, person.id, temporaryPassword, true);
      await record({
        action: 'account.createLogin',
        objectType: 'person',
        objectId: person.id,
        detail: { after: { username, mustChangePassword: true } },
      });
    });
    return { ok: true as const, temporaryPassword };
  }

  async function list(
    ctx: RequestContext,
    query: { q?: string; unitId?: number; role?: Role; page?: number; pageSize?: number },
  ) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await repo.list(
      {
        scopePath: requireActor(ctx).scopePath,
        q: query.q?.trim() || undefined,
        unitId: query.unitId,
        role: query.role,
      },
      page,
      pageSize,
    );
    const roles = await repo.rolesByPerson(items.map((i) => i.id));
    return { items: items.map((i) => presentPerson(i, roles.get(i.id) ?? [])), total, page, pageSize };
  }

  return {
    getVisible,

    list,

    async get(ctx: RequestContext, id: number) {
      return present(await getVisible(ctx, id));
    },

    /** The whole filtered list as .xlsx (decision 126). */
    exportXlsx(ctx: RequestContext, query: Parameters<typeof exportPeople>[3]) {
      return exportPeople(audit, list, ctx, query);
    },

    async create(ctx: RequestContext, input: PersonInput): Promise<Person> {
      await dutyOrThrow(ctx, { id: null, roles: [] }, 'create', input.roles);
      const unit = await unitOrThrow(ctx, input.unitId);
      const mobile = mobileOrThrow(input.mobile);
      const email = emailOrThrow(input.email);
      const username = input.username?.toLowerCase() ?? null;
      if (username && (await repo.findByUsername(username))) {
        throw new ApiError('DUPLICATE', [
          { field: '/username', message: '用户名已被使用', messageEn: 'This user name is already taken' },
        ]);
      }
      if (input.initialPassword !== undefined) {
        if (!username)
          throw invalid(
            '/initialPassword',
            '设置初始密码需要同时填写用户名',
            'An initial password needs a user name',
          );
        await auth.passwordRulesOrThrow(
          input.initialPassword,
          input.roles,
          { username, name: input.name },
          '/initialPassword',
        );
      }
      const id = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const personId = await repo.insert(trx, {
          unit_id: unit.id,
          name: input.name.trim(),
          title: input.title?.trim() ?? '',
          mobile,
          email,
          username,
          must_change_password: 1,
          disabled: 0,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        });
        await repo.setRoles(trx, personId, input.roles, at);
        if (input.initialPassword !== undefined)
          await auth.setPassword(trx, personId, input.initialPassword, true);
        await record({
          action: 'person.create',
          objectType: 'person',
          objectId: personId,
          detail: {
            after: {
              unitId: unit.id,
              name: input.name,
              title: input.title ?? '',
              mobile: mobile ? maskMobile(mobile) : null,
              email,
              roles: input.roles,
              username,
            },
          },
        });
        return personId;
      });
      return present(await getVisible(ctx, id));
    },

    async update(ctx: RequestContext, id: number, input: PersonUpdate): Promise<Person> {
      const current = await getVisible(ctx, id);
      if (current.version !== input.version) throw conflict();
      const before = await present(current);
      await dutyOrThrow(ctx, before, 'edit', input.roles);
      const unitId = input.unitId !== undefined ? (await unitOrThrow(ctx, input.unitId)).id : current.unit_id;
      const mobile = input.mobile !== undefined ? mobileOrThrow(input.mobile) : current.mobile;
      const email = input.email !== undefined ? emailOrThrow(input.email) : current.email;
      // A role with a longer minimum (an administrator's 15 characters) cannot be checked against a
      // stored hash: the person must choose a new password at their next sign-in (decision 079).
      const raisesMinimum =
        input.roles !== undefined && minPasswordLength(input.roles) > minPasswordLength(before.roles);
      await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const updated = await repo.updateVersioned(trx, id, input.version, {
          unit_id: unitId,
          name: input.name?.trim() ?? current.name,
          title: input.title?.trim() ?? current.title,
          mobile,
          email,
          ...(raisesMinimum ? { must_change_password: 1 } : {}),
          updated_at: at,
        });
        if (!updated) throw conflict();
        let rolesChanged = false;
        if (input.roles) {
          const { added, removed } = await repo.setRoles(trx, id, input.roles, at);
          rolesChanged = added.length + removed.length > 0;
        }
        // A change of roles or unit changes what the person may do: their sessions end at once.
        if (rolesChanged || unitId !== current.unit_id) await auth.revokeSessions(trx, id);
        await record({
          action: rolesChanged ? 'person.update.roles' : 'person.update',
          objectType: 'person',
          objectId: id,
          detail: {
            before: {
              unitId: before.unitId,
              name: before.name,
              title: before.title,
              mobile: before.mobileMasked,
              email: before.email,
              roles: before.roles,
            },
            after: {
              unitId,
              name: input.name ?? current.name,
              title: input.title ?? current.title,
              mobile: mobile ? maskMobile(mobile) : null,
              email,
              roles: input.roles ?? before.roles,
              ...(raisesMinimum ? { mustChangePassword: true } : {}),
            },
          },
        });
      });
      return present(await getVisible(ctx, id));
    },

    async remove(ctx: RequestContext, id: number): Promise<void> {
      const current = await getVisible(ctx, id);
      if (current.id === requireActor(ctx).personId)
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '不能删除自己',
          en: 'You cannot delete yourself',
        });
      await dutyOrThrow(ctx, await present(current), 'delete');
      await audit.transact(ctx, async (trx, record) => {
        await repo.remove(trx, id);
        await record({
          action: 'person.delete',
          objectType: 'person',
          objectId: id,
          detail: { before: { name: current.name, unitId: current.unit_id, username: current.username } },
        });
      });
    },

    /** The full number, for those who need to call; every reveal is audited. */
    async revealMobile(ctx: RequestContext, id: number): Promise<{ mobile: string | null }> {
      const current = await getVisible(ctx, id);
      await audit.record(ctx, { action: 'person.mobile.reveal', objectType: 'person', objectId: id });
      return { mobile: current.mobile };
    },

    async accountAction(ctx: RequestContext, id: number, body: AccountAction) {
      const current = await present(await getVisible(ctx, id));
      await dutyOrThrow(ctx, current, body.action);
      if (body.action === 'createLogin') return createLogin(ctx, current, body);
      return auth.accountAction(
        ctx,
        { id, name: current.name, username: current.username, roles: current.roles },
        body,
      );
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
