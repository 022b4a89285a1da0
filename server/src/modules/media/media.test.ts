// The new-media matrix end to end on a real database: registry (scope, history, http(s)-only links, QR),
// metrics imports refused row by row or taken whole, the board, the WCI ranking, Excel round trip, and
// block C scored from the registry and metrics (docs/new-media.md).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMediaDemo } from '../../demo/media-demo.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let officer: string;
const unit: Record<string, number> = {};

function multipart(name: string, content: Buffer | string, type = 'text/csv') {
  const boundary = '----gvmedia';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp({ demo: true, services: { today: () => '2018-12-31' } });
  await seedMediaDemo(t.database.db, {
    facts: t.services.mediaFacts,
    scores: t.services.handOff,
    today: () => '2018-12-31',
  });
  admin = await t.loginAs('admin');
  officer = await t.loginAs('officer.wl');
  for (const u of await t.database.db.selectFrom('units').select(['id', 'code']).execute())
    unit[u.code] = u.id;
}, 60_000);
afterAll(() => t.close());

const account = (o: Record<string, unknown> = {}) => ({
  unitId: unit['CD-WL'],
  platform: 'douyin',
  name: '武陵环保抖音',
  platformId: `wl-douyin-${Math.random().toString(36).slice(2, 8)}`,
  openedOn: '2018-11-01',
  filing: 'filed',
  functions: { messages: 'working', autoReply: 'absent', menu: 'absent' },
  link: 'https://www.douyin.com/user/wl',
  state: 'active',
  ...o,
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('account registry', () => {
  it('an officer registers an account of their own unit; history and audit record it; the QR code is SVG', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/media/accounts',
      cookie: officer,
      payload: account(),
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    const upd = await t.inject({
      method: 'PATCH',
      url: `/api/v1/media/accounts/${a.id}`,
      cookie: officer,
      payload: {
        version: a.version,
        operator: '张三',
        filing: 'pending',
        functions: { messages: 'working', autoReply: 'broken', menu: 'absent' },
      },
    });
    expect(upd.json().operator).toBe('张三');
    const hist = (await t.inject({ url: `/api/v1/media/accounts/${a.id}/history`, cookie: officer })).json();
    expect(hist.items.map((h: { change: string }) => h.change)).toEqual(['updated', 'created']);
    expect(hist.items[0].changes.operator).toEqual([null, '张三']);
    // in words: the field's label, the values' labels, in the registry's order
    expect(hist.items[0].lines).toEqual([
      {
        field: 'operator',
        label: { zh: '运营人员', en: 'Operator' },
        before: null,
        after: { zh: '张三', en: '张三' },
      },
      {
        field: 'filing',
        label: { zh: '备案状态', en: 'Filing' },
        before: { zh: '已备案', en: 'Filed' },
        after: { zh: '备案中', en: 'Filing pending' },
      },
      {
        field: 'fn_auto_reply',
        label: { zh: '互动功能 · 自动回复', en: 'Auto-reply' },
        before: { zh: '未开通', en: 'Not offered' },
        after: { zh: '失效', en: 'Not working' },
      },
    ]);
    const created = hist.items[1].lines as { field: string; after: { zh: string } | null }[];
    expect(created.find((l) => l.field === 'unit_id')?.after?.zh).toBe('武陵区环境保护局');
    expect(created.find((l) => l.field === 'platform')?.after?.zh).toBe('抖音');
    const qr = await t.inject({ url: `/api/v1/media/accounts/${a.id}/qr.svg`, cookie: officer });
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toMatch(/^<svg [^>]*role="img"/);
    expect(qr.body).toContain('<title>武陵环保抖音');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'mediaAccount')
      .execute();
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['media.account.create', 'media.account.update']),
    );
  });

  it.each([
    ['javascript:alert(1)', 400],
    ['ftp://example.org/x', 400],
    ['weixin://dl/chat', 400],
  ])('refuses a link that is not http(s): %s', async (link, code) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/media/accounts',
      cookie: officer,
      payload: account({ link }),
    });
    expect(res.statusCode).toBe(code);
    expect(res.json().fields[0].field).toBe('/link');
  });

  it('an officer cannot register for, or see, another unit; the same platform id twice is refused', async () => {
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/media/accounts',
          cookie: officer,
          payload: account({ unitId: unit['CD-DC'] }),
        })
      ).statusCode,
    ).toBe(404);
    const list = (await t.inject({ url: '/api/v1/media/accounts?pageSize=100', cookie: officer })).json();
    expect(new Set(list.items.map((a: { unitId: number }) => a.unitId))).toEqual(new Set([unit['CD-WL']]));
    const other = (
      await t.inject({ url: `/api/v1/media/accounts?unitId=${unit['CD-DC']}`, cookie: admin })
    ).json().items[0];
    expect((await t.inject({ url: `/api/v1/media/accounts/${other.id}`, cookie: officer })).statusCode).toBe(
      404,
    );
    const dup = await t.inject({
      method: 'POST',
      url: '/api/v1/media/accounts',
      cookie: admin,
      payload: account({ platform: other.platform, platformId: other.platformId }),
    });
    expect(dup.statusCode).toBe(409);
  });

  it('a unit holding an account cannot be deleted (units.isReferenced counts the registry)', async () => {
    const parentId = unit['CDHB']!;
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/units',
      cookie: admin,
      payload: { code: 'CD-MEDIA-T', name: '媒体测试科', kind: 'department', parentId },
    });
    expect(created.statusCode).toBe(201);
    const unitId = (created.json() as { id: number }).id;
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/media/accounts',
      cookie: admin,
      payload: account({ unitId }),
    });
    expect(res.statusCode).toBe(201);
    const del = await t.inject({ method: 'DELETE', url: `/api/v1/units/${unitId}`, cookie: admin });
    expect(del.statusCode).toBe(422);
    expect(del.json().message).toContain('新媒体');
  });

  it('a stopped state needs its date; future dates are refused', async () => {
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/media/accounts',
          cookie: admin,
          payload: account({ state: 'stopped' }),
        })
      ).json().fields[0].field,
    ).toBe('/stoppedOn');
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/media/accounts',
          cookie: admin,
          payload: account({ openedOn: '2019-01-02' }),
        })
      ).json().fields[0].field,
    ).toBe('/openedOn');
  });

  it('Excel: export, and an import with a bad row imports nothing and names row and column', async () => {
    const x = await t.inject({ url: '/api/v1/media/accounts.xlsx', cookie: admin });
    expect(x.statusCode).toBe(200);
    const csv = [
      '单位,平台,账号名称,平台账号ID,备案状态,状态,链接',
      '武陵区环境保护局,微博,武陵新号,wl-new-1,已备案,运营中,https://weibo.com/u/1',
      '鼎城区环境保护局,快手,鼎城快手,dc-ks,已备案,运营中,',
      '武陵区环境保护局,抖音,坏链接,wl-bad,已备案,运营中,javascript:x',
    ].join('\n');
    const bad = await t.inject({
      method: 'POST',
      url: '/api/v1/media/accounts/import',
      cookie: admin,
      ...multipart('a.csv', csv),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['3/平台', '4/链接']);
    expect((await t.inject({ url: '/api/v1/media/accounts?q=wl-new-1', cookie: admin })).json().total).toBe(
      0,
    );
    const good = await t.inject({
      method: 'POST',
      url: '/api/v1/media/accounts/import',
      cookie: admin,
      ...multipart('a.csv', csv.split('\n').slice(0, 2).join('\n')),
    });
    expect(good.json()).toEqual({ created: 1, updated: 0 });
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/media/accounts/import',
      cookie: admin,
      ...multipart('a.csv', csv.split('\n').slice(0, 2).join('\n').replace('武陵新号', '武陵新号2')),
    });
    expect(again.json()).toEqual({ created: 0, updated: 1 });
  });

  it('Excel round trip: the exported workbook imports back unchanged; an edited cell updates its account', async () => {
    const x = await t.inject({ url: '/api/v1/media/accounts.xlsx', cookie: admin });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['单位', '平台', '账号名称', '平台账号ID', '链接', '注销日期']),
    );
    const total = (await t.inject({ url: '/api/v1/media/accounts?pageSize=1', cookie: admin })).json().total;
    expect(sheet.rowCount - 1).toBe(total);
    const upload = async (file: Buffer) =>
      t.inject({
        method: 'POST',
        url: '/api/v1/media/accounts/import',
        cookie: admin,
        ...multipart('台账.xlsx', file, XLSX),
      });
    // every cell reads back as what was exported: no account changes, none is created
    expect((await upload(x.rawPayload)).json()).toEqual({ created: 0, updated: 0 });
    const operator = header.indexOf('运营人员') + 1;
    sheet.getRow(2).getCell(operator).value = '李四（导入）';
    const edited = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(edited.json()).toEqual({ created: 0, updated: 1 });
    const name = String(sheet.getRow(2).getCell(header.indexOf('账号名称') + 1).value);
    const found = (
      await t.inject({ url: `/api/v1/media/accounts?q=${encodeURIComponent(name)}`, cookie: admin })
    ).json().items[0];
    expect(found.operator).toBe('李四（导入）');
    const hist = (
      await t.inject({ url: `/api/v1/media/accounts/${found.id}/history`, cookie: admin })
    ).json();
    expect(hist.items[0]).toMatchObject({ change: 'imported' });
  });
});

