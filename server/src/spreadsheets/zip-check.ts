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

async function inflatedSize(data: Buffer, stopAt: number): Promise<number> {
  let out = 0;
  const inflater = new Inflate((chunk) => {
    out += chunk.length;
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
export async function checkZip(buf: Buffer, limits: ZipLimits): Promise<ZipEntry[]> {
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
    if (e.method === 0) size = data.length;
    else if (e.method === 8) size = await inflatedSize(data, e.uncompressedSize);
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
