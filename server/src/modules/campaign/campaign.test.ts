import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

describe('contact-registration campaign', () => {
  it('shows the 2018 board: every assessed unit, with late and overdue units', async () => {
    const list = await t.inject({ method: 'GET', url: '/api/v1/campaigns', cookie: admin });
    const campaign = list.json().items[0];
    expect(campaign).toMatchObject({ deadline: '2018-04-30' });
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaign.id}/board`,
      cookie: admin,
    });
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.summary.total).toBe(27);
    const status = (name: string) =>
      board.rows.find((r: { unitName: string }) => r.unitName.startsWith(name)).status;
    expect(status('澧县')).toBe('late');
    expect(status('西洞庭')).toBe('late');
    expect(status('桃花源')).toBe('overdue');
    expect(status('常德市辐射')).toBe('overdue');
    expect(status('武陵区')).toBe('done');
    expect(board.summary).toMatchObject({ late: 2, overdue: 2, done: 23 });
  });

  it('records the date a unit reported (audited), which the board counts instead of the typing date', async () => {
    const campaign = (await t.inject({ method: 'GET', url: '/api/v1/campaigns', cookie: admin })).json()
      .items[0];
    const lx = (
      await t.database.db
        .selectFrom('units')
        .select('id')
        .where('code', '=', 'CD-LX')
        .executeTakeFirstOrThrow()
    ).id;
    const put = (cookie: string, payload: object) =>
      t.inject({ method: 'PUT', url: `/api/v1/campaigns/${campaign.id}/reports`, cookie, payload });
    // 澧县 sent its letter on 28 April; the centre typed the names in on 8 May
    const res = await put(admin, { unitId: lx, reportedOn: '2018-04-28' });
    expect(res.statusCode).toBe(200);
    const row = res.json().rows.find((r: { unitId: number }) => r.unitId === lx);
    expect(row).toMatchObject({ status: 'done', reportedOn: '2018-04-28' });
    expect((await put(admin, { unitId: lx, reportedOn: '2999-01-01' })).statusCode).toBe(422);
    expect(
      (await put(await t.loginAs('officer.wl'), { unitId: lx, reportedOn: '2018-04-28' })).statusCode,
    ).toBe(403);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'campaign.report')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ before: null, after: '2018-04-28' });
    // cleared: the typing date counts again
    const cleared = (await put(admin, { unitId: lx, reportedOn: null })).json();
    expect(cleared.rows.find((r: { unitId: number }) => r.unitId === lx).status).toBe('late');
  });

  it('naming an officer for an overdue unit moves it to late', async () => {
    const unit = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'CD-THY')
      .executeTakeFirstOrThrow();
    await t.inject({
      method: 'POST',
      url: '/api/v1/people',
      cookie: admin,
      payload: { unitId: unit.id, name: '桃信', roles: ['officer'] },
    });
    const board = (await t.inject({ method: 'GET', url: '/api/v1/campaigns/1/board', cookie: admin })).json();
    expect(board.rows.find((r: { unitId: number }) => r.unitId === unit.id).status).toBe('late');
  });

  it('an officer sees only their own unit’s row', async () => {
    const officer = await t.loginAs('officer.wl');
    const board = (
      await t.inject({ method: 'GET', url: '/api/v1/campaigns/1/board', cookie: officer })
    ).json();
    expect(board.rows.map((r: { unitName: string }) => r.unitName)).toEqual(['武陵区环境保护局']);
  });

  it('edits the deadline with optimistic concurrency', async () => {
    const ok = await t.inject({
      method: 'PATCH',
      url: '/api/v1/campaigns/1',
      cookie: admin,
      payload: { version: 1, deadline: '2018-05-10' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await t.inject({
          method: 'PATCH',
          url: '/api/v1/campaigns/1',
          cookie: admin,
          payload: { version: 1, deadline: '2018-05-11' },
        })
      ).statusCode,
    ).toBe(409);
    const bad = await t.inject({
      method: 'PATCH',
      url: '/api/v1/campaigns/1',
      cookie: admin,
      payload: { version: 2, deadline: '2018-13-45' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('/deadline');
  });
});
