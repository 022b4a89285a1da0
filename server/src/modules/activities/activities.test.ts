// Activities end to end on a real database (both): events recorded within scope, five-into needs its
// target, photos by the evidence rules, block B scored from the events and explained down to the event,
// statistics by quarter, the five-into board, the Excel export, and sign-ups that never overbook —
// 200 parallel requests for 50 seats — with the waiting list moving up on a cancellation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let officer: string;
let wl: number;
let ls: number;
const png = async () => {
  const { sharp } = await import('../../lazy-packages.ts');
  return sharp()({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
};
function multipart(files: Array<{ name: string; body: Buffer; type: string }>) {
  const boundary = '----gvact';
  const body = Buffer.concat([
    ...files.flatMap((f) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.body,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp({ demo: true, services: { today: () => '2018-12-31' } });
  admin = await t.loginAs('admin');
  officer = await t.loginAs('officer.wl');
  wl = await t.unitId('CD-WL');
  ls = await t.unitId('CD-LX');
}, 60_000);
afterAll(() => t.close());

const event = (o: Record<string, unknown> = {}) => ({
  unitId: wl,
  kind: 'fiveInto',
  target: 'school',
  title: '环保知识进校园',
  heldOn: '2018-05-10',
  place: '武陵区第一小学',
  organiser: '武陵区环保局',
  audienceKind: 'students',
  audienceCount: 320,
  themes: ['pollutionWater'],
  ...o,
});

describe('events', () => {
  it('an officer records their own unit’s event; the audit and the block-B fact follow in one go', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/activities',
      cookie: officer,
      payload: event(),
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ quarter: '2018-Q2', unitId: wl, target: 'school', photos: [] });
    const fact = await t.database.db
      .selectFrom('assessment_facts')
      .selectAll()
      .where('source', '=', 'activity')
      .where('source_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(fact).toMatchObject({ kind: 'activity', activity_type: 'fiveInto', quantity: 320 });
    expect(fact.title).toContain('环保知识进校园');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'activity')
      .execute();
    expect(audit.map((r) => r.action)).toContain('activity.create');
  });

  it.each([
    ['five-into without its target', { target: null }, 400, '/target'],
    ['an event in the future', { heldOn: '2019-01-05' }, 400, '/heldOn'],
    ['a report nobody can see', { reportIds: [999999] }, 400, '/reportIds/0'],
  ])('refuses %s', async (_n, o, status, field) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/activities',
      cookie: officer,
      payload: event(o),
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().fields[0].field).toBe(field);
  });

  it('an officer cannot record another unit’s event nor see one', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/activities',
      cookie: officer,
      payload: event({ unitId: ls }),
    });
    expect(res.statusCode).toBe(404);
    const other = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/activities',
        cookie: admin,
        payload: event({ unitId: ls, kind: 'census', target: null, title: '普查宣传周' }),
      })
    ).json();
    expect((await t.inject({ url: `/api/v1/activities/${other.id}`, cookie: officer })).statusCode).toBe(404);
  });

  it('photos: PNG in, a text file named .png out with 415, nothing half-written', async () => {
    const a = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/activities',
        cookie: officer,
        payload: event({ title: '进社区', target: 'community' }),
      })
    ).json();
    const ok = await t.inject({
      method: 'POST',
      url: `/api/v1/activities/${a.id}/photos`,
      cookie: officer,
      ...multipart([{ name: 'a.png', body: await png(), type: 'image/png' }]),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().photos).toHaveLength(1);
    const bad = await t.inject({
      method: 'POST',
      url: `/api/v1/activities/${a.id}/photos`,
      cookie: officer,
      ...multipart([
        { name: 'b.png', body: await png(), type: 'image/png' },
        { name: 'c.png', body: Buffer.from('not an image at all'), type: 'image/png' },
      ]),
    });
    expect(bad.statusCode).toBe(415);
    expect(
      (await t.inject({ url: `/api/v1/activities/${a.id}`, cookie: officer })).json().photos,
    ).toHaveLength(1);
    const img = await t.inject({ url: ok.json().photos[0].url, cookie: officer });
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('block B: the score explains itself down to the event', async () => {
    const planId = (await t.inject({ url: '/api/v1/assessment/plans', cookie: admin })).json().items[0].id;
    const e = (
      await t.inject({ url: `/api/v1/assessment/plans/${planId}/units/${wl}/score`, cookie: admin })
    ).json();
    const b4 = e.blocks
      .flatMap(
        (b: { items: Array<{ code: string; lines: Array<{ zh: string; points: number }> }> }) => b.items,
      )
      .find((i: { code: string }) => i.code === 'B4');
    expect(
      b4.lines.some((l: { zh: string; points: number }) => l.zh.includes('环保知识进校园') && l.points > 0),
    ).toBe(true);
  });

  it('statistics by quarter answer “how many census events in Q2”; the board and the export agree', async () => {
    const s = (await t.inject({ url: '/api/v1/activities/stats?year=2018', cookie: admin })).json();
    expect(s.byKind.find((b: { key: string }) => b.key === 'census').events).toBeGreaterThanOrEqual(1);
    expect(
      s.kindByQuarter.find(
        (c: { kind: string; quarter: string }) => c.kind === 'census' && c.quarter === '2018-Q2',
      ).events,
    ).toBeGreaterThanOrEqual(1);
    const board = (
      await t.inject({ url: '/api/v1/activities/five-into-board?year=2018', cookie: admin })
    ).json();
    const row = board.rows.find((r: { unitId: number }) => r.unitId === wl);
    expect(
      row.cells.find(
        (c: { period: string; target: string }) => c.period === '2018-H1' && c.target === 'school',
      ).met,
    ).toBe(true);
    expect(row.meets).toBe(false);
    const norm = await t.inject({
      method: 'PUT',
      url: '/api/v1/activities/five-into-norm',
      cookie: admin,
      payload: {
        perTarget: 1,
        period: 'year',
        targets: ['school', 'community'],
        unitKinds: ['countyBureau'],
      },
    });
    expect(norm.statusCode).toBe(200);
    const again = (
      await t.inject({ url: '/api/v1/activities/five-into-board?year=2018', cookie: admin })
    ).json();
    expect(again.rows.find((r: { unitId: number }) => r.unitId === wl).meets).toBe(true);
    const xlsx = await t.inject({ url: '/api/v1/activities.xlsx?kind=fiveInto', cookie: officer });
    expect(xlsx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(xlsx.rawPayload);
    // the list's own rows (strings inline or shared, as the writer chose)
    const sheets = zip.file(/^xl\/(worksheets\/sheet1|sharedStrings)\.xml$/);
    expect((await Promise.all(sheets.map((f) => f.async('string')))).join('')).toContain('环保知识进校园');
  });
});

