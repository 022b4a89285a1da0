// The notification service on both databases: notify inside the caller's transaction, deduplicated by
// key; the inbox shows each person only their own; to-dos come from every registered provider.
import { chinaToday } from '@greenvoice/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { newsReport, outletId } from '../submissions/test-fixtures.ts';
import type { NotificationDraft } from './notifications.service.ts';

let t: TestApp;
let reviewer: string;
let officer: string;
let bureauId: number;
let wulingId: number;
let officerId: number;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  reviewer = await t.loginAs('reviewer');
  officer = await t.loginAs('officer.wl');
  const db = t.database.db;
  bureauId = (await db.selectFrom('units').select('id').where('code', '=', 'CDHB').executeTakeFirstOrThrow())
    .id;
  wulingId = (await db.selectFrom('units').select('id').where('code', '=', 'CD-WL').executeTakeFirstOrThrow())
    .id;
  officerId = (
    await db.selectFrom('people').select('id').where('username', '=', 'officer.wl').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const draft = (over: Partial<NotificationDraft> = {}): NotificationDraft => ({
  bureauUnitId: bureauId,
  to: { roles: ['reviewer'] },
  kind: 'test.queue',
  title: { zh: '待审核稿件 3 篇', en: '3 pieces to review' },
  body: { zh: '请及时审核', en: 'Please review them' },
  link: '/submissions?status=awaitingReview',
  dedupeKey: 'test.queue:1',
  ...over,
});
const notify = (d: NotificationDraft) =>
  t.database.db.transaction().execute((trx) => t.services.notifications.notify(trx, d));
const inbox = async (cookie: string, query = '') =>
  (await t.inject({ method: 'GET', url: `/api/v1/notifications${query}`, cookie })).json();

describe('notify', () => {
  it('tells the holders of a role, once per dedupe key', async () => {
    expect(await notify(draft())).toBe(true);
    expect(await notify(draft({ title: { zh: '又一次', en: 'again' } }))).toBe(false);
    const box = await inbox(reviewer);
    expect(box.unread).toBe(1);
    expect(box.items).toEqual([
      expect.objectContaining({
        kind: 'test.queue',
        title: { zh: '待审核稿件 3 篇', en: '3 pieces to review' },
        body: { zh: '请及时审核', en: 'Please review them' },
        link: '/submissions?status=awaitingReview',
        readAt: null,
      }),
    ]);
    expect((await inbox(officer)).total).toBe(0);
  });

  it('commits with the caller’s transaction, or not at all', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await t.services.notifications.notify(trx, draft({ dedupeKey: 'test.rolledBack' }));
        throw new Error('the caller fails after notifying');
      }),
    ).rejects.toThrow('the caller fails');
    expect((await inbox(reviewer)).total).toBe(1);
    // the key was not used up by the rolled-back attempt
    expect(await notify(draft({ dedupeKey: 'test.rolledBack' }))).toBe(true);
  });

  it('addresses persons, and the holders of roles in given units', async () => {
    await notify(draft({ to: { unitIds: [wulingId], roles: ['officer'] }, dedupeKey: 'test.unitRole' }));
    await notify(draft({ to: { personIds: [officerId] }, dedupeKey: 'test.person' }));
    const box = await inbox(officer);
    expect(box.total).toBe(2);
    expect(box.unread).toBe(2);
  });
});

describe('the inbox', () => {
  it('marks read only the person’s own notifications', async () => {
    const mine = (await inbox(officer)).items[0];
    const theirs = (await inbox(reviewer)).items[0];
    const refused = await t.inject({
      method: 'POST',
      url: `/api/v1/notifications/${theirs.id}/read`,
      payload: {},
      cookie: officer,
    });
    expect(refused.statusCode).toBe(404);
    const ok = await t.inject({
      method: 'POST',
      url: `/api/v1/notifications/${mine.id}/read`,
      payload: {},
      cookie: officer,
    });
    expect(ok.json()).toEqual({ marked: 1, unread: 1 });
    expect((await inbox(officer, '?unreadOnly=true')).total).toBe(1);
    const count = await t.inject({
      method: 'GET',
      url: '/api/v1/notifications/unread-count',
      cookie: officer,
    });
    expect(count.json()).toEqual({ unread: 1 });
    const all = await t.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      payload: {},
      cookie: officer,
    });
    expect(all.json()).toEqual({ marked: 1, unread: 0 });
    expect((await inbox(reviewer)).unread).toBe(2);
  });

  it('is refused without a session', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(res.statusCode).toBe(401);
  });
});

