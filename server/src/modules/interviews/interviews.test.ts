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
    // 西洞庭 and 桃花源 tie at 0 for the year: a tie for last place singles out neither (decision 136)
    expect(xdt).toMatchObject({ months: [1, 2, 3], lastForYear: false, interviewId: null });
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

    const when = { date: '2099-05-10', time: '09:30', place: '市局三楼会议室', interviewer: '局长 王某某' };
    const confirm = (cookie: string, body: object) =>
      post(`/api/v1/assessment/plans/${planId}/interviews`, cookie, body);
    expect((await confirm(admin, { unitId: unit['CD-XDT'], ...when })).statusCode).toBe(403);
    expect((await confirm(leader, { unitId: unit['CD-WL'], ...when })).statusCode).toBe(422);
    // one unguarded click no more: date, time, place and interviewer are required, the date not past
    const bare = await confirm(leader, { unitId: unit['CD-XDT'] });
    expect(bare.statusCode).toBe(400);
    expect(
      (await confirm(leader, { unitId: unit['CD-XDT'], ...when, date: '2018-01-01' })).json().fields,
    ).toEqual([expect.objectContaining({ field: '/date' })]);
    const ok = await confirm(leader, { unitId: unit['CD-XDT'], ...when });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().confirmed).toEqual([
      expect.objectContaining({
        unitName: '西洞庭管理区环保分局',
        docNumber: '常环宣谈〔2018〕1号',
        confirmedBy: '局领导（演示）',
        status: 'scheduled',
        ...when,
      }),
    ]);
    expect((await confirm(leader, { unitId: unit['CD-XDT'], ...when })).statusCode).toBe(409);

    const notice = await t.inject({
      method: 'GET',
      url: `/api/v1/interviews/${ok.json().confirmed[0].id}/notice.docx`,
      cookie: admin,
    });
    expect(notice.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(notice.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('关于约谈西洞庭管理区环保分局主要负责人的通知');
    for (const printed of ['2099年5月10日（星期日）09:30', '市局三楼会议室', '局长 王某某'])
      expect(xml).toContain(printed);

    // the interviewed unit's deputy leader reads its notice; another unit's does not
    const id = ok.json().confirmed[0].id;
    const deputyXdt = await t.newAccount('deputy.xdt', 'deputyLeader', 'CD-XDT');
    const mine = await t.inject({ method: 'GET', url: '/api/v1/interviews/mine', cookie: deputyXdt });
    expect(mine.json().items).toEqual([expect.objectContaining({ id, place: '市局三楼会议室' })]);
    const own = await t.inject({
      method: 'GET',
      url: `/api/v1/interviews/${id}/notice.docx`,
      cookie: deputyXdt,
    });
    expect(own.statusCode).toBe(200);
    const deputyWl = await t.loginAs('deputy.wl');
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/interviews/${id}/notice.docx`, cookie: deputyWl }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/interviews/mine', cookie: deputyWl })).json().items,
    ).toEqual([]);

    // minutes, then the rectification follow-up; a withdrawal only before it took place
    let iv = ok.json().confirmed[0];
    const minutes = {
      heldOn: '2099-05-10',
      minutes: '主要负责人作了说明。',
      rectification: '每月报送不少于 3 篇',
      rectificationDue: '2099-06-30',
    };
    expect(
      (
        await post(`/api/v1/interviews/${id}/minutes`, leader, {
          version: iv.version,
          ...minutes,
          rectificationDue: '2099-05-01',
        })
      ).statusCode,
    ).toBe(422);
    iv = (await post(`/api/v1/interviews/${id}/minutes`, leader, { version: iv.version, ...minutes })).json();
    expect(iv).toMatchObject({ status: 'held', rectification: '每月报送不少于 3 篇' });
    expect(
      (await post(`/api/v1/interviews/${id}/withdraw`, leader, { version: iv.version, reason: '误' }))
        .statusCode,
    ).toBe(422);
    iv = (
      await post(`/api/v1/interviews/${id}/rectified`, leader, {
        version: iv.version,
        rectifiedOn: '2099-06-20',
      })
    ).json();
    expect(iv).toMatchObject({ status: 'rectified', rectifiedOn: '2099-06-20' });

    // 桃花源: confirmed, then withdrawn (its notice is void), then confirmed again with the same number
    const thy = (await confirm(leader, { unitId: unit['CD-THY'], ...when })).json().confirmed[1];
    const withdrawn = await post(`/api/v1/interviews/${thy.id}/withdraw`, leader, {
      version: thy.version,
      reason: '已另行处理',
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '已另行处理' });
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/interviews/${thy.id}/notice.docx`, cookie: admin }))
        .statusCode,
    ).toBe(422);
    const again = (await confirm(leader, { unitId: unit['CD-THY'], ...when, place: '二楼' })).json()
      .confirmed[1];
    expect(again).toMatchObject({ status: 'scheduled', place: '二楼', docNumber: thy.docNumber });

    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where(startsWith('action', 'interview'))
      .where('result', '=', 'success')
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'interview.confirm',
      'interview.minutes',
      'interview.rectified',
      'interview.confirm',
      'interview.withdraw',
      'interview.confirm',
    ]);
  });
});
