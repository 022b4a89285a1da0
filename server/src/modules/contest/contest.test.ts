// The creativity contest end to end on a real database (both): deadlines, schools scoped by county,
// automatic assignment that never gives a judge their own school or county (and says when there are too
// few judges), blind sheets, the rubric's ranges, aggregation, the award proposal, leadership's approval
// that locks it, and block B's award facts explained down to the work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../test/multipart.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let today = '2018-04-01';
const c: Record<string, string> = {};
const unit: Record<string, number> = {};
let contestId = 0;
const works: Record<string, number> = {};
const schools: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ demo: true, services: { today: () => today } });
  for (const u of ['admin', 'officer.wl', 'deputy.wl', 'leader', 'reviewer'] as const)
    c[u] = await t.loginAs(u);
  for (const code of ['CD-WL', 'CD-LX', 'CD-DC', 'CD-AX']) unit[code] = await t.unitId(code);
}, 60_000);
afterAll(() => t.close());

const post = (url: string, who: string, payload?: object) =>
  t.inject({ method: 'POST', url, cookie: c[who], payload: payload ?? {} });

describe('the contest', () => {
  it('the organiser creates the year’s contest; the deadlines must come in order', async () => {
    const input = {
      year: 2018,
      title: '常德市中小学环保创意大赛',
      theme: '塑战速决',
      categories: [
        { code: 'handicraft', name: '手工制作' },
        { code: 'painting', name: '绘画' },
      ],
      ageGroups: [
        { code: 'primary', name: '小学组' },
        { code: 'secondary', name: '中学组' },
      ],
      rubric: [
        { code: 'theme', name: '主题契合', weight: 40, min: 0, max: 10 },
        { code: 'craft', name: '制作工艺', weight: 60, min: 0, max: 10 },
      ],
      quotas: { first: 1, second: 1, third: 1, excellence: 1 },
      judgesPerWork: 3,
      entriesCloseOn: '2018-05-10',
      judgingCloseOn: '2018-05-25',
      galaOn: '2018-06-05',
    };
    expect((await post('/api/v1/contests', 'admin', { ...input, galaOn: '2018-05-01' })).statusCode).toBe(
      400,
    );
    const res = await post('/api/v1/contests', 'admin', input);
    expect(res.statusCode).toBe(201);
    contestId = res.json().id;
    expect(res.json()).toMatchObject({ state: 'open', theme: '塑战速决' });
    expect((await post('/api/v1/contests', 'admin', input)).statusCode).toBe(409);
  });

  it('schools register by county (an officer only in their own) and enter works', async () => {
    const school = (name: string, county: string) => ({
      name,
      countyUnitId: unit[county],
      contactTeacher: '李老师',
      namesConsent: name.includes('一'),
    });
    const own = await post(
      `/api/v1/contests/${contestId}/schools`,
      'officer.wl',
      school('武陵区第一小学', 'CD-WL'),
    );
    expect(own.statusCode).toBe(201);
    schools.WL = own.json().id;
    expect(
      (await post(`/api/v1/contests/${contestId}/schools`, 'officer.wl', school('澧县实验小学', 'CD-LX')))
        .statusCode,
    ).toBe(404);
    for (const [k, name, county] of [
      ['LX', '澧县实验小学', 'CD-LX'],
      ['DC', '鼎城区二小', 'CD-DC'],
      ['AX', '安乡县三小', 'CD-AX'],
    ] as const)
      schools[k] = (
        await post(`/api/v1/contests/${contestId}/schools`, 'admin', school(name, county))
      ).json().id;
    for (const k of ['WL', 'LX', 'DC', 'AX']) {
      const w = await post(`/api/v1/contests/${contestId}/works`, k === 'WL' ? 'officer.wl' : 'admin', {
        schoolId: schools[k],
        category: 'handicraft',
        ageGroup: 'primary',
        title: `塑料瓶的新生（${k}）`,
        students: `学生甲${k}、学生乙${k}`,
        teacher: `指导老师${k}`,
      });
      expect(w.statusCode).toBe(201);
      works[k] = w.json().id;
    }
    const wl = (
      await t.inject({ url: `/api/v1/contests/${contestId}/works`, cookie: c['officer.wl'] })
    ).json().items;
    expect(wl.map((w: { code: string }) => w.code)).toEqual(['2018-A-001']);
    const bad = await post(`/api/v1/contests/${contestId}/works`, 'admin', {
      schoolId: schools.LX,
      category: 'sculpture',
      ageGroup: 'primary',
      title: 'x',
      students: 'y',
    });
    expect(bad.json().fields[0].field).toBe('/category');
  });

  it('a work’s photos are kept: read back by the organiser, the county officer and (blind) the judge', async () => {
    const { sharp } = await import('../../lazy-packages.ts');
    const png = await sharp()({ create: { width: 12, height: 8, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    const url = `/api/v1/contests/${contestId}/works/${works.WL}/photos`;
    for (const name of ['front.png', 'back.png']) {
      const up = await t.inject({
        method: 'POST',
        url,
        cookie: c['officer.wl'],
        ...multipartFile('files', name, png, 'image/png'),
      });
      expect(up.statusCode).toBe(201);
    }
    const read = async (who: string) =>
      (await t.inject({ url: `/api/v1/contests/${contestId}/works`, cookie: c[who] }))
        .json()
        .items.find((w: { id: number }) => w.id === works.WL);
    for (const who of ['officer.wl', 'admin']) {
      const w = await read(who);
      expect(w.photos.map((p: { fileName: string }) => p.fileName)).toEqual(['front.png', 'back.png']);
      const img = await t.inject({ url: w.photos[1].url, cookie: c[who] });
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/png');
      expect(img.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    }
    // another school's work gets none of them
    const lx = (await t.inject({ url: `/api/v1/contests/${contestId}/works`, cookie: c.admin }))
      .json()
      .items.find((w: { id: number }) => w.id === works.LX);
    expect(lx.photos).toEqual([]);
  });

  it('a late entry is refused with the deadline', async () => {
    today = '2018-05-11';
    const late = await post(`/api/v1/contests/${contestId}/works`, 'admin', {
      schoolId: schools.LX,
      category: 'painting',
      ageGroup: 'primary',
      title: '迟到',
      students: '某某',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('2018-05-10');
  });

  it('assignment never gives a judge their own school or county, and says when judges are too few', async () => {
    const judge = async (who: string, o: object = {}) =>
      post(`/api/v1/contests/${contestId}/judges`, 'admin', { personId: await t.personId(who), ...o });
    await judge('reviewer');
    await judge('leader');
    await judge('deputy.wl', { countyUnitId: unit['CD-WL'] });
    await judge('officer.wl', { schoolId: schools.WL, countyUnitId: unit['CD-WL'] });
    const short = await post(`/api/v1/contests/${contestId}/assign`, 'admin');
    expect(short.statusCode).toBe(422);
    expect(short.json().fields[0].message).toContain('2018-A-001');
    await judge('admin');
    today = '2018-05-05'; // before the entry deadline
    const ok = await post(`/api/v1/contests/${contestId}/assign`, 'admin');
    expect(ok.json()).toEqual({ added: 12, sheets: 12 });
    // a work with its judges does not change under them, even before the deadline — and says why
    const { sharp } = await import('../../lazy-packages.ts');
    const png = await sharp()({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const photo = await t.inject({
      method: 'POST',
      url: `/api/v1/contests/${contestId}/works/${works.WL}/photos`,
      cookie: c['officer.wl'],
      ...multipartFile('files', 'late.png', png, 'image/png'),
    });
    expect(photo.statusCode).toBe(409);
    expect(photo.json().message).toMatch(/已分配评委评审，照片不能再更改/);
    const listed = (await t.inject({ url: `/api/v1/contests/${contestId}/works`, cookie: c.admin })).json();
    expect(listed.items.find((w: { id: number }) => w.id === works.WL)).toMatchObject({ judges: 3 });
    today = '2018-05-11';
    for (const who of ['deputy.wl', 'officer.wl']) {
      const mine = (await t.inject({ url: '/api/v1/contest-sheets', cookie: c[who] })).json().items;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.some((s: { title: string }) => s.title.includes('WL'))).toBe(false);
    }
  });

  it('sheets are blind and scored inside the rubric', async () => {
    const body = (await t.inject({ url: '/api/v1/contest-sheets', cookie: c.reviewer })).body;
    for (const secret of ['武陵区第一小学', '澧县', '学生甲', '指导老师', 'countyUnitId', 'schoolId'])
      expect(body).not.toContain(secret);
    const sheet = JSON.parse(body).items[0];
    const out = await t.inject({
      method: 'PUT',
      url: `/api/v1/contest-sheets/${sheet.sheetId}`,
      cookie: c.reviewer,
      payload: { scores: { theme: 11, craft: 5 } },
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().fields[0].field).toBe('/scores/theme');
    const other = (await t.inject({ url: '/api/v1/contest-sheets', cookie: c.leader })).json().items[0];
    const notMine = await t.inject({
      method: 'PUT',
      url: `/api/v1/contest-sheets/${other.sheetId}`,
      cookie: c.reviewer,
      payload: { scores: { theme: 5, craft: 5 } },
    });
    expect(notMine.statusCode).toBe(404);
    // the judge sees the work's photos (blind: no file names) and can open them
    const withPhotos = (await t.inject({ url: '/api/v1/contest-sheets', cookie: c.admin }))
      .json()
      .items.find((s: { title: string }) => s.title.includes('WL'));
    expect(withPhotos.photos).toHaveLength(2);
    expect(JSON.stringify(withPhotos.photos)).not.toContain('front.png');
    const img = await t.inject({ url: withPhotos.photos[0].url, cookie: c.admin });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('awards wait for every sheet; then proposed, approved by leadership, locked, and counted in block B', async () => {
    expect((await post(`/api/v1/contests/${contestId}/propose`, 'admin')).statusCode).toBe(409);
    const base: Record<string, number> = { WL: 9, LX: 8, DC: 7, AX: 6 };
    for (const who of ['reviewer', 'leader', 'deputy.wl', 'officer.wl', 'admin']) {
      for (const s of (await t.inject({ url: '/api/v1/contest-sheets', cookie: c[who] })).json().items) {
        const k = /（(\w+)）/.exec(s.title)![1]!;
        const r = await t.inject({
          method: 'PUT',
          url: `/api/v1/contest-sheets/${s.sheetId}`,
          cookie: c[who],
          payload: { scores: { theme: base[k], craft: base[k] }, judgeNote: '仅评委可见' },
        });
        expect(r.statusCode).toBe(200);
        expect(r.json().total).toBe(base[k]! * 10);
      }
    }
    expect((await post(`/api/v1/contests/${contestId}/approve`, 'leader')).statusCode).toBe(409);
    const proposed = await post(`/api/v1/contests/${contestId}/propose`, 'admin');
    expect(proposed.statusCode).toBe(200);
    const rows = proposed.json().groups[0].works;
    expect(
      rows.map((w: { schoolName: string; award: string; score: number }) => [w.schoolName, w.award, w.score]),
    ).toEqual([
      ['武陵区第一小学', 'first', 90],
      ['澧县实验小学', 'second', 80],
      ['鼎城区二小', 'third', 70],
      ['安乡县三小', 'excellence', 60],
    ]);
    expect(JSON.stringify(proposed.json())).not.toContain('仅评委可见');
    // a certificate waits for leadership's approval: a proposed award may still change
    const certificate = (who: string) =>
      t.inject({ url: `/api/v1/contests/${contestId}/works/${works.WL}/certificate.docx`, cookie: c[who] });
    const early = await certificate('admin');
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('审定锁定后才能生成获奖证书');
    expect((await post(`/api/v1/contests/${contestId}/approve`, 'admin')).statusCode).toBe(403);
    expect((await post(`/api/v1/contests/${contestId}/approve`, 'leader')).statusCode).toBe(200);
    const again = await post(`/api/v1/contests/${contestId}/approve`, 'leader');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('锁定');
    expect((await post(`/api/v1/contests/${contestId}/propose`, 'admin')).statusCode).toBe(409);
    // locked: one Word certificate per award, from the one Word builder; not for a county officer
    const cert = await certificate('leader');
    expect(cert.statusCode).toBe(200);
    expect(cert.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(cert.headers['content-disposition']))).toContain(
      '荣誉证书-2018-A-001.docx',
    );
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(cert.rawPayload)).file('word/document.xml')!.async('string');
    const words = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const part of ['荣 誉 证 书', '武陵区第一小学', '一等奖', '塑战速决', '特发此证', '2018年6月5日'])
      expect(words).toContain(part);
    expect(xml).toContain('w:orient="landscape"');
    expect((await certificate('officer.wl')).statusCode).toBe(403);

    today = '2018-06-30'; // the awards count on the gala's day
    const planId = (await t.inject({ url: '/api/v1/assessment/plans', cookie: c.admin })).json().items[0].id;
    const e = (
      await t.inject({
        url: `/api/v1/assessment/plans/${planId}/units/${unit['CD-WL']}/score`,
        cookie: c.admin,
      })
    ).json();
    const items = e.blocks.flatMap(
      (b: { items: Array<{ code: string; lines: Array<{ zh: string; points: number }> }> }) => b.items,
    );
    const b3 = items.find((i: { code: string }) => i.code === 'B3');
    expect(
      b3.lines.some(
        (l: { zh: string; points: number }) => l.zh.includes('塑料瓶的新生（WL）') && l.points === 5,
      ),
    ).toBe(true);
    const b2 = items.find((i: { code: string }) => i.code === 'B2');
    expect(b2.lines.some((l: { zh: string }) => l.zh.includes('武陵区第一小学'))).toBe(true);
  });

  it('the public gallery shows the winners, students’ names only with the school’s consent', async () => {
    const page = await t.inject({ url: '/contest' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('塑料瓶的新生（WL）');
    expect(page.body).toContain('学生甲WL'); // 武陵区第一小学 consented
    expect(page.body).not.toContain('学生甲LX');
    expect(page.body).not.toContain('指导老师');
    expect((await t.inject({ url: '/contest/photos/999999' })).statusCode).toBe(404);
    const photo = /src="(\/contest\/photos\/\d+)"/.exec(page.body)?.[1];
    expect(photo).toBeDefined();
    const img = await t.inject({ url: photo! });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await t.inject({ url: '/' })).body).toContain('href="/contest"');
  });

  it('judging after its deadline is refused', async () => {
    today = '2018-05-26';
    const s = (await t.inject({ url: '/api/v1/contest-sheets', cookie: c.reviewer })).json().items[0];
    expect(s.open).toBe(false);
    const r = await t.inject({
      method: 'PUT',
      url: `/api/v1/contest-sheets/${s.sheetId}`,
      cookie: c.reviewer,
      payload: { scores: { theme: 1, craft: 1 } },
    });
    expect(r.statusCode).toBe(409);
  });
});
