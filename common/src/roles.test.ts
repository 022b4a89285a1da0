// Separation of duties (三员分立, decision 078) as a table: every actor role × target role × act.
import { describe, expect, it } from 'vitest';
import {
  ADMINISTRATOR_ROLES,
  dutyRefusal,
  PERSON_ACTS,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from './roles.ts';

const ME = 1;
const OTHER = 2;
const isAdministrator = (r: Role) => ADMINISTRATOR_ROLES.includes(r);

/** The expected answer, written out independently of the implementation. */
function expected(actor: Role, target: Role) {
  if (isAdministrator(target) && actor !== 'security') return 'ADMINISTRATOR_ACCOUNT';
  return null;
}

describe('separation of duties: actor role × target role × act', () => {
  const rows = ROLES.flatMap((actor) =>
    ROLES.flatMap((target) => PERSON_ACTS.map((act) => [actor, target, act] as const)),
  );
  it.each(rows)('%s acting on a %s: %s', (actor, target, act) => {
    const actorP = { personId: ME, roles: [actor] };
    const targetP = { id: OTHER, roles: act === 'create' ? [] : [target] };
    const newRoles = act === 'create' ? [target] : undefined;
    expect(dutyRefusal(actorP, targetP, act, newRoles)).toBe(expected(actor, target));
  });

  it('only the security administrator grants or removes an administrator role', () => {
    for (const actor of ROLES)
      for (const granted of ADMINISTRATOR_ROLES) {
        const grant = dutyRefusal(
          { personId: ME, roles: [actor] },
          { id: OTHER, roles: ['reviewer'] },
          'edit',
          ['reviewer', granted],
        );
        const removal = dutyRefusal(
          { personId: ME, roles: [actor] },
          { id: OTHER, roles: [granted] },
          'edit',
          [],
        );
        const want = actor === 'security' ? null : 'ADMINISTRATOR_ACCOUNT';
        expect([grant, removal]).toEqual([want, want]);
      }
  });

  it('no one holds two of the three administrator roles, whoever grants them', () => {
    for (const a of ADMINISTRATOR_ROLES)
      for (const b of ADMINISTRATOR_ROLES.filter((r) => r !== a)) {
        const security = { personId: ME, roles: ['security'] as Role[] };
        expect(dutyRefusal(security, { id: OTHER, roles: [a] }, 'edit', [a, b])).toBe(
          'COMBINES_ADMINISTRATOR_ROLES',
        );
        expect(dutyRefusal(security, { id: null, roles: [] }, 'create', [a, b])).toBe(
          'COMBINES_ADMINISTRATOR_ROLES',
        );
      }
  });

  it('nobody changes their own roles: not the admin taking the auditor role, not the security administrator', () => {
    for (const actor of ROLES)
      for (const wanted of ROLES.filter((r) => r !== actor))
        expect(
          dutyRefusal({ personId: ME, roles: [actor] }, { id: ME, roles: [actor] }, 'edit', [wanted]),
        ).not.toBe(null);
    expect(
      dutyRefusal({ personId: ME, roles: ['security'] }, { id: ME, roles: ['security'] }, 'edit', [
        'security',
      ]),
    ).toBe(null); // an edit that keeps the roles as they are is not a role change
    expect(
      dutyRefusal({ personId: ME, roles: ['admin'] }, { id: ME, roles: ['admin'] }, 'edit', [
        'admin',
        'auditor',
      ]),
    ).toBe('COMBINES_ADMINISTRATOR_ROLES');
  });

  it('the security administrator neither reads the audit log nor configures business data', () => {
    const security = permissionsOf(['security']);
    expect([...security].sort()).toEqual(
      [
        'accounts:manage',
        'notifications:self', // one's own inbox: no business data
        'people:read',
        'people:write',
        'session:self',
        'units:read',
      ].sort(),
    );
    expect(ROLE_PERMISSIONS.admin).not.toContain('audit:read');
    expect(ROLE_PERMISSIONS.auditor).toEqual(['session:self', 'notifications:self', 'audit:read']);
  });
});
