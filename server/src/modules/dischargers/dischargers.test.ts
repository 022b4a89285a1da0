// Key discharging units, disclosures and deadlines on the working-day calendar; incidents; the calendar
// itself (both databases, on the demo data set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

describe('key discharging units', () => {
  it('refuses a credit code with a wrong check character, naming the field', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/environment/dischargers',
      cookie: admin,
      payload: {
        name: '测试企业',
        creditCode: '91350100M000100Y44',
        county: '武陵区',
        industry: '造纸',
        listedYear: 2018,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({
        field: '/creditCode',
        messageEn: expect.stringContaining('check character'),
      }),
    ]);
  });

  it('registers a unit with a valid code (lower case forgiven) and finds it publicly', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/environment/dischargers',
      cookie: admin,
      payload: {
        name: '测试纸业有限公司',
        creditCode: '91350100m000100y43',
        county: '武陵区',
        industry: '造纸和纸制品业',
        listedYear: 2018,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().creditCode).toBe('91350100M000100Y43');
    const found = await t.inject({ method: 'GET', url: '/api/v1/environment/dischargers?q=测试纸业' });
    expect(found.json().total).toBe(1);
  });

  it('arranges a unit’s disclosures by the eight parts and tracks its deadlines', async () => {
    const list = (
      await t.inject({ method: 'GET', url: '/api/v1/environment/dischargers?q=沅澧化工' })
    ).json();
    const id = list.items[0].id;
    const d = (await t.inject({ method: 'GET', url: `/api/v1/environment/dischargers/${id}` })).json();
    expect(d.parts.map((p: { part: string }) => p.part)).toEqual([
      'basicInfo',
      'management',
      'emissions',
      'carbon',
      'emergency',
      'violations',
      'temporary',
      'other',
    ]);
    expect(d.parts.find((p: { part: string }) => p.part === 'emergency').records[0].kind).toBe(
      'emergencyPlan',
    );
    expect(d.parts[0].annualYear).toBe(2017);
    // temporary report: event Mon 12 Feb 2018, due 24 Feb (a worked Saturday after the Spring Festival)
    const temp = d.obligations.find((o: { kind: string }) => o.kind === 'temporary');
    expect(temp).toMatchObject({
      eventDate: '2018-02-12',
      dueOn: '2018-02-24',
      publishedOn: '2018-02-24',
      status: 'onTime',
    });
  });

  it('lists what is overdue or late as of a date', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/environment/disclosure-deadlines/overdue?asOf=2018-12-31',
      cookie: admin,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      dischargerName: string;
      kind: string;
      status: string;
      dueOn: string;
      daysLate: number;
    }>;
    const brief = items.map((i) => [i.dischargerName.slice(0, 6), i.kind, i.status, i.dueOn, i.daysLate]);
    expect(brief).toEqual(
      expect.arrayContaining([
        ['石门县楚江水', 'annual', 'overdue', '2018-03-15', 291], // never published its 2017 report
        ['常德市江北污', 'annual', 'late', '2018-03-15', 11], // published 26 March
        // event Thu 27 Sep: due 9 Oct over the National Day holiday; published 10 Oct
        ['湖南德山纸业', 'temporary', 'late', '2018-10-09', 1],
        // event Tue 20 Nov, nothing published: due Tue 27 Nov
        ['澧县兴澧制革', 'temporary', 'overdue', '2018-11-27', 34],
      ]),
    );
    expect(items).toHaveLength(4);
    const officer = await t.loginAs('officer.wl');
    expect(
      (
        await t.inject({
          method: 'GET',
          url: '/api/v1/environment/disclosure-deadlines/overdue',
          cookie: officer,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('records a temporary report and refuses one published before its event', async () => {
    const id = (await t.inject({ method: 'GET', url: '/api/v1/environment/dischargers?q=沅澧化工' })).json()
      .items[0].id;
    const bad = await t.inject({
      method: 'POST',
      url: `/api/v1/environment/dischargers/${id}/disclosures`,
      cookie: admin,
      payload: { kind: 'temporary', title: 'x', eventDate: '2018-05-10', publishedOn: '2018-05-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('/publishedOn');
    const ok = await t.inject({
      method: 'POST',
      url: `/api/v1/environment/dischargers/${id}/disclosures`,
      cookie: admin,
      payload: {
        kind: 'temporary',
        title: '停产的临时披露',
        eventDate: '2018-05-10',
        publishedOn: '2018-05-11',
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ part: 'temporary', version: 1 });
  });
});

describe('working-day calendar', () => {
  it('has 2018 seeded; the admin edits a year, which moves deadlines', async () => {
    const y2018 = (
      await t.inject({ method: 'GET', url: '/api/v1/working-calendar/2018', cookie: admin })
    ).json();
    expect(y2018).toMatchObject({ configured: true, version: 1 });
    expect(
      y2018.days.filter((d: { kind: string }) => d.kind === 'workday').map((d: { date: string }) => d.date),
    ).toEqual(['2018-02-11', '2018-02-24', '2018-04-08', '2018-04-28', '2018-09-29', '2018-09-30']);
    const bad = await t.inject({
      method: 'PUT',
      url: '/api/v1/working-calendar/2019',
      cookie: admin,
      payload: { version: 0, days: [{ date: '2019-02-04', kind: 'workday', name: '周一' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('/days/0/date');
    const ok = await t.inject({
      method: 'PUT',
      url: '/api/v1/working-calendar/2019',
      cookie: admin,
      payload: { version: 0, days: [{ date: '2019-01-01', kind: 'holiday', name: '元旦' }] },
    });
    expect(ok.json()).toMatchObject({ year: 2019, configured: true, version: 1 });
    const stale = await t.inject({
      method: 'PUT',
      url: '/api/v1/working-calendar/2019',
      cookie: admin,
      payload: { version: 0, days: [] },
    });
    expect(stale.statusCode).toBe(409);
    const editor = await t.loginAs('editor');
    expect(
      (
        await t.inject({
          method: 'PUT',
          url: '/api/v1/working-calendar/2019',
          cookie: editor,
          payload: { version: 1, days: [] },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('incidents', () => {
  it('an editor publishes a release and a follow-up that closes it; the public reads both', async () => {
    const editor = await t.loginAs('editor');
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/environment/incidents',
      cookie: editor,
      payload: {
        title: '测试事件',
        occurredAt: '2018-08-01T10:00',
        county: '武陵区',
        location: '某地',
        level: 'general',
        status: 'responding',
        summary: '概况',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const up = await t.inject({
      method: 'POST',
      url: `/api/v1/environment/incidents/${id}/follow-ups`,
      cookie: editor,
      payload: { content: '处置结束', closes: true },
    });
    expect(up.json()).toMatchObject({ status: 'closed', followUps: [{ content: '处置结束' }] });
    const pub = await t.inject({ method: 'GET', url: `/api/v1/environment/incidents/${id}` });
    expect(pub.json().followUps).toHaveLength(1);
    const future = await t.inject({
      method: 'POST',
      url: '/api/v1/environment/incidents',
      cookie: editor,
      payload: {
        title: 'x',
        occurredAt: '2099-01-01T00:00',
        county: 'x',
        location: 'x',
        level: 'general',
        status: 'responding',
        summary: 'x',
      },
    });
    expect(future.statusCode).toBe(400);
  });
});

describe('open data', () => {
  it('lists the data sets and serves each as JSON and CSV with a checksum and ETag', async () => {
    const list = (await t.inject({ method: 'GET', url: '/api/v1/open-data' })).json();
    expect(list.items.map((d: { name: string }) => d.name)).toEqual([
      'air-stations',
      'air-hourly',
      'air-daily',
      'water-sections',
      'water-readings',
      'dischargers',
      'disclosures',
      'incidents',
    ]);
    for (const d of list.items) {
      for (const url of [d.json, d.csv]) {
        const res = await t.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        const { createHash } = await import('node:crypto');
        expect(res.headers['x-checksum-sha256']).toBe(
          createHash('sha256').update(res.rawPayload).digest('hex'),
        );
        expect(res.headers.etag).toBe(`"${res.headers['x-checksum-sha256']}"`);
        const again = await t.inject({
          method: 'GET',
          url,
          headers: { 'if-none-match': String(res.headers.etag) },
        });
        expect(again.statusCode).toBe(304);
      }
    }
  });

  it('pages with a next link; CSV starts with a BOM and the header row', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/open-data/water-readings.json?pageSize=10&page=2&station=CD-W01',
    });
    expect(res.json()).toMatchObject({ page: 2, pageSize: 10, total: 24 });
    expect(res.json().items).toHaveLength(10);
    expect(res.headers.link).toContain('page=3');
    const csv = await t.inject({ method: 'GET', url: '/api/v1/open-data/air-stations.csv' });
    expect(csv.body.startsWith('\uFEFFcode,name,county,control_level')).toBe(true);
    expect(csv.body).toContain('CD-A01,市监测站,武陵区,national');
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/open-data/air-hourly.json?pageSize=999999' }))
        .statusCode,
    ).toBe(400);
  });
});
