// Evidence uploads: recognised by content, images re-encoded without EXIF/GPS, stored atomically, served
// only to those who may see them, and swept when never used (docs/security-requirements.md §21–23).
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { count, newsReport, outletId } from './test-fixtures.ts';
import { ORPHAN_GRACE_MS } from './evidence.service.ts';

let t: TestApp;
let officer: string;
let officerDc: string;
let reviewer: string;
let outlet: number;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await t.loginAs('officer.wl');
  reviewer = await t.loginAs('reviewer');
  officerDc = await t.newAccount('officer.dc', 'officer', 'CD-DC');
  outlet = await outletId(t, '常德日报');
});
afterAll(() => t.close());

function multipart(files: Array<[name: string, content: Buffer]>) {
  const boundary = `----gv${randomBytes(8).toString('hex')}`;
  const parts = files.flatMap(([name, content]) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (files: Array<[string, Buffer]>, cookie = officer) =>
  t.inject({ method: 'POST', url: '/api/v1/evidence', cookie, ...multipart(files) });
const download = (id: number, cookie = officer) =>
  t.inject({ method: 'GET', url: `/api/v1/evidence/${id}`, cookie });

const png = () =>
  sharp({ create: { width: 16, height: 12, channels: 3, background: '#2e7d32' } })
    .png()
    .toBuffer();
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const FAR = 8.64e15;
/** The evidence store, on disk or in the database (FILE_STORE): the test sees it as the modules do. */
const store = () => t.services.files.stores.evidence;
const storedKeys = () => store().keysOlderThan(FAR);
/** Stored files and unfinished writes (swept to count them): nothing may be left by a refused upload. */
const onDisk = async () => ({
  stored: (await storedKeys()).length,
  temps: await store().sweepTemporary(FAR),
});

describe('type detection', () => {
  it('accepts PNG, JPEG and PDF by their magic bytes and serves them as attachments', async () => {
    const jpeg = await sharp(await png())
      .jpeg()
      .toBuffer();
    const res = await upload([
      ['版面截图.png', await png()],
      ['photo.JPG', jpeg],
      ['采用通知.pdf', pdf],
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().map((f: { mediaType: string }) => f.mediaType)).toEqual([
      'image/png',
      'image/jpeg',
      'application/pdf',
    ]);
    const file = await download(res.json()[2].id);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''%E9%87%87/);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    // stored under random names, nothing of the original name in the store
    const names = await storedKeys();
    for (const n of names) expect(n).toMatch(/^[a-f0-9]{32}$/);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, RegExp]>([
    ['a PNG named .pdf', png, /image\/png/],
    ['a text file', () => Buffer.from('这不是图片 just text\n'), /text\/plain/],
    ['a GIF', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), /image\/gif/],
    ['a zip named .png', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), /application\/zip/],
  ])('refuses %s with 415 naming the detected type, writing nothing', async (_label, make, type) => {
    const name = _label.includes('.pdf') ? 'shot.pdf' : _label === 'a text file' ? 'notes.txt' : 'x.png';
    const before = { rows: await count(t, 'evidence_files'), disk: await onDisk() };
    const res = await upload([
      ['good.png', await png()],
      [name, await make()],
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toMatch(type);
    expect(res.json().messageEn).toMatch(type);
    expect(await count(t, 'evidence_files')).toBe(before.rows);
    expect(await onDisk()).toEqual(before.disk);
  });

  it('refuses a file over 10 MiB with 413 and more than 5 files with 413, writing nothing', async () => {
    const before = { rows: await count(t, 'evidence_files'), disk: await onDisk() };
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload([['big.pdf', big]]);
    expect(res.statusCode).toBe(413);
    const six = await upload(Array.from({ length: 6 }, (_, i): [string, Buffer] => [`f${i}.pdf`, pdf]));
    expect(six.statusCode).toBe(413);
    expect(await count(t, 'evidence_files')).toBe(before.rows);
    expect(await onDisk()).toEqual(before.disk);
  });

  it('refuses a damaged image', async () => {
    const broken = Buffer.concat([(await png()).subarray(0, 40), Buffer.alloc(40)]);
    const res = await upload([['broken.png', broken]]);
    expect(res.statusCode).toBe(415);
  });
});

describe('EXIF', () => {
  it('strips EXIF and GPS from a JPEG by re-encoding it', async () => {
    const withExif = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#1565c0' } })
      .jpeg()
      .withExif({
        IFD0: { Artist: 'Zhang San', Copyright: 'secret-marker' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '29/1 2/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '111/1 41/1 0/1',
        },
      })
      .toBuffer();
    const exif = (await sharp(withExif).metadata()).exif!;
    expect(exif.includes('secret-marker')).toBe(true);
    // the GPS IFD pointer (tag 0x8825) is there before
    expect(exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const res = await upload([['现场照片.jpg', withExif]]);
    expect(res.statusCode).toBe(201);
    const stored = (await download(res.json()[0].id)).rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes('Exif')).toBe(false);
    expect(stored.includes('secret-marker')).toBe(false);
    expect(stored.includes('Zhang San')).toBe(false);
    expect([meta.width, meta.height]).toEqual([32, 24]);
  });
});

describe('access and attachment', () => {
  it("only the uploader sees an unattached file; a submission's readers see an attached one", async () => {
    const [file] = (await upload([['a.png', await png()]])).json();
    expect((await download(file.id)).statusCode).toBe(200);
    expect((await download(file.id, reviewer)).statusCode).toBe(404);
    expect((await download(file.id, officerDc)).statusCode).toBe(404);
    const s = await t.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      cookie: officer,
      payload: newsReport(outlet, { evidenceIds: [file.id], submit: true }),
    });
    expect(s.statusCode).toBe(201);
    expect(s.json().evidence.map((e: { id: number }) => e.id)).toEqual([file.id]);
    expect((await download(file.id, reviewer)).statusCode).toBe(200);
    expect((await download(file.id, officerDc)).statusCode).toBe(404);
  });

  it("cannot attach another unit's file, nor one already attached elsewhere", async () => {
    const [theirs] = (await upload([['b.png', await png()]], officerDc)).json();
    const before = await count(t, 'submissions');
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      cookie: officer,
      payload: newsReport(outlet, { evidenceIds: [theirs.id] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('/evidenceIds/0');
    expect(await count(t, 'submissions')).toBe(before);
  });

  it('refuses a request that is not multipart with 415', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/v1/evidence', cookie: officer, payload: {} });
    expect(res.statusCode).toBe(415);
  });
});

describe('sweeper', () => {
  it('removes unattached files after a day and stored files without a row, keeping attached ones', async () => {
    const [old, fresh] = (
      await upload([
        ['old.png', await png()],
        ['fresh.png', await png()],
      ])
    ).json();
    await t.database.db
      .updateTable('evidence_files')
      .set({ created_at: '2018-01-01T00:00:00.000Z' })
      .where('id', '=', old.id)
      .execute();
    const attached = await t.database.db
      .selectFrom('evidence_files')
      .select(['id', 'stored_name'])
      .where('submission_id', 'is not', null)
      .execute();
    expect(attached.length).toBeGreaterThan(0);
    // a file stored whose transaction never committed (a crash); the sweep runs past its grace period
    const orphan = (await store().put(Buffer.from('orphan'))).key;

    const { evidence } = t.services;
    const result = await evidence.sweep(Date.now() + ORPHAN_GRACE_MS + 60_000);
    expect(result).toMatchObject({ unattached: 1, orphans: 1 });
    expect((await download(old.id)).statusCode).toBe(404);
    expect((await download(fresh.id)).statusCode).toBe(200);
    const left = await storedKeys();
    expect(left).not.toContain(orphan);
    for (const a of attached) expect(left).toContain(a.stored_name);
  });
});
