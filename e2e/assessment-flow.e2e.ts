// The plan's loop end to end in headless Chromium: an officer submits a report with evidence, a reviewer
// approves it, the ranking changes, and a bulletin is drafted, approved by leadership, published and
// downloaded as Word.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, shot, signInAs, startE2E, type E2E } from './harness.ts';

let e: E2E;
let photo: string;
beforeAll(async () => {
  e = await startE2E();
  photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gv-e2e-')), '现场照片.png');
  await sharp({ create: { width: 200, height: 120, channels: 3, background: '#1f8a4c' } })
    .png()
    .toFile(photo);
});
afterAll(() => e?.close());

const TITLE = '武陵区开展“六五”环境日“美丽中国，我是行动者”主题宣传';

async function wulingPoints(page: Page, planId: number): Promise<number> {
  const res = await apiGet(page, `${e.base}/api/v1/assessment/plans/${planId}/rankings?period=month&index=6`);
  expect(res.status()).toBe(200);
  const ranking = (await res.json()) as {
    groups: Array<{ rows: Array<{ unitName: string; points: number }> }>;
  };
  const row = ranking.groups.flatMap((g) => g.rows).find((r) => r.unitName === '武陵区环境保护局');
  return row!.points;
}

describe('assessment loop', () => {
  it('officer submits → reviewer approves → ranking changes → bulletin approved, published and downloaded', async () => {
    const db = e.t.database.db;
    const plan = await db
      .selectFrom('assessment_plans')
      .select('id')
      .where('year', '=', 2018)
      .executeTakeFirstOrThrow();

    // The officer records a 人民日报 report of June 5, 2018, with a photo.
    const officer = await e.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signInAs(officer, e.base, 'officer.wl');
    const before = await wulingPoints(officer, plan.id);
    await officer.getByTestId('nav-submissions').click();
    await officer.getByTestId('submission-create').click();
    await officer.getByTestId('submission-title').fill(TITLE);
    await officer.getByTestId('submission-date').click();
    await officer.keyboard.press('ControlOrMeta+A');
    await officer.keyboard.type('2018-06-05');
    await officer.keyboard.press('Enter');
    await officer.getByTestId('submission-outlet').click();
    await officer.keyboard.type('人民日报');
    await officer.keyboard.press('Enter');
    await officer
      .getByTestId('submission-link')
      .fill('http://paper.people.com.cn/rmrb/html/2018-06/05/nw.D110000renmrb_20180605_3-12.htm');
    const chooser = officer.waitForEvent('filechooser');
    await officer.getByTestId('evidence-choose').click();
    await (await chooser).setFiles(photo);
    await officer.locator('.ant-upload-list-item-done').first().waitFor();
    await officer.getByTestId('submission-submit').click();
    const row = officer
      .getByTestId('submissions-table')
      .locator('tbody tr.ant-table-row', { hasText: TITLE });
    await row.getByTestId('status-submitted').waitFor();
    const saved = await db
      .selectFrom('submissions')
      .select(['id', 'fact_date'])
      .where('title', '=', TITLE)
      .executeTakeFirstOrThrow();
    expect(saved.fact_date).toBe('2018-06-05');
    await officer.close();

    // The reviewer approves it.
    const reviewer = await e.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signInAs(reviewer, e.base, 'reviewer');
    await reviewer.goto(`${e.base}/admin/submissions/${saved.id}`);
    await reviewer.getByTestId('detail-approve').click();
    await reviewer.getByTestId('review-confirm').click();
    await reviewer.getByTestId('status-approved').waitFor();
    await reviewer.close();

    // Leadership sees the ranking changed: 武陵区 gained points for June.
    const leader = await e.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await signInAs(leader, e.base, 'leader');
    const after = await wulingPoints(leader, plan.id);
    expect(after).toBeGreaterThan(before);
    const wuling = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'CD-WL')
      .executeTakeFirstOrThrow();
    await leader.goto(`${e.base}/admin/assessment/rankings?plan=${plan.id}&period=month&index=6`);
    const link = leader.getByTestId(`ranking-unit-${wuling.id}`);
    await link.waitFor();
    const rankingRow = leader.locator('tr', { has: link });
    await expect(rankingRow.textContent()).resolves.toContain(after.toFixed(2));
    await leader.getByTestId('trend-chart').locator('svg path').first().waitFor({ state: 'attached' });
    await leader.waitForTimeout(500);
    await shot(leader, 'ranking-after-approval');

    // The information centre drafts the June bulletin and submits it for approval.
    const admin = await e.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signInAs(admin, e.base, 'admin');
    await admin.goto(`${e.base}/admin/assessment/bulletins?plan=${plan.id}`);
    await admin.getByTestId('bulletin-index').click();
    await admin.getByTitle('6月').click();
    await admin.getByTestId('bulletin-create').click();
    const bulletin = await waitForRow(() =>
      db.selectFrom('bulletins').select(['id', 'status']).where('plan_id', '=', plan.id).executeTakeFirst(),
    );
    await admin.getByTestId(`bulletin-submit-${bulletin.id}`).click();
    await admin.getByTestId('bulletin-status-pending').waitFor();

    // Leadership approves it; the information centre publishes it.
    await leader.goto(`${e.base}/admin/assessment/bulletins?plan=${plan.id}`);
    await leader.getByTestId(`bulletin-approve-${bulletin.id}`).click();
    await leader.getByTestId('bulletin-status-approved').waitFor();
    await admin.reload();
    await admin.getByTestId(`bulletin-publish-${bulletin.id}`).click();
    await admin.getByTestId('bulletin-status-published').waitFor();
    await shot(admin, 'bulletin-published');

    // The Word file downloads through the link on the page.
    const download = admin.waitForEvent('download');
    await admin.getByTestId(`bulletin-docx-${bulletin.id}`).click();
    const file = await (await download).path();
    const bytes = fs.readFileSync(file!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5000);
    await Promise.all([leader.close(), admin.close()]);
  });
});

async function waitForRow<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const row = await read();
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('row never appeared');
}
