// Hardening items 4 and 18: the disk file store (FILE_STORE=disk, on both databases) on a real full disk
// (a 1 MiB tmpfs), with writes made short on purpose, and with its directories removed while the server
// runs — for evidence and CMS uploads. What every store must do is file-store-contract.test.ts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { multipartFile } from '../test/multipart.ts';
import { fileTempsJob, sweepFileTemps, TEMP_MAX_AGE_MINUTES } from '../jobs/file-temps.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { createAuditRepo } from '../modules/audit/audit.repo.ts';
import { createAuditService } from '../modules/audit/audit.service.ts';

let t: TestApp;
let officer: string;
let editor: string;
let evidenceDir: string;
let portalDir: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { FILE_STORE: 'disk' } });
  officer = await t.loginAs('officer.wl');
  editor = await t.loginAs('editor');
  evidenceDir = path.join(t.config.dataDir, 'files');
  portalDir = path.join(t.config.dataDir, 'portal-files');
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

/** A PDF (by its magic bytes) of about `bytes` bytes whose content is not all zeros. */
const pdf = (bytes: number) => {
  const body = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 1) body[i] = (i * 31 + (i >> 8)) & 0xff;
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), body, Buffer.from('\n%%EOF\n')]);
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const uploadEvidence = (content: Buffer) =>
  t.inject({
    method: 'POST',
    url: '/api/v1/evidence',
    cookie: officer,
    ...multipartFile('files', '采用通知.pdf', content, 'application/pdf'),
  });

async function uploadAttachment(content: Buffer) {
  const channels = (await t.inject({ method: 'GET', url: '/api/v1/cms/channels', cookie: editor })).json();
  const article = await t.inject({
    method: 'POST',
    url: '/api/v1/cms/articles',
    cookie: editor,
    payload: { channelId: channels[0].id, title: '附件测试稿件', bodyHtml: '<p>正文</p>' },
  });
  expect(article.statusCode, article.body).toBe(201);
  return t.inject({
    method: 'POST',
    url: `/api/v1/cms/articles/${article.json().id}/attachments`,
    cookie: editor,
    ...multipartFile('file', '任务分解表.pdf', content, 'application/pdf'),
  });
}

const rows = async (table: 'evidence_files' | 'portal_files') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Every file under a directory, temporary ones included. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((n) => fs.statSync(path.join(dir, n)).isFile())
    : [];

