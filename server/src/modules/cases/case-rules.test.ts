// Public cases, the rules no other test held (both databases): the reminder REMIND_DAYS_BEFORE days
// before a limit — once, to the unit holding the case — and the overdue flag and reminder after it; the
// monthly statistics' on-time and late figures with no personal data in them; an information request's
// answer that withholds refused without its legal basis; an 11 MB photo and a report without its place
// refused next to the field with nothing written; the reporter's identity erased by the job after the
// keeping period (audited, the case kept) and never stored in plaintext; the handler's instructions on
// assigning a case to a county bureau (decision 213). One app with a controllable clock; every test
// files from its own client address so the portal's budgets of one do not spill into another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate, REMIND_DAYS_BEFORE } from '@greenvoice/common';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { nowIso } from '../../db/database.ts';
import { STORE_NAMES } from '../../files/file-stores.ts';
import { caseIdentityEraseJob } from './cases-jobs.ts';
import { openSecret } from '../auth/secret-box.ts';
import { caseForms, casesTestApp, filedCase, formToken, infoRequestForm } from '../../test/case-forms.ts';
import type { TestApp } from '../../test/test-app.ts';

/** the service's today; null: the real one */
let clock: string | null = null;
const realToday = () => chinaDate(nowIso());
let t: TestApp;
/** the signed-in handler of the receiving bureau, of the 武陵区 county bureau, and the auditor */
let [handler, county, auditor] = ['', '', ''];
let wlId: number;

beforeAll(async () => {
  ({ t, handler, county, auditor, wlId } = await casesTestApp(
    { CASE_INTAKE_CHALLENGE_AFTER: '50' },
    () => clock ?? realToday(),
  ));
});
afterAll(() => t.close());

const forms = caseForms(() => t, '10.88');
/** the daily erasure job as the scheduler runs it, on this day of the services' clock */
async function eraseOn(day: string) {
  clock = day;
  try {
    return await caseIdentityEraseJob(t.services.cases).run();
  } finally {
    clock = null;
  }
}
const postReport = (form: Record<string, string>, files: Parameters<typeof forms.postMultipart>[2] = []) =>
  forms.postMultipart('/interaction/report', form, files, forms.client());
const postForm = (url: string, form: Record<string, string>) => forms.postForm(url, form, forms.client());
const token = formToken;
const report = (over: Record<string, string> = {}) => ({
  formToken: token(),
  category: 'noise',
  county: '武陵区',
  address: '武陵区洞庭大道某建筑工地',
  description: '工地每天夜里十二点以后仍在施工，噪声很大。',
  anonymous: '1',
  ...over,
});
const infoRequest = infoRequestForm;
const file = (res: Promise<{ statusCode: number; body: string }>) => filedCase(t, handler, res);
const get = (cookie: string, id: number) => t.inject({ method: 'GET', url: `/api/v1/cases/${id}`, cookie });
const act = async (cookie: string, id: number, body: Record<string, unknown>) =>
  t.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    cookie,
    payload: { version: (await get(handler, id)).json().version, ...body },
  });
const caseCount = async () =>
  (await t.inject({ method: 'GET', url: '/api/v1/cases?pageSize=1', cookie: handler })).json()
    .total as number;
/**
 * Everything the photos' store holds, half-written pieces included: its files and temporary files on
 * disk, or its rows (complete or not) in stored_files.
 */
const photoStoreContents = async () =>
  (t.services.files.backend === 'disk'
    ? (
        await readdir(path.join(t.config.dataDir, STORE_NAMES.casePhotos), {
          recursive: true,
          withFileTypes: true,
        }).catch(() => [])
      )
        .filter((f) => f.isFile())
        .map((f) => path.join(f.parentPath, f.name))
    : (
        await t.database.db
          .selectFrom('stored_files')
          .select('key')
          .where('store', '=', STORE_NAMES.casePhotos)
          .execute()
      ).map((r) => r.key)
  ).sort();
/** the titles of this person's notifications that name the case */
const remindersOf = async (cookie: string, number: string) =>
  (
    (await t.inject({ method: 'GET', url: '/api/v1/notifications?pageSize=100', cookie })).json()
      .items as Array<{
      title: { zh: string };
    }>
  )
    .map((n) => n.title.zh)
    .filter((s) => s.includes(number));
