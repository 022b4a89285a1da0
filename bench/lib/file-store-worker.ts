// One file-store round trip in a process of its own, so that its peak memory (VmHWM) is the store's and
// nobody else's: `node --import tsx bench/lib/file-store-worker.ts <backend> <megabytes> [database url]`.
// backend: `disk` (server/src/files/file-store.ts), `database` (database-file-store.ts, on the URL's
// database), or `plain` — the reference: the same bytes piped to a file and read back with node:fs
// streams, nothing else. Prints one JSON line: put and read times, whether the bytes came back the same,
// the resident memory before the round trip and the peak during it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabase } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrator.ts';
import { digest } from '../../server/src/files/copy-files.ts';
import { createDatabaseFileStore } from '../../server/src/files/database-file-store.ts';
import { createFileStore } from '../../server/src/files/file-store.ts';

const [backend, megabytes, url] = process.argv.slice(2) as ['disk' | 'database' | 'plain', string, string?];
const bytes = Number(megabytes) * 1024 * 1024;
const PIECE = 64 * 1024;

/** Deterministic bytes made a piece at a time: the source never holds the file either. */
function source(): Readable {
  let i = 0;
  let x = 2654435761;
  const count = Math.ceil(bytes / PIECE);
  return new Readable({
    read() {
      if (i === count) return void this.push(null);
      const b = Buffer.allocUnsafe(Math.min(PIECE, bytes - i * PIECE));
      for (let j = 0; j + 4 <= b.length; j += 4) {
        x = (x * 1664525 + 1013904223) >>> 0;
        b.writeUInt32LE(x, j);
      }
      i++;
      this.push(b);
    },
  });
}

const status = (field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-files-'));
let close = async () => {};
let put: () => Promise<{ sha256: string; read: () => Promise<Readable> }>;
if (backend === 'plain') {
  const file = path.join(dir, 'plain.bin');
  put = async () => {
    const hash = createHash('sha256');
    const src = source().on('data', (c: Buffer) => hash.update(c));
    await pipeline(src, fs.createWriteStream(file));
    const fd = fs.openSync(file, 'r');
    fs.fsyncSync(fd); // the stores make a file durable before they answer; the reference does too
    fs.closeSync(fd);
    return { sha256: hash.digest('hex'), read: async () => fs.createReadStream(file) };
  };
} else {
  let store;
  if (backend === 'database') {
    const database = await openDatabase({
      url: url ?? path.join(dir, 'files.db'),
      dialect: url?.startsWith('postgres') ? 'postgres' : 'sqlite',
    });
    await migrateToLatest(database.db);
    store = createDatabaseFileStore(database.db, 'bench-files');
    close = () => database.close();
  } else store = createFileStore(path.join(dir, 'store'));
  const s = store;
  put = async () => {
    const stored = await s.put(source());
    return { sha256: stored.sha256, read: async () => (await s.open(stored.key))! };
  };
}

// the peak from here on: writing 5 to clear_refs resets VmHWM to the current resident size (Linux)
fs.writeFileSync('/proc/self/clear_refs', '5');
const rssBefore = status('VmRSS');
const t0 = performance.now();
const written = await put();
const putMs = performance.now() - t0;
const t1 = performance.now();
const back = (await digest(await written.read()))!;
const readMs = performance.now() - t1;
process.stdout.write(
  `${JSON.stringify({
    putMs,
    readMs,
    same: back.sha256 === written.sha256 && back.size === bytes,
    rssBeforeMb: rssBefore,
    peakMb: status('VmHWM'),
  })}\n`,
);
await close();
fs.rmSync(dir, { recursive: true, force: true });
