// Public cases, the steps and guards cases.test.ts does not walk (both databases): not accepted with the
// reason and where to go, sent back to the county and taken back from it, what a county bureau reads
// (from its assignment on, the reporter's details masked unless they agreed to be contacted), published
// letters edited and taken down, completion after its period, and the portal's per-client budgets —
// look-ups answered alike then 429, the challenge after several intakes, the hourly limit. One app; every
// test files from its own client address so the budgets of one do not spill into another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import {
  caseForms,
  casesTestApp,
  filedCase,
  formToken,
  infoRequestForm,
  numbersOf,
} from '../../test/case-forms.ts';
import type { TestApp } from '../../test/test-app.ts';

let t: TestApp;
let handler: string;
let county: string;
let leader: string;
let auditor: string;
let wlId: number;
/** the service's today; null: the real one */
let clock: string | null = null;

beforeAll(async () => {
  ({ t, handler, county, leader, auditor, wlId } = await casesTestApp(
    { CASE_INTAKE_CHALLENGE_AFTER: '3', CASE_INTAKE_PER_HOUR: '6', CASE_LOOKUPS_PER_MINUTE: '4' },
    () => clock ?? chinaDate(nowIso()),
  ));
});
afterAll(() => t.close());

const forms = caseForms(() => t, '10.77');
const client = forms.client;
const token = formToken;
const postReport = (form: Record<string, string>, ip = client()) =>
  forms.postMultipart('/interaction/report', form, [], ip);
const postForm = (url: string, form: Record<string, string>, ip = client()) => forms.postForm(url, form, ip);
const report = (over: Record<string, string> = {}) => ({
  formToken: token(),
  category: 'air',
  county: '武陵区',
  address: '武陵区丹阳路某化工厂',
  description: '化工厂夜间排放刺鼻废气，持续一周。',
  anonymous: '1',
  ...over,
});
const letter = (over: Record<string, string> = {}) => ({
  formToken: token(),
  subject: '建议增设垃圾桶',
  description: '建议在沅江边增设垃圾桶。',
  name: '李四',
  phone: '13907368888',
  ...over,
});
const infoRequest = infoRequestForm;
const file = (res: Promise<{ statusCode: number; body: string }>) => filedCase(t, handler, res);
const get = (cookie: string, id: number) => t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie });
const versionOf = async (id: number) => (await get(handler, id)).json().version as number;
const act = async (cookie: string, id: number, body: Record<string, unknown>) =>
  t.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    cookie,
    payload: { version: await versionOf(id), ...body },
  });
const track = (number: string, code: string, ip = client()) =>
  postForm('/interaction/track', { number, code }, ip);
const auditOf = async (action: string) =>
  (await t.inject({ method: 'GET', url: `/api/v1/audit?action=${action}&pageSize=100`, cookie: auditor }))
    .body;