/** a 400 in the project's one error shape, naming this one field in Chinese and English */
function expectRefused(res: { statusCode: number; json(): unknown }, field: string, zh: string, en: string) {
  expect(res.statusCode).toBe(400);
  // the one field, nothing else
  expect(res.json()).toMatchObject({
    code: 'VALIDATION_FAILED',
    fields: [{ field, message: zh, messageEn: en }],
  });
  expect((res.json() as { fields: unknown[] }).fields).toHaveLength(1);
}
const auditRows = async (action: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('reminders before the limit and the overdue flag', () => {
  it(`reminds the county holding a case ${REMIND_DAYS_BEFORE} days before its limit, once, and flags it overdue after`, async () => {
    const r = await file(postReport(report()));
    await act(handler, r.id, { action: 'accept' });
    await act(handler, r.id, { action: 'assign', unitId: wlId });
    const due = (await get(handler, r.id)).json().dueOn as string;
    expect(due).toBe(addDays(realToday(), 60));
    const run = (day: string) => t.services.notifications.runReminders(day);

    await run(addDays(due, -REMIND_DAYS_BEFORE - 1));
    expect(await remindersOf(county, r.number)).toEqual([]);
    await run(addDays(due, -REMIND_DAYS_BEFORE));
    const dueSoon = `案件 ${r.number} 将于 ${due} 到期`;
    expect(await remindersOf(county, r.number)).toEqual([dueSoon]);
    // the receiving bureau is not told about a case a county holds
    expect(await remindersOf(handler, r.number)).toEqual([]);
    // not again on the next runs before the limit
    await run(addDays(due, -REMIND_DAYS_BEFORE));
    await run(addDays(due, -1));
    await run(due);
    expect(await remindersOf(county, r.number)).toEqual([dueSoon]);

    // the flag and the queue's timeliness filter, day by day around the limit (the handler's and the county's)
    const filtered = async (cookie: string, timeliness: string) =>
      (
        await t.inject({ method: 'GET', url: `/api/v1/cases?timeliness=${timeliness}&q=${r.number}`, cookie })
      ).json().items.length as number;
    const expected: Array<[string, string]> = [
      [addDays(due, -REMIND_DAYS_BEFORE - 1), 'onTime'],
      [addDays(due, -REMIND_DAYS_BEFORE), 'dueSoon'],
      [due, 'dueSoon'],
      [addDays(due, 1), 'overdue'],
    ];
    try {
      for (const [day, flag] of expected) {
        clock = day;
        expect([day, (await get(handler, r.id)).json().timeliness]).toEqual([day, flag]);
        for (const cookie of [handler, county])
          for (const f of ['onTime', 'dueSoon', 'overdue'])
            expect([day, cookie === county, f, await filtered(cookie, f)]).toEqual([
              day,
              cookie === county,
              f,
              f === flag ? 1 : 0,
            ]);
      }
    } finally {
      clock = null;
    }
    await run(addDays(due, 1));
    await run(addDays(due, 2));
    const late = `案件 ${r.number} 已超过办理期限（${due}）`;
    expect((await remindersOf(county, r.number)).sort()).toEqual([dueSoon, late].sort());
  });

  it('reminds the receiving bureau’s handlers of a case no county holds', async () => {
    const r = await file(postReport(report()));
    await act(handler, r.id, { action: 'accept' });
    const due = (await get(handler, r.id)).json().dueOn as string;
    await t.services.notifications.runReminders(addDays(due, -REMIND_DAYS_BEFORE));
    expect(await remindersOf(handler, r.number)).toEqual([`案件 ${r.number} 将于 ${due} 到期`]);
    expect(await remindersOf(county, r.number)).toEqual([]);
  });
});

describe('monthly statistics', () => {
  it('counts reports answered on time and late, and carries no personal data', async () => {
    const month = realToday().slice(0, 7);
    const stats = async () =>
      (await t.inject({ method: 'GET', url: `/api/v1/cases/stats?month=${month}`, cookie: handler })).json();
    const before = await stats();
    const name = '钱七七';
    const phone = '13907362222';
    const who = { anonymous: '', name, phone, shareIdentity: '' };
    const onTime = await file(postReport(report(who)));
    const late = await file(postReport(report({ ...who, county: '鼎城区', category: 'water' })));
    const open = await file(postReport(report(who)));
    await act(handler, onTime.id, { action: 'accept' });
    await act(handler, onTime.id, { action: 'reply', reply: '已责令工地夜间停工。' });
    // accepted 70 days ago: its 60 days ended before today's reply
    clock = addDays(realToday(), -70);
    try {
      await act(handler, late.id, { action: 'accept' });
    } finally {
      clock = null;
    }
    await act(handler, late.id, { action: 'reply', reply: '已查处。' });
    const after = await stats();
    const delta = (a: Record<string, number>, b: Record<string, number> | undefined, k: string) =>
      a[k]! - (b?.[k] ?? 0);
    const keys = ['received', 'answered', 'onTime', 'late'];
    expect(Object.fromEntries(keys.map((k) => [k, delta(after.total, before.total, k)]))).toEqual({
      received: 3,
      answered: 2,
      onTime: 1,
      late: 1,
    });
    const line = (s: typeof after, group: string, key: string) =>
      s[group].find((l: { key: string }) => l.key === key);
    const dc = line(after, 'byCounty', '鼎城区');
    expect([
      delta(dc, line(before, 'byCounty', '鼎城区'), 'onTime'),
      delta(dc, line(before, 'byCounty', '鼎城区'), 'late'),
    ]).toEqual([0, 1]);
    const water = line(after, 'byCategory', 'water');
    expect(delta(water, line(before, 'byCategory', 'water'), 'late')).toBe(1);
    // the still open one is neither on time nor late; it is not overdue yet
    expect(delta(after.total, before.total, 'overdue')).toBe(0);
    expect(open.id).toBeGreaterThan(0);

    const console = JSON.stringify(after);
    const page = await t.inject({ method: 'GET', url: `/interaction/statistics?month=${month}` });
    expect(page.statusCode).toBe(200);
    const portal = page.body;
    expect(portal).toContain('鼎城区');
    for (const text of [console, portal])
      for (const personal of [name, phone, onTime.number, late.number, '洞庭大道', '夜里十二点'])
        expect(text).not.toContain(personal);
  });
});

describe('the legal basis of an information request’s answer', () => {
  it('refuses “not disclosed” and “partly disclosed” without their basis, in Chinese and English', async () => {
    const r = await file(postForm('/interaction/info-request', infoRequest()));
    const reply = (over: Record<string, unknown>) =>
      act(handler, r.id, { action: 'reply', reply: '经审查，该信息不予公开。', ...over });
    for (const answerType of ['notDisclosed', 'partlyDisclosed']) {
      const bare = await reply({ answerType, answerGround: 'thirdParty' });
      expectRefused(
        bare,
        '/answerBasis',
        '该答复类型须写明依据、负责机关或获取途径',
        'This answer needs its legal basis, the responsible agency or where to find it',
      );
      // blank is no basis
      expect((await reply({ answerType, answerGround: 'thirdParty', answerBasis: '  ' })).statusCode).toBe(
        400,
      );
    }
    const noGround = await reply({ answerType: 'notDisclosed', answerBasis: '《条例》第十五条' });
    expectRefused(
      noGround,
      '/answerGround',
      '请选择不予公开的理由类别',
      'Choose the ground for not disclosing',
    );
    const unchanged = (await get(handler, r.id)).json();
    expect(unchanged).toMatchObject({ status: 'received', answerType: null, replyText: null });
    const answer = {
      answerType: 'notDisclosed',
      answerGround: 'thirdParty',
      answerBasis: '《中华人民共和国政府信息公开条例》第十五条',
    };
    const ok = await reply(answer);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'replied', ...answer });
  });
});

