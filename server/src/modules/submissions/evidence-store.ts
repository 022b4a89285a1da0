// Evidence files on disk, under $DATA_DIR/files with random names (outside any web root). A file is
// written to files/tmp, fsynced, renamed into place and the directory fsynced; only then is its row
// committed (docs/security-requirements.md §23). A crash in between leaves a file without a row, which the
// sweeper removes after a grace period.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const NAME = /^[a-f0-9]{32}$/;

export function createEvidenceStore(dataDir: string) {
  const root = path.join(dataDir, 'files');
  const tmp = path.join(root, 'tmp');
  let ready: Promise<void> | null = null;
  const ensure = () => (ready ??= fsp.mkdir(tmp, { recursive: true }).then(() => undefined));
  const randomName = () => randomBytes(16).toString('hex');

  async function fsyncFile(file: string) {
    const fh = await fsp.open(file, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  async function fsyncDir(dir: string) {
    const fh = await fsp.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  return {
    root,

    /** Streams an upload into a temporary file; returns its path, size and SHA-256. */
    async receive(stream: Readable): Promise<{ tmpPath: string; size: number; sha256: string }> {
      await ensure();
      const tmpPath = path.join(tmp, `${randomName()}.part`);
      let size = 0;
      const hash = createHash('sha256');
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
      });
      try {
        await pipeline(stream, fs.createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
      } catch (err) {
        await fsp.rm(tmpPath, { force: true });
        throw err;
      }
      return { tmpPath, size, sha256: hash.digest('hex') };
    },

    async readHead(file: string, bytes = 4096): Promise<Buffer> {
      const fh = await fsp.open(file, 'r');
      try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },

    /** Writes bytes to a new temporary file (a re-encoded image). */
    async writeTemp(content: Buffer): Promise<string> {
      await ensure();
      const tmpPath = path.join(tmp, `${randomName()}.part`);
      await fsp.writeFile(tmpPath, content, { flag: 'wx', mode: 0o600 });
      return tmpPath;
    },

    /** fsync, rename into place under a fresh random name, fsync the directory; returns the name. */
    async commit(tmpPath: string): Promise<string> {
      await fsyncFile(tmpPath);
      const name = randomName();
      await fsp.rename(tmpPath, path.join(root, name));
      await fsyncDir(root);
      return name;
    },

    pathOf(name: string): string {
      if (!NAME.test(name)) throw new Error('not a stored file name');
      return path.join(root, name);
    },

    async remove(...paths: string[]) {
      await Promise.all(paths.map((p) => fsp.rm(p, { force: true })));
    },

    /** Stored names (and temporary files) older than `before`, for the sweeper. */
    async listOlderThan(before: number): Promise<{ stored: string[]; temps: string[] }> {
      await ensure();
      const old = async (dir: string, filter: (n: string) => boolean) => {
        const out: string[] = [];
        for (const name of await fsp.readdir(dir)) {
          if (!filter(name)) continue;
          const st = await fsp.stat(path.join(dir, name)).catch(() => null);
          if (st?.isFile() && st.mtimeMs < before) out.push(name);
        }
        return out;
      };
      return {
        stored: await old(root, (n) => NAME.test(n)),
        temps: (await old(tmp, (n) => n.endsWith('.part'))).map((n) => path.join(tmp, n)),
      };
    },
  };
}
export type EvidenceStore = ReturnType<typeof createEvidenceStore>;
