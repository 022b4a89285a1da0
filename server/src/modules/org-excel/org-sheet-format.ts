// The Excel layout officers already use for units and people: one sheet each, a header row, one
// record a row. Export writes it; import reads it back, so an exported file can be edited and re-imported.
import {
  isOneOf,
  ROLE_LABELS,
  ROLES,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type Role,
  type UnitKind,
} from '@greenvoice/common';

export const UNIT_SHEET = '单位';
export const PEOPLE_SHEET = '人员';
export const UNIT_COLUMNS = ['编码', '名称', '类别', '上级编码', '排序'] as const;
export const PEOPLE_COLUMNS = ['姓名', '单位编码', '职务', '手机', '角色', '用户名'] as const;
export const REQUIRED_UNIT_COLUMNS = ['编码', '名称', '类别', '上级编码'] as const;
export const REQUIRED_PEOPLE_COLUMNS = ['姓名', '单位编码'] as const;
export const MAX_ROWS = 5000;

const KIND_ALIASES: Record<string, UnitKind> = {
  市局: 'cityBureau',
  市环保局: 'cityBureau',
  区县市环保局: 'countyBureau',
  区县局: 'countyBureau',
  分局: 'countyBureau',
};

export function parseKind(text: string): UnitKind | null {
  const t = text.trim();
  if (isOneOf(UNIT_KINDS, t)) return t;
  for (const k of UNIT_KINDS)
    if (UNIT_KIND_LABELS[k].zh === t || UNIT_KIND_LABELS[k].en.toLowerCase() === t.toLowerCase()) return k;
  return KIND_ALIASES[t] ?? null;
}

/** "信息员、分管领导" → ['officer', 'deputyLeader']; unknown names are returned separately. */
/** Labels used before the three administrators (decision 078), still read in older workbooks. */
const FORMER_LABELS: Record<string, Role> = { 信息中心管理员: 'admin' };

export function parseRoles(text: string): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[、,，;；\s]+/).filter(Boolean)) {
    const role = isOneOf(ROLES, part)
      ? part
      : (ROLES.find(
          (r) => ROLE_LABELS[r].zh === part || ROLE_LABELS[r].en.toLowerCase() === part.toLowerCase(),
        ) ?? FORMER_LABELS[part]);
    if (!role) unknown.push(part);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

export const formatRoles = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r].zh).join('、');
export const formatKind = (kind: UnitKind) => UNIT_KIND_LABELS[kind].zh;
