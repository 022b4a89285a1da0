// Public cases end to end through the portal's forms and the console API (both databases): filing
// anonymously with photos, numbers, idempotency, bad input beside the field, look-ups answered alike,
// the county never seeing who reported, extensions by leadership, erasure after closure.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@greenvoice/common';
import JSZip from 'jszip';
import { caseForms, numbersOf } from '../../test/case-forms.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { caseCompletionLapseJob } from './cases-jobs.ts';

let t: TestApp;
let handler: string;
let county: string;
let leader: string;
const png = async () => {
  const { sharp } = await import('../../lazy-packages.ts');
  return sharp()({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
};
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { CASE_INTAKE_CHALLENGE_AFTER: '50' } });
  [handler, county, leader] = await Promise.all([
    t.loginAs('handler'),
    t.loginAs('handler.wl'),
    t.loginAs('leader'),
  ]);
});
afterAll(() => t.close());

const report = (over: Record<string, string> = {}) => ({
  formToken: randomBytes(18).toString('base64url'),
  category: 'water',
  county: '武陵区',
  address: '武陵区丹阳路某印染厂后门排污口',
  description: '每天夜里十点以后排放带颜色的废水，河面发红，气味刺鼻。',
  anonymous: '1',
  ...over,
});
const forms = caseForms(() => t, '10.66');
const post = forms.postMultipart;
const postForm = (url: string, form: Record<string, string>) => forms.postForm(url, form);
const caseId = async (number: string) => {
  const r = await t.inject({ method: 'GET', url: `/api/v1/cases?q=${number}`, cookie: handler });
  return r.json().items[0] as { id: number; version: number };
};
const act = async (cookie: string, id: number, body: Record<string, unknown>) => {
  const version = (await t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie })).json().version;
  return t.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    cookie,
    payload: { version, ...body },
  });
};