describe('what a report form refuses, writing nothing', () => {
  it('refuses an 11 MB photo beside the field: no case, no file left', async () => {
    const [cases, files] = [await caseCount(), await photoStoreContents()];
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(big);
    const res = await postReport(report(), [{ name: 'site.jpg', body: big, type: 'image/jpeg' }]);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/id="err-photos"[^>]*>照片“site.jpg”超过 10 MB</);
    // the rest of the form comes back filled in
    expect(res.body).toContain('武陵区洞庭大道某建筑工地');
    expect(await caseCount()).toBe(cases);
    expect(await photoStoreContents()).toEqual(files);
  });

  it('refuses a report without its place beside the field, as a page, and writes nothing', async () => {
    const cases = await caseCount();
    const res = await postReport(report({ address: '  ' }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/id="err-address"[^>]*>请填写事发的具体地点</);
    expect(res.body).toMatch(/aria-describedby="[^"]*err-address/);
    expect(res.body).not.toContain('id="err-county"');
    const neither = await postReport(report({ address: '', county: '' }));
    expect(neither.body).toMatch(/id="err-county"[^>]*>请选择事发地所在区县</);
    expect(neither.body).toMatch(/id="err-address"[^>]*>请填写事发的具体地点</);
    expect(await caseCount()).toBe(cases);
  });
});

