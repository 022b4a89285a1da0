import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createUnitsRepo } from './units.repo.ts';

let t: TestApp;
let admin: string;
let officer: string;
let bureauId: number;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
  officer = await t.loginAs('officer.wl');
  bureauId = (
    await t.database.db.selectFrom('units').select('id').where('code', '=', 'CDHB').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const unitCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('units', () => {
  it('lists the demo organisation: the 14 county-level and zone bureaus the plan names, searchable and paged', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/units?kind=countyBureau&pageSize=100',
      cookie: admin,
    });
    expect(res.statusCode).toBe(200);
    const names = res
      .json()
      .items.map((u: { name: string }) => u.name)
      .join();
    for (const n of [
      '武陵区',
      '鼎城区',
      '安乡县',
      '汉寿县',
      '澧县',
      '临澧县',
      '桃源县',
      '石门县',
      '津市市',
      '常德经济技术开发区',
      '柳叶湖旅游度假区',
      '西湖管理区',
      '西洞庭管理区',
      '桃花源旅游管理区',
    ])
      expect(names).toContain(n);
    expect(res.json().total).toBe(14);
    const search = await t.inject({
      method: 'GET',
      url: `/api/v1/units?q=${encodeURIComponent('鼎城')}`,
      cookie: admin,
    });
    expect(search.json().items).toHaveLength(1);
    const page2 = await t.inject({ method: 'GET', url: '/api/v1/units?page=2&pageSize=5', cookie: admin });
    expect(page2.json()).toMatchObject({ page: 2, pageSize: 5 });
    expect(page2.json().items).toHaveLength(5);
  });

  it('creates, edits with optimistic concurrency, and deletes a unit', async () => {
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      cookie: admin,
      payload: { code: 'CD-TEST', name: '测试科', kind: 'department', parentId: bureauId, sortOrder: 500 },
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ code: 'CD-TEST', parentName: '常德市环境保护局', version: 1 });
    const edited = await t.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      cookie: admin,
      payload: { version: 1, name: '测试科（改）' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(2);
    const stale = await t.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      cookie: admin,
      payload: { version: 1, name: '过时的修改' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('刷新'),
      messageEn: expect.stringContaining('reload'),
    });
    expect(
      (await t.inject({ method: 'DELETE', url: `/api/v1/units/${unit.id}`, cookie: admin })).statusCode,
    ).toBe(200);
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/units/${unit.id}`, cookie: admin })).statusCode,
    ).toBe(404);
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = await unitCount();
    const cases: Array<[unknown, number, string]> = [
      [{ code: 'CD-X1', name: 'x', kind: 'department', parentId: bureauId, color: 'red' }, 400, '/color'],
      [{ code: 'bad code!', name: 'x', kind: 'department', parentId: bureauId }, 400, '/code'],
      [{ code: 'CD-X2', name: '', kind: 'department', parentId: bureauId }, 400, '/name'],
      [{ code: 'CD-X3', name: 'x', kind: 'planet', parentId: bureauId }, 400, '/kind'],
      [{ code: 'CD-X4', name: 'x', kind: 'department', parentId: 99999 }, 400, '/parentId'],
      [{ code: 'CD-X5', name: 'x', kind: 'department', parentId: '1' }, 400, '/parentId'],
      [{ code: 'CD-WL', name: '重复', kind: 'department', parentId: bureauId }, 409, '/code'],
      [{ name: 'x', kind: 'department', parentId: bureauId }, 400, '/code'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/units',
        cookie: admin,
        payload: payload as object,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      const body = res.json();
      expect(body.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(body.messageEn).toMatch(/[a-z]/);
      expect(body.requestId).toBeTruthy();
    }
    expect(await unitCount()).toBe(before);
  });

  it('refuses a department under a department (the tree’s shape)', async () => {
    const dept = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'CD-BGS')
      .executeTakeFirstOrThrow();
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      cookie: admin,
      payload: { code: 'CD-SUB', name: '子科室', kind: 'department', parentId: dept.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('/kind');
  });

  it('an information officer sees only their own unit; any other unit answers 404', async () => {
    const list = await t.inject({ method: 'GET', url: '/api/v1/units?pageSize=100', cookie: officer });
    expect(list.json().items.map((u: { code: string }) => u.code)).toEqual(['CD-WL']);
    const other = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'CD-DC')
      .executeTakeFirstOrThrow();
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/units/${other.id}`, cookie: officer })).statusCode,
    ).toBe(404);
  });

  it('keeps another city’s bureau out of this bureau’s console', async () => {
    const other = await t.database.db.transaction().execute((trx) =>
      createUnitsRepo(t.database.db).insert(trx, {
        code: 'YY-HB',
        name: '岳阳市环境保护局',
        kind: 'cityBureau',
        parentId: null,
        parentPath: '/',
        sortOrder: 0,
        at: new Date().toISOString(),
      }),
    );
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/units/${other.id}`, cookie: admin })).statusCode,
    ).toBe(404);
    const list = await t.inject({ method: 'GET', url: '/api/v1/units?pageSize=500', cookie: admin });
    expect(list.json().items.map((u: { code: string }) => u.code)).not.toContain('YY-HB');
  });
});
