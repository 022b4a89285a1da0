// Checks every row of an import file and, only if all are good, returns what to create and update.
// Pure: the database's current state comes in as lookups, so every rule is testable on its own.
import {
  CHILD_KINDS,
  normaliseMobile,
  UNIT_KIND_LABELS,
  type FieldError,
  type Role,
  type UnitKind,
} from '@greenvoice/common';
import { MAX_ROWS, PEOPLE_SHEET, parseKind, parseRoles, UNIT_SHEET } from './org-sheet-format.ts';

export type SheetRow = { row: number; cells: Record<string, string> };

export interface ExistingUnit {
  id: number;
  code: string;
  kind: UnitKind;
  inScope: boolean;
  /** the top of the importer's scope (their bureau): the export leaves its parent empty */
  isScopeRoot?: boolean;
}
export interface ExistingPerson {
  id: number;
  unitId: number;
  name: string;
  username: string | null;
  mobile: string | null;
}

export interface UnitOp {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  /** null: the scope's root, which stays where it is (its parent is outside the file) */
  parentCode: string | null;
  sortOrder: number;
  existingId: number | null;
}
export interface PersonOp {
  row: number;
  name: string;
  unitCode: string;
  title: string;
  /** undefined: keep what is stored (the cell was empty or the masked number of an export) */
  mobile: string | null | undefined;
  roles: Role[];
  username: string | null;
  existingId: number | null;
}

export interface ImportLookups {
  unitByCode(code: string): ExistingUnit | undefined;
  personByUsername(username: string): ExistingPerson | undefined;
  personByUnitAndName(unitId: number, name: string): ExistingPerson | undefined;
}