/** The stored bytes of a row, read straight from the disk. */
async function onDisk(table: 'evidence_files' | 'portal_files', id: number) {
  if (table === 'evidence_files') {
    const r = await t.database.db
      .selectFrom('evidence_files')
      .select(['stored_name', 'size', 'sha256'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...r, bytes: fs.readFileSync(path.join(evidenceDir, r.stored_name)) };
  }
  const r = await t.database.db
    .selectFrom('portal_files')
    .select(['token', 'size', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...r, bytes: fs.readFileSync(path.join(portalDir, r.token)) };
}

const CASES = [
  [
    'evidence',
    'evidence_files',
    () => evidenceDir,
    uploadEvidence,
    (b: { json(): unknown }) => (b.json() as Array<{ id: number }>)[0]!.id,
  ],
  [
    'CMS attachment',
    'portal_files',
    () => portalDir,
    uploadAttachment,
    (b: { json(): unknown }) => (b.json() as { id: number }).id,
  ],
] as const;

function canMountTmpfs(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs';
  const probe = fs.mkdtempSync(path.join(t?.config.dataDir ?? '/tmp', 'probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    execFileSync('umount', [probe]);
    return null;
  } catch (err) {
    return `mount -t tmpfs failed: ${String(err)}`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

describe.each(CASES)('%s upload', (_label, table, dirOf, upload, idOf) => {
  it('on a full disk answers 507 STORAGE_FULL, records no row and leaves no file, temporary or not', async () => {
    const why = canMountTmpfs();
    if (why) return void console.warn(`skipped: ${why}`);
    const dir = dirOf();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    try {
      const before = await rows(table);
      const res = await upload(pdf(1_600_000));
      expect(res.statusCode, res.body).toBe(507);
      expect(res.json()).toMatchObject({ code: 'STORAGE_FULL' });
      expect(res.json().messageEn).toMatch(/storage is full/);
      expect(await rows(table)).toBe(before);
      expect(filesUnder(dir)).toEqual([]);
      // the space is given back: a file that fits is stored whole
      const small = pdf(100_000);
      const ok = await upload(small);
      expect(ok.statusCode, ok.body).toBe(201);
      const stored = await onDisk(table, idOf(ok));
      expect(stored.bytes.equals(small)).toBe(true);
    } finally {
      execFileSync('umount', [dir]);
    }
  });

  it('continues short writes: the whole file reaches the disk and its size and SHA-256 are true', async () => {
    const real = { write: fs.write, writeSync: fs.writeSync };
    let calls = 0;
    // the kernel may write less than asked (a full disk, a signal); here every write stops at 777 bytes
    vi.spyOn(fs, 'write').mockImplementation(((
      fd: number,
      buf: Buffer,
      off: number,
      len: number,
      pos: null,
      cb: never,
    ) => {
      calls += 1;
      return real.write(fd, buf, off, Math.min(len, 777), pos, cb);
    }) as never);
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Buffer, off?: number, len?: number) =>
      real.writeSync(fd, buf, off ?? 0, Math.min(len ?? buf.length - (off ?? 0), 777))) as never);
    const content = pdf(90_000);
    const res = await upload(content);
    expect(res.statusCode, res.body).toBe(201);
    const stored = await onDisk(table, idOf(res));
    expect(stored.bytes.length).toBe(content.length);
    expect(stored.bytes.equals(content)).toBe(true);
    expect(stored.size).toBe(content.length);
    expect(stored.sha256).toBe(sha256(content));
    expect(calls).toBeGreaterThanOrEqual(Math.ceil(content.length / 777));
  });

  it('refuses with 507 when a write makes no progress, leaving nothing', async () => {
    vi.spyOn(fs, 'write').mockImplementation(((
      _fd: number,
      _b: Buffer,
      _o: number,
      _l: number,
      _p: null,
      cb: (e: null, n: number) => void,
    ) => process.nextTick(() => cb(null, 0))) as never);
    const before = { rows: await rows(table), files: filesUnder(dirOf()) };
    const res = await upload(pdf(5_000));
    expect(res.statusCode, res.body).toBe(507);
    expect(await rows(table)).toBe(before.rows);
    expect(filesUnder(dirOf())).toEqual(before.files);
  });

  it('re-creates its directories when they are removed while the server runs (item 18)', async () => {
    fs.rmSync(dirOf(), { recursive: true, force: true });
    const res = await upload(pdf(1_000));
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('sweeper of temporary files', () => {
  it('removes abandoned temporary files of every store, and the former CMS store’s, but not fresh ones', async () => {
    for (const d of [evidenceDir, portalDir]) fs.mkdirSync(path.join(d, 'tmp'), { recursive: true });
    const old = [
      path.join(evidenceDir, 'tmp', 'a'.repeat(32) + '.part'),
      path.join(portalDir, 'tmp', 'b'.repeat(32) + '.part'),
      path.join(portalDir, '.tmp-cccccccccccccccccccccccc'),
    ];
    const fresh = path.join(evidenceDir, 'tmp', 'd'.repeat(32) + '.part');
    const longAgo = new Date(Date.now() - (TEMP_MAX_AGE_MINUTES + 5) * 60_000);
    for (const p of old) {
      fs.writeFileSync(p, 'half a file');
      fs.utimesSync(p, longAgo, longAgo);
    }
    fs.writeFileSync(fresh, 'being written');
    const stored = filesUnder(evidenceDir).filter((n) => !n.startsWith('tmp'));
    expect(await sweepFileTemps(t.services.files)).toEqual({ removed: 3 });
    for (const p of old) expect(fs.existsSync(p)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(filesUnder(evidenceDir).filter((n) => !n.startsWith('tmp'))).toEqual(stored);
  });

  it('runs on the job scheduler, once a tick per machine and data directory, and is audited', async () => {
    const stale = path.join(portalDir, 'tmp', 'e'.repeat(32) + '.part');
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, 'half');
    const longAgo = new Date(Date.now() - (TEMP_MAX_AGE_MINUTES + 5) * 60_000);
    fs.utimesSync(stale, longAgo, longAgo);
    const audit = createAuditService({
      db: t.database.db,
      repo: createAuditRepo(t.database.db, t.database.dialect, t.auditKey),
    });
    const job = fileTempsJob(t.config.dataDir, t.services.files);
    expect(job.name).toMatch(/^file-temps@/);
    const quiet = { info: () => {}, error: () => {} };
    const a = startScheduler({ db: t.database.db, audit, log: quiet }, [job]);
    const b = startScheduler({ db: t.database.db, audit, log: quiet }, [job]);
    try {
      const tick = new Date('2026-12-01T00:15:00.000Z');
      expect((await Promise.all([a.runTick(job.name, tick), b.runTick(job.name, tick)])).sort()).toEqual([
        'ran',
        'skipped',
      ]);
      expect(fs.existsSync(stale)).toBe(false);
      const records = await t.database.db
        .selectFrom('audit_log')
        .select(['detail'])
        .where('action', '=', `job.${job.name}`)
        .execute();
      expect(records).toHaveLength(1);
      expect(JSON.parse(records[0]!.detail ?? '{}')).toMatchObject({ removed: 1 });
    } finally {
      a.stop();
      b.stop();
    }
  });
});
