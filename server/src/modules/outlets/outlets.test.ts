import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let officer: string;
beforeAll(async () => {
  // no demo data: the registry is reference data, there in every installation
  t = await createTestApp();
  await t.close();
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
  officer = await t.loginAs('officer.wl');
});
afterAll(() => t.close());

const list = (cookie: string, qs = '') =>
  t.inject({ method: 'GET', url: `/api/v1/outlets?pageSize=500${qs}`, cookie });

describe('outlet registry', () => {
  it('is seeded with real outlets at every level', async () => {
    const items = (await list(officer)).json().items as Array<{
      name: string;
      level: string;
      medium: string;
    }>;
    const byName = new Map(items.map((o) => [o.name, o]));
    expect(byName.get('中国环境报')).toMatchObject({ level: 'central', medium: 'paper' });
    expect(byName.get('新华网')).toMatchObject({ level: 'central', medium: 'web' });
    expect(byName.get('中央电视台')).toMatchObject({ level: 'central', medium: 'broadcast' });
    expect(byName.get('红网')).toMatchObject({ level: 'provincial', medium: 'web' });
    expect(byName.get('湖南日报')).toMatchObject({ level: 'provincial', medium: 'paper' });
    expect(byName.get('尚一网')).toMatchObject({ level: 'municipal', medium: 'web' });
    expect(byName.get('常德市政府网')).toMatchObject({ level: 'municipal' });
    expect(items.filter((o) => o.level === 'county').length).toBeGreaterThanOrEqual(9);
    const central = (await list(officer, '&level=central')).json().items;
    expect(central.every((o: { level: string }) => o.level === 'central')).toBe(true);
  });

  it('admins add and edit; a switched-off outlet leaves the form but stays on the admin list', async () => {
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/outlets',
      cookie: admin,
      payload: { name: '今日头条·常德环保', level: 'municipal', medium: 'newMedia' },
    });
    expect(created.statusCode).toBe(201);
    const o = created.json();
    const dup = await t.inject({
      method: 'POST',
      url: '/api/v1/outlets',
      cookie: admin,
      payload: { name: '今日头条·常德环保', level: 'county', medium: 'web' },
    });
    expect(dup.statusCode).toBe(409);
    const off = await t.inject({
      method: 'PATCH',
      url: `/api/v1/outlets/${o.id}`,
      cookie: admin,
      payload: { version: o.version, active: false, level: 'county' },
    });
    expect(off.json()).toMatchObject({ active: false, level: 'county', version: o.version + 1 });
    const stale = await t.inject({
      method: 'PATCH',
      url: `/api/v1/outlets/${o.id}`,
      cookie: admin,
      payload: { version: o.version, name: '旧版本' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await list(officer)).json().items.some((x: { id: number }) => x.id === o.id)).toBe(false);
    expect(
      (await list(admin, '&includeInactive=true')).json().items.some((x: { id: number }) => x.id === o.id),
    ).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'outlet')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['outlet.create', 'outlet.update']);
  });

  it('officers cannot change the registry', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/outlets',
      cookie: officer,
      payload: { name: '某某网', level: 'county', medium: 'web' },
    });
    expect(res.statusCode).toBe(403);
  });
});