describe('the reporter’s identity', () => {
  const name = '孙八八';
  const phone = '13907361111';

  it('is stored sealed: neither the name nor the phone is anywhere in the database rows', async () => {
    const r = await file(postReport(report({ anonymous: '', name, phone })));
    const db = t.database.db;
    const rows = [
      await db.selectFrom('case_reporters').selectAll().where('case_id', '=', r.id).executeTakeFirstOrThrow(),
      await db.selectFrom('cases').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow(),
      ...(await db.selectFrom('case_events').selectAll().where('case_id', '=', r.id).execute()),
      ...(await auditRows('cases.file')),
    ];
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(name);
    expect(raw).not.toContain(phone);
    expect(raw).not.toContain('1390736'); // nor a part of the number
    // not merely encoded: no base64 or hex run of the row decodes to them either
    const decoded = (raw.match(/[A-Za-z0-9+/=]{16,}/g) ?? []).flatMap((run) => [
      Buffer.from(run, 'base64').toString('utf8'),
      Buffer.from(run, 'hex').toString('utf8'),
    ]);
    for (const d of decoded) for (const plain of [name, phone]) expect(d).not.toContain(plain);
    // sealed with a key outside the database: another key does not open it
    const { sealed } = rows[0] as { sealed: string };
    expect(sealed).toMatch(/^v1:/);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    // and it opens with the installation's key
    const opened = await t.inject({ method: 'GET', url: `/api/v1/cases/${r.id}/reporter`, cookie: handler });
    expect(opened.json()).toMatchObject({ name, phone });
  });

  it('is erased by the job after the keeping period, audited, and the case is kept', async () => {
    const r = await file(postReport(report({ anonymous: '', name, phone })));
    await act(handler, r.id, { action: 'accept' });
    await act(handler, r.id, { action: 'reply', reply: '已责令整改。' });
    await act(handler, r.id, { action: 'close' });
    const keptUntil = addDays(realToday(), t.config.caseIdentityRetentionDays);
    const row = () =>
      t.database.db
        .selectFrom('case_reporters')
        .select('erase_after')
        .where('case_id', '=', r.id)
        .executeTakeFirst();
    expect(await row()).toEqual({ erase_after: keptUntil });
    expect(await eraseOn(addDays(keptUntil, -1))).toEqual({ erased: 0 });
    expect(await row()).toEqual({ erase_after: keptUntil });
    expect((await auditRows('cases.reporter.erase')).filter((a) => a.object_id === String(r.id))).toEqual([]);

    expect(await eraseOn(keptUntil)).toEqual({ erased: 1 });
    expect(await row()).toBeUndefined();
    const audited = (await auditRows('cases.reporter.erase')).filter(
      (a) => String(a.object_id) === String(r.id),
    );
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.detail as string)).toEqual({ keptUntil });
    const kept = (await get(handler, r.id)).json();
    expect(kept).toMatchObject({ status: 'closed', reporter: 'erased', replyText: '已责令整改。' });
    expect(kept.events.at(-1)).toMatchObject({ action: 'identityErased', note: `保存期满（${keptUntil}）` });
    // a second run finds nothing more to erase
    expect(await eraseOn(keptUntil)).toEqual({ erased: 0 });
    // and the audit log in words says so to the auditor
    const log = await t.inject({
      method: 'GET',
      url: '/api/v1/audit?action=cases.reporter.erase&pageSize=100',
      cookie: auditor,
    });
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain(keptUntil);
  });
});

