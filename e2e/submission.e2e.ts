// End to end in headless Chromium: an officer records a news report with an evidence photo (a file of
// the wrong type is refused on the way) and submits it; a reviewer finds it in the queue, flagged as a
// possible duplicate of an earlier piece, opens it and approves it — and the assessment fact is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll } from '../server/src/files/file-store.ts';
import { chooseOption, clickToWrite, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
let dir: string;
beforeAll(async () => {
  e = await startE2E();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-e2e-'));
  const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2e7d32' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'e2e-exif-marker' } })
    .toBuffer();
  fs.writeFileSync(path.join(dir, '活动现场.jpg'), photo);
  fs.writeFileSync(path.join(dir, '说明.png'), '这是文字，不是图片');
});
afterAll(async () => {
  await e?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const TITLE = '武陵区举办2018年六五环境日主题宣传活动';
const LINK = 'https://www.cdrb.example.cn/html/2018-06/05/content_1.htm';

describe('submission and review', () => {
  it('an officer submits with evidence; a reviewer sees the duplicate flag and approves', async () => {
    // an earlier report of the same article, shared another way, from another unit
    const db = e.t.database.db;
    const outlet = await db
      .selectFrom('outlets')
      .select('id')
      .where('name', '=', '常德日报')
      .executeTakeFirstOrThrow();

    const page = await e.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signInAs(page, e.base, 'officer.wl');
    await page.getByTestId('nav-submissions').click();
    await page.getByTestId('submission-create').click();
    await page.getByTestId('submission-title').fill(TITLE);
    await page.getByTestId('submission-outlet').click();
    await page.keyboard.type('常德日报');
    await page.keyboard.press('Enter');
    await page.getByTestId('submission-link').fill(LINK);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('evidence-choose').click();
    await (await chooser).setFiles([path.join(dir, '活动现场.jpg'), path.join(dir, '说明.png')]);
    // the text file named .png is refused, naming what it really is
    await expect(page.getByTestId('evidence-error').textContent()).resolves.toContain('text/plain');
    await page.locator('.ant-upload-list-item-done').first().waitFor();
    await shot(page, 'submission-form');
    await page.getByTestId('submission-submit').click();
    const row = page.getByTestId('submissions-table').locator('tbody tr.ant-table-row', { hasText: TITLE });
    await row.getByTestId('status-submitted').waitFor();
    await shot(page, 'submission-officer-list');

    const saved = await db
      .selectFrom('submissions')
      .select(['id', 'status'])
      .where('title', '=', TITLE)
      .executeTakeFirstOrThrow();
    const files = await db
      .selectFrom('evidence_files')
      .selectAll()
      .where('submission_id', '=', saved.id)
      .execute();
    expect(files.map((f) => f.media_type)).toEqual(['image/jpeg']);
    const stored = await readAll((await e.t.services.files.stores.evidence.open(files[0]!.stored_name))!);
    expect(stored.includes('e2e-exif-marker')).toBe(false);

    // the same article reported by 鼎城区 through the API, link with tracking parameters
    await db
      .insertInto('submissions')
      .values({
        owner_unit_id: (
          await db.selectFrom('units').select('id').where('code', '=', 'CDHB').executeTakeFirstOrThrow()
        ).id,
        unit_id: (
          await db.selectFrom('units').select('id').where('code', '=', 'CD-DC').executeTakeFirstOrThrow()
        ).id,
        kind: 'newsReport',
        status: 'submitted',
        title: '鼎城区参与全市六五环境日活动',
        title_norm: '鼎城区参与全市六五环境日活动',
        fact_date: '2018-06-05',
        outlet_id: outlet.id,
        link: `${LINK}?from=timeline`,
        link_norm: 'cdrb.example.cn/html/2018-06/05/content_1.htm',
        themes: '[]',
        created_by: 0,
        created_by_name: '鼎城区信息员',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    await page.close();

    const reviewer = await e.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signInAs(reviewer, e.base, 'reviewer');
    await reviewer.getByTestId('nav-review').click();
    const queued = reviewer.getByTestId('review-table').locator('tbody tr.ant-table-row', { hasText: TITLE });
    await queued.getByTestId('duplicate-flag').waitFor();
    await shot(reviewer, 'submission-queue');
    await queued.getByTestId(`submission-link-${saved.id}`).click();
    await reviewer.getByTestId('detail-duplicates').waitFor();
    await expect(reviewer.getByTestId('detail-duplicates').textContent()).resolves.toContain(
      '鼎城区参与全市六五环境日活动',
    );
    await reviewer.getByTestId(`evidence-${files[0]!.id}`).waitFor();
    await reviewer.getByTestId('detail-approve').click();
    await chooseOption(reviewer, 'review-instruction', '市领导批示');
    await shot(reviewer, 'submission-review');
    await reviewer.getByTestId('review-confirm').click();
    await reviewer.getByTestId('status-approved').waitFor();
    await shot(reviewer, 'submission-approved');
    await reviewer.close();

    const fact = await db
      .selectFrom('assessment_facts')
      .selectAll()
      .where('source', '=', 'submission')
      .where('source_id', '=', saved.id)
      .executeTakeFirstOrThrow();
    expect(fact).toMatchObject({
      kind: 'newsReport',
      outlet_level: 'municipal',
      outlet_medium: 'paper',
      leader_instruction: 'municipal',
      title: TITLE,
    });
  });

  it(
    'the dead ends by clicking: withdraw and delete with a confirmation, 批示 recorded later, a contact given a login',
    { timeout: 180_000 },
    async () => {
      const db = e.t.database.db;
      const outlet = await db
        .selectFrom('outlets')
        .select('id')
        .where('name', '=', '湖南日报')
        .executeTakeFirstOrThrow();
      const page = await e.browser.newPage({ viewport: { width: 1360, height: 900 } });
      await signInAs(page, e.base, 'officer.wl');
      const title = '武陵区开展饮用水水源地专项检查（撤回测试）';
      const made = await page.request.post(`${e.base}/api/v1/submissions`, {
        headers: { origin: e.base },
        data: {
          kind: 'newsReport',
          title,
          date: '2018-07-02',
          outletId: outlet.id,
          link: 'https://www.hnrb.example.cn/2018/07/02/withdraw.html',
          submit: true,
        },
      });
      expect(made.status()).toBe(201);
      const id = ((await made.json()) as { id: number }).id;
      await page.goto(`${e.base}/admin/submissions/${id}`);
      await page.getByTestId('status-submitted').waitFor();
      await page.getByTestId('detail-withdraw').click();
      await page.getByTestId('withdraw-confirm').click();
      await page.getByTestId('status-draft').waitFor();
      await page.getByTestId('detail-delete').click();
      await shot(page, 'submission-delete-confirm');
      await page.getByTestId('delete-confirm').click();
      await page.waitForURL(/\/admin\/submissions$/);
      expect(await db.selectFrom('submissions').select('id').where('id', '=', id).executeTakeFirst()).toBe(
        undefined,
      );
      await page.close();

      // the piece approved above: the province's adoption and a leader's instruction arrive later
      const approved = await db
        .selectFrom('submissions')
        .select('id')
        .where('title', '=', TITLE)
        .executeTakeFirstOrThrow();
      const reviewer = await e.browser.newPage({ viewport: { width: 1360, height: 900 } });
      await signInAs(reviewer, e.base, 'reviewer');
      await reviewer.goto(`${e.base}/admin/submissions/${approved.id}`);
      await reviewer.getByTestId('detail-outcome').click();
      await chooseOption(reviewer, 'outcome-instruction', '省领导批示');
      await reviewer.getByTestId('outcome-note').fill('省领导批示：做法好');
      await shot(reviewer, 'submission-outcome');
      await reviewer.getByTestId('outcome-confirm').click();
      await reviewer.getByTestId('outcome-confirm').waitFor({ state: 'detached' });
      await reviewer.getByTestId('detail-fields').getByText('省领导批示：做法好', { exact: false }).waitFor();
      const fact = await db
        .selectFrom('assessment_facts')
        .select('leader_instruction')
        .where('source', '=', 'submission')
        .where('source_id', '=', approved.id)
        .executeTakeFirstOrThrow();
      expect(fact.leader_instruction).toBe('provincial');
      await reviewer.close();

      // a contact named in the campaign (no account) gets a login from the people page
      const contact = await db
        .selectFrom('people')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select(['people.id', 'people.name'])
        .where('units.code', '=', 'CD-DC')
        .where('people.username', 'is', null)
        .orderBy('people.id')
        .executeTakeFirstOrThrow();
      const admin = await e.browser.newPage({ viewport: { width: 1360, height: 900 } });
      await signInAs(admin, e.base, 'admin');
      await admin.getByTestId('nav-people').click();
      const search = admin
        .locator('[data-testid="people-search"] input, input[data-testid="people-search"]')
        .first();
      await search.fill(contact.name);
      await search.press('Enter');
      await admin.getByTestId(`create-login-${contact.id}`).click();
      await admin.getByTestId('create-login-username').fill('contact.dc');
      await clickToWrite(admin, admin.getByTestId('create-login-confirm'), '/account');
      const temporary = (await admin.getByTestId('temporary-password').textContent())!.trim();
      await shot(admin, 'people-create-login');
      await admin.close();
      const login = await e.t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'contact.dc', password: temporary },
      });
      expect(login.statusCode, login.body).toBe(200);
      expect(login.json().mustChangePassword).toBe(true);
    },
  );
});
