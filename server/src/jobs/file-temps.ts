// Removes temporary files of writes that never finished (a crash or kill between write and rename, a
// stalled upload) from every file store. On disk, temporary files are on each server's own disk, so the
// job's lease is named after the host and data directory: every machine sweeps its own, once a tick, even
// when several processes share it. In the database (FILE_STORE=database) they are shared, so one lease
// serves the installation. It also runs once at start-up (server.ts).
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { FileStorage } from '../files/file-stores.ts';
import type { JobDefinition } from './scheduler.ts';

/** A temporary file untouched this long is abandoned (an upload writes every few milliseconds). */
export const TEMP_MAX_AGE_MINUTES = 30;
export const FILE_TEMPS_CRON = '0 */15 * * * *';

export async function sweepFileTemps(storage: FileStorage, now = Date.now()): Promise<{ removed: number }> {
  let removed = 0;
  for (const { store } of storage.all)
    removed += await store.sweepTemporary(now - TEMP_MAX_AGE_MINUTES * 60_000);
  return { removed };
}

export function fileTempsJob(dataDir: string, storage: FileStorage): JobDefinition {
  const where = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 8);
  return {
    name: storage.backend === 'database' ? 'file-temps' : `file-temps@${hostname()}:${where}`,
    cron: FILE_TEMPS_CRON,
    leaseMs: 5 * 60_000,
    run: async () => ({ ...(await sweepFileTemps(storage)) }),
  };
}
