// The media work on a real database: subscriptions scoped by unit, summarised against the plan's quota
// and scored as C1 (explained down to the paper); the commentator team with its posts and monthly tally;
// the standing columns with the pieces the submission flow counted in them (docs/new-media.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let officer: string;
const unit: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ demo: true, services: { today: () => '2018-12-31' } });
  admin = await t.loginAs('admin');
  officer = await t.loginAs('officer.wl');
  for (const u of await t.database.db.selectFrom('units').select(['id', 'code']).execute())
    unit[u.code] = u.id;
}, 60_000);
afterAll(() => t.close());

const post = (url: string, cookie: string, payload: object) =>
  t.inject({ method: 'POST', url, cookie, payload });

describe('subscriptions (报刊征订)', () => {
  it('an officer records their unit’s papers; another unit’s and a duplicate are refused; audited', async () => {
    const url = '/api/v1/media/subscriptions';
    const ok = await post(url, officer, {
      unitId: unit['CD-WL'],
      year: 2018,
      paper: '《中国环境报》',
      copies: 20,
      amountYuan: 6480,
      evidence: '邮局订单 2017-1108',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      paper: '中国环境报',
      copies: 20,
      amountYuan: 6480,
      unitName: '武陵区环境保护局',
    });
    const again = await post(url, officer, {
      unitId: unit['CD-WL'],
      year: 2018,
      paper: '中国环境报',
      copies: 5,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].field).toBe('/paper');
    const other = await post(url, officer, {
      unitId: unit['CD-DC'],
      year: 2018,
      paper: '中国环境报',
      copies: 5,
    });
    expect(other.statusCode).toBe(404);
    const log = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'media.subscription.create')
      .execute();
    expect(log).toHaveLength(1);
  });

  it('the summary sets each unit against the plan’s quota, and C1 scores the register, explained by paper', async () => {
    await post('/api/v1/media/subscriptions', admin, {
      unitId: unit['CD-WL'],
      year: 2018,
      paper: '湖南日报',
      copies: 10,
      amountYuan: 500.5,
    });
    const s = (
      await t.inject({ url: '/api/v1/media/subscriptions/summary?year=2018', cookie: admin })
    ).json();
    expect(s.itemName).toMatch(/^C1/);
    const wl = s.units.find((u: { unitId: number }) => u.unitId === unit['CD-WL']);
    expect(wl).toMatchObject({ copies: 30, quota: 30, met: true, amountYuan: 6980.5 });
    expect(wl.byPaper).toEqual({ 中国环境报: 20, 湖南日报: 10 });

    const planId = (await t.inject({ url: '/api/v1/assessment/plans', cookie: admin })).json().items[0].id;
    const score = async () =>
      (
        await t.inject({
          url: `/api/v1/assessment/plans/${planId}/units/${unit['CD-WL']}/score`,
          cookie: admin,
        })
      ).json() as {
        blocks: Array<{ items: Array<{ code: string; points: number; lines: Array<{ zh: string }> }> }>;
      };
    const c1 = (e: Awaited<ReturnType<typeof score>>) =>
      e.blocks.flatMap((b) => b.items).find((i) => i.code === 'C1')!;
    const full = c1(await score());
    expect(full.points).toBe(7);
    expect(full.lines.map((l) => l.zh).join()).toContain('《中国环境报》 20 份');

    // a line removed: its fact goes and the score follows in the same change
    const list = (await t.inject({ url: '/api/v1/media/subscriptions?year=2018', cookie: admin })).json();
    const hunan = list.items.find((i: { paper: string }) => i.paper === '湖南日报');
    const del = await t.inject({
      method: 'DELETE',
      url: `/api/v1/media/subscriptions/${hunan.id}`,
      cookie: admin,
    });
    expect(del.statusCode).toBe(200);
    expect(c1(await score()).points).toBeCloseTo(7 * (20 / 30), 2);
  });
});

