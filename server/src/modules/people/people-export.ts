// The people list's .xlsx export (decision 126): the whole filtered list, mobile numbers masked as on
// screen. (The re-importable workbook of units and people is the org export, org-excel/.)
import { ROLE_LABELS, type Person, type Role } from '@greenvoice/common';
import type { RequestContext } from '../../http/context.ts';
import {
  chinaTime,
  everyPage,
  exportList,
  type AuditRecorder,
  type ExportColumn,
  type ExportLang,
} from '../../spreadsheets/xlsx-export.ts';

const COLUMNS: ExportColumn<Person>[] = [
  { header: { zh: '姓名', en: 'Name' }, width: 12, value: (p) => p.name },
  { header: { zh: '单位', en: 'Unit' }, width: 26, value: (p) => p.unitName },
  { header: { zh: '职务', en: 'Title' }, width: 16, value: (p) => p.title },
  { header: { zh: '手机', en: 'Mobile' }, width: 14, value: (p) => p.mobileMasked },
  {
    header: { zh: '角色', en: 'Roles' },
    width: 24,
    value: (p, l) => p.roles.map((r) => ROLE_LABELS[r][l]).join('、'),
  },
  { header: { zh: '用户名', en: 'User name' }, width: 14, value: (p) => p.username },
  {
    header: { zh: '账号状态', en: 'Account' },
    width: 10,
    value: (p, l) =>
      p.username === null
        ? null
        : (p.disabled ? { zh: '已停用', en: 'Disabled' } : { zh: '正常', en: 'Active' })[l],
  },
  { header: { zh: '最近登录', en: 'Last sign-in' }, width: 17, value: (p) => chinaTime(p.lastLoginAt) },
];

type PeopleQuery = { q?: string; unitId?: number; role?: Role };

export function exportPeople(
  audit: AuditRecorder,
  list: (
    ctx: RequestContext,
    q: PeopleQuery & { page: number; pageSize: number },
  ) => Promise<{ items: Person[] }>,
  ctx: RequestContext,
  query: PeopleQuery & { lang?: ExportLang },
) {
  const { lang, ...filters } = query;
  return exportList(audit, ctx, 'people', filters, {
    sheet: { zh: '人员', en: 'People' },
    columns: COLUMNS,
    rows: everyPage((page, pageSize) => list(ctx, { ...filters, page, pageSize })),
    lang,
  });
}
