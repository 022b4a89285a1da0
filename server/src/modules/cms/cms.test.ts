// The console's CMS API on a real database: the three-review flow with separation of duties,
// sanitising, scheduling, archiving, withdrawing, revisions, channels and files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { multipartFile } from '../../test/multipart.ts';
import { tinyPngWithText } from './test-images.ts';

let t: TestApp;
const c: Record<string, string> = {};
let channelId = 0;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  c.editor = await t.loginAs('editor');
  c.reviewer = await t.loginAs('reviewer');
  c.admin = await t.loginAs('admin');
  c.leader = await t.loginAs('leader');
  c.officer = await t.loginAs('officer.wl');
  const channels = (await t.inject({ method: 'GET', url: '/api/v1/cms/channels', cookie: c.editor })).json();
  channelId = channels.find((x: { code: string }) => x.code === 'tzgg').id;
});
afterAll(() => t.close());

async function draft(title: string, bodyHtml = '<p>正文</p>', extra: Record<string, unknown> = {}) {
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/cms/articles',
    cookie: c.editor,
    payload: { channelId, title, bodyHtml, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; status: string; bodyHtml: string };
}

async function act(
  who: string,
  id: number,
  version: number,
  action: string,
  more: Record<string, unknown> = {},
) {
  return t.inject({
    method: 'POST',
    url: `/api/v1/cms/articles/${id}/transitions`,
    cookie: c[who],
    payload: { version, action, ...more },
  });
}

async function publishThrough(id: number, version: number, publishAt?: string) {
  let v = version;
  for (const [who, action] of [
    ['editor', 'submit'],
    ['reviewer', 'review'],
    ['admin', 'approve'],
    ['editor', 'publish'],
  ] as const) {
    const res = await act(who, id, v, action, action === 'publish' && publishAt ? { publishAt } : {});
    expect(res.statusCode, `${who} ${action}: ${res.body}`).toBe(200);
    v = res.json().version;
  }
  return v;
}