describe('12369 reports from the portal', () => {
  it('files an anonymous report with a photo once, however often the form is sent', async () => {
    const form = report();
    const photo = [{ name: 'river.png', body: await png(), type: 'image/png' }];
    const first = await post('/interaction/report', form, photo);
    expect(first.statusCode, first.body).toBe(200);
    const a = numbersOf(first.body);
    expect(a.number).toMatch(/^JB-\d{8}-[0-9A-Z]{6}$/);
    expect(a.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const again = await post('/interaction/report', form, photo);
    expect(numbersOf(again.body)).toEqual(a);
    const list = (
      await t.inject({ method: 'GET', url: `/api/v1/cases?q=${a.number}`, cookie: handler })
    ).json();
    expect(list.total).toBe(1);
    const detail = (
      await t.inject({ method: 'GET', url: `/api/v1/cases/${list.items[0].id}`, cookie: handler })
    ).json();
    expect(detail.photos).toHaveLength(1);
    expect(detail.reporter).toBe('anonymous');
    expect(detail.limit).toMatchObject({ stage: 'accept', days: 15, unit: 'calendarDays' });
  });

  it('answers bad input next to the field and writes nothing', async () => {
    const before = (await t.inject({ method: 'GET', url: '/api/v1/cases', cookie: handler })).json().total;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    const res = await post('/interaction/report', report({ county: '', description: '' }), [
      { name: 'scan.jpg', body: pdf },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/id="err-county"[^>]*>请选择事发地所在区县/);
    expect(res.body).toMatch(/id="err-description"[^>]*>请填写具体内容/);
    expect(res.body).toMatch(/id="err-photos"[^>]*>[^<]*application\/pdf[^<]*与扩展名不符/);
    const eight = await post(
      '/interaction/report',
      report(),
      await Promise.all(
        Array.from({ length: 8 }, async (_, i) => ({
          name: `p${i}.png`,
          body: await png(),
          type: 'image/png',
        })),
      ),
    );
    expect(eight.statusCode).toBe(400);
    expect(eight.body).toContain('最多上传 5 张照片，您选择了 8 张');
    const after = (await t.inject({ method: 'GET', url: '/api/v1/cases', cookie: handler })).json().total;
    expect(after).toBe(before);
    const stored = await t.services.files.stores.casePhotos.keysOlderThan(8.64e15);
    expect(stored).toHaveLength(1); // the first test's one re-encoded photo, nothing of these
  });

  it('refuses a filled honeypot with a text challenge, and files once it is answered', async () => {
    const form = report({ website: 'http://spam.example' });
    const res = await post('/interaction/report', form);
    expect(res.statusCode).toBe(400);
    const token = /name="challengeToken" value="([^"]+)"/.exec(res.body)?.[1];
    const q = /安全验证：(.)加(.)等于几/.exec(res.body)!;
    const digits = '零一二三四五六七八九';
    const answer = String(digits.indexOf(q[1]!) + digits.indexOf(q[2]!));
    const wrong = await post('/interaction/report', { ...form, challengeToken: token!, challenge: '99' });
    expect(wrong.body).toContain('答案不正确');
    const ok = await post('/interaction/report', { ...form, challengeToken: token!, challenge: answer });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(numbersOf(ok.body).number).toMatch(/^JB-/);
  });

  it('answers a wrong code exactly like an unknown number', async () => {
    const r = numbersOf((await post('/interaction/report', report())).body);
    const wrong = await postForm('/interaction/track', { number: r.number, code: 'AAAA-AAAA' });
    const unknown = await postForm('/interaction/track', { number: 'JB-20200101-AAAAAA', code: r.code });
    expect(wrong.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(400);
    const main = (b: string) => b.slice(b.indexOf('<main'), b.indexOf('</main>'));
    expect(main(wrong.body)).toBe(main(unknown.body).replace('JB-20200101-AAAAAA', r.number));
    const right = await postForm('/interaction/track', {
      number: r.number.toLowerCase(),
      code: r.code.replace('-', ' '),
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('已登记，待受理');
  });
});

describe('handling', () => {
  it('accepts, assigns to a county that never sees the reporter, replies, and the reporter reads and rates', async () => {
    const form = report({
      anonymous: '',
      name: '张三',
      phone: '13907361234',
      description: '化工厂夜间偷排废气，味道很重，持续一周。',
      category: 'air',
    });
    const r = numbersOf((await post('/interaction/report', form)).body);
    const { id } = await caseId(r.number);
    const identity = await t.inject({ method: 'GET', url: `/api/v1/cases/${id}/reporter`, cookie: handler });
    expect(identity.json()).toMatchObject({ name: '张三', phone: '13907361234' });
    expect((await act(handler, id, { action: 'accept' })).statusCode).toBe(200);
    const counties = (
      await t.inject({ method: 'GET', url: '/api/v1/cases/counties', cookie: handler })
    ).json();
    const wl = counties.find((c: { area: string }) => c.area === '武陵区');
    const assigned = await act(handler, id, { action: 'assign', unitId: wl.id });
    expect(assigned.json()).toMatchObject({ status: 'assigned', limit: { stage: 'handle', days: 60 } });

    const seen = await t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie: county });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().reporter).toBe('withheld');
    expect(seen.body).not.toContain('张三');
    expect(seen.body).not.toContain('13907361234');
    const refused = await t.inject({ method: 'GET', url: `/api/v1/cases/${id}/reporter`, cookie: county });
    expect(refused.statusCode).toBe(403);
    expect((await act(county, id, { action: 'reply', reply: 'x' })).statusCode).toBe(409);
    expect(
      (await act(county, id, { action: 'countyReply', note: '已现场检查，责令停产整改，罚款十万元。' }))
        .statusCode,
    ).toBe(200);
    const replied = await act(handler, id, {
      action: 'reply',
      reply: '经武陵区环保局现场核查，情况属实，已责令该厂停产整改并依法处罚。',
    });
    expect(replied.json().status).toBe('replied');

    const view = await postForm('/interaction/track', { number: r.number, code: r.code });
    expect(view.body).toContain('已责令该厂停产整改');
    const rated = await postForm('/interaction/track/rate', { number: r.number, code: r.code, rating: '5' });
    expect(rated.body).toContain('非常满意');

    const audit = (
      await t.inject({
        method: 'GET',
        url: '/api/v1/audit?action=cases.reporter.read&pageSize=100',
        cookie: await t.loginAs('auditor'),
      })
    ).body;
    expect(audit).toContain('cases.reporter.read');
    expect(audit).not.toContain('13907361234');
  });

  it('extends only with leadership’s approval and tells the person why', async () => {
    const r = numbersOf((await post('/interaction/report', report())).body);
    const { id } = await caseId(r.number);
    await act(handler, id, { action: 'accept' });
    const detail = (await t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie: handler })).json();
    const tooLong = await t.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/extension`,
      cookie: handler,
      payload: { version: detail.version, days: 31, reason: '需监测' },
    });
    expect(tooLong.statusCode).toBe(400);
    const asked = await t.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/extension`,
      cookie: handler,
      payload: { version: detail.version, days: 30, reason: '需委托第三方监测水质' },
    });
    expect(asked.json().extensionState).toBe('requested');
    const self = await t.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/extension/decision`,
      cookie: handler,
      payload: { version: asked.json().version, approve: true },
    });
    expect(self.statusCode).toBe(403);
    const ok = await t.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/extension/decision`,
      cookie: leader,
      payload: { version: asked.json().version, approve: true },
    });
    expect(ok.json()).toMatchObject({ extensionDays: 30, limit: { days: 90 } });
    const view = await postForm('/interaction/track', { number: r.number, code: r.code });
    expect(view.body).toContain('需委托第三方监测水质');
  });

  it('publishes a mailbox reply with personal details removed, and erases identities after the keeping period', async () => {
    const res = await postForm('/interaction/mailbox', {
      formToken: randomBytes(18).toString('base64url'),
      subject: '建议增加河道巡查',
      description: '我住在沅江边，电话13907369999，建议增加夜间巡查。',
      name: '李四',
      phone: '13907369999',
      publicReply: '1',
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = numbersOf(res.body);
    const { id } = await caseId(r.number);
    const replied = await act(handler, id, {
      action: 'reply',
      reply: '感谢建议，已安排夜间巡查。',
      publish: true,
    });
    expect(replied.json().publishedQuestion).toContain('[电话已隐去]');
    await act(handler, id, { action: 'close' });
    const letters = await t.inject({ method: 'GET', url: '/interaction/letters' });
    expect(letters.body).toContain('建议增加河道巡查');
    const one = await t.inject({ method: 'GET', url: `/interaction/letters/${id}` });
    expect(one.body).not.toContain('13907369999');
    expect(one.body).not.toContain('李四');

    const ctx = { actor: null, requestId: 'test', clientIp: 'test', userAgent: 'test', audited: false };
    expect((await t.services.cases.eraseExpiredReporters(ctx, '2026-01-01')).erased).toBe(0);
    const later = (await t.services.cases.eraseExpiredReporters(ctx, '2099-01-01')).erased;
    expect(later).toBeGreaterThanOrEqual(1);
    const gone = await t.inject({ method: 'GET', url: `/api/v1/cases/${id}/reporter`, cookie: handler });
    expect(gone.statusCode).toBe(404);
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie: handler })).json().reporter,
    ).toBe('erased');
  });

  it('counts the handler’s to-dos and reminds the county holding a case before and after its limit', async () => {
    const todos = (await t.inject({ method: 'GET', url: '/api/v1/todos', cookie: handler })).json();
    expect(JSON.stringify(todos)).toContain('cases.received');
    const r = numbersOf((await post('/interaction/report', report())).body);
    const { id } = await caseId(r.number);
    await act(handler, id, { action: 'accept' });
    const counties = (
      await t.inject({ method: 'GET', url: '/api/v1/cases/counties', cookie: handler })
    ).json();
    await act(handler, id, {
      action: 'assign',
      unitId: counties.find((c: { area: string }) => c.area === '武陵区').id,
    });
    const due = (await t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie: handler })).json()
      .dueOn as string;
    const run = await t.services.notifications.runReminders('2099-01-01');
    expect(Number(run['cases.due'])).toBeGreaterThanOrEqual(1);
    const inbox = (await t.inject({ method: 'GET', url: '/api/v1/notifications', cookie: county })).body;
    expect(inbox).toContain(`${r.number} 已超过办理期限（${due}）`);
    expect((await t.services.notifications.runReminders('2099-01-01'))['cases.due']).toBe(0);
  });

  it('keeps other roles out of the queue', async () => {
    const officer = await t.loginAs('officer.wl');
    expect((await t.inject({ method: 'GET', url: '/api/v1/cases', cookie: officer })).statusCode).toBe(403);
    const countyQueue = (await t.inject({ method: 'GET', url: '/api/v1/cases', cookie: county })).json();
    expect(
      countyQueue.items.every((c: { assignedUnitName: string }) => c.assignedUnitName === '武陵区环境保护局'),
    ).toBe(true);
  });
});

