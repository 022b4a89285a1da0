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
    expect(b).toMatchObject({
      status: 'draft',
      docNumber: '常环宣〔2018〕1号',
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
    expect(b).toMatchObject({ status: 'approved', approvedBy: '局领导（演示）' });
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

  it('downloads the published bulletin as Word (GB/T 9704 head, number, table) and Excel', async () => {
    const [b] = (
      await t.inject({ method: 'GET', url: `/api/v1/bulletins?planId=${planId}`, cookie: officer })
    ).json().items;
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
    expect(ws.getRow(4).values).toEqual([undefined, '区县市环保局(分局)', 1, '武陵区环境保护局', 5, 0.25]);
  });
});

const number = (docNumber: string) => Number(/〕(\d+)号/.exec(docNumber)![1]);

describe('document numbers', () => {
  // hardening issue item 16: max()+1 gave two drafts at the same moment the same number, and the
  // second a spurious 409 on PostgreSQL
  it('drafts made at the same moment all succeed, with distinct consecutive numbers', async () => {
    const before = (
      await t.inject({ method: 'GET', url: `/api/v1/bulletins?planId=${planId}`, cookie: admin })
    )
      .json()
      .items.map((b: { docNumber: string }) => b.docNumber);
    const drafts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post('/api/v1/bulletins', admin, { planId, period: 'month', index: (i % 3) + 1 }),
      ),
    );
    expect(drafts.map((d) => d.statusCode)).toEqual(Array(12).fill(201));
    const numbers = drafts.map((d) => number(d.json().docNumber)).sort((a, b) => a - b);
    const first = before.length + 1;
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => first + i));
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
        .items as Array<{ docNumber: string }>;
    const highest = Math.max(...(await list()).map((b) => number(b.docNumber)));
    // the migration as an existing installation runs it: bulletins there, no counters yet
    await counters.down(t.database.db);
    await counters.up(t.database.db);
    const next = await post('/api/v1/bulletins', admin, { planId, period: 'month', index: 1 });
    expect(next.statusCode).toBe(201);
    expect(number(next.json().docNumber)).toBe(highest + 1);
  });
});
