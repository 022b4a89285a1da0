import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { startsWith } from '../../db/expressions.ts';
import { createBottomRankFixture } from '../../test/bottom-rank-fixture.ts';
import type { TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let leader: string;
let officer: string;
let planId: number;
let unit: Record<string, number>;

beforeAll(async () => {
  const f = await createBottomRankFixture(['admin', 'leader', 'officer.wl']);
  ({ t, planId, unit } = f);
  admin = f.as['admin']!;
  leader = f.as['leader']!;
  officer = f.as['officer.wl']!;
});
afterAll(() => t.close());

const post = (url: string, cookie: string, payload: object) =>
  t.inject({ method: 'POST', url, cookie, payload });

describe('interview list', () => {
  it('computes candidates by the rule; leadership confirms, once; the notice downloads; all audited', async () => {
    const list = await t.inject({
      method: 'GET',
      url: `/api/v1/assessment/plans/${planId}/interviews`,
      cookie: leader,
    });
    expect(list.statusCode).toBe(200);
    const candidates = list.json().candidates;
    const names = candidates.map((c: { unitName: string }) => c.unitName);
    expect(names).toEqual(expect.arrayContaining(['西洞庭管理区环保分局', '桃花源旅游管理区环保分局']));
    const xdt = candidates.find((c: { unitId: number }) => c.unitId === unit['CD-XDT']);
    expect(xdt).toMatchObject({ months: [1, 2, 3], lastForYear: true, interviewId: null });
    expect(xdt.reason).toContain('连续 3 个月');
    expect(
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/assessment/plans/${planId}/interviews`,
          cookie: officer,
        })
      ).statusCode,
    ).toBe(403);

    expect(
      (await post(`/api/v1/assessment/plans/${planId}/interviews`, admin, { unitId: unit['CD-XDT'] }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(`/api/v1/assessment/plans/${planId}/interviews`, leader, { unitId: unit['CD-WL'] }))
        .statusCode,
    ).toBe(422);
    const ok = await post(`/api/v1/assessment/plans/${planId}/interviews`, leader, {
      unitId: unit['CD-XDT'],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().confirmed).toEqual([
      expect.objectContaining({
        unitName: '西洞庭管理区环保分局',
        docNumber: '常环宣谈〔2018〕1号',
        confirmedBy: '局领导（演示）',
      }),
    ]);
    expect(
      (await post(`/api/v1/assessment/plans/${planId}/interviews`, leader, { unitId: unit['CD-XDT'] }))
        .statusCode,
    ).toBe(409);

    const notice = await t.inject({
      method: 'GET',
      url: `/api/v1/interviews/${ok.json().confirmed[0].id}/notice.docx`,
      cookie: admin,
    });
    expect(notice.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(notice.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('关于约谈西洞庭管理区环保分局主要负责人的通知');
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where(startsWith('action', 'interview'))
      .execute();
    expect(audited).toEqual([{ action: 'interview.confirm', result: 'success' }]);
  });
});