describe('the handler’s instructions on assigning a case to a county bureau', () => {
  const instructions =
    '请三日内到现场核查夜间施工许可，可联系举报人孙八八（13907361111）了解情况，附照片报送。';
  type Ev = { action: string; note: string | null; public: boolean };
  const instructed = (events: Ev[]) => events.filter((e) => e.action === 'assignInstructions');

  it('stores them with the assignment, audited, shown to the handler and (masked) the county, never to the person', async () => {
    const r = await file(postReport(report({ anonymous: '', name: '孙八八', phone: '13907361111' })));
    await act(handler, r.id, { action: 'accept' });
    const assigned = await act(handler, r.id, {
      action: 'assign',
      unitId: wlId,
      instructions: `  ${instructions}\n`,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().status).toBe('assigned');
    const mine = instructed(assigned.json().events);
    expect(mine).toEqual([expect.objectContaining({ note: instructions, public: false })]);
    const steps = assigned.json().events.map((e: Ev) => e.action);
    expect(steps.slice(-2)).toEqual(['assign', 'assignInstructions']);

    // the county reads them, the reporter's details masked (they did not agree to be contacted)
    const seen = (await get(county, r.id)).json();
    expect(instructed(seen.events).map((e) => e.note)).toEqual([
      '请三日内到现场核查夜间施工许可，可联系举报人[姓名已隐去]（[电话已隐去]）了解情况，附照片报送。',
    ]);
    // the person's page does not show them
    const page = await postForm('/interaction/track', { number: r.number, code: r.code });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('已转交武陵区环境保护局办理');
    expect(page.body).not.toContain('现场核查夜间施工许可');

    // audited with the assignment, their length only (an audit detail never quotes a case)
    const audited = (await auditRows('cases.assign')).filter((a) => String(a.object_id) === String(r.id));
    expect(audited.map((a) => JSON.parse(a.detail as string))).toEqual([
      { from: 'accepted', to: 'assigned', unitId: wlId, instructions: instructions.length },
    ]);

    // taken back and assigned again: the county reads the new instructions, not the old ones
    await act(handler, r.id, { action: 'recall' });
    await act(handler, r.id, { action: 'assign', unitId: wlId, instructions: '改为夜间突击检查。' });
    expect(instructed((await get(county, r.id)).json().events).map((e) => e.note)).toEqual([
      '改为夜间突击检查。',
    ]);
    expect(instructed((await get(handler, r.id)).json().events)).toHaveLength(2);
  });

  it('takes none (no step of them), refuses them too long or on another step, changing nothing', async () => {
    const r = await file(postReport(report()));
    const onAccept = await act(handler, r.id, { action: 'accept', instructions: '请核查' });
    expectRefused(
      onAccept,
      '/instructions',
      '只有转办属地时可以填写办理要求',
      'Instructions to a county bureau go with an assignment only',
    );
    expect((await get(handler, r.id)).json().status).toBe('received');
    await act(handler, r.id, { action: 'accept' });
    const long = await act(handler, r.id, {
      action: 'assign',
      unitId: wlId,
      instructions: '查'.repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('VALIDATION_FAILED');
    expect((await get(handler, r.id)).json().status).toBe('accepted');
    const bare = await act(handler, r.id, { action: 'assign', unitId: wlId, instructions: '   ' });
    expect(bare.statusCode, bare.body).toBe(200);
    expect(instructed(bare.json().events)).toEqual([]);
    const max = await file(postReport(report()));
    await act(handler, max.id, { action: 'accept' });
    const full = await act(handler, max.id, {
      action: 'assign',
      unitId: wlId,
      instructions: '查'.repeat(2000),
    });
    expect(full.statusCode, full.body).toBe(200);
  });
});
