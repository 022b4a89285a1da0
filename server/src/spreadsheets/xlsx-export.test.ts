// Every list export (decision 126) is the whole filtered result as a real workbook: each file is opened
// with exceljs and its rows compared with what the list's own API answers for the same filters.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  SUBMISSION_STATUS_LABELS,
  type CaseKind,
  type CaseStatus,
} from '@greenvoice/common';
import { newsReport } from '../modules/submissions/test-fixtures.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { everyPage, streamXlsx } from './xlsx-export.ts';

let t: TestApp;
let admin: string;
let auditor: string;
let planId: number;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
  auditor = await t.loginAs('auditor');
  planId = (await t.inject({ url: '/api/v1/assessment/plans', cookie: admin })).json().items[0].id;
  // more pieces awaiting review than the console's page of 20
  const officer = await t.loginAs('officer.wl');
  const outlet = (await t.inject({ url: '/api/v1/outlets', cookie: admin })).json().items[0].id;
  for (let i = 0; i < 23; i++) {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      cookie: officer,
      payload: { ...newsReport(outlet), submit: true },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

async function workbook(url: string, cookie: string) {
  const res = await t.inject({ url, cookie });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toMatch(
    /^attachment; filename="[a-z-]+-\d{4}-\d\d-\d\d\.xlsx"/,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: ws.name, header: rows[0] as string[], rows: rows.slice(1) };
}

describe('list exports', () => {
  it('submissions: every row of the filter, not the first page, in words', async () => {
    const list = (
      await t.inject({ url: '/api/v1/submissions?status=submitted&pageSize=100', cookie: admin })
    ).json();
    expect(list.total).toBeGreaterThan(20); // more than the page the console shows
    const x = await workbook('/api/v1/submissions/export.xlsx?status=submitted', admin);
    expect(x.name).toBe('报送稿件');
    expect(x.header.slice(0, 3)).toEqual(['编号', '标题', '单位']);
    expect(x.rows).toHaveLength(list.total);
    expect(new Set(x.rows.map((r) => r[0]))).toEqual(
      new Set(
        (
          await Promise.all(
            Array.from({ length: Math.ceil(list.total / 100) }, (_, i) =>
              t.inject({
                url: `/api/v1/submissions?status=submitted&pageSize=100&page=${i + 1}`,
                cookie: admin,
              }),
            ),
          )
        ).flatMap((r) => r.json().items.map((s: { id: number }) => s.id)),
      ),
    );
    expect(x.rows.every((r) => r[9] === SUBMISSION_STATUS_LABELS.submitted.zh)).toBe(true);
    const en = await workbook('/api/v1/submissions/export.xlsx?status=submitted&lang=en', admin);
    expect(en.header[1]).toBe('Title');
    expect(en.rows[0]![9]).toBe(SUBMISSION_STATUS_LABELS.submitted.en);
  });

  it('submissions: a filter that matches nothing gives the header alone; bad filters are a 400', async () => {
    const x = await workbook('/api/v1/submissions/export.xlsx?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E7%AF%87', admin);
    expect(x.rows).toHaveLength(0);
    expect(
      (await t.inject({ url: '/api/v1/submissions/export.xlsx?page=2', cookie: admin })).statusCode,
    ).toBe(400);
    expect((await t.inject({ url: '/api/v1/submissions/export.xlsx' })).statusCode).toBe(401);
  });

  it('campaign board, outlets, people and interviews', async () => {
    const campaign = (await t.inject({ url: '/api/v1/campaigns', cookie: admin })).json().items[0];
    const board = (await t.inject({ url: `/api/v1/campaigns/${campaign.id}/board`, cookie: admin })).json();
    const b = await workbook(`/api/v1/campaigns/${campaign.id}/board.xlsx`, admin);
    expect(b.rows.map((r) => r[0])).toEqual(board.rows.map((r: { unitName: string }) => r.unitName));

    const outlets = (
      await t.inject({ url: '/api/v1/outlets?includeInactive=true&pageSize=500', cookie: admin })
    ).json();
    const o = await workbook('/api/v1/outlets/export.xlsx?includeInactive=true', admin);
    expect(o.rows.map((r) => r[0])).toEqual(outlets.items.map((x: { name: string }) => x.name));

    const people = (await t.inject({ url: '/api/v1/people?pageSize=100', cookie: admin })).json();
    const p = await workbook('/api/v1/people/export.xlsx', admin);
    expect(p.rows).toHaveLength(people.total);
    // masked as on screen: no full mobile number leaves through the export
    expect(p.rows.some((r) => /^1\d{10}$/.test(String(r[3] ?? '')))).toBe(false);

    const list = (
      await t.inject({ url: `/api/v1/assessment/plans/${planId}/interviews`, cookie: admin })
    ).json();
    const i = await workbook(`/api/v1/assessment/plans/${planId}/interviews.xlsx`, admin);
    const open = list.candidates.filter((c: { interviewId: number | null }) => c.interviewId === null).length;
    expect(i.rows).toHaveLength(list.confirmed.length + open);
    expect(
      (await t.inject({ url: '/api/v1/assessment/plans/999999/interviews.xlsx', cookie: admin })).statusCode,
    ).toBe(404);
  });

  it('audit log: for the auditor, in words, and the exports themselves are on it', async () => {
    const x = await workbook('/api/v1/audit/export.xlsx?action=list.export', auditor);
    expect(x.name).toBe('审计日志');
    expect(x.rows.length).toBeGreaterThanOrEqual(5); // the exports above, each recorded
    expect(x.rows.every((r) => r[4] === '导出列表（Excel）' && r[5] === 'list.export')).toBe(true);
    const all = (await t.inject({ url: '/api/v1/audit?pageSize=1', cookie: auditor })).json().total;
    const whole = await workbook('/api/v1/audit/export.xlsx', auditor);
    // the log as it stood when the export began (its own record comes after)
    expect(whole.rows).toHaveLength(all);
    expect((await t.inject({ url: '/api/v1/audit/export.xlsx', cookie: admin })).statusCode).toBe(403);
  });

  it('a cell that looks like a formula is written as text', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/outlets',
      cookie: admin,
      payload: { name: '=HYPERLINK("http://x")', level: 'county', medium: 'web' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const o = await workbook('/api/v1/outlets/export.xlsx?q=HYPERLINK', admin);
    expect(o.rows[0]![0]).toBe(`'=HYPERLINK("http://x")`);
  });
});

describe('the streaming writer', () => {
  it('pages through a source until a short page, and writes every row', async () => {
    const data = Array.from({ length: 1234 }, (_, i) => ({ n: i + 1, name: `单位${i + 1}` }));
    const asked: number[] = [];
    const rows = everyPage(async (page, size) => {
      asked.push(page);
      return { items: data.slice((page - 1) * size, page * size) };
    }, 100);
    const stream = await streamXlsx({
      sheet: { zh: '测试', en: 'Test' },
      columns: [
        { header: { zh: '序号', en: 'No.' }, value: (r) => r.n, numFmt: '0.00' },
        { header: { zh: '名称', en: 'Name' }, value: (r) => r.name },
      ],
      rows,
    });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(asked).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1235);
    expect(ws.getRow(1235).getCell(2).value).toBe('单位1234');
    expect(ws.getRow(2).getCell(1).numFmt).toBe('0.00');
  });
});

