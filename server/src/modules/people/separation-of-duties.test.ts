// The three administrators through the API (hardening item 8, decision 078): the system administrator
// cannot take the auditor role or touch the audit administrator's account; the security administrator
// can, and the audit administrator sees every such act, refused ones included.
import type { Role } from '@greenvoice/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../test/multipart.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let security: string;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
  security = await t.loginAs('security');
  auditor = await t.loginAs('auditor');
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const person = (username: string) =>
  t.database.db
    .selectFrom('people')
    .select(['id', 'version', 'must_change_password'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();

const setRoles = async (cookie: string, username: string, roles: Role[]) => {
  const p = await person(username);
  return t.inject({
    method: 'PATCH',
    url: `/api/v1/people/${p.id}`,
    cookie,
    payload: { version: p.version, roles },
  });
};
const accountAction = async (cookie: string, username: string, action: string) =>
  t.inject({
    method: 'POST',
    url: `/api/v1/people/${(await person(username)).id}/account`,
    cookie,
    payload: { action },
  });

describe('three administrators', () => {
  it('the system administrator cannot give itself the auditor role, nor anyone an administrator role', async () => {
    const self = await setRoles(admin, 'admin', ['admin', 'auditor']);
    expect(self.statusCode).toBe(403);
    const own = await setRoles(admin, 'admin', ['reviewer']);
    expect(own.statusCode).toBe(403);
    await t.newAccount('sod.reviewer', 'reviewer', 'CD-XXZX');
    const grant = await setRoles(admin, 'sod.reviewer', ['reviewer', 'auditor']);
    expect(grant.statusCode).toBe(403);
    expect(grant.json().messageEn).toContain('security administrator');
  });

  it.each(['resetPassword', 'disable', 'unlock', 'endSessions'])(
    'only the security administrator may %s the audit administrator',
    async (action) => {
      const byAdmin = await accountAction(admin, 'auditor', action);
      expect(byAdmin.statusCode).toBe(403);
      if (action === 'resetPassword' || action === 'disable') return; // keep the demo auditor usable
      const bySecurity = await accountAction(security, 'auditor', action);
      expect(bySecurity.statusCode, bySecurity.body).toBe(200);
    },
  );

  it('an Excel import cannot give an administrator role either, writing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('单位').addRow(['编码', '名称', '类别', '上级编码', '排序']);
    const ps = wb.addWorksheet('人员');
    ps.addRow(['姓名', '单位编码', '职务', '手机', '角色', '用户名']);
    ps.addRow(['钱审', 'CD-XXZX', '审计', '', '审计管理员', 'qian.shen']);
    ps.addRow(['信息中心管理员（演示）', 'CD-XXZX', '主任', '', '系统管理员、审计管理员', 'admin']);
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/org/import',
      cookie: admin,
      ...multipartFile('file', 'org.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), XLSX),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['人员/2/角色', '人员/3/角色']);
    const created = await t.database.db
      .selectFrom('people')
      .select('id')
      .where('username', '=', 'qian.shen')
      .execute();
    expect(created).toEqual([]);
  });

  it('the system administrator still manages ordinary staff accounts', async () => {
    await t.newAccount('sod.officer', 'officer', 'CD-WL');
    expect((await accountAction(admin, 'sod.officer', 'unlock')).statusCode).toBe(200);
    expect((await setRoles(admin, 'sod.officer', ['officer', 'reviewer'])).statusCode).toBe(200);
  });

  it('the security administrator grants an administrator role, but never two to one person', async () => {
    await t.newAccount('sod.second', 'reviewer', 'CD-XXZX');
    expect((await setRoles(security, 'sod.second', ['admin', 'auditor'])).json().code).toBe('FORBIDDEN');
    expect((await setRoles(security, 'sod.second', ['admin'])).statusCode).toBe(200);
    // the administrator's 15-character minimum cannot be checked against the stored hash: change it
    expect((await person('sod.second')).must_change_password).toBe(1);
    expect((await setRoles(security, 'security', ['security', 'auditor'])).statusCode).toBe(403);
  });

  it('the security administrator reads neither the audit log nor configures business data', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/v1/audit', cookie: security })).statusCode).toBe(403);
    const unit = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      cookie: security,
      payload: { name: '不该建的单位', code: 'SOD-X', kind: 'department', parentId: 1 },
    });
    expect(unit.statusCode).toBe(403);
  });

  it('the audit administrator sees the security administrator’s acts and the refused attempts', async () => {
    auditor = await t.loginAs('auditor'); // the security administrator ended the sessions
    const res = await t.inject({ method: 'GET', url: '/api/v1/audit?pageSize=100', cookie: auditor });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { action: string; result: string; actorName: string; detail: string }[];
    const auditorId = String((await person('auditor')).id);
    const about = items.filter((i) => (i as unknown as { objectId: string }).objectId === auditorId);
    expect(about.some((i) => i.action === 'account.unlock' && i.actorName.includes('安全管理员'))).toBe(true);
    expect(about.some((i) => i.action === 'account.resetPassword' && i.result === 'denied')).toBe(true);
    expect(items.some((i) => i.action === 'person.update.roles' && i.result === 'denied')).toBe(true);
  });
});