/** A sign-up event of the admin's bureau, open until 2099. */
const signupEvent = async (o: Record<string, unknown>) => {
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/signup-events',
    cookie: admin,
    payload: {
      kind: 'openDay',
      startsAt: '2099-06-05T01:00:00Z',
      closesAt: '2099-06-04T10:00:00Z',
      ...o,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number };
};

describe('sign-ups', () => {
  it('200 parallel sign-ups for 50 seats: exactly 50 confirmed, 150 waiting; a cancellation moves the list up', async () => {
    const { id } = await signupEvent({ title: '环保设施开放日', place: '常德市污水处理厂', capacity: 50 });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.inject({
          method: 'POST',
          url: `/api/v1/public/signup-events/${id}/signups`,
          remoteAddress: `10.9.${i >> 8}.${i & 255}`,
          payload: { name: `市民${i}`, groupSize: 1 },
        }),
      ),
    );
    // any refusal named with its answer, so a failure under load says what it was
    expect(
      answers.filter((a) => a.statusCode !== 201).map((a) => `${a.statusCode} ${a.body.slice(0, 200)}`),
    ).toEqual([]);
    const statuses = answers.map((a) => a.json().status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(50);
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(150);
    const list = (await t.inject({ url: `/api/v1/signup-events/${id}/signups`, cookie: admin })).json().items;
    const firstWaiting = list.find((s: { status: string }) => s.status === 'waiting');
    const aConfirmed = answers.find((a) => a.json().status === 'confirmed')!.json().code;
    const c = await t.inject({
      method: 'POST',
      url: '/api/v1/public/signups/cancel',
      payload: { code: aConfirmed },
    });
    expect(c.json().status).toBe('cancelled');
    const after = (await t.inject({ url: `/api/v1/signup-events/${id}/signups`, cookie: admin })).json()
      .items;
    expect(after.find((s: { id: number }) => s.id === firstWaiting.id).status).toBe('confirmed');
    expect(after.filter((s: { status: string }) => s.status === 'confirmed')).toHaveLength(50);
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/public/signups/cancel',
      payload: { code: aConfirmed },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a group larger than the event', async () => {
    const ev = await signupEvent({ title: '小型参观', place: '会议室', capacity: 10 });
    const r = await t.inject({
      method: 'POST',
      url: `/api/v1/public/signup-events/${ev.id}/signups`,
      payload: { name: '某小学', groupSize: 11 },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields[0].field).toBe('/groupSize');
  });

  it('a form sent twice — one after the other, or five at once — makes one sign-up and shows its code again', async () => {
    const ev = await signupEvent({ title: '监测站开放日（重复提交）', place: '监测站', capacity: 5 });
    const page = await t.inject({ url: `/events/${ev.id}` });
    const token = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    // each showing of the form has its own token
    expect((await t.inject({ url: `/events/${ev.id}` })).body).not.toContain(token);
    const send = (formToken: string, i = 0) =>
      t.inject({
        method: 'POST',
        url: `/events/${ev.id}`,
        remoteAddress: `10.8.0.${i + 1}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ name: '孙老师', groupSize: '2', formToken }).toString(),
      });
    const code = (body: string) => /class="code"[^>]*>([A-Z0-9]{8})</.exec(body)?.[1] ?? '';
    const first = await send(token);
    const second = await send(token);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(code(second.body)).toBe(code(first.body));
    expect(second.body).toContain('这份报名表已经提交过');
    const racing = await Promise.all(Array.from({ length: 5 }, (_, i) => send(`${'r'.repeat(23)}Z`, i)));
    expect(racing.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(racing.map((r) => code(r.body))).size).toBe(1);
    const rows = (await t.inject({ url: `/api/v1/signup-events/${ev.id}/signups`, cookie: admin })).json()
      .items;
    // two forms, two sign-ups of 2: 4 of the 5 seats, nothing taken twice
    expect(rows.map((r: { groupSize: number; status: string }) => `${r.groupSize} ${r.status}`)).toEqual([
      '2 confirmed',
      '2 confirmed',
    ]);
    expect((await t.inject({ url: '/api/v1/signup-events', cookie: admin })).json().items).toContainEqual(
      expect.objectContaining({ id: ev.id, taken: 4 }),
    );
  });

  it('the portal: listed from the footer, a plain form, the code or the waiting place, cancel by code', async () => {
    const ev = await signupEvent({
      title: '污水处理厂公众开放日',
      place: '常德市第一污水处理厂',
      capacity: 3,
    });
    const home = await t.inject({ url: '/' });
    expect(home.body).toContain('href="/events"');
    const list = await t.inject({ url: '/events' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/events/${ev.id}"`);
    const page = await t.inject({ url: `/events/${ev.id}` });
    expect(page.body).toContain(`<form method="post" action="/events/${ev.id}"`);
    const post = (url: string, body: Record<string, string>) =>
      t.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(body).toString(),
      });
    const code = (body: string) => /class="code"[^>]*>([A-Z0-9]{8})</.exec(body)?.[1] ?? '';
    const first = await post(`/events/${ev.id}`, {
      name: '李老师',
      organisation: '武陵区第一小学',
      groupSize: '２',
    });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('报名成功');
    const second = await post(`/events/${ev.id}`, { name: '王先生', groupSize: '2' });
    expect(second.body).toContain('候补第 1 位');
    // bad input: the form again with its message beside the field, in HTML; a stray field: the error page
    const bad = await post(`/events/${ev.id}`, { name: '', groupSize: '9', mobile: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('text/html');
    expect(bad.body).toContain('请填写姓名或联系人');
    expect(bad.body).toContain('人数须为 1 至 3 的整数');
    expect(bad.body).toContain('手机号码应为 11 位数字');
    const stray = await post(`/events/${ev.id}`, { name: 'x', groupSize: '1', admin: '1' });
    expect([stray.statusCode, stray.headers['content-type']]).toEqual([
      400,
      expect.stringContaining('text/html'),
    ]);
    expect((await post('/events/2147483000', { name: 'x', groupSize: '1' })).statusCode).toBe(404);
    // the first cancels: the waiting group moves up and the event page says so
    const cancel = await post('/events/cancel', { code: code(first.body).toLowerCase() });
    expect(cancel.body).toContain('已取消');
    expect((await t.inject({ url: `/events/${ev.id}` })).body).toContain('剩余名额 1 / 3');
    const again = await post('/events/cancel', { code: code(first.body) });
    expect([again.statusCode, again.body.includes('该报名已取消')]).toEqual([400, true]);
    expect((await post('/events/cancel', { code: 'nope' })).body).toContain('确认码为 8 位字母或数字');
  });
});

describe('registries', () => {
  it('education bases, green schools and communities: created, listed by kind, edited by version, audited', async () => {
    const entry = {
      kind: 'educationBase',
      name: '常德市环境教育基地（柳叶湖湿地）',
      county: '武陵区',
      level: 'provincial',
      yearAwarded: 2017,
      status: 'active',
    };
    const made = await t.inject({
      method: 'POST',
      url: '/api/v1/activity-registry',
      cookie: admin,
      payload: entry,
    });
    expect(made.statusCode, made.body).toBe(201);
    const school = {
      ...entry,
      kind: 'greenSchool',
      name: '武陵区第一小学',
      level: 'city',
      yearAwarded: 2018,
    };
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/activity-registry', cookie: admin, payload: school }))
        .statusCode,
    ).toBe(201);
    const bases = (
      await t.inject({ url: '/api/v1/activity-registry?kind=educationBase', cookie: admin })
    ).json();
    expect(bases.items.map((b: { name: string }) => b.name)).toEqual([entry.name]);
    const id = made.json().id;
    const edit = (version: number, status: string) =>
      t.inject({
        method: 'PATCH',
        url: `/api/v1/activity-registry/${id}`,
        cookie: admin,
        payload: { ...entry, status, version },
      });
    const changed = await edit(1, 'underReview');
    expect([changed.statusCode, changed.json().status, changed.json().version]).toEqual([
      200,
      'underReview',
      2,
    ]);
    expect((await edit(1, 'revoked')).statusCode).toBe(409); // changed since it was read
    expect((await edit(2, 'expired')).json().fields[0].field).toBe('/status');
    const bad = await t.inject({
      method: 'POST',
      url: '/api/v1/activity-registry',
      cookie: admin,
      payload: { ...entry, yearAwarded: 1800 },
    });
    expect(bad.statusCode).toBe(400);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'registryEntry')
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual([
      'registry.create',
      'registry.create',
      'registry.update',
    ]);
  });
});

