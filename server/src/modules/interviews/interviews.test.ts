import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { insertFacts } from '../../test/assessment-facts.ts';
import { startsWith } from '../../db/expressions.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: string;
let leader: string;
let officer: string;
let planId: number;
const unit: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  [admin, leader, officer] = await Promise.all([
    t.login('admin', 'Demo-Xinxi-2018!'),
    t.login('leader', 'Demo-Lingdao-2018!'),
    t.login('officer.wl', 'Demo-Officer-2018!'),
  ]);
  for (const u of await t.database.db.selectFrom('units').select(['id', 'code']).execute())
    unit[u.code] = u.id;
  planId = (await t.database.db.selectFrom('assessment_plans').select('id').executeTakeFirstOrThrow()).id;
  // every county bureau reports in Q1 except 西洞庭 and 桃花源: the two at the bottom three months running
  const county = [
    'CD-WL',
    'CD-DC',
    'CD-AX',
    'CD-HS',
    'CD-LX',
    'CD-LL',
    'CD-TY',
    'CD-SM',
    'CD-JS',
    'CD-JKQ',
    'CD-LYH',
    'CD-XH',
  ];
  const facts = county.flatMap((c, i) =>
    [1, 2, 3].map((m) => ({
      kind: 'newsReport' as const,
      date: `2018-0${m}-1${i % 10}`,
      unitIds: [unit[c]!],
      outletLevel: i === 0 ? ('provincial' as const) : ('county' as const),
    })),
  );
  await insertFacts(t.database.db, unit.CDHB!, facts);
  await t.services.scoring.rebuildAll();
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
