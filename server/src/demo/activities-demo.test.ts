// The demo's events and 2018 contest, made through the services on a real database (both): the events
// are listed and counted, the open day is full with a waiting list, the registries and the bases'
// visiting slots are on the portal, and the contest ends locked with
// its awards in the public gallery, each with a photo that opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { seedActivitiesDemo } from './activities-demo.ts';

let t: TestApp;
let admin: string;
let made: { events: number; works: number };
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  made = await seedActivitiesDemo({ db: t.database.db, ...t.services });
  admin = await t.loginAs('admin');
}, 120_000);
afterAll(() => t.close());

describe('the activities and contest demo', () => {
  it('a year of events, a five-into board with units short of the norm, a full open day', async () => {
    expect(made.events).toBeGreaterThan(40);
    const list = (await t.inject({ url: '/api/v1/activities?pageSize=100', cookie: admin })).json();
    expect(list.total).toBe(made.events);
    const board = (
      await t.inject({ url: '/api/v1/activities/five-into-board?year=2018', cookie: admin })
    ).json();
    const wl = board.rows.find((r: { unitName: string }) => r.unitName === '武陵区环境保护局');
    const ax = board.rows.find((r: { unitName: string }) => r.unitName === '安乡县环境保护局');
    expect([wl.meets, ax.meets]).toEqual([true, false]);
    const [openDay] = (await t.inject({ url: '/api/v1/signup-events', cookie: admin })).json().items;
    expect([openDay.taken, openDay.capacity, openDay.waiting]).toEqual([25, 30, 2]); // the 8-strong group waits and so does everyone after it;
  });

  it('the registries, and visiting slots at the two bases in good standing on the portal', async () => {
    const registry = (await t.inject({ url: '/api/v1/activity-registry', cookie: admin })).json();
    expect(registry.total).toBe(8);
    const slots = (await t.inject({ url: '/api/v1/signup-events', cookie: admin }))
      .json()
      .items.filter((e: { kind: string }) => e.kind === 'baseVisit');
    expect(
      slots.map((e: { baseName: string; taken: number; waiting: number }) => [
        e.baseName,
        e.taken,
        e.waiting,
      ]),
    ).toEqual([
      ['柳叶湖湿地生态环境教育基地（演示）', 40, 1],
      ['常德市环境监测站环境教育基地（演示）', 0, 0],
      ['常德市环境监测站环境教育基地（演示）', 55, 0],
    ]);
    const page = await t.inject({ url: '/bases' });
    expect(page.body).toContain('柳叶湖湿地生态环境教育基地（演示）');
    expect(page.body).not.toContain('壶瓶山'); // under review: not on the portal
    expect(page.body).toContain('剩余名额 5 / 60');
  });

  it('the 2018 contest is locked with its awards, in the gallery with photos', async () => {
    expect(made.works).toBe(12);
    const [c] = (await t.inject({ url: '/api/v1/contests', cookie: admin })).json().items;
    expect(c).toMatchObject({ year: 2018, state: 'locked', works: 12, scored: 48 });
    const results = (await t.inject({ url: `/api/v1/contests/${c.id}/results`, cookie: admin })).json();
    const awarded = results.groups.flatMap((g: { works: Array<{ award: string | null }> }) =>
      g.works.filter((w) => w.award),
    );
    expect(awarded.length).toBeGreaterThanOrEqual(8);
    expect(results.groups[0].works[0].trimmed).toBe(true);
    const page = await t.inject({ url: '/contest' });
    expect(page.body).toContain('塑');
    const photo = /src="(\/contest\/photos\/\d+)"/.exec(page.body)?.[1];
    const img = await t.inject({ url: photo! });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });
});
