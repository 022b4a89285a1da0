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
    // the part shows the newest annual report (the demo has 2017 and 2022–2025)
    expect(d.parts[0].annualYear).toBe(2025);
    // 2018 is before 部令第24号 (2022-02-08, decision 115): no annual report is owed, and the event of
    // Mon 12 Feb 2018 was to be published within 30 days under 部令第31号
    const annual = d.obligations.filter((o: { kind: string }) => o.kind === 'annual');
    expect(annual[0]).toMatchObject({
      year: 2022,
      dueOn: '2023-03-15',
      publishedOn: '2023-03-03',
      status: 'onTime',
      rule: 'order24',
    });
    expect(annual.every((o: { year: number }) => o.year >= 2022)).toBe(true);
    expect(annual.map((o: { status: string }) => o.status)).not.toContain('overdue');
    const temp = d.obligations.find((o: { kind: string }) => o.kind === 'temporary');
    expect(temp).toMatchObject({
      eventDate: '2018-02-12',
      dueOn: '2018-03-14',
      publishedOn: '2018-02-24',
      status: 'onTime',
      rule: 'order31',
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
    // 2018 came before 部令第24号 (decision 115): no annual report was owed, and a temporary event had
    // 30 calendar days (部令第31号) — only the unit that never published is left
    expect(brief).toEqual([
      // event Tue 20 Nov, nothing published: due Thu 20 Dec
      ['澧县兴澧制革', 'temporary', 'overdue', '2018-12-20', 11],
    ]);
    // today's demo (部令第24号 in force): one report published a week late, one unit missing its latest
    const now = await t.inject({
      method: 'GET',
      url: '/api/v1/environment/disclosure-deadlines/overdue?asOf=2026-12-01',
      cookie: admin,
    });
    const annual = (now.json().items as typeof items)
      .filter((i) => i.kind === 'annual' && i.dischargerName.includes('演示'))
      .map((i) => [i.dischargerName.slice(0, 6), i.status, i.dueOn, i.daysLate]);
    expect(annual).toEqual([
      ['石门县楚江水', 'overdue', '2026-03-15', 261],
      ['常德市江北污', 'late', '2024-03-15', 7],
    ]);
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
    // Chinese headers with the English code (issue 11 item 7)
    expect(csv.body.startsWith('\uFEFF站点编码(code),站点名称(name),区县(county)')).toBe(true);
    expect(csv.body).toContain('CD-A01,市监测站,武陵区,national');
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/open-data/air-hourly.json?pageSize=999999' }))
        .statusCode,
    ).toBe(400);
  });

  it('filters every data set by days (both ends included) and readings by their site, the same way', async () => {
    const TIME = {
      'air-hourly': 'hour_at',
      'air-daily': 'date',
      'water-readings': 'sampled_on',
      disclosures: 'published_on',
      incidents: 'occurred_at',
    };
    const SITE: Record<string, string> = {
      'air-hourly': 'station_code',
      'air-daily': 'station_code',
      'water-readings': 'section_code',
    };
    const total = async (name: string, query: string) =>
      (await t.inject({ method: 'GET', url: `/api/v1/open-data/${name}.json?pageSize=1&${query}` })).json()
        .total;
    const filtered: string[] = [];
    for (const [name, column] of Object.entries(TIME)) {
      const all: Array<Record<string, string | null>> = JSON.parse(
        (await t.inject({ method: 'GET', url: `/api/v1/open-data/${name}/all.json` })).body,
      ).items;
      const day = (r: Record<string, string | null>) => r[column]?.slice(0, 10) ?? '';
      const days = [...new Set(all.map(day))].filter(Boolean).sort();
      if (!days.length) continue; // this file's data has no rows of the set
      filtered.push(name);
      const [from, to] = [days[Math.floor(days.length / 3)]!, days[Math.floor((2 * days.length) / 3)]!];
      const within = all.filter((r) => day(r) >= from && day(r) <= to);
      expect(await total(name, `from=${from}&to=${to}`), name).toBe(within.length);
      const site = SITE[name];
      if (site) {
        const code = all[0]![site]!;
        const inRange = within.filter((r) => r[site] === code).length;
        expect(await total(name, `from=${from}&to=${to}&station=${code}`), name).toBe(inRange);
      }
    }
    expect(filtered).toEqual(['water-readings', 'disclosures', 'incidents']);
  });
});