describe('handling steps', () => {
  it('does not accept a report with a reason and where to go instead, and tells the reporter', async () => {
    const r = await file(postReport(report()));
    const bare = await act(handler, r.id, { action: 'notAccept' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('不予受理的理由');
    const done = await act(handler, r.id, {
      action: 'notAccept',
      reason: '反映的是餐饮油烟，不属于生态环境部门职责',
      redirectTo: '武陵区城市管理局',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'notAccepted',
      decisionReason: '反映的是餐饮油烟，不属于生态环境部门职责',
      redirectTo: '武陵区城市管理局',
      actions: [],
      limit: null,
    });
    const page = await track(r.number, r.code);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('不予受理');
    expect(page.body).toContain('不属于生态环境部门职责');
    expect(page.body).toContain('建议向以下部门反映：武陵区城市管理局');
    expect((await act(handler, r.id, { action: 'accept' })).statusCode).toBe(409);
  });

  it('sends a county result back with the reason; the county reads it and reports again', async () => {
    const r = await file(postReport(report()));
    await act(handler, r.id, { action: 'accept' });
    await act(handler, r.id, { action: 'assign', unitId: wlId });
    await act(county, r.id, { action: 'countyReply', note: '已到现场，未发现异常。' });
    expect((await act(handler, r.id, { action: 'sendBack' })).statusCode).toBe(400);
    const back = await act(handler, r.id, { action: 'sendBack', note: '请夜间复查并附监测数据。' });
    expect(back.json()).toMatchObject({ status: 'assigned', assignedUnitId: wlId });
    const seen = (await get(county, r.id)).json();
    expect(seen.actions).toEqual(['countyReply']);
    expect(seen.events.map((e: { note: string | null }) => e.note)).toContain('请夜间复查并附监测数据。');
    const again = await act(county, r.id, { action: 'countyReply', note: '夜间复查属实，已立案查处。' });
    expect(again.json()).toMatchObject({
      status: 'countyReplied',
      countyResult: '夜间复查属实，已立案查处。',
    });
    expect((await act(county, r.id, { action: 'sendBack', note: 'x' })).statusCode).toBe(409);
  });

  it('takes an assignment back: the case leaves the county, which no longer finds it', async () => {
    const r = await file(postReport(report()));
    await act(handler, r.id, { action: 'accept' });
    await act(handler, r.id, { action: 'assign', unitId: wlId });
    expect((await get(county, r.id)).statusCode).toBe(200);
    expect((await act(county, r.id, { action: 'recall' })).statusCode).toBe(409);
    const back = await act(handler, r.id, { action: 'recall', note: '改由市局直接办理。' });
    expect(back.json()).toMatchObject({ status: 'accepted', assignedUnitId: null });
    expect(back.json().actions).toContain('assign');
    expect((await get(county, r.id)).statusCode).toBe(404);
    const queue = (
      await t.inject({ method: 'GET', url: `/api/v1/cases?q=${r.number}`, cookie: county })
    ).json();
    expect(queue.total).toBe(0);
    // and from the county's result, too
    await act(handler, r.id, { action: 'assign', unitId: wlId });
    await act(county, r.id, { action: 'countyReply', note: '已处理。' });
    expect((await act(handler, r.id, { action: 'recall' })).json().status).toBe('accepted');
  });
});

describe('what a county bureau reads', () => {
  const written =
    '我叫张三，电话13907361234，家住武陵区朗州路88号3栋201室。楼下化工厂夜里排放刺鼻废气，张三已多次反映。';

  it('without the reporter’s consent: from its assignment on, the reporter’s details masked', async () => {
    const r = await file(
      postReport(report({ anonymous: '', name: '张三', phone: '13907361234', description: written })),
    );
    await act(handler, r.id, { action: 'accept', note: 'PRE-受理：举报人张三多次来电' });
    await act(handler, r.id, { action: 'assign', unitId: wlId });
    await act(handler, r.id, { action: 'recall', note: 'PRE-收回：先核实举报人张三的身份' });
    await act(handler, r.id, { action: 'assign', unitId: wlId });

    const res = await get(county, r.id);
    expect(res.statusCode).toBe(200);
    const seen = res.json();
    expect(seen.reporter).toBe('withheld');
    expect(seen.events[0]).toMatchObject({ action: 'assign', note: '已转交武陵区环境保护局办理' });
    expect(seen.events).toHaveLength(1);
    for (const secret of ['PRE-', '张三', '13907361234', '朗州路88号'])
      expect(res.body).not.toContain(secret);
    expect(seen.description).toContain('我叫[姓名已隐去]');
    expect(seen.description).toContain('楼下化工厂夜里排放刺鼻废气');
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/cases/${r.id}/reporter`, cookie: county })).statusCode,
    ).toBe(403);
    // the queue's excerpt is masked too, and the county cannot find the case by the reporter's name
    const byNumber = await t.inject({ method: 'GET', url: `/api/v1/cases?q=${r.number}`, cookie: county });
    expect(byNumber.json().total).toBe(1);
    expect(byNumber.body).not.toContain('张三');
    const byName = await t.inject({
      method: 'GET',
      url: `/api/v1/cases?q=${encodeURIComponent('张三')}`,
      cookie: county,
    });
    expect(byName.json().total).toBe(0);
    // the receiving bureau still reads everything as written
    const own = (await get(handler, r.id)).json();
    expect(own.description).toBe(written);
    expect(own.events.map((e: { note: string | null }) => e.note)).toContain(
      'PRE-收回：先核实举报人张三的身份',
    );
  });

  it('with the reporter’s consent: the text as written and the contact, each reading audited', async () => {
    const r = await file(
      postReport(
        report({
          anonymous: '',
          name: '张三',
          phone: '13907361234',
          description: written,
          shareIdentity: '1',
        }),
      ),
    );
    await act(handler, r.id, { action: 'accept', note: 'PRE-受理备注' });
    await act(handler, r.id, { action: 'assign', unitId: wlId });
    const res = await get(county, r.id);
    const seen = res.json();
    expect(seen).toMatchObject({ reporter: 'available', identityShared: true, description: written });
    expect(res.body).not.toContain('PRE-受理备注'); // consent is about contact, not the centre's notes
    const who = await t.inject({ method: 'GET', url: `/api/v1/cases/${r.id}/reporter`, cookie: county });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ name: '张三', phone: '13907361234' });
    const reads = JSON.parse(await auditOf('cases.reporter.read')).items as Array<{
      objectId: string;
      result: string;
    }>;
    expect(reads.filter((a) => a.objectId === String(r.id)).map((a) => a.result)).toEqual(['success']);
  });
});

describe('published letters', () => {
  it('publishes with the writer’s name and home masked, then edits, takes down and publishes again', async () => {
    const r = await file(
      postForm(
        '/interaction/mailbox',
        letter({
          subject: '沅江边垃圾桶（编辑测试）',
          description: '我叫李四，家住朗州路12号3栋201室，电话13907368888。建议在沅江边增设垃圾桶。',
          publicReply: '1',
        }),
      ),
    );
    const replied = await act(handler, r.id, { action: 'reply', reply: '感谢建议，已增设。', publish: true });
    expect(replied.statusCode, replied.body).toBe(200);
    const q = replied.json().publishedQuestion as string;
    expect(q).toBe('我叫[姓名已隐去]，家住[地址已隐去]，电话[电话已隐去]。建议在沅江边增设垃圾桶。');
    expect(replied.json().canEditPublication).toBe(true);

    const put = (cookie: string, body: Record<string, unknown>) =>
      t.inject({ method: 'PUT', url: `/api/v1/cases/${r.id}/publication`, cookie, payload: body });
    const edited = await put(handler, {
      version: await versionOf(r.id),
      publishedQuestion: '李四来信：建议在沅江边增设垃圾桶，可打13907368888联系。',
      publishedReply: '已在沅江风光带增设垃圾桶20个。',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      published: true,
      publishedQuestion: '[姓名已隐去]来信：建议在沅江边增设垃圾桶，可打[电话已隐去]联系。',
      publishedReply: '已在沅江风光带增设垃圾桶20个。',
    });
    const shown = await t.inject({ method: 'GET', url: `/interaction/letters/${r.id}` });
    expect(shown.body).toContain('已在沅江风光带增设垃圾桶20个。');
    expect(shown.body).not.toContain('李四');
    const body = { version: await versionOf(r.id), publishedQuestion: 'x', publishedReply: 'y' };
    expect((await put(county, body)).statusCode).toBe(403);
    expect((await put(leader, body)).statusCode).toBe(403);

    const withdraw = (cookie: string) =>
      versionOf(r.id).then((version) =>
        t.inject({
          method: 'POST',
          url: `/api/v1/cases/${r.id}/publication/withdraw`,
          cookie,
          payload: { version, reason: '来信人要求撤下' },
        }),
      );
    expect((await withdraw(county)).statusCode).toBe(403);
    const down = await withdraw(handler);
    expect(down.json()).toMatchObject({ published: false });
    expect((await t.inject({ method: 'GET', url: `/interaction/letters/${r.id}` })).statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url: '/interaction/letters' })).body).not.toContain('编辑测试');
    expect((await withdraw(handler)).statusCode).toBe(409);
    const page = await track(r.number, r.code);
    expect(page.body).not.toContain('答复已公开');

    const again = await put(handler, {
      version: await versionOf(r.id),
      publishedQuestion: '建议在沅江边增设垃圾桶。',
      publishedReply: '已增设。',
    });
    expect(again.json().published).toBe(true);
    expect((await t.inject({ method: 'GET', url: `/interaction/letters/${r.id}` })).statusCode).toBe(200);
    for (const a of ['cases.publication.edit', 'cases.publication.withdraw', 'cases.publication.publish'])
      expect(await auditOf(a)).toContain(r.number);
  });

  it('publishes nothing the writer did not agree to, nor before the reply', async () => {
    const r = await file(postForm('/interaction/mailbox', letter()));
    const put = async () =>
      t.inject({
        method: 'PUT',
        url: `/api/v1/cases/${r.id}/publication`,
        cookie: handler,
        payload: { version: await versionOf(r.id), publishedQuestion: 'q', publishedReply: 'a' },
      });
    expect((await get(handler, r.id)).json().canEditPublication).toBe(false);
    expect((await put()).statusCode).toBe(409);
    const agreed = await file(postForm('/interaction/mailbox', letter({ publicReply: '1' })));
    const early = await t.inject({
      method: 'PUT',
      url: `/api/v1/cases/${agreed.id}/publication`,
      cookie: handler,
      payload: { version: await versionOf(agreed.id), publishedQuestion: 'q', publishedReply: 'a' },
    });
    expect(early.statusCode).toBe(409);
  });
});

describe('completion of an information request (decision 210)', () => {
  it('is not asked for after 7 working days: the step is not offered and is refused', async () => {
    const r = await file(postForm('/interaction/info-request', infoRequest()));
    const received = (await get(handler, r.id)).json().receivedOn as string;
    clock = addDays(received, 20);
    try {
      const seen = (await get(handler, r.id)).json();
      expect(seen.actions).not.toContain('requestCompletion');
      expect(seen.actions).toContain('reply');
      const late = await act(handler, r.id, { action: 'requestCompletion', note: '请写明月份。' });
      expect(late.statusCode).toBe(409);
      expect(late.body).toContain('7 个工作日');
    } finally {
      clock = null;
    }
  });

  it('after the applicant’s period a completion does not restart the clock: the request is withdrawn', async () => {
    const r = await file(postForm('/interaction/info-request', infoRequest()));
    const asked = await act(handler, r.id, { action: 'requestCompletion', note: '请写明所需数据的月份。' });
    const due = asked.json().dueOn as string;
    clock = due;
    try {
      // the last day itself: the page still offers the completion form
      expect((await track(r.number, r.code)).body).toContain('/interaction/track/complete');
      clock = addDays(due, 1);
      const page = await track(r.number, r.code);
      expect(page.body).not.toContain('/interaction/track/complete');
      const late = await postForm('/interaction/track/complete', {
        number: r.number,
        code: r.code,
        text: '所需为2025年1月至6月的数据。',
      });
      expect(late.statusCode, late.body).toBe(200);
      expect(late.body).toContain(`补正期限（${due}）已过，申请视为放弃`);
      expect(late.body).toContain('data-testid="new-info-request"');
      expect(late.body).not.toContain('答复期限自今日起重新计算');
      const after = (await get(handler, r.id)).json();
      expect(after).toMatchObject({ status: 'withdrawn', dueOn: null });
      expect(after.description).not.toContain('所需为2025年1月至6月的数据');
      expect(await auditOf('cases.lapse')).toContain('onLateCompletion');
    } finally {
      clock = null;
    }
  });
});

describe('per-client budgets on the public forms', () => {
  it('answers a wrong code exactly like an unknown number, then 429 once the look-ups are spent', async () => {
    const r = await file(postReport(report()));
    const ip = client();
    const main = (b: string) => b.slice(b.indexOf('<main'), b.indexOf('</main>'));
    const wrong = await track(r.number, 'AAAA-AAAA', ip);
    const unknown = await track('JB-20200101-AAAAAA', 'AAAA-AAAA', ip);
    expect([wrong.statusCode, unknown.statusCode]).toEqual([400, 400]);
    expect(main(wrong.body)).toBe(main(unknown.body).replace('JB-20200101-AAAAAA', r.number));
    expect((await track(r.number, r.code, ip)).statusCode).toBe(200);
    expect((await track(r.number, 'AAAA-AAAA', ip)).statusCode).toBe(400);
    // the fifth in the minute: refused whatever it asks, the right code included
    const spent = await track(r.number, r.code, ip);
    expect(spent.statusCode).toBe(429);
    expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
    expect(spent.body).not.toContain(r.number);
    expect((await track(r.number, r.code, client())).statusCode).toBe(200);
  });

  it('asks the text question after several intakes, files once it is answered, and stops at the hourly limit', async () => {
    const ip = client();
    for (let i = 0; i < 3; i++) await file(postForm('/interaction/mailbox', letter(), ip));
    const form = letter();
    const asked = await postForm('/interaction/mailbox', form, ip);
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain('请回答安全验证问题');
    const challengeToken = /name="challengeToken" value="([^"]+)"/.exec(asked.body)?.[1] ?? '';
    const q = /安全验证：(.)加(.)等于几/.exec(asked.body)!;
    const digits = '零一二三四五六七八九';
    const answer = String(digits.indexOf(q[1]!) + digits.indexOf(q[2]!));
    const ok = await postForm('/interaction/mailbox', { ...form, challengeToken, challenge: answer }, ip);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(numbersOf(ok.body).number).toMatch(/^XX-/);
    // the sixth intake of the hour is challenged again, the seventh refused outright
    expect((await postForm('/interaction/mailbox', letter(), ip)).statusCode).toBe(400);
    const refused = await postForm('/interaction/mailbox', letter(), ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // per client: another address files as usual
    await file(postForm('/interaction/mailbox', letter(), client()));
  });
});
