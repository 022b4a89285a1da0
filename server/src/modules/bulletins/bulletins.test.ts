import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createBottomRankFixture } from '../../test/bottom-rank-fixture.ts';
import type { TestApp } from '../../test/test-app.ts';
import * as counters from '../../db/migrations/2026-12-01_10_document-counters.ts';
import { takeDocumentNumber } from './document-numbers.repo.ts';

let t: TestApp;
let admin: string;
let leader: string;
let officer: string;
let reviewer: string;
let planId: number;

beforeAll(async () => {
  const f = await createBottomRankFixture(['admin', 'leader', 'officer.wl', 'reviewer']);
  ({ t, planId } = f);
  admin = f.as['admin']!;
  leader = f.as['leader']!;
  officer = f.as['officer.wl']!;
  reviewer = f.as['reviewer']!;
});
afterAll(() => t.close());

const post = (url: string, cookie: string, payload: object) =>
  t.inject({ method: 'POST', url, cookie, payload });

describe('bulletins', () => {
  it('goes draft → pending → approved → published, with leadership approval and separation of duties', async () => {
    const created = await post('/api/v1/bulletins', admin, { planId, period: 'month', index: 3 });
    expect(created.statusCode).toBe(201);
    let b = created.json();
    // the number is issued at approval (decision 130): a draft has none
    expect(b).toMatchObject({
      status: 'draft',
      docNumber: null,
      title: '关于2018年3月全市环境信息宣传工作考核情况的通报',
    });
    expect(b.body).toContain('武陵区环境保护局排名第一');
    expect(b.body).toContain('局属单位：共 5 个单位参加排名，本期均未得分');

    // officers see nothing until it is published; nobody but leadership approves; publishing needs approval
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}`, cookie: officer })).statusCode,
    ).toBe(404);
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/bulletins?planId=${planId}`, cookie: officer })).json()
        .items,
    ).toEqual([]);
    expect((await post(`/api/v1/bulletins/${b.id}/approve`, admin, { version: b.version })).statusCode).toBe(
      403,
    );
    expect((await post(`/api/v1/bulletins/${b.id}/publish`, admin, { version: b.version })).statusCode).toBe(
      422,
    );
    expect((await post(`/api/v1/bulletins/${b.id}/approve`, leader, { version: b.version })).statusCode).toBe(
      422,
    );
    expect(
      (await post('/api/v1/bulletins', reviewer, { planId, period: 'month', index: 3 })).statusCode,
    ).toBe(403);

    const edited = await t.inject({
      method: 'PATCH',
      url: `/api/v1/bulletins/${b.id}`,
      cookie: admin,
      payload: { version: b.version, title: '关于2018年3月环境信息宣传考核情况的通报' },
    });
    expect(edited.statusCode).toBe(200);
    b = edited.json();
    b = (await post(`/api/v1/bulletins/${b.id}/submit`, admin, { version: b.version })).json();
    expect(b.status).toBe('pending');
    expect(
      (
        await t.inject({
          method: 'PATCH',
          url: `/api/v1/bulletins/${b.id}`,
          cookie: admin,
          payload: { version: b.version, title: 'x' },
        })
      ).statusCode,
    ).toBe(422);
    const returned = await post(`/api/v1/bulletins/${b.id}/return`, leader, {
      version: b.version,
      reason: '请补充整改要求',
    });
    expect(returned.json()).toMatchObject({ status: 'draft', returnReason: '请补充整改要求' });
    b = (await post(`/api/v1/bulletins/${b.id}/submit`, admin, { version: returned.json().version })).json();
    expect(
      (await post(`/api/v1/bulletins/${b.id}/approve`, leader, { version: b.version - 1 })).statusCode,
    ).toBe(409);
    b = (await post(`/api/v1/bulletins/${b.id}/approve`, leader, { version: b.version })).json();
    expect(b).toMatchObject({
      status: 'approved',
      approvedBy: '局领导（演示）',
      docNumber: '常环宣〔2018〕1号',
    });
    expect((await post(`/api/v1/bulletins/${b.id}/publish`, leader, { version: b.version })).statusCode).toBe(
      403,
    );
    b = (await post(`/api/v1/bulletins/${b.id}/publish`, admin, { version: b.version })).json();
    expect(b.status).toBe('published');
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/bulletins?planId=${planId}`, cookie: officer })).json()
        .items,
    ).toHaveLength(1);

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'bulletin')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'bulletin.create',
      'bulletin.edit',
      'bulletin.submit',
      'bulletin.return',
      'bulletin.submit',
      'bulletin.approve',
      'bulletin.publish',
    ]);
  });

  it('deletes a draft (audited), never one awaiting approval; a deleted draft consumes no number', async () => {
    const draft = (await post('/api/v1/bulletins', admin, { planId, period: 'month', index: 2 })).json();
    const del = (cookie: string, id: number, version: number) =>
      t.inject({ method: 'DELETE', url: `/api/v1/bulletins/${id}?version=${version}`, cookie });
    expect((await del(leader, draft.id, draft.version)).statusCode).toBe(403);
    expect((await del(admin, draft.id, draft.version + 1)).statusCode).toBe(409);
    expect((await del(admin, draft.id, draft.version)).statusCode).toBe(200);
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/bulletins/${draft.id}`, cookie: admin })).statusCode,
    ).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('object_type', '=', 'bulletin')
      .where('object_id', '=', String(draft.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['bulletin.create', 'bulletin.delete']);

    let pending = (await post('/api/v1/bulletins', admin, { planId, period: 'month', index: 1 })).json();
    pending = (
      await post(`/api/v1/bulletins/${pending.id}/submit`, admin, { version: pending.version })
    ).json();
    expect((await del(admin, pending.id, pending.version)).statusCode).toBe(422);
    const approved = (
      await post(`/api/v1/bulletins/${pending.id}/approve`, leader, { version: pending.version })
    ).json();
    expect(approved.docNumber).toBe('常环宣〔2018〕2号');
  });

  it('downloads the published bulletin as Word (GB/T 9704 head, number, table) and Excel', async () => {
    const b = (await t.inject({ method: 'GET', url: `/api/v1/bulletins?planId=${planId}`, cookie: officer }))
      .json()
      .items.at(-1);
    const word = await t.inject({
      method: 'GET',
      url: `/api/v1/bulletins/${b.id}/file.docx`,
      cookie: officer,
    });
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of [
      '常德市环境保护局',
      '常环宣〔2018〕1号',
      '区县市环保局(分局)得分排名',
      '武陵区环境保护局',
      'E60012',
      '印发',
    ])
      expect(xml).toContain(s);
    expect(xml).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const excel = await t.inject({
      method: 'GET',
      url: `/api/v1/bulletins/${b.id}/file.xlsx`,
      cookie: officer,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excel.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('排名')!;
    // the A/B/C block columns (with their maximums) before the total; two decimals; one page wide
    const header = (ws.getRow(3).values as string[]).slice(1);
    expect(header.slice(3, 6).map((h) => h.slice(0, 2))).toEqual(['A.', 'B.', 'C.']);
    expect(ws.getRow(4).values).toEqual([
      undefined,
      '区县市环保局(分局)',
      1,
      '武陵区环境保护局',
      5,
      0,
      0,
      5,
      0.25,
    ]);
    expect(ws.getRow(4).getCell(7).numFmt).toBe('0.00');
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
  });
});