describe('education-base visits', () => {
  const registry = async (o: Record<string, unknown>, cookie = admin) => {
    const r = await t.inject({
      method: 'POST',
      url: '/api/v1/activity-registry',
      cookie,
      payload: { county: '武陵区', level: 'city', yearAwarded: 2017, status: 'active', ...o },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: number; version: number };
  };
  const slot = (o: Record<string, unknown>) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/signup-events',
      cookie: admin,
      payload: {
        kind: 'baseVisit',
        title: '湿地观鸟',
        place: '游客中心',
        capacity: 40,
        startsAt: '2099-05-22T01:00:00Z',
        closesAt: '2099-05-21T10:00:00Z',
        ...o,
      },
    });

  it('a slot opens one of the bureau’s active bases, nothing else; the portal lists the bases with their slots', async () => {
    const base = await registry({ kind: 'educationBase', name: '西洞庭湿地环境教育基地' });
    const school = await registry({ kind: 'greenSchool', name: '常德市第一中学' });
    const pending = await registry({ kind: 'educationBase', name: '待复核的基地', status: 'underReview' });
    const refused = async (o: Record<string, unknown>) => {
      const r = await slot(o);
      return [r.statusCode, r.json().fields?.[0]?.field];
    };
    expect(await refused({})).toEqual([400, '/baseId']);
    expect(await refused({ baseId: school.id })).toEqual([400, '/baseId']);
    expect(await refused({ baseId: pending.id })).toEqual([400, '/baseId']);
    expect(await refused({ baseId: 2147483000 })).toEqual([400, '/baseId']);
    expect(await refused({ kind: 'openDay', baseId: base.id })).toEqual([400, '/baseId']);
    // another city's bureau cannot open a slot at Changde's base
    const other = await t.inject({
      method: 'POST',
      url: '/api/v1/signup-events',
      cookie: await t.loginAs('admin.xt'),
      payload: {
        kind: 'baseVisit',
        baseId: base.id,
        title: 'x',
        place: 'x',
        capacity: 5,
        startsAt: '2099-05-22T01:00:00Z',
        closesAt: '2099-05-21T10:00:00Z',
      },
    });
    expect([other.statusCode, other.json().fields?.[0]?.field]).toEqual([400, '/baseId']);
    const made = await slot({ baseId: base.id });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ baseId: base.id, baseName: '西洞庭湿地环境教育基地' });

    const page = await t.inject({ url: '/bases' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('西洞庭湿地环境教育基地');
    expect(page.body).toContain(`href="/events/${made.json().id}"`);
    expect(page.body).toContain('剩余名额 40 / 40');
    expect(page.body).not.toContain('待复核的基地');
    expect(page.body).not.toContain('常德市第一中学');
    // reachable: the footer of every page and 公众参与's index link to it; the sitemap names it
    expect((await t.inject({ url: '/' })).body).toContain('href="/bases"');
    expect((await t.inject({ url: '/interaction' })).body).toContain('href="/bases"');
    expect((await t.inject({ url: '/sitemap.xml' })).body).toContain('/bases</loc>');
    // the event page names the base and asks for the school or group
    const ev = await t.inject({ url: `/events/${made.json().id}` });
    expect(ev.body).toContain(`href="/bases#base-${base.id}"`);
    expect(ev.body).toContain('学校或团体名称');
  });

  it('groups against the slot’s capacity: a school is needed, too big is refused, two racing for the last seats get one each way', async () => {
    const base = await registry({ kind: 'educationBase', name: '德山环境教育基地' });
    const made = await slot({ baseId: base.id, capacity: 45 });
    const id = made.json().id as number;
    const form = (body: Record<string, string>, i = 0) =>
      t.inject({
        method: 'POST',
        url: `/events/${id}`,
        remoteAddress: `10.7.0.${i + 1}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(body).toString(),
      });
    const noSchool = await form({ name: '周老师', groupSize: '30' });
    expect([noSchool.statusCode, noSchool.body.includes('预约基地参观请填写学校或团体名称')]).toEqual([
      400,
      true,
    ]);
    const api = await t.inject({
      method: 'POST',
      url: `/api/v1/public/signup-events/${id}/signups`,
      payload: { name: '周老师', groupSize: 30 },
    });
    expect([api.statusCode, api.json().fields[0].field]).toEqual([400, '/organisation']);
    const tooBig = await form({ name: '周老师', organisation: '德山小学', groupSize: '46' });
    expect([tooBig.statusCode, tooBig.body.includes('人数须为 1 至 45 的整数')]).toEqual([400, true]);
    expect((await form({ name: '周老师', organisation: '德山小学', groupSize: '30' })).body).toContain(
      '报名成功',
    );
    // 15 seats left; two classes of 15 at the same moment: one gets them, the other waits
    const racing = await Promise.all(
      ['德山二小', '德山三小'].map((organisation, i) =>
        form({ name: '带队老师', organisation, groupSize: '15' }, i + 1),
      ),
    );
    expect(racing.map((r) => (r.body.includes('报名成功') ? 'seat' : 'waiting')).sort()).toEqual([
      'seat',
      'waiting',
    ]);
    const rows = (await t.inject({ url: `/api/v1/signup-events/${id}/signups`, cookie: admin })).json().items;
    expect(rows.map((r: { status: string }) => r.status).sort()).toEqual([
      'confirmed',
      'confirmed',
      'waiting',
    ]);
    expect((await t.inject({ url: '/bases' })).body).toContain('名额已满（45），可报名候补，已有 1 组候补');
  });
});