describe('the interaction, CMS and environment lists (decision 123)', () => {
  const all = async (url: string, cookie: string) => {
    const items: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const res = await t.inject({
        url: `${url}${url.includes('?') ? '&' : '?'}pageSize=100&page=${page}`,
        cookie,
      });
      expect(res.statusCode, res.body).toBe(200);
      items.push(...res.json().items);
      if (items.length >= res.json().total) return items;
    }
  };

  it('cases: the whole queue in words; a county handler’s file holds only the cases assigned to it', async () => {
    const handler = await t.loginAs('handler');
    const county = await t.loginAs('handler.wl');
    const queue = await all('/api/v1/cases', handler);
    const x = await workbook('/api/v1/cases/export.xlsx', handler);
    expect(x.name).toBe('政民互动');
    expect(x.header.slice(0, 3)).toEqual(['编号', '类型', '状态']);
    expect(x.rows.map((r) => r[0])).toEqual(queue.map((c) => c.trackingNumber));
    const first = queue[0] as { kind: CaseKind; status: CaseStatus };
    expect(x.rows[0]!.slice(1, 3)).toEqual([
      CASE_KIND_LABELS[first.kind].zh,
      CASE_STATUS_LABELS[first.status].zh,
    ]);

    const own = await all('/api/v1/cases', county);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(queue.length);
    const c = await workbook('/api/v1/cases/export.xlsx?lang=en', county);
    expect(c.header[1]).toBe('Kind');
    expect(c.rows.map((r) => r[0])).toEqual(own.map((o) => o.trackingNumber));
    // a filter narrows the file as it narrows the list
    const open = await all('/api/v1/cases?open=true', handler);
    expect((await workbook('/api/v1/cases/export.xlsx?open=true', handler)).rows).toHaveLength(open.length);
    expect(
      (await t.inject({ url: '/api/v1/cases/export.xlsx', cookie: await t.loginAs('editor') })).statusCode,
    ).toBe(403);
    expect(
      (await t.inject({ url: '/api/v1/cases/export.xlsx?status=nonsense', cookie: handler })).statusCode,
    ).toBe(400);
  });

  it('articles: the channels in the user’s scope only', async () => {
    const editor = await t.loginAs('editor');
    const list = await all('/api/v1/cms/articles', editor);
    const x = await workbook('/api/v1/cms/articles/export.xlsx', editor);
    expect(x.name).toBe('文章');
    expect(x.rows.map((r) => r[0])).toEqual(list.map((a) => a.title));
    expect(x.rows.map((r) => r[2])).toEqual(list.map((a) => a.channelName));
    // the CMS scope is the bureau's channels (an editor's scope is the bureau, decision 123); a filter
    // narrows the file as it narrows the list
    const published = await all('/api/v1/cms/articles?status=published', editor);
    expect(published.length).toBeGreaterThan(0);
    expect(published.length).toBeLessThan(list.length);
    const y = await workbook('/api/v1/cms/articles/export.xlsx?status=published', editor);
    expect(y.rows.map((r) => r[0])).toEqual(published.map((a) => a.title));
    expect(
      (await t.inject({ url: '/api/v1/cms/articles/export.xlsx', cookie: await t.loginAs('handler') }))
        .statusCode,
    ).toBe(403);
    // another city's editor: their file holds their own list, and none of Changde's articles
    const other = await t.newAccount('editor.export.xt', 'editor', 'XT-XXZX');
    const theirs = await all('/api/v1/cms/articles', other);
    expect(theirs.length).toBeGreaterThan(0); // the demo's second city has a small site of its own
    const z = await workbook('/api/v1/cms/articles/export.xlsx', other);
    expect(z.rows.map((r) => r[0])).toEqual(theirs.map((a) => a.title));
    const changde = new Set(list.map((a) => a.id));
    expect(theirs.filter((a) => changde.has(a.id))).toEqual([]);
    // an editor placed in a county bureau (武陵区): the CMS scope is the bureau's channels (decision 123),
    // the city's website, so the file holds the same list the city's editors get, and exactly that list
    const county = await t.newAccount('editor.export.wl', 'editor', 'CD-WL');
    const theirList = await all('/api/v1/cms/articles', county);
    expect(theirList.map((a) => a.id)).toEqual(list.map((a) => a.id));
    const w = await workbook('/api/v1/cms/articles/export.xlsx', county);
    expect(w.rows.map((r) => r[0])).toEqual(theirList.map((a) => a.title));
  });

  it('dischargers, incidents, air stations and water sections', async () => {
    const editor = await t.loginAs('editor');
    const dischargers = await all('/api/v1/environment/dischargers', editor);
    const d = await workbook('/api/v1/environment/dischargers/export.xlsx', editor);
    expect(d.rows.map((r) => r[1])).toEqual(dischargers.map((x) => x.creditCode));
    const some = dischargers[0] as { county: string };
    const dc = await workbook(
      `/api/v1/environment/dischargers/export.xlsx?county=${encodeURIComponent(some.county)}`,
      editor,
    );
    expect(dc.rows.length).toBeGreaterThan(0);
    expect(dc.rows.every((r) => r[2] === some.county)).toBe(true);

    const incidents = await all('/api/v1/environment/incidents', editor);
    const i = await workbook('/api/v1/environment/incidents/export.xlsx?lang=en', editor);
    expect(i.header[0]).toBe('Title');
    expect(i.rows.map((r) => r[0])).toEqual(incidents.map((x) => x.title));

    const now = (await t.inject({ url: '/api/v1/environment/air/now', cookie: editor })).json();
    const a = await workbook('/api/v1/environment/air/now.xlsx', editor);
    expect(a.rows.map((r) => r[1])).toEqual(
      now.items.map((x: { station: { code: string } }) => x.station.code),
    );
    expect(a.rows.map((r) => r[4] ?? null)).toEqual(
      now.items.map((x: { reading: { aqi: number } | null }) => x.reading?.aqi ?? null),
    );

    const water = (await t.inject({ url: '/api/v1/environment/water/sections', cookie: editor })).json();
    const res = await t.inject({ url: '/api/v1/environment/water/sections.xlsx', cookie: editor });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe(`水质断面 ${water.month}`); // the month above the table
    const codes: unknown[] = [];
    ws.eachRow((row, n) => n > 2 && codes.push(row.getCell(2).value));
    expect(codes).toEqual(water.items.map((x: { section: { code: string } }) => x.section.code));

    for (const url of ['/api/v1/environment/dischargers/export.xlsx', '/api/v1/environment/air/now.xlsx']) {
      expect((await t.inject({ url })).statusCode).toBe(401);
      expect((await t.inject({ url, cookie: await t.loginAs('handler') })).statusCode).toBe(403);
    }
    expect(
      (await t.inject({ url: '/api/v1/environment/water/sections.xlsx?month=2026-1', cookie: editor }))
        .statusCode,
    ).toBe(400);
  });

  it('every export is on the audit log with its list and filters', async () => {
    const rows = (
      await t.inject({ url: '/api/v1/audit?action=list.export&pageSize=100', cookie: auditor })
    ).json().items as { detail: string | null }[];
    const lists = new Set(rows.map((r) => (JSON.parse(r.detail ?? '{}') as { list?: string }).list));
    for (const l of ['cases', 'articles', 'dischargers', 'incidents', 'air-stations', 'water-sections'])
      expect(lists).toContain(l);
  });
});