describe('information requests', () => {
  const request = (over: Record<string, string> = {}) => ({
    formToken: randomBytes(18).toString('base64url'),
    applicantType: 'citizen',
    name: '王五',
    idNumber: '430702199001011234',
    phone: '13907365555',
    description: '请公开2025年某化工园区污水处理厂的在线监测数据。',
    infoForm: 'electronic',
    infoDelivery: 'online',
    ...over,
  });

  it('answers with a Word answer letter in official layout, made only by the receiving bureau, audited', async () => {
    const r = numbersOf((await postForm('/interaction/info-request', request())).body);
    const { id } = await caseId(r.number);
    const early = await t.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/answer-letter.docx`,
      cookie: handler,
    });
    expect(early.statusCode).toBe(409);
    const replied = await act(handler, id, {
      action: 'reply',
      reply: '相关数据见附件。',
      answerType: 'partlyDisclosed',
      answerBasis: '其中涉及商业秘密的部分依据条例第十五条不予公开',
    });
    expect(replied.json()).toMatchObject({ status: 'replied', answerLetter: true });
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/answer-letter.docx`,
      cookie: handler,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(r.number);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('政府信息公开申请答复书');
    expect(xml).toContain('王五：');
    expect(xml).toMatch(/环信复〔\d{4}〕\d+号/);
    expect(xml).toContain('第三十七条');
    expect(xml).toContain('商业秘密');
    expect(xml).toContain('申请行政复议');
    const denied = await t.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/answer-letter.docx`,
      cookie: leader,
    });
    expect(denied.statusCode).toBe(403);
    const audit = (
      await t.inject({
        method: 'GET',
        url: '/api/v1/audit?action=cases.reporter.read&pageSize=100',
        cookie: await t.loginAs('auditor'),
      })
    ).body;
    expect(audit).toContain('answerLetter');
  });

  it('asks a legal person what kind of organisation it is, shows it to the handler and counts it in the annual report', async () => {
    const org = {
      applicantType: 'legalPerson',
      organisation: '湖南某环境研究院',
      idNumber: '12430700MB1234567X',
    };
    const missing = await postForm('/interaction/info-request', request(org));
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.body).toMatch(/id="err-organisationKind"[^>]*>请选择法人或其他组织的类型/);
    const wrong = await postForm('/interaction/info-request', request({ ...org, organisationKind: 'army' }));
    expect(wrong.statusCode).toBe(400);
    const admin = await t.loginAs('admin');
    const report = async () =>
      (await t.inject({ method: 'GET', url: '/api/v1/disclosure-reports/2026', cookie: admin })).json();
    const receivedRow = (r: { tables: Array<{ section: number; rows: string[][] }> }) =>
      r.tables.find((x) => x.section === 3)!.rows.find((x) => x[0]!.startsWith('一、'))!;
    const before = receivedRow(await report());
    const filed = await postForm(
      '/interaction/info-request',
      request({ ...org, organisationKind: 'research' }),
    );
    expect(filed.statusCode).toBe(200);
    const r = numbersOf(filed.body);
    const { id } = await caseId(r.number);
    const detail = (await t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie: handler })).json();
    expect(detail).toMatchObject({ applicantType: 'legalPerson', organisationKind: 'research' });
    // 科研机构 is the third column (自然人, 商业企业, 科研机构, …); a citizen has no kind
    const after = receivedRow(await report());
    expect(Number(after[3]) - Number(before[3])).toBe(1);
    expect(Number(after[7]) - Number(before[7])).toBe(1);
    const citizen = numbersOf((await postForm('/interaction/info-request', request())).body);
    const c = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/cases/${(await caseId(citizen.number)).id}`,
        cookie: handler,
      })
    ).json();
    expect(c.organisationKind).toBeNull();
  });

  it('asks for completion once: the applicant completes it on the portal, and it cannot be asked for again', async () => {
    const r = numbersOf((await postForm('/interaction/info-request', request())).body);
    const { id } = await caseId(r.number);
    const asked = await act(handler, id, { action: 'requestCompletion', note: '请写明所需数据的月份。' });
    expect(asked.json().status).toBe('needsCompletion');
    const done = await postForm('/interaction/track/complete', {
      number: r.number,
      code: r.code,
      text: '所需为2025年1月至6月的数据。',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('补正已提交');
    const after = (await t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie: handler })).json();
    expect(after).toMatchObject({ status: 'received', limit: { stage: 'answer', days: 20 } });
    expect(after.description).toContain('所需为2025年1月至6月的数据。');
    expect(after.actions).not.toContain('requestCompletion');
    expect(after.actions).toContain('reply');
    const again = await act(handler, id, { action: 'requestCompletion', note: '请再写明用途。' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('一次性告知');
  });

  it('treats a request not completed in time as withdrawn, by the leased daily job (injected clock)', async () => {
    const r = numbersOf((await postForm('/interaction/info-request', request())).body);
    const { id } = await caseId(r.number);
    const asked = await act(handler, id, { action: 'requestCompletion', note: '请写明所需数据的时间范围。' });
    expect(asked.json()).toMatchObject({
      status: 'needsCompletion',
      limit: { stage: 'completion', days: 15 },
    });
    const due = asked.json().dueOn as string;
    const job = (day: string) => caseCompletionLapseJob(t.services.cases, () => day);
    expect(job('2026-01-01').leaseMs).toBeGreaterThan(0);
    expect(await job(due).run()).toEqual({ lapsed: 0 }); // the last day itself is still in time
    expect((await job(addDays(due, 1)).run()).lapsed).toBeGreaterThanOrEqual(1);
    const after = (await t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie: handler })).json();
    expect(after).toMatchObject({ status: 'withdrawn', dueOn: null });
    const view = await postForm('/interaction/track', { number: r.number, code: r.code });
    expect(view.body).toContain('视为放弃申请');
    const audit = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/audit?action=cases.lapse&pageSize=100`,
        cookie: await t.loginAs('auditor'),
      })
    ).json();
    expect(JSON.stringify(audit)).toContain('scheduler');
    expect((await job(addDays(due, 2)).run()).lapsed).toBe(0);
  });
});
