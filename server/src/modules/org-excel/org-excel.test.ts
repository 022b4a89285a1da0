import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withinScope } from '../../db/expressions.ts';
import { multipartFile } from '../../test/multipart.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(units: unknown[][], people: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const us = wb.addWorksheet('单位');
  us.addRow(['编码', '名称', '类别', '上级编码', '排序']);
  units.forEach((r) => us.addRow(r));
  const ps = wb.addWorksheet('人员');
  ps.addRow(['姓名', '单位编码', '职务', '手机', '角色', '用户名']);
  people.forEach((r) => ps.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (buf: Buffer, name = 'org.xlsx', type = XLSX) =>
  t.inject({
    method: 'POST',
    url: '/api/v1/org/import',
    cookie: admin,
    ...multipartFile('file', name, buf, type),
  });
const counts = async () => {
  const n = async (table: 'units' | 'people') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { units: await n('units'), people: await n('people') };
};

describe('Excel import', () => {
  it('imports units and people in one go, parents before children whatever the row order', async () => {
    const before = await counts();
    const file = await workbook(
      [
        ['CD-NEW-SUB', '新区分局下属站', '区县市环保局(分局)', 'CD-NEW', 2],
        ['CD-NEW', '新区环保分局', '区县市环保局(分局)', 'CDHB', 1],
      ],
      [
        ['周新', 'CD-NEW', '副局长', '13907369999', '分管领导', ''],
        ['吴信', 'CD-NEW', '信息员', '139 0736 8888', '信息员', 'wu.xin'],
      ],
    );
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unitsCreated: 2, unitsUpdated: 0, peopleCreated: 2, peopleUpdated: 0 });
    expect(await counts()).toEqual({ units: before.units + 2, people: before.people + 2 });
    const wu = await t.database.db
      .selectFrom('people')
      .select(['mobile', 'username', 'must_change_password', 'password_hash'])
      .where('name', '=', '吴信')
      .executeTakeFirstOrThrow();
    expect(wu).toEqual({
      mobile: '13907368888',
      username: 'wu.xin',
      must_change_password: 1,
      password_hash: null,
    });
  });

  it('imports nothing when any row is bad, and names every bad row, column and reason', async () => {
    const before = await counts();
    const file = await workbook(
      [
        ['CD-OK', '没问题的科室', '科室', 'CDHB', 1],
        ['CD-OK', '重复编码', '科室', 'CDHB', 2],
        ['CD-BADKIND', '类别错误', '火星', 'CDHB', 3],
        ['CD-ORPHAN', '上级不存在', '科室', 'CD-NOPE', 4],
      ],
      [
        ['好人', 'CD-OK', '科员', '13907360000', '信息员', ''],
        ['坏号码', 'CD-OK', '科员', '1234', '信息员', ''],
        ['坏角色', 'CD-OK', '科员', '', '皇帝', ''],
        ['', 'CD-OK', '', '', '', ''],
        ['无单位', 'CD-MISSING', '', '', '', ''],
        ['抢用户名', 'CD-OK', '', '', '', 'admin'],
      ],
    );
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.message).toContain('未导入');
    const fields = body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        '单位/3/编码',
        '单位/4/类别',
        '单位/5/上级编码',
        '人员/3/手机',
        '人员/4/角色',
        '人员/5/姓名',
        '人员/6/单位编码',
        '人员/7/用户名',
      ]),
    );
    for (const f of body.fields) expect(f.messageEn).toBeTruthy();
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not Excel with 415 naming what it is, and a broken workbook with 422', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const wrong = await upload(png, 'people.xlsx');
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().fields[0].messageEn).toContain('image/png');
    const broken = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('this is not really a zip'),
    ]);
    const res = await upload(broken);
    expect(res.statusCode).toBe(422);
    expect(res.json().fields[0].field).toBe('file');
  });

  it('refuses a workbook missing required headers', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员').addRow(['名字', '手机']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual([
      '人员/1/姓名',
      '人员/1/单位编码',
    ]);
  });

  it('exports units and people to a workbook that imports back unchanged', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/org/export.xlsx', cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    // the admin's own city only: the demo's second city (湘潭, decision 176) is not Changde's to export
    const changde = await t.database.db
      .selectFrom('units')
      .select('path')
      .where('code', '=', 'CDHB')
      .executeTakeFirstOrThrow();
    const changdeUnits = await t.database.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(withinScope('path', changde.path))
      .executeTakeFirstOrThrow();
    expect(wb.getWorksheet('单位')!.rowCount).toBe(Number(changdeUnits.n) + 1);
    // the root bureau's parent is empty in the file: the unmodified export imports back as it is
    expect(wb.getWorksheet('单位')!.getRow(2).getCell(1).value).toBe('CDHB');
    expect(wb.getWorksheet('单位')!.getRow(2).getCell(4).value ?? '').toBe('');
    const before = await counts();
    const again = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().unitsCreated).toBe(0);
    expect(again.json().peopleCreated).toBe(0);
    expect(await counts()).toEqual(before);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'org.export')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('reports every error of the file in one pass, unknown parents included', async () => {
    const file = await workbook(
      [
        ['CD-A', '甲分局', '不存在的类别', 'NO-SUCH-1', 1], // bad kind and an unknown parent
        ['CD-B', '乙分局', '区县市环保局(分局)', 'NO-SUCH-2', 2], // only an unknown parent
        ['CD-C', '丙站', '区县市环保局(分局)', 'CD-A', 3], // its parent has an error of its own: not "missing"
        ['CD-D', '丁分局', '区县市环保局(分局)', '', 4], // a parent is required below the root
      ],
      [['钱某', 'NO-UNIT', '科员', '', '信息员', '']],
    );
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(
      res.json().fields.map((f: { field: string; message: string }) => `${f.field} ${f.message}`),
    ).toEqual([
      expect.stringMatching(/^单位\/2\/类别 /),
      '单位/5/上级编码 必填',
      '单位/2/上级编码 上级单位“NO-SUCH-1”不存在',
      '单位/3/上级编码 上级单位“NO-SUCH-2”不存在',
      '人员/2/单位编码 单位“NO-UNIT”不存在',
    ]);
  });

  it('lets only roles with the permission import', async () => {
    const officer = await t.loginAs('officer.wl');
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/org/import',
      cookie: officer,
      ...multipartFile('file', 'x.xlsx', await workbook([], [])),
    });
    expect(res.statusCode).toBe(403);
  });
});
