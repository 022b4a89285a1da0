// Item 7 of the hardening issue: an evidence file is visible exactly to whoever can read its submission
// in its current state. Before, a draft's files answered 200 to reviewers, leaders and co-units'
// officers while the draft itself answered 404. Role × status × own/co/other unit, one table.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { newsReport, outletId, unitId } from './test-fixtures.ts';

let t: TestApp;
const readers: Record<string, string> = {};
let officer: string;
let reviewer: string;
let outlet: number;
const STATUSES = ['draft', 'submitted', 'returned', 'resubmitted', 'approved', 'rejected'] as const;
const subs: Record<string, { id: number; file: number }> = {};

/** Who reads, and whether they may see a non-draft submission of 武陵区 co-submitted with 鼎城区. */
const WHO: Array<[name: string, seesDraft: boolean, seesOthers: boolean]> = [
  ['own-unit officer', true, true],
  ['own-unit deputy leader', true, true],
  ['co-unit officer', false, true],
  ['other-unit officer', false, false],
  ['reviewer', false, true],
  ['bureau leader', false, true],
];

function multipart(content: Buffer) {
  const boundary = `----gv${randomBytes(8).toString('hex')}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function step(id: number, path: 'submit' | 'review', payload: object = {}) {
  const cookie = path === 'submit' ? officer : reviewer;
  const cur = await t.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, cookie: officer });
  const res = await t.inject({
    method: 'POST',
    url: `/api/v1/submissions/${id}/${path}`,
    cookie,
    headers: { 'if-match': `"${cur.json().version}"` },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await t.loginAs('officer.wl');
  reviewer = await t.loginAs('reviewer');
  readers['own-unit officer'] = officer;
  readers['own-unit deputy leader'] = await t.loginAs('deputy.wl');
  readers['co-unit officer'] = await t.newAccount('officer.dc', 'officer', 'CD-DC');
  readers['other-unit officer'] = await t.newAccount('officer.ll', 'officer', 'CD-LL');
  readers['reviewer'] = reviewer;
  readers['bureau leader'] = await t.loginAs('leader');
  outlet = await outletId(t, '常德日报');
  const dc = await unitId(t, 'CD-DC');
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#333' } })
    .png()
    .toBuffer();
  for (const status of STATUSES) {
    const up = await t.inject({
      method: 'POST',
      url: '/api/v1/evidence',
      cookie: officer,
      ...multipart(png),
    });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json()[0].id as number;
    const s = await t.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      cookie: officer,
      payload: newsReport(outlet, { evidenceIds: [file], coUnitIds: [dc] }),
    });
    expect(s.statusCode, s.body).toBe(201);
    const id = s.json().id as number;
    if (status !== 'draft') await step(id, 'submit');
    if (status === 'returned' || status === 'resubmitted')
      await step(id, 'review', { action: 'return', reason: '请补充版面截图' });
    if (status === 'resubmitted') await step(id, 'submit');
    if (status === 'approved') await step(id, 'review', { action: 'approve' });
    if (status === 'rejected') await step(id, 'review', { action: 'reject', reason: '重复报送' });
    subs[status] = { id, file };
  }
});
afterAll(() => t.close());

describe('evidence visibility follows the submission read', () => {
  const cases = STATUSES.flatMap((status) =>
    WHO.map(
      ([who, seesDraft, seesOthers]) => [status, who, status === 'draft' ? seesDraft : seesOthers] as const,
    ),
  );
  it.each(cases)('%s submission, %s: visible = %s', async (status, who, visible) => {
    const { id, file } = subs[status]!;
    const cookie = readers[who]!;
    const sub = await t.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, cookie });
    const ev = await t.inject({ method: 'GET', url: `/api/v1/evidence/${file}`, cookie });
    expect(sub.json().status ?? 'hidden').toBe(visible ? status : 'hidden');
    expect(sub.statusCode).toBe(visible ? 200 : 404);
    expect(ev.statusCode).toBe(sub.statusCode);
  });
});
