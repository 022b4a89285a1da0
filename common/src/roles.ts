// Roles (docs/requirements.md "Who uses it") and the permissions each one holds. Routes declare a permission;
// the role → permission table below is the only place that grants them (deny by default).

export const ROLES = [
  'admin',
  'reviewer',
  'officer',
  'deputyLeader',
  'leadership',
  'editor',
  'reportHandler',
  'security',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'System administrator' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  officer: { zh: '信息员', en: 'Information officer' },
  deputyLeader: { zh: '分管领导', en: 'Deputy leader in charge' },
  leadership: { zh: '局领导', en: 'Bureau leadership' },
  editor: { zh: '网站编辑', en: 'Content editor' },
  reportHandler: { zh: '举报受理员', en: 'Complaint handler' },
  security: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
};

export const PERMISSIONS = [
  'session:self', // any signed-in person: own profile, change own password, sign out
  'units:read',
  'units:write',
  'people:read',
  'people:write',
  'people:revealMobile', // see a person's full mobile number (audited)
  'accounts:manage', // reset password, disable, unlock, end sessions (administrators' accounts: see below)
  'campaign:read',
  'campaign:write',
  'orgData:import',
  'orgData:export',
  'audit:read',
  'outlets:read',
  'outlets:write', // the outlet registry is reference data: the information centre keeps it
  'submissions:read',
  'submissions:write', // create and submit one's own unit's submissions
  'submissions:review', // approve, return, reject — never one's own unit's
  'submissions:comment',
  'assessment:read', // plans, rankings, score explanations, published bulletins (officers: own unit only)
  'plans:write', // edit plans and rules, rebuild scores
  'deductions:write', // record negative-list deductions (负面清单) with reason and evidence
  'bulletins:draft',
  'bulletins:approve', // leadership signs a bulletin off; the drafter cannot (separation of duties)
  'interviews:read',
  'interviews:confirm', // confirm with date, time, place and interviewer; withdraw; minutes; follow-up
  'interviews:own', // a unit's own interview notices (its deputy leader reads them)
  'environment:read', // staff views of environmental data: imports, deadlines, the working-day calendar
  'environment:write', // stations, sections, reading imports, key discharging units and their disclosures
  'incidents:write', // environmental incident releases and follow-ups
  'calendar:write', // the working-day calendar (holidays and 调休 days) per year
  'cms:read', // the portal's content in the console
  'cms:edit', // write and submit drafts, upload files
  'cms:review', // first review (初审)
  'cms:approve', // final approval (终审签发)
  'cms:publish', // publish approved articles, schedule, withdraw, archive
  'cms:channels', // channels and site settings
  'media:read', // the new-media matrix: accounts, metrics, the board, the WCI ranking (officers: own unit)
  'media:write', // accounts and their metrics (officers: their own unit's; the information centre: all)
  'notifications:self', // one's own inbox and to-dos (decision 120)
  'notifications:manage', // the bureau's delivery channels, reminder settings and delivery failures
  'cases:read', // public cases (reports, letters, information requests): the queue and one case's timeline
  'cases:handle', // accept, assign, reply, close — or, in a county bureau, report the result of an assigned case
  'cases:revealReporter', // the reporter's identity and contact at the receiving bureau (audited; never a county's)
  'cases:approveExtension', // leadership approves a longer time limit (the reason is told to the person)
  'inspection:read', // the site and new-media self-inspection: runs, findings, trend (decision 174)
  'inspection:manage', // run the checks now, record a security incident, set the alert interval
  'activities:read', // events, their statistics, the five-into board, contests (officers: own unit's events)
  'activities:write', // record events (officers: their own unit's), sign-up events
  'contest:manage', // the information centre runs the contest: the contest, judges, assignment, the award proposal
  'contest:enter', // register schools and enter their works (officers: schools of their own county)
  'contest:results', // the results with names before they are announced: the organiser and leadership
  'contest:judge', // score the works one is assigned to, blind (any staff member can be named a judge)
  'contest:approve', // leadership approves the award proposal, which locks it
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL_STAFF: Permission[] = [
  'session:self',
  'notifications:self',
  'units:read',
  'people:read',
  'campaign:read',
  'assessment:read',
  'environment:read',
  'media:read',
  'activities:read',
  'contest:judge',
];
const SUBMISSION_READERS: Permission[] = ['outlets:read', 'submissions:read', 'submissions:comment'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    ...ALL_STAFF,
    'units:write',
    'people:write',
    'people:revealMobile',
    'accounts:manage',
    'campaign:write',
    'orgData:import',
    'orgData:export',
    ...SUBMISSION_READERS,
    'outlets:write',
    'plans:write',
    'deductions:write',
    'bulletins:draft',
    'interviews:read',
    'environment:write',
    'incidents:write',
    'calendar:write',
    'cms:read',
    'cms:edit',
    'cms:review',
    'cms:approve',
    'cms:publish',
    'cms:channels',
    'media:write',
    'notifications:manage',
    'inspection:read',
    'inspection:manage',
    'activities:write',
    'contest:manage',
    'contest:enter',
    'contest:results',
  ],
  reviewer: [...ALL_STAFF, ...SUBMISSION_READERS, 'submissions:review', 'cms:read', 'cms:review'],
  officer: [
    ...ALL_STAFF,
    ...SUBMISSION_READERS,
    'submissions:write',
    'media:write',
    'activities:write',
    'contest:enter',
  ],
  deputyLeader: [...ALL_STAFF, ...SUBMISSION_READERS, 'interviews:own'],
  leadership: [
    ...ALL_STAFF,
    ...SUBMISSION_READERS,
    'orgData:export',
    'people:revealMobile',
    'bulletins:approve',
    'interviews:read',
    'interviews:confirm',
    'cms:read',
    'cms:approve',
    'cases:read',
    'cases:approveExtension',
    'inspection:read',
    'contest:approve',
    'contest:results',
  ],
  editor: [
    'session:self',
    'notifications:self',
    'environment:read',
    'incidents:write',
    'cms:read',
    'cms:edit',
    'cms:publish',
    'inspection:read',
  ],
  // The complaint handler of the receiving bureau — or of a county bureau, where they see only the cases
  // assigned to it and never who reported (docs/public-interaction.md "Reporter protection").
  reportHandler: [
    'session:self',
    'notifications:self',
    'units:read',
    'cases:read',
    'cases:handle',
    'cases:revealReporter',
  ],
  // Separation of duties (三员分立, decision 078): the security administrator keeps accounts and roles —
  // the administrators' ones included — and nothing else: no business data, no audit log.
  security: [
    'session:self',
    'notifications:self',
    'units:read',
    'people:read',
    'people:write',
    'accounts:manage',
  ],
  // The audit administrator reads the audit log and nothing else.
  auditor: ['session:self', 'notifications:self', 'audit:read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return granted;
}

/** Roles whose holders see only their own unit's records (object-level scoping). */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['officer', 'deputyLeader'];

/** Roles whose holders must meet the strictest password rules and the shortest idle timeout. */
export const PRIVILEGED_ROLES: readonly Role[] = ['admin', 'security', 'auditor'];

/**
 * The three administrators of MLPS level 3 (三员): system (configuration, units, plans), security
 * (accounts and roles) and audit (the audit log). No person holds two of them (decision 078).
 */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['admin', 'security', 'auditor'];

/** What one person does to another's record or account. */
export const PERSON_ACTS = [
  'create',
  'edit',
  'delete',
  'resetPassword',
  'disable',
  'enable',
  'unlock',
  'endSessions',
  'createLogin',
] as const;
export type PersonAct = (typeof PERSON_ACTS)[number];

export type DutyRefusal = 'COMBINES_ADMINISTRATOR_ROLES' | 'OWN_ROLES' | 'ADMINISTRATOR_ACCOUNT';

/**
 * Separation of duties for acts on people and accounts, on top of the route's permission: nobody
 * holds two administrator roles, nobody changes their own roles, and only a security administrator
 * acts on a person who holds (or would hold) an administrator role. Null when the act is allowed.
 */
export function dutyRefusal(
  actor: { personId: number; roles: readonly Role[] },
  target: { id: number | null; roles: readonly Role[] },
  act: PersonAct,
  newRoles?: readonly Role[],
): DutyRefusal | null {
  const after = newRoles ?? target.roles;
  if (after.filter((r) => ADMINISTRATOR_ROLES.includes(r)).length > 1) return 'COMBINES_ADMINISTRATOR_ROLES';
  const rolesChange =
    act === 'create' ||
    (newRoles !== undefined &&
      (newRoles.length !== target.roles.length || newRoles.some((r) => !target.roles.includes(r))));
  if (rolesChange && target.id === actor.personId) return 'OWN_ROLES';
  const administrator = [...target.roles, ...after].some((r) => ADMINISTRATOR_ROLES.includes(r));
  if (administrator && !actor.roles.includes('security')) return 'ADMINISTRATOR_ACCOUNT';
  return null;
}

export function describeDutyRefusal(r: DutyRefusal): { zh: string; en: string } {
  switch (r) {
    case 'COMBINES_ADMINISTRATOR_ROLES':
      return {
        zh: '系统管理员、安全管理员、审计管理员不能由同一人兼任',
        en: 'No one may hold two of the system, security and audit administrator roles',
      };
    case 'OWN_ROLES':
      return { zh: '不能修改自己的角色', en: 'You cannot change your own roles' };
    case 'ADMINISTRATOR_ACCOUNT':
      return {
        zh: '管理员和审计管理员的账号与角色只能由安全管理员管理',
        en: "Only the security administrator manages administrators' and auditors' accounts and roles",
      };
  }
}

/**
 * A person sees the whole bureau's tree if any role is bureau-wide; only their own unit if every role is
 * unit-scoped. (A deputy leader who is also a reviewer reviews other units, so needs the wider scope.)
 */
export function isUnitScoped(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => UNIT_SCOPED_ROLES.includes(r));
}
