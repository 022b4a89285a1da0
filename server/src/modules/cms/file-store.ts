// Files live outside any web root under random names; each is written to a temporary file, fsynced
// and renamed before the database row that points at it commits (docs/security-requirements.md §22–23).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function createFileStore(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const at = (token: string) => {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new Error('bad file token');
    return path.join(dir, token);
  };
  return {
    /** Stores the bytes durably and returns their new random token. */
    write(bytes: Buffer): string {
      const token = randomBytes(18).toString('base64url');
      const tmp = path.join(dir, `.tmp-${token}`);
      const fd = fs.openSync(tmp, 'wx', 0o600);
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, at(token));
      return token;
    },
    read(token: string): Buffer | null {
      try {
        return fs.readFileSync(at(token));
      } catch {
        return null;
      }
    },
    remove(token: string) {
      fs.rmSync(at(token), { force: true });
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