describe('to-dos', () => {
  it('gathers every provider’s to-dos; a failing provider is named, not fatal', async () => {
    t.services.notifications.registerTodoProvider({
      name: 'test.ok',
      todos: async (actor) => [
        {
          kind: 'test.mine',
          count: actor.roles.includes('reviewer') ? 2 : 0,
          title: { zh: '测试', en: 'Test' },
          link: '/x',
        },
      ],
    });
    t.services.notifications.registerTodoProvider({
      name: 'test.broken',
      todos: async () => {
        throw new Error('broken');
      },
    });
    const res = (await t.inject({ method: 'GET', url: '/api/v1/todos', cookie: reviewer })).json();
    expect(res.items).toContainEqual({
      kind: 'test.mine',
      count: 2,
      title: { zh: '测试', en: 'Test' },
      link: '/x',
    });
    expect(res.failed).toEqual(['test.broken']);
    const none = (await t.inject({ method: 'GET', url: '/api/v1/todos', cookie: officer })).json();
    expect(none.items.find((i: { kind: string }) => i.kind === 'test.mine')).toBeUndefined();
  });
});

describe('to-dos per role (the existing modules)', () => {
  const todos = async (cookie: string) =>
    (await t.inject({ method: 'GET', url: '/api/v1/todos', cookie })).json().items as {
      kind: string;
      count: number;
      link: string;
    }[];
  const countOf = (items: { kind: string; count: number }[], kind: string) =>
    items.find((i) => i.kind === kind)?.count ?? 0;
  const listTotal = async (cookie: string, query: string) =>
    (await t.inject({ method: 'GET', url: `/api/v1/submissions?${query}`, cookie })).json().total as number;

  it('officer: returned pieces and drafts; reviewer: the queue, as the linked lists count them', async () => {
    const outlet = await outletId(t, '湖南日报');
    const create = (body: object) =>
      t.inject({ method: 'POST', url: '/api/v1/submissions', cookie: officer, payload: body });
    await create(newsReport(outlet)); // a draft
    const queued = (await create(newsReport(outlet, { submit: true }))).json();
    const toReturn = (await create(newsReport(outlet, { submit: true }))).json();
    const returned = await t.inject({
      method: 'POST',
      url: `/api/v1/submissions/${toReturn.id}/review`,
      cookie: reviewer,
      headers: { 'if-match': `"${toReturn.version}"` },
      payload: { action: 'return', reason: '请补充链接' },
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const mine = await todos(officer);
    expect(countOf(mine, 'submissions.returned')).toBe(1);
    expect(countOf(mine, 'submissions.drafts')).toBe(1);
    expect(mine.find((i) => i.kind === 'submissions.returned')?.link).toBe('/submissions?status=returned');
    expect(countOf(mine, 'submissions.queue')).toBe(0);

    const queue = await todos(reviewer);
    expect(countOf(queue, 'submissions.queue')).toBe(await listTotal(reviewer, 'status=awaitingReview'));
    expect(countOf(queue, 'submissions.queue')).toBeGreaterThanOrEqual(1);
    expect(queued.status).toBe('submitted');
    expect(countOf(queue, 'submissions.returned')).toBe(0);
  });

  it('admin: units without contacts and overdue disclosures; leadership: nothing of the admin’s', async () => {
    const admin = await todos(await t.loginAs('admin'));
    expect(countOf(admin, 'campaign.missing')).toBeGreaterThan(0);
    expect(countOf(admin, 'disclosures.overdue')).toBeGreaterThan(0);
    const leader = await todos(await t.loginAs('leader'));
    expect(leader.map((i) => i.kind)).not.toContain('campaign.missing');
    expect(leader.map((i) => i.kind)).not.toContain('submissions.queue');
  });
});

describe('reminder rules', () => {
  it('remind a returned piece and the late queue after the bureau’s N days, once', async () => {
    const admin = await t.loginAs('admin');
    const settings = (
      await t.inject({ method: 'GET', url: '/api/v1/notification-settings', cookie: admin })
    ).json();
    expect(settings).toMatchObject({ version: 0, settings: { returnedDays: 3, reviewQueueDays: 3 } });
    const put = await t.inject({
      method: 'PUT',
      url: '/api/v1/notification-settings',
      cookie: admin,
      payload: { settings: { ...settings.settings, returnedDays: 10 }, version: 0 },
    });
    expect(put.json()).toMatchObject({ version: 1, settings: { returnedDays: 10 } });
    const inFive = chinaToday(5);
    const first = await t.services.notifications.runReminders(inFive);
    expect(first).toMatchObject({ 'submissions.returned': 0, 'submissions.reviewQueue': 1 });
    const box = (await t.inject({ method: 'GET', url: '/api/v1/notifications', cookie: reviewer })).json();
    expect(box.items[0]).toMatchObject({ kind: 'submissions.reviewQueue', link: '/review' });

    const inEleven = chinaToday(11);
    expect(await t.services.notifications.runReminders(inEleven)).toMatchObject({
      'submissions.returned': 1,
    });
    expect(await t.services.notifications.runReminders(inEleven)).toMatchObject({
      'submissions.returned': 0,
      'submissions.reviewQueue': 0,
    });
    const mine = (await t.inject({ method: 'GET', url: '/api/v1/notifications', cookie: officer })).json();
    expect(mine.items[0]).toMatchObject({ kind: 'submissions.returnedWaiting' });
  });
});
