// Draft consultations, the monthly statistics and the annual disclosure report through the console API
// and the portal's pages (both databases): a draft published with an attachment takes comments only
// while open, with the intake's guards; comments show only once moderated, masked; after the close day
// each gets its adoption answer, the feedback is published and the comments close; the statistics count
// without personal data; the report balances and comes out as Word and as a draft article.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { chinaDate } from '@greenvoice/common';
import { caseForms } from '../../test/case-forms.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let editor: string;
let handler: string;
let day = '2026-12-02';
beforeAll(async () => {
  t = await createTestApp({
    demo: true,
    env: { CASE_INTAKE_CHALLENGE_AFTER: '50' },
    services: { today: () => day },
  });
  [editor, handler] = await Promise.all([t.loginAs('editor'), t.loginAs('handler')]);
});
afterAll(() => t.close());

const postForm = caseForms(() => t, '10.55').postForm;
const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, cookie = editor) =>
  t.inject({ method, url: `/api/v1${url}`, cookie, ...(payload ? { payload } : {}) });
function upload(url: string, name: string, body: Buffer) {
  const boundary = `----gv${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    cookie: editor,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('a consultation on a draft', () => {
  it('is published, commented on, moderated, answered and its feedback published', async () => {
    const created = await api('POST', '/consultations', {
      title: '常德市扬尘污染防治管理办法（征求意见稿）',
      summary: '公开征求社会公众意见',
      body: '第一条 为防治扬尘污染……\n\n第二条 本办法适用于本市行政区域。',
      opensOn: '2026-12-01',
      closesOn: '2026-12-31',
    });
    expect(created.statusCode).toBe(201);
    let c = created.json();
    expect(c.phase).toBe('draft');
    expect((await api('POST', '/consultations', { ...c, id: undefined })).statusCode).toBe(400);
    const bad = await api('POST', '/consultations', {
      title: 'x',
      body: 'y',
      opensOn: '2026-12-10',
      closesOn: '2026-12-01',
    });
    expect(bad.json().fields[0].field).toBe('/closesOn');

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await upload(`/consultations/${c.id}/files`, '征求意见稿.pdf', pdf);
    expect(up.statusCode).toBe(201);
    c = up.json();
    expect((await t.inject({ method: 'GET', url: `/interaction/consultations/${c.id}` })).statusCode).toBe(
      404,
    );
    c = (
      await api('POST', `/consultations/${c.id}/transition`, { version: c.version, action: 'publish' })
    ).json();
    expect(c.phase).toBe('open');

    const list = await t.inject({ method: 'GET', url: '/interaction/consultations' });
    expect(list.body).toContain(`/interaction/consultations/${c.id}`);
    const page = await t.inject({ method: 'GET', url: `/interaction/consultations/${c.id}` });
    expect(page.body).toContain('征集中');
    expect(page.body).toContain(`action="/interaction/consultations/${c.id}"`);
    const file = await t.inject({ method: 'GET', url: c.files[0].url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);

    const token = randomBytes(18).toString('base64url');
    const empty = await postForm(`/interaction/consultations/${c.id}`, { formToken: token, description: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('id="err-description"');
    const comment = {
      formToken: token,
      description: '建议对夜间施工的渣土车加强管理，我的电话 13907361234 可以联系。',
      name: '李四',
      phone: '13907365678',
    };
    const filed = await postForm(`/interaction/consultations/${c.id}`, comment);
    expect(filed.statusCode).toBe(200);
    expect(filed.body).toMatch(/data-testid="tracking-number">YJ-/);
    const again = await postForm(`/interaction/consultations/${c.id}`, comment);
    expect(again.body).toBe(filed.body.replace(/nonce[^"]*/g, '')); // a double click files one case
    await postForm(`/interaction/consultations/${c.id}`, {
      formToken: randomBytes(18).toString('base64url'),
      description: '第二条的适用范围应包括各县市区的工业园区。',
      name: '王五',
      email: 'wang@example.com',
    });

    // nothing shows before moderation; the shown text is masked and never names the writer
    expect((await t.inject({ method: 'GET', url: `/interaction/consultations/${c.id}` })).body).not.toContain(
      '渣土车',
    );
    let comments = (await api('GET', `/consultations/${c.id}/comments`)).json();
    expect(comments).toHaveLength(2);
    expect(JSON.stringify(comments)).not.toContain('李四');
    comments = (
      await api('POST', `/consultations/${c.id}/comments/${comments[0].id}/moderation`, {
        version: comments[0].version,
        moderation: 'shown',
      })
    ).json();
    const shown = (await t.inject({ method: 'GET', url: `/interaction/consultations/${c.id}` })).body;
    expect(shown).toContain('渣土车');
    expect(shown).not.toContain('13907361234');
    expect(shown).not.toContain('李四');

    // adoption waits for the close day; the feedback waits for every answer
    const early = await api('POST', `/consultations/${c.id}/comments/${comments[0].id}/adoption`, {
      version: comments[0].version,
      adoption: 'adopted',
      reason: '已在第五条增加夜间渣土运输管理要求。',
    });
    expect(early.statusCode).toBe(409);
    day = '2027-01-01';
    const closed = await postForm(`/interaction/consultations/${c.id}`, {
      ...comment,
      formToken: randomBytes(18).toString('base64url'),
    });
    expect(closed.statusCode).toBe(409);
    comments = (
      await api('POST', `/consultations/${c.id}/comments/${comments[0].id}/adoption`, {
        version: comments[0].version,
        adoption: 'adopted',
        reason: '已在第五条增加夜间渣土运输管理要求。',
      })
    ).json();
    c = (await api('GET', `/consultations/${c.id}`)).json();
    const missing = await api('POST', `/consultations/${c.id}/transition`, {
      version: c.version,
      action: 'publishResult',
      resultText: '共收到意见 2 条，采纳 1 条。',
    });
    expect(missing.statusCode).toBe(422);
    const answered = await api('POST', `/consultations/${c.id}/comments/${comments[1].id}/adoption`, {
      version: comments[1].version,
      adoption: 'notAdopted',
      reason: '工业园区另有专门规定。',
    });
    expect(answered.statusCode).toBe(200);
    c = (
      await api('POST', `/consultations/${c.id}/transition`, {
        version: c.version,
        action: 'publishResult',
        resultText: '共收到意见 2 条，采纳 1 条，未采纳 1 条。',
      })
    ).json();
    expect(c.phase).toBe('resultPublished');
    const result = (await t.inject({ method: 'GET', url: `/interaction/consultations/${c.id}` })).body;
    expect(result).toContain('共收到意见 2 条');
    expect(result).toContain('采纳');
    comments = (await api('GET', `/consultations/${c.id}/comments`)).json();
    expect(comments.map((x: { status: string }) => x.status)).toEqual(['closed', 'closed']);

    const { number, code } = {
      number: /data-testid="tracking-number">([^<]+)</.exec(filed.body)![1]!,
      code: /data-testid="query-code">([^<]+)</.exec(filed.body)![1]!,
    };
    const track = await postForm('/interaction/track', { number, code });
    expect(track.body).toContain('已在第五条增加夜间渣土运输管理要求');
  });
});

describe('monthly statistics and the annual disclosure report', () => {
  it('counts the month without personal data, on the portal and in the console', async () => {
    // the comments were filed today (the real clock files cases)
    const now = chinaDate(new Date().toISOString()).slice(0, 7);
    const month = (await api('GET', `/cases/stats?month=${now}`, undefined, handler)).json();
    expect(month.total.received).toBeGreaterThanOrEqual(2);
    expect(
      month.byKind.find((l: { key: string }) => l.key === 'draftComment').received,
    ).toBeGreaterThanOrEqual(2);
    const portal = await t.inject({ method: 'GET', url: `/interaction/statistics?month=${now}` });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain(`${now.slice(0, 4)}年${Number(now.slice(5))}月公众诉求办理情况`);
    expect(portal.body).not.toContain('李四');
    expect((await t.inject({ method: 'GET', url: '/interaction/statistics?month=2026-13' })).statusCode).toBe(
      404,
    );
  });

  it('makes the year’s report: balanced tables, Word in official layout, a draft article', async () => {
    let r = (await api('GET', '/disclosure-reports/2018')).json();
    expect(r.requests.received + r.requests.carriedIn).toBe(r.requests.handled + r.requests.carriedOut);
    r = (
      await api('PUT', '/disclosure-reports/2018', {
        version: r.version,
        entered: { ...r.entered, overview: '我局认真贯彻落实《条例》。', review: [1, 0, 0, 0] },
      })
    ).json();
    expect(r.sections[0].paragraphs).toContain('我局认真贯彻落实《条例》。');
    const docx = await api('GET', '/disclosure-reports/2018/report.docx');
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('收到和处理政府信息公开申请情况');
    expect(xml).toContain('2018年政府信息公开工作年度报告');
    r = (await api('POST', '/disclosure-reports/2018/article', {})).json();
    expect(r.articleId).toBeTypeOf('number');
    const article = (await api('GET', `/cms/articles/${r.articleId}`)).json();
    expect(article.title).toContain('2018年政府信息公开工作年度报告');
    expect(article.attachments ?? article.files).toHaveLength(1);
    expect((await api('POST', '/disclosure-reports/2018/article', {})).statusCode).toBe(409);
  });
});
