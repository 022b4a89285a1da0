// Service guides end to end on a real database: editors keep them, a guide missing a required element
// cannot be published (nor lose one once published), forms go through the file store, and the portal
// lists and shows exactly the published ones — with the demo's guides on first start (decision 113).
import { GUIDE_ELEMENTS } from '@greenvoice/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuideFormsDemo } from '../../demo/portal-content-demo.ts';
import { multipartFile } from '../../test/multipart.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
const c: Record<string, string> = {};
const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.inject({ method, url: `/api/v1/service-guides${url}`, cookie, ...(payload ? { payload } : {}) });
const complete = Object.fromEntries(GUIDE_ELEMENTS.map((k) => [k, `${k}（测试）`]));

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  for (const name of ['editor', 'reviewer', 'officer.wl'] as const) c[name] = await t.loginAs(name);
  await seedGuideFormsDemo(t.database.db, t.services.files.stores.guideForms);
});
afterAll(() => t.close());

describe('the demo ships guides', () => {
  it('published ones on the portal with their elements and a form to download; the draft is not there', async () => {
    const list = await t.inject({ method: 'GET', url: '/services' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('建设项目环境影响报告书（表）审批（演示）');
    expect(list.body).toContain('排污许可证核发（演示）');
    expect(list.body).not.toContain('辐射安全许可证');
    const id = /href="\/services\/(\d+)"/.exec(list.body)![1];
    const page = await t.inject({ method: 'GET', url: `/services/${id}` });
    for (const label of [
      '设定依据',
      '申请条件',
      '办理材料',
      '办理地点',
      '办理机构',
      '收费标准',
      '办理时间',
      '联系电话',
      '办理流程',
    ])
      expect(page.body).toContain(label);
    expect(page.body).toMatch(/<meta name="ColumnType" content="办事服务"/);
    const form = /href="(\/services\/\d+\/forms\/\d+)"/.exec(page.body)![1]!;
    const dl = await t.inject({ method: 'GET', url: form });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.rawPayload.subarray(0, 2).toString()).toBe('PK'); // a real .xlsx
  });
});

describe('editing and publishing', () => {
  it('a draft missing elements cannot be published; each missing element is named', async () => {
    const created = await api('POST', '', c.editor!, {
      category: 'other',
      name: '环境信息依申请公开（测试）',
      fees: '不收费',
    });
    expect(created.statusCode, created.body).toBe(201);
    const g = created.json();
    expect(g.missing).toEqual(GUIDE_ELEMENTS.filter((k) => k !== 'name' && k !== 'fees'));
    const refused = await api('POST', `/${g.id}/transition`, c.editor!, {
      version: g.version,
      action: 'publish',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('缺少必备要素');
    expect(refused.json().fields.map((f: { field: string }) => f.field)).toContain('/basis');
    expect((await t.inject({ method: 'GET', url: `/services/${g.id}` })).statusCode).toBe(404);
  });

  it('complete, publish, show; a published guide cannot lose an element; unpublish hides it', async () => {
    const g = (await api('POST', '', c.editor!, { category: 'eia', ...complete, name: '测试事项' })).json();
    expect(g.missing).toEqual([]);
    const pub = await api('POST', `/${g.id}/transition`, c.editor!, {
      version: g.version,
      action: 'publish',
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/services' })).body).toContain('测试事项');
    const blank = await api('PATCH', `/${g.id}`, c.editor!, { version: pub.json().version, fees: ' ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().fields).toEqual([expect.objectContaining({ field: '/fees' })]);
    const edited = await api('PATCH', `/${g.id}`, c.editor!, { version: pub.json().version, fees: '免费' });
    expect(edited.statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: `/services/${g.id}` })).body).toContain('免费'); // cache emptied
    const up = multipartFile('file', '申请表.pdf', Buffer.from('%PDF-1.7\n%guide\n'), 'application/pdf');
    const withForm = await t.inject({
      method: 'POST',
      url: `/api/v1/service-guides/${g.id}/forms`,
      cookie: c.editor,
      ...up,
    });
    expect(withForm.statusCode, withForm.body).toBe(201);
    const form = withForm.json().forms[0];
    expect((await t.inject({ method: 'GET', url: form.url })).statusCode).toBe(200);
    const bad = multipartFile('file', '申请表.pdf', Buffer.from('<script>x</script>'), 'application/pdf');
    expect(
      (
        await t.inject({
          method: 'POST',
          url: `/api/v1/service-guides/${g.id}/forms`,
          cookie: c.editor,
          ...bad,
        })
      ).statusCode,
    ).toBe(415);
    const hidden = await api('POST', `/${g.id}/transition`, c.editor!, {
      version: withForm.json().version,
      action: 'unpublish',
    });
    expect(hidden.statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: `/services/${g.id}` })).statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url: form.url })).statusCode).toBe(404);
    const removed = await api('DELETE', `/${g.id}/forms/${form.id}`, c.editor!);
    expect(removed.json().forms).toEqual([]);
  });

  it('permissions: a reviewer reads but cannot edit or publish; an officer cannot read; changes are audited', async () => {
    expect((await api('GET', '', c.reviewer!)).statusCode).toBe(200);
    expect((await api('POST', '', c.reviewer!, { category: 'other', name: 'x' })).statusCode).toBe(403);
    expect((await api('GET', '', c['officer.wl']!)).statusCode).toBe(403);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['guides.create', 'guides.publish', 'guides.update', 'guides.form.upload'])
      .execute();
    expect(new Set(audit.map((a) => a.action)).size).toBe(4);
  });
});