describe('metrics', () => {
  const register = async (o: Record<string, unknown>): Promise<number> =>
    (
      await t.inject({ method: 'POST', url: '/api/v1/media/accounts', cookie: admin, payload: account(o) })
    ).json().id;
  let id: number;
  beforeAll(async () => {
    id = await register({ platform: 'wechatOfficial', name: '武陵测试号', openedOn: '2018-11-01' });
  });

  it.each([
    ['unknown column', '日期,群发篇数,打赏\n2018-11-02,1,3', ['header/打赏']],
    ['duplicate date', '日期,群发篇数\n2018-11-02,1\n2018-11-02,2', ['3/日期']],
    ['negative followers', '日期,群发篇数,累积关注人数\n2018-11-02,1,-5', ['2/累积关注人数']],
    ['future date', '日期,群发篇数\n2019-01-01,1', ['2/日期']],
  ])('refuses %s with a row-exact report and imports nothing', async (_l, csv, fields) => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/media/accounts/${id}/metrics/import`,
      cookie: admin,
      ...multipart('wechat.csv', csv),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(fields);
    expect(
      (await t.inject({ url: `/api/v1/media/accounts/${id}/metrics`, cookie: admin })).json().rows,
    ).toEqual([]);
  });

  it('reads a Weibo export as an Excel workbook; a bad cell in it imports nothing', async () => {
    const weibo = await register({ platform: 'weibo', name: '武陵测试微博', openedOn: '2018-10-01' });
    const book = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('数据');
      ws.addRow('日期,发博数,阅读数,转发数,点赞数,新增粉丝数,减少粉丝数,粉丝总数'.split(','));
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = async (file: Buffer) =>
      t.inject({
        method: 'POST',
        url: `/api/v1/media/accounts/${weibo}/metrics/import`,
        cookie: admin,
        ...multipart('weibo.xlsx', file, XLSX),
      });
    const bad = await upload(
      await book([
        ['2018-10-02', 2, 800, 5, 40, 6, 1, 300],
        ['2018-10-03', 1, 500, 2, 20, 2, 4, -1],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['3/粉丝总数']);
    expect(
      (await t.inject({ url: `/api/v1/media/accounts/${weibo}/metrics`, cookie: admin })).json().rows,
    ).toEqual([]);
    const good = await upload(
      await book([
        ['2018-10-02', 2, 800, 5, 40, 6, 1, 300],
        ['2018-10-03', 1, 500, 2, 20, 2, 4, 298],
      ]),
    );
    expect(good.json()).toEqual({ imported: 2, from: '2018-10-02', to: '2018-10-03', period: 'day' });
    const rows = (await t.inject({ url: `/api/v1/media/accounts/${weibo}/metrics`, cookie: admin })).json()
      .rows;
    expect(
      rows.map((r: { followersNet: number; zaikan: number | null }) => [r.followersNet, r.zaikan]),
    ).toEqual([
      [5, null],
      [-2, null],
    ]);
  });

  it('imports a WeChat export, enters a day by hand, and the month has a WCI', async () => {
    const csv =
      '日期,群发篇数,头条篇数,阅读次数,在看次数,点赞次数,分享次数,新关注人数,取消关注人数,累积关注人数\n2018-11-02,2,1,1000,10,20,30,12,2,110\n2018-11-03,0,0,50,0,1,0,3,1,112';
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/media/accounts/${id}/metrics/import`,
      cookie: admin,
      ...multipart('wechat.csv', csv),
    });
    expect(res.json()).toEqual({ imported: 2, from: '2018-11-02', to: '2018-11-03', period: 'day' });
    const put = await t.inject({
      method: 'PUT',
      url: `/api/v1/media/accounts/${id}/metrics`,
      cookie: admin,
      payload: { period: 'day', start: '2018-11-04', posts: 1, reads: 300 },
    });
    expect(put.statusCode).toBe(200);
    const m = put.json();
    expect(m.rows).toHaveLength(3);
    expect(m.months[0]).toMatchObject({
      month: '2018-11',
      posts: 3,
      reads: 1350,
      followersTotal: 112,
      wciPartial: true,
    });
    expect(m.months[0].wci).toBeGreaterThan(0);
    const neg = await t.inject({
      method: 'PUT',
      url: `/api/v1/media/accounts/${id}/metrics`,
      cookie: admin,
      payload: { period: 'day', start: '2018-11-05', posts: 1, followersTotal: -1 },
    });
    expect(neg.statusCode).toBe(400);
  });
});