const MASKED = /^\d{3}\*{4}\d{4}$/;
const USERNAME = /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/;
const CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function planOrgImport(
  sheets: { units: SheetRow[] | null; people: SheetRow[] | null },
  lookups: ImportLookups,
): { ok: true; units: UnitOp[]; people: PersonOp[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (sheet: string, row: number, column: string, zh: string, en: string) =>
    errors.push({ field: `${sheet}/${row}/${column}`, message: zh, messageEn: en });

  const unitOps: UnitOp[] = [];
  const fileUnits = new Map<string, UnitOp>();
  /** every code the file names, rows with errors too: a parent or unit named there exists (once fixed) */
  const fileCodes = new Set<string>();
  /** rows with an error elsewhere whose parent is still checked, so every error shows in one pass */
  const parentChecks: Array<{ row: number; parentCode: string }> = [];
  for (const { row, cells } of sheets.units ?? []) {
    const code = cells['编码'] ?? '';
    const name = cells['名称'] ?? '';
    const kindText = cells['类别'] ?? '';
    const parentCode = cells['上级编码'] ?? '';
    const orderText = cells['排序'] ?? '';
    let bad = false;
    if (!CODE.test(code)) {
      fail(
        UNIT_SHEET,
        row,
        '编码',
        code ? '编码只能由字母、数字、-、_ 组成，最多 32 位' : '必填',
        code ? 'Letters, digits, - and _ only, at most 32' : 'Required',
      );
      bad = true;
    } else if (fileUnits.has(code)) {
      fail(
        UNIT_SHEET,
        row,
        '编码',
        `编码与第 ${fileUnits.get(code)!.row} 行重复`,
        `Same code as row ${fileUnits.get(code)!.row}`,
      );
      bad = true;
    }
    if (!name || name.length > 100) {
      fail(
        UNIT_SHEET,
        row,
        '名称',
        name ? '最多 100 个字符' : '必填',
        name ? 'At most 100 characters' : 'Required',
      );
      bad = true;
    }
    const kind = parseKind(kindText);
    if (!kind) {
      fail(
        UNIT_SHEET,
        row,
        '类别',
        `类别“${kindText}”无效，应为：科室、区县市环保局(分局)、局属单位等`,
        `Unknown kind "${kindText}"`,
      );
      bad = true;
    }
    const existing = CODE.test(code) ? lookups.unitByCode(code) : undefined;
    if (CODE.test(code)) fileCodes.add(code);
    // the export leaves the root's parent empty: importing it unchanged keeps the root where it is
    const isRoot = !parentCode && !!existing?.inScope && !!existing.isScopeRoot;
    if (!parentCode && !isRoot) {
      fail(UNIT_SHEET, row, '上级编码', '必填', 'Required');
      bad = true;
    }
    const sortOrder = orderText === '' ? 0 : Number(orderText);
    if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 100000) {
      fail(UNIT_SHEET, row, '排序', '排序应为 0–100000 的整数', 'Order must be an integer 0–100000');
      bad = true;
    }
    if (existing && !existing.inScope) {
      fail(
        UNIT_SHEET,
        row,
        '编码',
        '该编码已被其他机构的单位使用',
        'This code belongs to a unit of another organisation',
      );
      bad = true;
    }
    if (bad) {
      if (parentCode) parentChecks.push({ row, parentCode });
      continue;
    }
    const op: UnitOp = {
      row,
      code,
      name,
      kind: kind!,
      parentCode: isRoot ? null : parentCode,
      sortOrder,
      existingId: existing?.id ?? null,
    };
    unitOps.push(op);
    fileUnits.set(code, op);
  }

  // Parents: in the file or already stored (in scope); kinds must fit; no cycles within the file.
  const kindOf = (code: string): UnitKind | undefined =>
    fileUnits.get(code)?.kind ??
    (lookups.unitByCode(code)?.inScope ? lookups.unitByCode(code)!.kind : undefined);
  const unknownParent = (row: number, parentCode: string) =>
    fail(
      UNIT_SHEET,
      row,
      '上级编码',
      `上级单位“${parentCode}”不存在`,
      `Parent unit "${parentCode}" does not exist`,
    );
  for (const c of parentChecks)
    if (!fileCodes.has(c.parentCode) && !lookups.unitByCode(c.parentCode)?.inScope)
      unknownParent(c.row, c.parentCode);
  for (const op of unitOps) {
    if (op.parentCode === null) continue;
    const parentKind = kindOf(op.parentCode);
    if (!parentKind) {
      // a parent on a row with its own error exists once that row is fixed: that row's error says so
      if (!fileCodes.has(op.parentCode)) unknownParent(op.row, op.parentCode);
      continue;
    }
    if (!CHILD_KINDS[parentKind].includes(op.kind)) {
      fail(
        UNIT_SHEET,
        op.row,
        '类别',
        `${UNIT_KIND_LABELS[parentKind].zh}下不能设${UNIT_KIND_LABELS[op.kind].zh}`,
        `A ${UNIT_KIND_LABELS[op.kind].en} cannot sit under a ${UNIT_KIND_LABELS[parentKind].en}`,
      );
      continue;
    }
    const seen = new Set([op.code]);
    for (let p = fileUnits.get(op.parentCode); p?.parentCode; p = fileUnits.get(p.parentCode)) {
      if (seen.has(p.code)) {
        fail(UNIT_SHEET, op.row, '上级编码', '上级关系形成了循环', 'The parent chain loops back on itself');
        break;
      }
      seen.add(p.code);
    }
  }

  const personOps: PersonOp[] = [];
  const fileUsernames = new Map<string, number>();
  const fileNames = new Map<string, number>();
  for (const { row, cells } of sheets.people ?? []) {
    const name = cells['姓名'] ?? '';
    const unitCode = cells['单位编码'] ?? '';
    const title = cells['职务'] ?? '';
    const mobileText = cells['手机'] ?? '';
    const rolesText = cells['角色'] ?? '';
    const username = (cells['用户名'] ?? '').toLowerCase() || null;
    let bad = false;
    if (!name || name.length > 50) {
      fail(
        PEOPLE_SHEET,
        row,
        '姓名',
        name ? '最多 50 个字符' : '必填',
        name ? 'At most 50 characters' : 'Required',
      );
      bad = true;
    }
    const unit = fileUnits.get(unitCode) ?? lookups.unitByCode(unitCode);
    if (!unitCode) {
      fail(PEOPLE_SHEET, row, '单位编码', '必填', 'Required');
      bad = true;
    } else if (!unit && fileCodes.has(unitCode)) {
      bad = true; // the unit's own row has an error, reported there
    } else if (!unit || ('inScope' in unit && !unit.inScope)) {
      fail(PEOPLE_SHEET, row, '单位编码', `单位“${unitCode}”不存在`, `Unit "${unitCode}" does not exist`);
      bad = true;
    }
    if (title.length > 50) {
      fail(PEOPLE_SHEET, row, '职务', '最多 50 个字符', 'At most 50 characters');
      bad = true;
    }
    let mobile: string | null | undefined;
    if (mobileText === '' || MASKED.test(mobileText)) mobile = undefined;
    else {
      mobile = normaliseMobile(mobileText);
      if (!mobile) {
        fail(
          PEOPLE_SHEET,
          row,
          '手机',
          `“${mobileText}”不是有效的 11 位中国大陆手机号`,
          `"${mobileText}" is not an 11-digit mainland mobile number`,
        );
        bad = true;
      }
    }
    const { roles, unknown } = parseRoles(rolesText);
    if (unknown.length > 0) {
      fail(
        PEOPLE_SHEET,
        row,
        '角色',
        `未知角色：${unknown.join('、')}`,
        `Unknown roles: ${unknown.join(', ')}`,
      );
      bad = true;
    }
    if (username !== null) {
      if (!USERNAME.test(username)) {
        fail(
          PEOPLE_SHEET,
          row,
          '用户名',
          '用户名应以字母开头，3–32 位字母、数字、_ . -',
          'A user name starts with a letter: 3–32 letters, digits, _ . -',
        );
        bad = true;
      } else if (fileUsernames.has(username)) {
        fail(
          PEOPLE_SHEET,
          row,
          '用户名',
          `用户名与第 ${fileUsernames.get(username)} 行重复`,
          `Same user name as row ${fileUsernames.get(username)}`,
        );
        bad = true;
      }
    }
    const nameKey = `${unitCode}\u0000${name}`;
    if (name && fileNames.has(nameKey)) {
      fail(
        PEOPLE_SHEET,
        row,
        '姓名',
        `同一单位的同名人员与第 ${fileNames.get(nameKey)} 行重复`,
        `Same person (unit and name) as row ${fileNames.get(nameKey)}`,
      );
      bad = true;
    }
    if (bad) continue;
    fileNames.set(nameKey, row);
    if (username) fileUsernames.set(username, row);

    const storedUnit = lookups.unitByCode(unitCode);
    const byName = storedUnit ? lookups.personByUnitAndName(storedUnit.id, name) : undefined;
    const byUsername = username ? lookups.personByUsername(username) : undefined;
    if (byUsername && byName && byUsername.id !== byName.id) {
      fail(PEOPLE_SHEET, row, '用户名', '用户名已属于另一人员', 'This user name belongs to someone else');
      continue;
    }
    if (byUsername && !byName && byUsername.name !== name) {
      fail(PEOPLE_SHEET, row, '用户名', '用户名已被使用', 'This user name is already taken');
      continue;
    }
    const existing = byName ?? byUsername;
    if (existing?.username && username && existing.username !== username) {
      fail(
        PEOPLE_SHEET,
        row,
        '用户名',
        `该人员已有用户名“${existing.username}”，不能通过导入更改`,
        `This person already has the user name "${existing.username}"`,
      );
      continue;
    }
    personOps.push({ row, name, unitCode, title, mobile, roles, username, existingId: existing?.id ?? null });
  }

  if ((sheets.units?.length ?? 0) > MAX_ROWS || (sheets.people?.length ?? 0) > MAX_ROWS) {
    errors.push({
      field: 'file',
      message: `每个工作表最多 ${MAX_ROWS} 行`,
      messageEn: `At most ${MAX_ROWS} rows a sheet`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, units: unitOps, people: personOps };
}