const number = (docNumber: string | null) => Number(/〕(\d+)号/.exec(docNumber!)![1]);

describe('document numbers', () => {
  // hardening issue item 16: max()+1 gave two drafts at the same moment the same number, and the
  // second a spurious 409 on PostgreSQL
  it('approvals at the same moment all succeed, with distinct consecutive numbers', async () => {
    const numbered = async () =>
      (await t.inject({ method: 'GET', url: `/api/v1/bulletins?planId=${planId}`, cookie: admin }))
        .json()
        .items.filter((b: { docNumber: string | null }) => b.docNumber !== null).length;
    const before = await numbered();
    const pending = [];
    for (let i = 0; i < 12; i++) {
      const d = (
        await post('/api/v1/bulletins', admin, { planId, period: 'month', index: (i % 3) + 1 })
      ).json();
      pending.push((await post(`/api/v1/bulletins/${d.id}/submit`, admin, { version: d.version })).json());
    }
    const approvals = await Promise.all(
      pending.map((b) => post(`/api/v1/bulletins/${b.id}/approve`, leader, { version: b.version })),
    );
    expect(approvals.map((d) => d.statusCode)).toEqual(Array(12).fill(200));
    const numbers = approvals.map((d) => number(d.json().docNumber)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
  });

  it('a transaction that rolls back gives its number back; parallel takers never share one', async () => {
    const db = t.database.db;
    const series = 'interview:424242' as const;
    const taken = await Promise.all(
      Array.from({ length: 10 }, () => db.transaction().execute((trx) => takeDocumentNumber(trx, series))),
    );
    expect([...taken].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await expect(
      db.transaction().execute(async (trx) => {
        await takeDocumentNumber(trx, series);
        throw new Error('drafting failed');
      }),
    ).rejects.toThrow('drafting failed');
    expect(await takeDocumentNumber(db, series)).toBe(11);
  });

  it('an upgraded installation carries on from the highest number already issued', async () => {
    const list = async () =>
      (await t.inject({ method: 'GET', url: `/api/v1/bulletins?planId=${planId}`, cookie: admin })).json()
        .items as Array<{ docNumber: string | null }>;
    const highest = Math.max(
      ...(await list()).filter((b) => b.docNumber !== null).map((b) => number(b.docNumber)),
    );
    // the migration as an existing installation runs it: bulletins there, no counters yet
    await counters.down(t.database.db);
    await counters.up(t.database.db);
    const d = (await post('/api/v1/bulletins', admin, { planId, period: 'month', index: 1 })).json();
    const p = (await post(`/api/v1/bulletins/${d.id}/submit`, admin, { version: d.version })).json();
    const next = await post(`/api/v1/bulletins/${p.id}/approve`, leader, { version: p.version });
    expect(next.statusCode).toBe(200);
    expect(number(next.json().docNumber)).toBe(highest + 1);
  });
});
