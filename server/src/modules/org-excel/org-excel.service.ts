// Excel import and export of units and people.
import type ExcelJS from 'exceljs';
import { excel } from '../../lazy-packages.ts';
import { readWorkbook, type SheetData } from '../../spreadsheets/read-workbook.ts';
import {
  describeDutyRefusal,
  dutyRefusal,
  maskMobile,
  type FieldError,
  type ImportResult,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { AuthService } from '../auth/auth.service.ts';
import {
  allPeopleKeys,
  peopleWithUnitCode,
  saveImportedPerson,
  type PeopleRepo,
} from '../people/people.repo.ts';
import { allUnitCodes, placeUnit, unitsWithParentCode, type UnitsRepo } from '../units/units.repo.ts';
import { ApiError } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import {
  formatKind,
  formatRoles,
  MAX_ROWS,
  PEOPLE_COLUMNS,
  PEOPLE_SHEET,
  REQUIRED_PEOPLE_COLUMNS,
  REQUIRED_UNIT_COLUMNS,
  UNIT_COLUMNS,
  UNIT_SHEET,
} from './org-sheet-format.ts';
import {
  planOrgImport,
  type ExistingPerson,
  type ExistingUnit,
  type PersonOp,
  type SheetRow,
  type UnitOp,
} from './plan-org-import.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function detectFileType(buf: Buffer): string {
  if (buf.subarray(0, 4).equals(ZIP_MAGIC)) return 'application/zip';
  if (buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    return 'application/vnd.ms-excel (legacy .xls)';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (buf.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  return 'unknown';
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

function readSheet(
  ws: SheetData | undefined,
  required: readonly string[],
  errors: { field: string; message: string; messageEn: string }[],
): SheetRow[] | null {
  if (!ws) return null;
  const header = new Map<number, string>();
  const first = ws.rows[0];
  if (first?.row === 1) first.values.forEach((v, i) => v !== null && header.set(i, cellText(v)));
  const names = new Set(header.values());
  for (const col of required) {
    if (!names.has(col))
      errors.push({
        field: `${ws.name}/1/${col}`,
        message: `缺少表头“${col}”`,
        messageEn: `Missing header "${col}"`,
      });
  }
  const rows: SheetRow[] = [];
  for (const row of ws.rows) {
    if (row.row === 1 || rows.length > MAX_ROWS) continue;
    const cells: Record<string, string> = {};
    let any = false;
    header.forEach((name, i) => {
      const text = cellText(row.values[i] ?? null);
      if (text) any = true;
      cells[name] = text;
    });
    if (any) rows.push({ row: row.row, cells });
  }
  return rows;
}

/** Two sheets of at most MAX_ROWS rows (one more is read, so the plan can say which is too long). */
const ORG_LIMITS = { maxRows: 2 * (MAX_ROWS + 2), maxColumns: 32, maxCells: 2 * (MAX_ROWS + 2) * 32 };

export function createOrgExcelService({
  db,
  people,
  units,
  auth,
  audit,
}: {
  db: DB;
  people: PeopleRepo;
  units: UnitsRepo;
  auth: Pick<AuthService, 'revokeSessions'>;
  audit: AuditService;
}) {
  async function loadLookups(scopePath: string) {
    const all = await allUnitCodes(db);
    const unitsByCode = new Map<string, ExistingUnit & { path: string; parentId: number | null }>(
      all.map((u) => [
        u.code,
        {
          id: u.id,
          code: u.code,
          kind: u.kind,
          inScope: u.path.startsWith(scopePath),
          isScopeRoot: u.path === scopePath,
          path: u.path,
          parentId: u.parent_id,
        },
      ]),
    );
    const byUsername = new Map<string, ExistingPerson>();
    const byUnitName = new Map<string, ExistingPerson>();
    for (const p of await allPeopleKeys(db)) {
      const person = { id: p.id, unitId: p.unit_id, name: p.name, username: p.username, mobile: p.mobile };
      if (p.username) byUsername.set(p.username, person);
      byUnitName.set(`${p.unit_id}\u0000${p.name}`, person);
    }
    return {
      unitsByCode,
      lookups: {
        unitByCode: (code: string) => unitsByCode.get(code),
        personByUsername: (u: string) => byUsername.get(u),
        personByUnitAndName: (unitId: number, name: string) => byUnitName.get(`${unitId}\u0000${name}`),
      },
    };
  }

  /**
   * An import assigns roles too: the separation of duties holds for every row (decision 078), so an
   * import never gives or takes an administrator role unless a security administrator sends it.
   */
  async function dutiesOrThrow(actor: Actor, ops: PersonOp[]) {
    const ids = ops.map((o) => o.existingId).filter((id): id is number => id !== null);
    const rolesOf = await people.rolesByPerson(ids);
    const errors: FieldError[] = [];
    for (const op of ops) {
      const have = (op.existingId ? (rolesOf.get(op.existingId) ?? []) : []).map((r) => r.role);
      // a row that keeps a person's roles (an export imported back) is a contact-details update
      if (op.existingId && have.length === op.roles.length && have.every((r) => op.roles.includes(r)))
        continue;
      const refusal = dutyRefusal(
        actor,
        { id: op.existingId, roles: have },
        op.existingId ? 'edit' : 'create',
        op.roles,
      );
      if (refusal) {
        const d = describeDutyRefusal(refusal);
        errors.push({ field: `${PEOPLE_SHEET}/${op.row}/角色`, message: d.zh, messageEn: d.en });
      }
    }
    if (errors.length > 0) throw new ApiError('IMPORT_REJECTED', errors);
  }

  return {
    async importWorkbook(ctx: RequestContext, file: Buffer): Promise<ImportResult> {
      const actor = requireActor(ctx);
      const type = detectFileType(file);
      if (type !== 'application/zip') {
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', [
          {
            field: 'file',
            message: `需要 .xlsx 文件，收到的是 ${type}`,
            messageEn: `An .xlsx file is required; got ${type}`,
          },
        ]);
      }
      const sheets = await readWorkbook(file, { sheets: [UNIT_SHEET, PEOPLE_SHEET], limits: ORG_LIMITS });
      const sheet = (name: string) => sheets.find((x) => x.name === name);
      const headerErrors: { field: string; message: string; messageEn: string }[] = [];
      const unitRows = readSheet(sheet(UNIT_SHEET), REQUIRED_UNIT_COLUMNS, headerErrors);
      const peopleRows = readSheet(sheet(PEOPLE_SHEET), REQUIRED_PEOPLE_COLUMNS, headerErrors);
      if (!unitRows && !peopleRows) {
        throw new ApiError('IMPORT_REJECTED', [
          {
            field: 'file',
            message: `工作簿中没有“${UNIT_SHEET}”或“${PEOPLE_SHEET}”工作表`,
            messageEn: `The workbook has no "${UNIT_SHEET}" or "${PEOPLE_SHEET}" sheet`,
          },
        ]);
      }
      if (headerErrors.length > 0) throw new ApiError('IMPORT_REJECTED', headerErrors);

      const { unitsByCode, lookups } = await loadLookups(actor.scopePath);
      const plan = planOrgImport({ units: unitRows, people: peopleRows }, lookups);
      if (!plan.ok) throw new ApiError('IMPORT_REJECTED', plan.errors);
      await dutiesOrThrow(actor, plan.people);

      const result: ImportResult = { unitsCreated: 0, unitsUpdated: 0, peopleCreated: 0, peopleUpdated: 0 };
      await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const paths = new Map<string, { id: number; path: string }>(
          [...unitsByCode.values()].map((u) => [u.code, { id: u.id, path: u.path }]),
        );
        // The root of the scope stays under its own parent (outside the file).
        const parentOf = (op: UnitOp) => {
          if (op.parentCode !== null) return paths.get(op.parentCode);
          const self = unitsByCode.get(op.code)!;
          return { id: self.parentId, path: self.path.slice(0, -`${self.id}/`.length) };
        };
        // Parents before children: repeat passes until every unit's parent is placed.
        let pending: UnitOp[] = plan.units;
        while (pending.length > 0) {
          const next: UnitOp[] = [];
          for (const op of pending) {
            const parent = parentOf(op);
            const parentIsPending =
              op.parentCode !== null &&
              pending.some((o) => o.code === op.parentCode && o !== op) &&
              !paths.has(op.parentCode);
            if (!parent || parentIsPending) {
              next.push(op);
              continue;
            }
            if (op.existingId) {
              const path = await placeUnit(trx, {
                id: op.existingId,
                name: op.name,
                kind: op.kind,
                parentId: parent.id,
                parentPath: parent.path,
                sortOrder: op.sortOrder,
                at,
              });
              paths.set(op.code, { id: op.existingId, path });
              result.unitsUpdated++;
            } else {
              const placed = await units.insert(trx, {
                code: op.code,
                name: op.name,
                kind: op.kind,
                parentId: parent.id!,
                parentPath: parent.path,
                sortOrder: op.sortOrder,
                at,
              });
              paths.set(op.code, placed);
              result.unitsCreated++;
            }
          }
          if (next.length === pending.length) throw new Error('unit import could not place every parent');
          pending = next;
        }

        for (const op of plan.people) {
          const saved = await saveImportedPerson(trx, {
            id: op.existingId,
            unitId: paths.get(op.unitCode)!.id,
            name: op.name,
            title: op.title,
            mobile: op.mobile,
            username: op.username,
            at,
          });
          const { added, removed } = await people.setRoles(trx, saved.id, op.roles, at);
          // a change of roles or unit changes what the person may do: their sessions end at once
          if (op.existingId && (added.length || removed.length || saved.unitChanged))
            await auth.revokeSessions(trx, saved.id);
          if (op.existingId) result.peopleUpdated++;
          else result.peopleCreated++;
        }
        await record({ action: 'org.import', objectType: 'organisation', detail: { ...result } });
      });
      return result;
    },

    async exportWorkbook(ctx: RequestContext): Promise<Buffer> {
      const actor = requireActor(ctx);
      const unmasked = actor.permissions.has('people:revealMobile');
      const unitList = await unitsWithParentCode(db, actor.scopePath);
      const peopleList = await peopleWithUnitCode(db, actor.scopePath);
      const rolesOf = await people.rolesByPerson(peopleList.map((p) => p.id));

      const wb = new (excel().Workbook)();
      wb.creator = 'GreenVoice 绿讯';
      const us = wb.addWorksheet(UNIT_SHEET);
      us.addRow([...UNIT_COLUMNS]);
      // The bureau itself is the root of the export: its parent stays empty, and so it re-imports.
      for (const u of unitList)
        us.addRow([
          u.code,
          u.name,
          formatKind(u.kind),
          u.path === actor.scopePath ? '' : (u.parent_code ?? ''),
          u.sort_order,
        ]);
      const ps = wb.addWorksheet(PEOPLE_SHEET);
      ps.addRow([...PEOPLE_COLUMNS]);
      for (const p of peopleList)
        ps.addRow([
          p.name,
          p.unit_code,
          p.title,
          p.mobile ? (unmasked ? p.mobile : maskMobile(p.mobile)) : '',
          formatRoles((rolesOf.get(p.id) ?? []).map((r) => r.role)),
          p.username ?? '',
        ]);
      styleSheets(wb);
      await audit.record(ctx, {
        action: 'org.export',
        objectType: 'organisation',
        detail: { units: unitList.length, people: peopleList.length, unmaskedMobiles: unmasked },
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    async template(): Promise<Buffer> {
      const wb = new (excel().Workbook)();
      const us = wb.addWorksheet(UNIT_SHEET);
      us.addRow([...UNIT_COLUMNS]);
      us.addRow(['CD-EXAMPLE', '示例科室（导入前请删除此行）', '科室', 'CDHB', 90]);
      const ps = wb.addWorksheet(PEOPLE_SHEET);
      ps.addRow([...PEOPLE_COLUMNS]);
      ps.addRow([
        '张三（示例，导入前请删除此行）',
        'CD-EXAMPLE',
        '科员',
        '13800001234',
        '信息员',
        'zhangsan.example',
      ]);
      const help = wb.addWorksheet('说明');
      for (const line of [
        ['单位：编码唯一；类别为 科室 / 区县市环保局(分局) / 局属单位；上级编码为已有单位或本表中的单位。'],
        [
          '人员：单位编码须存在；手机为 11 位中国大陆手机号；角色可填多个，用“、”分隔：信息员、分管领导、审核员、局领导、网站编辑、举报受理员、系统管理员、安全管理员、审计管理员（三员不可兼任，只有安全管理员可授予）。',
        ],
        ['有用户名的人员导入后需由管理员“重置密码”发放临时密码，首次登录须修改。'],
        ['任何一行有错误时，整个文件都不会导入。'],
      ])
        help.addRow(line);
      styleSheets(wb);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
export type OrgExcelService = ReturnType<typeof createOrgExcelService>;

function styleSheets(wb: ExcelJS.Workbook) {
  wb.eachSheet((ws) => {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 22));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  });
}
