// Checks an .xlsx (a zip) before any spreadsheet library sees it: the central directory is read, the
// local entries must tile the file exactly as it lists them (so a streaming reader meets no hidden
// entry), and every entry is inflated once, only counting bytes, and stopped as soon as it exceeds
// what the directory declared or the limits allow. A zip bomb is refused after at most `limit` bytes
// of work, without holding more than one small chunk in memory (decision 074).
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Inflate } from 'fflate';

export interface ZipLimits {
  maxEntries: number;
  /** uncompressed bytes of all entries together */
  maxTotalBytes: number;
  /** uncompressed bytes of one entry, by name (a default under '*') */
  maxEntryBytes: Record<string, number> & { '*': number };
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** Why a zip was refused: `limit` names the bound, for the 4xx message. */
export class ZipRefused extends Error {
  readonly limit: string;
  readonly value: number;
  constructor(limit: string, value: number, message: string) {
    super(message);
    this.limit = limit;
    this.value = value;
  }
}

const damaged = (why: string) => new ZipRefused('structure', 0, `damaged zip: ${why}`);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** Input fed to the inflater per step: its output per step stays below ~1,032 × this. */
const STEP = 4096;
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

export function readCentralDirectory(
  buf: Buffer,
  maxEntries: number,
): { entries: ZipEntry[]; cdOffset: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw damaged('ZIP64 is not accepted');
  if (count > maxEntries)
    throw new ZipRefused('entries', count, `the workbook has ${count} parts (at most ${maxEntries})`);
  if (cdOffset + cdSize > eocd) throw damaged('central directory out of bounds');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw damaged('bad central directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, cdOffset };
}

/**
 * Counts `<row` and `<c` start tags in a sheet's XML as it streams by, and the highest column a cell
 * names (`r="XFD1"` → 16384), so a sheet beyond the bounds is refused before any parser sees it.
 */
export function tagCounter() {
  const counts = { rows: 0, cells: 0, maxColumn: 0 };
  const ROW = Buffer.from('<row');
  const CELL = Buffer.from('<c');
  // a tag starting in the last KEEP bytes is left for the next chunk: each is seen once, whole
  const KEEP = 48;
  const ends = new Set([0x20, 0x3e, 0x2f, 0x0a, 0x0d, 0x09]); // space > / newline tab
  let tail = Buffer.alloc(0);
  const column = (buf: Buffer, at: number) => {
    const r = buf.indexOf(' r="', at);
    if (r < 0 || r > at + KEEP - 8) return 0;
    let col = 0;
    for (let i = r + 4; i < r + 8; i++) {
      const ch = buf[i]!;
      if (ch < 0x41 || ch > 0x5a) break;
      col = col * 26 + (ch - 0x40);
    }
    return col;
  };
  return {
    counts,
    push(chunk: Uint8Array) {
      const buf = tail.length ? Buffer.concat([tail, chunk]) : Buffer.from(chunk);
      const limit = buf.length - KEEP;
      for (let i = buf.indexOf(ROW); i >= 0 && i < limit; i = buf.indexOf(ROW, i + 1))
        if (ends.has(buf[i + ROW.length]!)) counts.rows++;
      for (let i = buf.indexOf(CELL); i >= 0 && i < limit; i = buf.indexOf(CELL, i + 1))
        if (ends.has(buf[i + CELL.length]!)) {
          counts.cells++;
          counts.maxColumn = Math.max(counts.maxColumn, column(buf, i));
        }
      tail = Buffer.from(buf.subarray(Math.max(0, limit)));
    },
  };
}

async function inflatedSize(
  data: Buffer,
  stopAt: number,
  onData?: (chunk: Uint8Array) => void,
): Promise<number> {
  let out = 0;
  const inflater = new Inflate((chunk) => {
    out += chunk.length;
    onData?.(chunk);
  });
  for (let i = 0; i < data.length; i += STEP) {
    inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (out > stopAt) return out;
    // a large entry is checked in steps, so other requests are answered meanwhile
    if ((i / STEP) % 64 === 63) await yieldToLoop();
  }
  return out;
}

/** Throws ZipRefused unless the zip is well formed and within the limits. */
export async function checkZip(
  buf: Buffer,
  limits: ZipLimits,
  /** called for each chunk of every worksheet part as it is inflated */
  onSheetData?: (chunk: Uint8Array) => void,
): Promise<ZipEntry[]> {
  const { entries, cdOffset } = readCentralDirectory(buf, limits.maxEntries);
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > limits.maxTotalBytes)
    throw new ZipRefused('uncompressed', declared, `uncompressed size ${declared} > ${limits.maxTotalBytes}`);
  const limitOf = (name: string) => limits.maxEntryBytes[name] ?? limits.maxEntryBytes['*'];
  for (const e of entries)
    if (e.uncompressedSize > limitOf(e.name))
      throw new ZipRefused(`uncompressed:${e.name}`, e.uncompressedSize, `${e.name} is too large`);

  let expectedOffset = 0;
  let total = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const p = e.localOffset;
    if (p !== expectedOffset || p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL)
      throw damaged(`entry ${e.name} is not where the directory says`);
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw damaged(`entry ${e.name} runs past the end`);
    if (!(e.flags & 8) && buf.readUInt32LE(p + 18) !== e.compressedSize)
      throw damaged(`entry ${e.name} has two sizes`);
    const data = buf.subarray(start, end);
    let size: number;
    if (e.method === 0) {
      size = data.length;
      if (SHEET.test(e.name)) onSheetData?.(data);
    } else if (e.method === 8)
      size = await inflatedSize(data, e.uncompressedSize, SHEET.test(e.name) ? onSheetData : undefined);
    else throw damaged(`entry ${e.name} uses compression method ${e.method}`);
    if (size !== e.uncompressedSize) throw damaged(`entry ${e.name} inflates to another size than declared`);
    total += size;
    expectedOffset = end;
    if (e.flags & 8) expectedOffset += buf.readUInt32LE(end) === DESCRIPTOR ? 16 : 12;
  }
  if (total > limits.maxTotalBytes)
    throw new ZipRefused('uncompressed', total, `uncompressed size ${total} > ${limits.maxTotalBytes}`);
  if (expectedOffset !== cdOffset) throw damaged('data between the entries and the directory');
  return entries;
}