describe('online commentators (网评员)', () => {
  it('the roster, posts with http(s) links only, and the monthly tally', async () => {
    const c = await post('/api/v1/media/commentators', officer, {
      unitId: unit['CD-WL'],
      name: '向阳',
      accounts: '微博 @武陵向阳',
    });
    expect(c.statusCode).toBe(201);
    const id = c.json().id as number;
    const url = `/api/v1/media/commentators/${id}/posts`;
    const bad = await post(url, officer, {
      postedOn: '2018-03-02',
      url: 'javascript:alert(1)',
      topic: '蓝天保卫战',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('/url');
    const future = await post(url, officer, { postedOn: '2019-01-02', url: 'https://weibo.com/1/a' });
    expect(future.json().fields[0].field).toBe('/postedOn');
    for (const d of ['2018-03-02', '2018-03-20', '2018-07-01'])
      expect(
        (await post(url, officer, { postedOn: d, url: `https://weibo.com/1/${d}`, topic: '蓝天保卫战' }))
          .statusCode,
      ).toBe(201);
    const list = (await t.inject({ url: '/api/v1/media/commentators', cookie: officer })).json();
    expect(list.items[0]).toMatchObject({ name: '向阳', posts: 3, lastPostOn: '2018-07-01', active: true });
    const tally = (
      await t.inject({ url: '/api/v1/media/commentators/tally?year=2018', cookie: officer })
    ).json();
    expect(tally.rows[0]).toMatchObject({ name: '向阳', total: 3 });
    expect(tally.rows[0].months.slice(2, 7)).toEqual([2, 0, 0, 0, 1]);
    const posts = (await t.inject({ url, cookie: officer })).json().items;
    const gone = await t.inject({
      method: 'DELETE',
      url: `/api/v1/media/commentator-posts/${posts[0].id}`,
      cookie: officer,
    });
    expect(gone.statusCode).toBe(200);
    const off = await t.inject({
      method: 'PATCH',
      url: `/api/v1/media/commentators/${id}`,
      cookie: officer,
      payload: { version: 1, active: false },
    });
    expect(off.json()).toMatchObject({ active: false, posts: 2, version: 2 });
    const stale = await t.inject({
      method: 'PATCH',
      url: `/api/v1/media/commentators/${id}`,
      cookie: officer,
      payload: { version: 1, name: '向阳阳' },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('commentator tasks (网评任务)', () => {
  it('a task for the units below, completed by posts within its period, each commentator’s share shown', async () => {
    const tasks = '/api/v1/media/commentator-tasks';
    const task = { unitId: unit['CDHB'], title: '评论《常德蓝天保卫战五月通报》', startsOn: '2018-05-01' };
    const badLink = await post(tasks, admin, { ...task, endsOn: '2018-05-31', link: 'javascript:x' });
    expect(badLink.json().fields[0].field).toBe('/link');
    const backwards = await post(tasks, admin, { ...task, endsOn: '2018-04-30' });
    expect(backwards.json().fields[0].field).toBe('/endsOn');
    const made = await post(tasks, admin, {
      ...task,
      endsOn: '2018-05-31',
      link: 'https://www.changde.gov.cn/a',
    });
    expect(made.statusCode).toBe(201);
    const id = made.json().id as number;
    const wl = (
      await post('/api/v1/media/commentators', officer, { unitId: unit['CD-WL'], name: '李明' })
    ).json();
    const dc = (
      await post('/api/v1/media/commentators', admin, { unitId: unit['CD-DC'], name: '王芳' })
    ).json();
    // the officer sees the centre's task for their unit, cannot change it, and completes it
    const mine = (await t.inject({ url: tasks, cookie: officer })).json().items;
    expect(mine.find((x: { id: number }) => x.id === id)).toMatchObject({
      editable: false,
      assigned: 1,
      done: 0,
    });
    const edit = await t.inject({
      method: 'PATCH',
      url: `${tasks}/${id}`,
      cookie: officer,
      payload: { version: 1, title: '改' },
    });
    expect(edit.statusCode).toBe(404);
    const postsOf = (c: number) => `/api/v1/media/commentators/${c}/posts`;
    const done = await post(postsOf(wl.id), officer, {
      postedOn: '2018-05-10',
      url: 'https://weibo.com/lm/1',
      taskId: id,
    });
    expect(done.statusCode).toBe(201);
    expect(done.json().taskId).toBe(id);
    const late = await post(postsOf(wl.id), officer, {
      postedOn: '2018-06-02',
      url: 'https://weibo.com/lm/2',
      taskId: id,
    });
    expect(late.json().fields[0].field).toBe('/postedOn');
    // a unit's own task is not another unit's
    const own = (
      await post(tasks, officer, {
        unitId: unit['CD-WL'],
        title: '武陵专题',
        startsOn: '2018-05-01',
        endsOn: '2018-05-31',
      })
    ).json();
    const foreign = await post(postsOf(dc.id), admin, {
      postedOn: '2018-05-10',
      url: 'https://weibo.com/wf/1',
      taskId: own.id,
    });
    expect(foreign.json().fields[0].field).toBe('/taskId');
    // completion: the centre sees both units' commentators, the officer their own
    const whole = (await t.inject({ url: `${tasks}/${id}`, cookie: admin })).json();
    expect(whole.task).toMatchObject({ done: 1, editable: true });
    const rows = Object.fromEntries(
      whole.rows.map((r: { name: string; posts: number }) => [r.name, r.posts]),
    );
    expect(rows).toMatchObject({ 李明: 1, 王芳: 0 });
    const part = (await t.inject({ url: `${tasks}/${id}`, cookie: officer })).json();
    expect(part.rows.map((r: { name: string }) => r.name)).toEqual(['李明']);
    const renamed = await t.inject({
      method: 'PATCH',
      url: `${tasks}/${id}`,
      cookie: admin,
      payload: { version: 1, endsOn: '2018-06-10' },
    });
    expect(renamed.json()).toMatchObject({ version: 2, endsOn: '2018-06-10' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'mediaCommentatorTask')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['media.commentatorTask.create', 'media.commentatorTask.update']),
    );
    // deleting a task keeps its posts (they stop naming it)
    expect((await t.inject({ method: 'DELETE', url: `${tasks}/${id}`, cookie: admin })).statusCode).toBe(200);
    const kept = (await t.inject({ url: postsOf(wl.id), cookie: officer })).json().items;
    expect(kept).toMatchObject([{ postedOn: '2018-05-10', taskId: null }]);
  });
});

describe('media columns (专栏)', () => {
  it('a column at an outlet of the library counts the unit’s approved pieces there within its period', async () => {
    // two approved pieces of 武陵 at one outlet, one inside the column's period and one before it
    const outlet = await t.database.db
      .selectFrom('outlets')
      .select(['id', 'name'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const person = await t.database.db
      .selectFrom('people')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const at = '2018-12-01T00:00:00.000Z';
    for (const [i, day] of ['2018-04-02', '2017-11-20'].entries())
      await t.database.db
        .insertInto('submissions')
        .values({
          owner_unit_id: unit['CDHB']!,
          unit_id: unit['CD-WL']!,
          kind: 'newsReport',
          status: 'approved',
          title: `专栏稿件${i}`,
          title_norm: `专栏稿件${i}`,
          fact_date: day,
          outlet_id: outlet.id,
          themes: '[]',
          created_by: person.id,
          created_by_name: '测试',
          created_at: at,
          updated_at: at,
        } as never)
        .execute();
    const sub = { unit_id: unit['CD-WL']!, outlet_id: outlet.id };
    const expected = await t.database.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'approved')
      .where('unit_id', '=', sub.unit_id)
      .where('outlet_id', '=', sub.outlet_id)
      .where('fact_date', '>=', '2018-01-01')
      .where('fact_date', '<=', '2018-12-31')
      .executeTakeFirstOrThrow();
    const res = await post('/api/v1/media/columns', admin, {
      unitId: sub.unit_id,
      outletId: sub.outlet_id,
      outletName: '（以媒体库为准）',
      name: '生态环保',
      startsOn: '2018-01-01',
      endsOn: '2018-12-31',
      pieces: 12,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().outletName).toBe(outlet.name);
    expect(res.json().counted).toBe(Number(expected.n));
    expect(res.json().counted).toBe(1);
    const backwards = await t.inject({
      method: 'PATCH',
      url: `/api/v1/media/columns/${res.json().id}`,
      cookie: admin,
      payload: { version: 1, endsOn: '2017-06-30' },
    });
    expect(backwards.json().fields[0].field).toBe('/endsOn');
    const del = await t.inject({
      method: 'DELETE',
      url: `/api/v1/media/columns/${res.json().id}`,
      cookie: admin,
    });
    expect(del.statusCode).toBe(200);
  });
});
