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
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '信息中心管理员', en: 'Information-centre admin' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  officer: { zh: '信息员', en: 'Information officer' },
  deputyLeader: { zh: '分管领导', en: 'Deputy leader in charge' },
  leadership: { zh: '局领导', en: 'Bureau leadership' },
  editor: { zh: '网站编辑', en: 'Content editor' },
  reportHandler: { zh: '举报受理员', en: 'Complaint handler' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
};

export const PERMISSIONS = [
  'session:self', // any signed-in person: own profile, change own password, sign out
  'units:read',
  'units:write',
  'people:read',
  'people:write',
  'people:revealMobile', // see a person's full mobile number (audited)
  'accounts:manage', // reset password, disable, unlock, end sessions
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
  'bulletins:draft',
  'bulletins:approve', // leadership signs a bulletin off; the drafter cannot (separation of duties)
  'interviews:read',
  'interviews:confirm',
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL_STAFF: Permission[] = [
  'session:self',
  'units:read',
  'people:read',
  'campaign:read',
  'assessment:read',
  'environment:read',
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
  ],
  reviewer: [...ALL_STAFF, ...SUBMISSION_READERS, 'submissions:review', 'cms:read', 'cms:review'],
  officer: [...ALL_STAFF, ...SUBMISSION_READERS, 'submissions:write'],
  deputyLeader: [...ALL_STAFF, ...SUBMISSION_READERS],
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
  ],
  editor: ['session:self', 'environment:read', 'incidents:write', 'cms:read', 'cms:edit', 'cms:publish'],
  reportHandler: ['session:self'],
  // Separation of duties: the audit administrator reads the audit log and nothing else.
  auditor: ['session:self', 'audit:read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return granted;
}

/** Roles whose holders see only their own unit's records (object-level scoping). */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['officer', 'deputyLeader'];

/** Roles whose holders must meet the strictest password rules and the shortest idle timeout. */
export const PRIVILEGED_ROLES: readonly Role[] = ['admin', 'auditor'];

/**
 * A person sees the whole bureau's tree if any role is bureau-wide; only their own unit if every role is
 * unit-scoped. (A deputy leader who is also a reviewer reviews other units, so needs the wider scope.)
 */
export function isUnitScoped(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => UNIT_SCOPED_ROLES.includes(r));
}