describe('board, ranking and block C', () => {
  it('the board shows who opened on time and who went silent', async () => {
    const b = (await t.inject({ url: '/api/v1/media/board', cookie: admin })).json();
    expect(b.year).toBe(2018);
    expect(b.deadline.due).toBe('2018-06-30');
    const by = Object.fromEntries(
      b.opening.map((o: { unitId: number; status: string }) => [o.unitId, o.status]),
    );
    expect(by[unit['CD-WL']!]).toBe('onTime');
    expect(by[unit['CD-LX']!]).toBe('late');
    expect(by[unit['CD-THY']!]).toBe('missing');
    const flags = Object.fromEntries(
      b.flagged.map((a: { name: string; flags: string[] }) => [a.name, a.flags]),
    );
    expect(flags['津市环保（演示）']).toContain('silent');
    expect(flags['安乡环保发布（演示）']).toContain('silent');
    expect(flags['汉寿环保抖音（演示）']).toContain('stoppedNotDeregistered');
    expect(flags['西湖环保（演示）']).toContain('noWorkingInteraction');
    expect(flags['武陵环保（演示）']).toBeUndefined();
  });

  it('editing the C2 rule through the rules route moves the board’s deadline, and the score agrees', async () => {
    const planId = (await t.inject({ url: '/api/v1/assessment/plans', cookie: admin }))
      .json()
      .items.find((p: { year: number }) => p.year === 2018).id;
    const plan = (await t.inject({ url: `/api/v1/assessment/plans/${planId}`, cookie: admin })).json();
    type Item = { code: string; rule: { due?: string } };
    const c2Of = (doc: { blocks: Array<{ items: Item[] }> }) =>
      doc.blocks.flatMap((b) => b.items).find((i) => i.code === 'C2')!;
    expect(c2Of(plan.document).rule.due).toBe('2018-06-30');
    const board = async () => {
      const b = (await t.inject({ url: '/api/v1/media/board?year=2018', cookie: admin })).json();
      const lx = b.opening.find((o: { unitId: number }) => o.unitId === unit['CD-LX']);
      return { due: b.deadline.due, lx: lx.status };
    };
    const c2Points = async () => {
      const e = (
        await t.inject({
          url: `/api/v1/assessment/plans/${planId}/units/${unit['CD-LX']}/score`,
          cookie: admin,
        })
      ).json();
      const items = e.blocks.flatMap((b: { items: Array<{ code: string; points: number }> }) => b.items);
      return items.find((i: { code: string }) => i.code === 'C2').points;
    };
    expect(await board()).toMatchObject({ due: '2018-06-30', lx: 'late' }); // 澧县 opened on 15 July
    expect(await c2Points()).toBe(2);

    const save = async (version: number, document: unknown, note: string) => {
      const res = await t.inject({
        method: 'PUT',
        url: `/api/v1/assessment/plans/${planId}/rules`,
        cookie: admin,
        payload: { version, document, note },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const moved = structuredClone(plan.document);
    c2Of(moved).rule.due = '2018-07-31';
    const saved = await save(plan.version, moved, '开通期限延至7月31日');
    expect(await board()).toMatchObject({ due: '2018-07-31', lx: 'onTime' });
    expect(await c2Points()).toBe(5);

    // back to the plan's own rule: the board follows again (later tests read the 30 June deadline)
    await save(saved.version, plan.document, '恢复6月30日');
    expect(await board()).toMatchObject({ due: '2018-06-30', lx: 'late' });
    expect(await c2Points()).toBe(2);
  });

  it('the monthly WCI ranking: V14.2, ranked, no index for accounts without an article', async () => {
    const r = (await t.inject({ url: '/api/v1/media/wci?month=2018-11', cookie: admin })).json();
    expect(r.version).toBe('V14.2');
    expect(r.items[0].accountName).toBe('常德环境（演示）');
    expect(r.items.map((i: { wci: number }) => i.wci)).toEqual(
      [...r.items.map((i: { wci: number }) => i.wci)].sort((a: number, b: number) => b - a),
    );
    expect(r.noIndex.map((i: { accountName: string }) => i.accountName)).toContain('津市环保（演示）');
    expect((await t.inject({ url: '/api/v1/media/wci?month=2018-13', cookie: admin })).statusCode).toBe(400);
  });

  it('a unit’s accounts month by month (the unit chart’s data), only within the reader’s scope', async () => {
    const url = (code: string) => `/api/v1/media/units/${unit[code]}/monthly?year=2018`;
    const dc = (await t.inject({ url: url('CD-DC'), cookie: admin })).json();
    expect(dc.unitName).toBe('鼎城区环境保护局');
    expect(dc.accounts.map((a: { name: string }) => a.name).sort()).toEqual(
      ['鼎城环保（演示）', '鼎城生态（演示）'].sort(),
    );
    const wechat = dc.accounts.find((a: { platform: string }) => a.platform === 'wechatOfficial');
    expect(wechat.months.map((m: { month: string }) => m.month)).toContain('2018-12');
    expect(wechat.months.every((m: { reads: number }) => m.reads > 0)).toBe(true);
    expect((await t.inject({ url: url('CD-DC'), cookie: officer })).statusCode).toBe(404);
  });

  it('block C comes from the registry and metrics, explained down to the account and month', async () => {
    const planId = (await t.inject({ url: '/api/v1/assessment/plans', cookie: admin })).json().items[0].id;
    type L = { itemCode: string; points: number; zh: string };
    const lines = async (code: string): Promise<L[]> => {
      const e = (
        await t.inject({ url: `/api/v1/assessment/plans/${planId}/units/${unit[code]}/score`, cookie: admin })
      ).json();
      return e.blocks.flatMap((b: { items: Array<{ code: string; lines: L[] }> }) =>
        b.items.flatMap((i) => i.lines.map((l) => ({ ...l, itemCode: i.code }))),
      );
    };
    const lx = await lines('CD-LX');
    expect(lx.find((l) => l.itemCode === 'C2')).toMatchObject({ points: 2 });
    expect(lx.find((l) => l.itemCode === 'C2')!.zh).toContain('澧县环保（演示）');
    const js = await lines('CD-JS');
    const c4 = js.filter((l) => l.itemCode === 'C4');
    expect(c4.some((l) => l.zh.includes('津市环保（演示）') && l.points === -0.5)).toBe(true);
    const c3 = js.filter((l) => l.itemCode === 'C3');
    expect(c3.at(-1)!.zh).toMatch(/月末微信公众号粉丝/);
  });
});

describe('the demo’s commentator tasks', () => {
  it('the centre’s two 2018 tasks, each completed by some of the team and not all', async () => {
    const tasks = (
      await t.inject({ url: '/api/v1/media/commentator-tasks?year=2018', cookie: admin })
    ).json();
    expect(tasks.items.map((x: { title: string }) => x.title)).toEqual([
      '中央环保督察“回头看”整改进展',
      '六五环境日：评论《常德市2017年环境状况公报》',
    ]);
    for (const x of tasks.items as Array<{ done: number; assigned: number }>) {
      expect(x.done).toBeGreaterThan(0);
      expect(x.done).toBeLessThan(x.assigned);
    }
  });
});

describe('reminders and to-dos', () => {
  it('tells the unit and the information centre about silent and broken accounts, once', async () => {
    const first = await t.services.notifications.runReminders('2018-12-31');
    expect(first['media.accounts']).toBeGreaterThan(0);
    const again = await t.services.notifications.runReminders('2018-12-31');
    expect(again['media.accounts']).toBe(0);
    const inbox = (await t.inject({ url: '/api/v1/notifications', cookie: admin })).json();
    const titles = JSON.stringify(inbox);
    expect(titles).toContain('津市环保（演示）');
    const todos = (await t.inject({ url: '/api/v1/todos', cookie: admin })).json();
    expect(JSON.stringify(todos)).toContain('media.flagged');
    // the unit hears it too: 武陵测试号 (the metrics test's) posted last on 2018-11-04
    const unitInbox = JSON.stringify(
      (await t.inject({ url: '/api/v1/notifications', cookie: officer })).json(),
    );
    expect(unitInbox).toContain('武陵测试号');
    expect(unitInbox).not.toContain('津市环保（演示）'); // another unit's account
  });

  it('reminds units without a WeChat official account 30, 7 and 1 days before the opening deadline, catching up on days the job missed, each once', async () => {
    const opening = () =>
      t.database.db
        .selectFrom('notifications')
        .select(['id', 'dedupe_key', 'title_zh'])
        .where('kind', '=', 'media.openingDeadline')
        .orderBy('id')
        .execute();
    /** the opening reminders a run of the daily job on `day` sends */
    const sentOn = async (day: string) => {
      const before = (await opening()).length;
      await t.services.notifications.runReminders(day);
      return (await opening()).slice(before);
    };
    const unitOf = (key: string) => Number(key.split(':')[2]);
    expect(await sentOn('2018-05-30')).toEqual([]); // 31 days before: nothing yet

    // the job did not run on 31 May (30 days before) nor on 23 June (7 days before): its run on 26 June
    // sends one reminder to each unit, the most urgent it missed
    const caughtUp = await sentOn('2018-06-26');
    const units = caughtUp.map((r) => unitOf(r.dedupe_key));
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units).size).toBe(units.length); // one each
    expect(units).toContain(unit['CD-THY']); // never opened
    expect(units).toContain(unit['CD-LX']); // opens late, on 15 July
    expect(units).not.toContain(unit['CD-WL']); // opened in 2016
    for (const r of caughtUp) {
      expect(r.title_zh).toBe('距微信公众号开通期限（2018-06-30）还有 4 天');
      expect(r.dedupe_key).toMatch(/:2018-06-30:7$/); // the sent-marker: deadline and threshold
    }
    // run again the same day, and the next day: nothing more (the 7-day reminder went)
    expect(await sentOn('2018-06-26')).toEqual([]);
    expect(await sentOn('2018-06-27')).toEqual([]);
    // the day before: the 1-day reminder, once — not to 柳叶湖, whose account opens that day
    const last = await sentOn('2018-06-29');
    expect(last.map((r) => unitOf(r.dedupe_key)).sort()).toEqual(
      units.filter((u) => u !== unit['CD-LYH']).sort(),
    );
    expect(units).toContain(unit['CD-LYH']);
    expect(last[0]!.title_zh).toBe('距微信公众号开通期限（2018-06-30）还有 1 天');
    expect(await sentOn('2018-06-29')).toEqual([]);
    expect(await sentOn('2018-06-30')).toEqual([]); // the 1-day one already went
    expect(await sentOn('2018-07-01')).toEqual([]); // past the deadline: the board says missing
    expect(await t.services.notifications.runReminders('2018-06-29')).toMatchObject({ 'media.accounts': 0 });
    // back to the year's end: the running spells' facts are refreshed as of the day the rule runs
    await t.services.notifications.runReminders('2018-12-31');
  });
});

describe('portal matrix page', () => {
  it('lists accounts by unit with QR codes (text alternative: name and id) and the month’s WCI ranking, no script needed', async () => {
    const page = await t.inject({ url: '/media' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('微信传播指数排行（WCI V14.2）');
    expect(page.body).toMatch(
      /<img src="\/media\/qr\/\d+\.svg" width="96" height="96" alt="常德环境（演示）（gh_demo[0-9a-f]+）二维码"/,
    );
    expect(page.body).not.toContain('石门环保头条（旧，演示）'); // deregistered
    // the ranking: each row headed by its account (with its unit), in a box that scrolls on a phone
    expect(page.body).toMatch(
      /<div class="env-scroll" tabindex="0" role="region" aria-labelledby="wci">\s*<table class="env-table media-ranking">/,
    );
    expect(page.body).toMatch(/<th scope="row">常德环境（演示）<br \/><small>信息中心<\/small><\/th>/);
    const id = /\/media\/qr\/(\d+)\.svg/.exec(page.body)![1];
    const qr = await t.inject({ url: `/media/qr/${id}.svg` });
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toMatch(/^<svg /);
    expect((await t.inject({ url: '/media/qr/999999.svg' })).statusCode).toBe(404);
    expect((await t.inject({ url: '/media/qr/abc.svg' })).headers['content-type']).toContain('text/html');
  });
});