describe('articles', () => {
  it('sanitises the body on the server and lists the draft', async () => {
    const a = await draft(
      '含恶意代码的稿件',
      '<p onclick="x()">正文<script>alert(1)</script><img src=x onerror=alert(1)></p>',
    );
    expect(a.status).toBe('draft');
    expect(a.bodyHtml).toBe('<p>正文</p>');
    const list = await t.inject({
      method: 'GET',
      url: '/api/v1/cms/articles?status=draft',
      cookie: c.reviewer,
    });
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(a.id);
  });

  it('runs draft → submitted → reviewed → approved → published, each step by a different person', async () => {
    const a = await draft('关于三审流程的通知', '<p>三审三校</p>', { docNumber: '常环发〔2026〕1号' });
    const sub = await act('editor', a.id, a.version, 'submit');
    expect(sub.json().status).toBe('submitted');
    // the writer cannot review, even holding the permission (admin wrote nothing here, editor did)
    const self = await act('editor', a.id, sub.json().version, 'review');
    expect(self.statusCode).toBe(403);
    const rev = await act('reviewer', a.id, sub.json().version, 'review');
    expect(rev.json().status).toBe('reviewed');
    expect((await act('reviewer', a.id, rev.json().version, 'approve')).statusCode).toBe(403);
    const appr = await act('leader', a.id, rev.json().version, 'approve');
    expect(appr.json().status).toBe('approved');
    expect(appr.json().actions).toEqual(['return']); // leadership may send it back, not publish
    const pub = await act('editor', a.id, appr.json().version, 'publish');
    expect(pub.json().status).toBe('published');
    expect(pub.json().actions).toEqual(['withdraw', 'archive']);

    const page = await t.inject({ method: 'GET', url: `/articles/${a.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('关于三审流程的通知');
    expect(page.body).toContain('常环发〔2026〕1号');

    const revs = (
      await t.inject({ method: 'GET', url: `/api/v1/cms/articles/${a.id}/revisions`, cookie: c.admin })
    ).json();
    expect(revs.map((r: { action: string }) => r.action)).toEqual([
      'publish',
      'approve',
      'review',
      'submit',
      'create',
    ]);
    const one = await t.inject({
      method: 'GET',
      url: `/api/v1/cms/articles/${a.id}/revisions/${revs[4].id}`,
      cookie: c.admin,
    });
    expect(one.json().bodyHtml).toBe('<p>三审三校</p>');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'portal_article')
      .where('object_id', '=', String(a.id))
      .orderBy('id')
      .execute();
    expect(audit.map((r) => r.action)).toEqual([
      'cms.article.create',
      'cms.article.submit',
      'cms.article.review',
      'cms.article.approve',
      'cms.article.publish',
    ]);
  });

  it('returns an article for revision only with a reason, and refuses stale versions', async () => {
    const a = await draft('待退回的稿件');
    const sub = (await act('editor', a.id, a.version, 'submit')).json();
    const noReason = await act('reviewer', a.id, sub.version, 'return');
    expect(noReason.statusCode).toBe(400);
    expect((await act('reviewer', a.id, a.version, 'review')).statusCode).toBe(409);
    const ret = await act('reviewer', a.id, sub.version, 'return', { reason: '文号有误' });
    expect(ret.json()).toMatchObject({ status: 'draft', returnReason: '文号有误' });
  });

  it('locks published text: withdraw first, and editing makes it a draft that goes through review again', async () => {
    const a = await draft('将被撤稿的稿件');
    const v = await publishThrough(a.id, a.version);
    const edit = await t.inject({
      method: 'PATCH',
      url: `/api/v1/cms/articles/${a.id}`,
      cookie: c.editor,
      payload: { version: v, title: '改过的标题' },
    });
    expect(edit.statusCode).toBe(422);
    const w = await act('editor', a.id, v, 'withdraw');
    expect(w.json().status).toBe('withdrawn');
    expect((await t.inject({ method: 'GET', url: `/articles/${a.id}` })).statusCode).toBe(404);
    const edited = await t.inject({
      method: 'PATCH',
      url: `/api/v1/cms/articles/${a.id}`,
      cookie: c.editor,
      payload: { version: w.json().version, title: '改过的标题' },
    });
    expect(edited.json()).toMatchObject({ status: 'draft', title: '改过的标题' });
  });

  it('schedules publication: hidden until its time, then shown without anyone acting', async () => {
    const a = await draft('定时发布的公告');
    const future = new Date(Date.now() + 3_600_000).toISOString();
    await publishThrough(a.id, a.version, future);
    const got = (
      await t.inject({ method: 'GET', url: `/api/v1/cms/articles/${a.id}`, cookie: c.editor })
    ).json();
    expect(got).toMatchObject({ status: 'published', scheduled: true });
    expect((await t.inject({ method: 'GET', url: `/articles/${a.id}` })).statusCode).toBe(404);
    // time passes
    await t.database.db
      .updateTable('portal_articles')
      .set({ publish_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', a.id)
      .execute();
    expect((await t.inject({ method: 'GET', url: `/articles/${a.id}` })).statusCode).toBe(200);
  });

  it('archives and unarchives a published article', async () => {
    const a = await draft('将归档的公告');
    const v = await publishThrough(a.id, a.version);
    const arch = await act('editor', a.id, v, 'archive');
    expect(arch.json().archived).toBe(true);
    expect((await t.inject({ method: 'GET', url: `/articles/${a.id}` })).body).toContain('is-archived');
    const un = await act('editor', a.id, arch.json().version, 'unarchive');
    expect(un.json().archived).toBe(false);
  });

  it('answers 404 for unknown articles and refuses staff without CMS permissions', async () => {
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/cms/articles/999999', cookie: c.editor })).statusCode,
    ).toBe(404);
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/cms/articles', cookie: c.officer })).statusCode,
    ).toBe(403);
  });
});

describe('channels and site settings', () => {
  it('admins manage channels; codes are unique; a channel with articles cannot be deleted', async () => {
    const payload = { code: 'hjjy', name: '环境教育', nameEn: 'Environmental education', kind: 'news' };
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/cms/channels', cookie: c.editor, payload })).statusCode,
    ).toBe(403);
    const created = await t.inject({ method: 'POST', url: '/api/v1/cms/channels', cookie: c.admin, payload });
    expect(created.statusCode).toBe(201);
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/cms/channels', cookie: c.admin, payload })).statusCode,
    ).toBe(409);
    const ch = created.json();
    const upd = await t.inject({
      method: 'PATCH',
      url: `/api/v1/cms/channels/${ch.id}`,
      cookie: c.admin,
      payload: { version: ch.version, name: '环境宣传教育' },
    });
    expect(upd.json().name).toBe('环境宣传教育');
    expect(
      (await t.inject({ method: 'DELETE', url: `/api/v1/cms/channels/${channelId}`, cookie: c.admin }))
        .statusCode,
    ).toBe(422);
    expect(
      (await t.inject({ method: 'DELETE', url: `/api/v1/cms/channels/${ch.id}`, cookie: c.admin }))
        .statusCode,
    ).toBe(200);
  });

  it('site settings drive the footer', async () => {
    const site = (await t.inject({ method: 'GET', url: '/api/v1/cms/site', cookie: c.admin })).json();
    const put = await t.inject({
      method: 'PUT',
      url: '/api/v1/cms/site',
      cookie: c.admin,
      payload: { ...site, icp: '湘ICP备12345678号' },
    });
    expect(put.statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/' })).body).toContain('湘ICP备12345678号');
  });
});

describe('files', () => {
  it('uploads images without their metadata and serves them locally', async () => {
    const up = multipartFile('file', '现场.png', tinyPngWithText(), 'image/png');
    const res = await t.inject({ method: 'POST', url: '/api/v1/cms/images', cookie: c.editor, ...up });
    expect(res.statusCode, res.body).toBe(201);
    const { url } = res.json();
    expect(url).toMatch(/^\/portal\/images\/[A-Za-z0-9_-]+\.png$/);
    const img = await t.inject({ method: 'GET', url });
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    expect(img.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    const a = await draft('带图片的稿件', `<p><img src="${url}" alt="现场"></p>`);
    expect(a.bodyHtml).toContain(url);
  });

  it('refuses files whose content is not an allowed type', async () => {
    const up = multipartFile('file', 'x.png', Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/cms/images', cookie: c.editor, ...up })).statusCode,
    ).toBe(415);
  });

  it('attaches files to drafts; the public downloads them once the article is live', async () => {
    const a = await draft('带附件的通知');
    const up = multipartFile('file', '任务分解表.pdf', Buffer.from('%PDF-1.7\n%demo\n'), 'application/pdf');
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/cms/articles/${a.id}/attachments`,
      cookie: c.editor,
      ...up,
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect((await t.inject({ method: 'GET', url: file.url })).statusCode).toBe(404); // not live yet
    const current = (
      await t.inject({ method: 'GET', url: `/api/v1/cms/articles/${a.id}`, cookie: c.editor })
    ).json();
    const v = await publishThrough(a.id, current.version);
    const dl = await t.inject({ method: 'GET', url: file.url });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.headers['content-disposition']).toContain(encodeURIComponent('任务分解表.pdf'));
    expect((await t.inject({ method: 'GET', url: `/articles/${a.id}` })).body).toContain('任务分解表.pdf');
    const late = await t.inject({
      method: 'POST',
      url: `/api/v1/cms/articles/${a.id}/attachments`,
      cookie: c.editor,
      ...up,
    });
    expect(late.statusCode).toBe(422);
    expect(v).toBeGreaterThan(1);
  });
});

describe('authors stay', () => {
  it('a person who wrote portal articles cannot be deleted: the articles keep their author', async () => {
    const editor = await t.database.db
      .selectFrom('people')
      .select('id')
      .where('username', '=', 'editor')
      .executeTakeFirstOrThrow();
    const res = await t.inject({ method: 'DELETE', url: `/api/v1/people/${editor.id}`, cookie: c.admin });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('REFERENCED');
  });
});
