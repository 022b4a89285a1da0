// End to end in headless Chromium: an officer records a news report with an evidence photo (a file of
// the wrong type is refused on the way) and submits it; a reviewer finds it in the queue, flagged as a
// possible duplicate of an earlier piece, opens it and approves it — and the assessment fact is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, signInAs, startE2E, type E2E } from './harness.ts';

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
    const stored = fs.readFileSync(path.join(e.t.config.dataDir, 'files', files[0]!.stored_name));
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
    await reviewer.getByTestId('review-instruction').click();
    await reviewer.getByText('市领导批示').click();
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
});
