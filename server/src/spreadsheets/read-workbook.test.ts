// Hardening item 5: a 9.5 KB workbook with one header cell at column XFD and 1,600 rows froze the
// event loop and ran out of memory in ≈ 39 s. Every spreadsheet import now refuses sheets beyond its
// bounds — in well under a second, while other requests keep being answered — and so are zip bombs.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../test/multipart.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { readWorkbook } from './read-workbook.ts';

// "Within a second" is judged by the process's CPU time, which other processes on a loaded machine
// cannot inflate; wall-clock bounds are looser for the same reason. The defect held the loop ≈ 39 s.
const MAX_CPU_MS = 1000;
const MAX_WALL_MS = 3000;
const MAX_STALL_MS = 1000;
const IMPORTS = [
  ['air readings', '/api/v1/environment/air/readings/import', 'Sheet1'],
  ['water readings', '/api/v1/environment/water/readings/import', 'Sheet1'],
  ['organisation', '/api/v1/org/import', '单位'],
] as const;

let t: TestApp;
const xfd: Record<string, Buffer> = {};
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.loginAs('admin');
  // warm up the import path once (lazily loaded modules, first compilation), so the timings below
  // are the reader's own
  // built beforehand: the garbage of building them is not collected inside the timed windows
  for (const [, , sheet] of IMPORTS) xfd[sheet] = await xfdWorkbook(sheet);
  await sharedStringsBomb();
  for (const [, url] of IMPORTS)
    await t.inject({
      method: 'POST',
      url,
      cookie: admin,
      ...multipartFile('file', 'w.xlsx', await smallWorkbook()),
    });
});
afterAll(() => t.close());

/** The workbook of the report: a header with one cell at XFD, then 1,600 ordinary rows. */
async function xfdWorkbook(sheetName: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(['站点编码', '时间', 'PM2.5']);
  ws.getCell('XFD1').value = 'x';
  for (let i = 0; i < 1600; i++) ws.addRow(['T1', `2018-05-01 ${String(i % 24).padStart(2, '0')}:00`, i]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function smallWorkbook(rows = 3) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (let i = 0; i < rows; i++) ws.addRow(['T1', '2018-05-01 08:00', i]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A small file whose sharedStrings part inflates to 40 MiB (built once: deflating it takes a while). */
let bombBytes: Promise<Buffer> | null = null;
const sharedStringsBomb = async () => Buffer.from(await (bombBytes ??= buildBomb()));
async function buildBomb() {
  const parts = unzipSync(new Uint8Array(await smallWorkbook()));
  const huge = Buffer.alloc(40 * 1024 * 1024, 'a');
  huge.write(
    '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
  );
  huge.write('</t></si></sst>', huge.length - 15);
  parts['xl/sharedStrings.xml'] = huge;
  return Buffer.from(zipSync(parts, { level: 9 }));
}

/** Sends an import while a ticker measures how long the event loop is held and a health check runs. */
async function timedImport(url: string, file: Buffer) {
  let last = performance.now();
  let longestStall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let healthAt = Infinity;
  const [res, health] = await Promise.all([
    t.inject({ method: 'POST', url, cookie: admin, ...multipartFile('file', 'data.xlsx', file) }),
    new Promise((r) => setTimeout(r, 20)).then(async () => {
      const h = await t.inject({ method: 'GET', url: '/api/v1/health' });
      healthAt = performance.now() - started;
      return h;
    }),
  ]);
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(ticker);
  return { res, health, elapsed, cpuMs: (used.user + used.system) / 1000, healthAt, longestStall };
}

const imported = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('env_imports')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(IMPORTS)('%s import', (_label, url, sheet) => {
  it('refuses the XFD workbook with 422 naming the column limit, within a second', async () => {
    const file = xfd[sheet]!;
    expect(file.length).toBeLessThan(40_000);
    const before = await imported();
    const { res, health, elapsed, cpuMs, healthAt, longestStall } = await timedImport(url, file);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('IMPORT_REJECTED');
    expect(res.json().fields[0].messageEn).toMatch(/limit of \d+ columns \(a value in column 16384\)/);
    expect(res.json().fields[0].message).toMatch(/列数上限/);
    expect(cpuMs).toBeLessThan(MAX_CPU_MS);
    expect(elapsed).toBeLessThan(MAX_WALL_MS);
    expect(health.statusCode).toBe(200);
    expect(healthAt).toBeLessThan(MAX_WALL_MS);
    expect(longestStall).toBeLessThan(MAX_STALL_MS);
    expect(await imported()).toBe(before);
  });

  it('refuses a zip bomb (a small file whose shared strings inflate to 40 MiB) naming the limit', async () => {
    const bomb = await sharedStringsBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const { res, elapsed, cpuMs, longestStall } = await timedImport(url, bomb);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().fields[0].messageEn).toMatch(/xl\/sharedStrings\.xml.*limit of 32 MiB uncompressed/);
    expect(cpuMs).toBeLessThan(MAX_CPU_MS);
    expect(elapsed).toBeLessThan(MAX_WALL_MS);
    expect(longestStall).toBeLessThan(MAX_STALL_MS);
  });
});

describe('the bounded reader', () => {
  it('refuses a bomb whose directory lies about its size (inflation stops past the declared size)', async () => {
    const bomb = await sharedStringsBomb();
    const name = Buffer.from('xl/sharedStrings.xml');
    const local = bomb.indexOf(name) - 30;
    const central = bomb.indexOf(name, local + 31) - 46;
    bomb.writeUInt32LE(1000, local + 22);
    bomb.writeUInt32LE(1000, central + 24);
    const err = await readWorkbook(bomb, {
      sheets: 'first',
      limits: { maxRows: 10, maxColumns: 10, maxCells: 100 },
    }).catch((e: unknown) => e as { code: string; fields: Array<{ messageEn: string }> });
    expect(err).toMatchObject({ code: 'IMPORT_REJECTED' });
    expect((err as { fields: Array<{ messageEn: string }> }).fields[0]!.messageEn).toMatch(/damaged/);
  });

  it('refuses rows and cells beyond the bounds before parsing, and reads a sheet within them', async () => {
    const file = await smallWorkbook(1000);
    const read = (maxRows: number, maxCells: number) =>
      readWorkbook(file, { sheets: 'first', limits: { maxRows, maxColumns: 10, maxCells } });
    await expect(read(999, 10_000)).rejects.toMatchObject({
      fields: [{ messageEn: expect.stringMatching(/limit of 999 rows \(1000 rows\)/) }],
    });
    await expect(read(1000, 2999)).rejects.toMatchObject({
      fields: [{ messageEn: expect.stringMatching(/limit of 2999 cells \(3000 cells\)/) }],
    });
    const [sheet] = await read(1000, 3000);
    expect(sheet!.rows).toHaveLength(1000);
    expect(sheet!.rows[999]).toEqual({ row: 1000, values: ['T1', '2018-05-01 08:00', 999] });
  });
});
