// Removes temporary files of writes that never finished (a crash or kill between write and rename, a
// stalled upload) from every file store. Temporary files are on each server's own disk, so the job's
// lease is named after the host and data directory: every machine sweeps its own, once a tick, even
// when several processes share it. It also runs once at start-up (server.ts).
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { FileStore } from '../files/file-store.ts';
import type { JobDefinition } from './scheduler.ts';

/** A temporary file untouched this long is abandoned (an upload writes every few milliseconds). */
export const TEMP_MAX_AGE_MINUTES = 30;
export const FILE_TEMPS_CRON = '0 */15 * * * *';

export async function sweepFileTemps(stores: FileStore[], now = Date.now()): Promise<{ removed: number }> {
  let removed = 0;
  for (const store of stores) removed += await store.sweepTemporary(now - TEMP_MAX_AGE_MINUTES * 60_000);
  return { removed };
}

export function fileTempsJob(dataDir: string, stores: FileStore[]): JobDefinition {
  const where = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 8);
  return {
    name: `file-temps@${hostname()}:${where}`,
    cron: FILE_TEMPS_CRON,
    leaseMs: 5 * 60_000,
    run: async () => ({ ...(await sweepFileTemps(stores)) }),
  };
}
