// WORKERS > 1 (decision 178): the primary process prepares the database once (server.ts), then runs
// that many workers on one port with node:cluster. It replaces a worker that dies, restarts them one at
// a time on SIGHUP (a new one listening before the old one drains, so the port never has fewer), stops
// them all gracefully on SIGTERM/SIGINT, and relays each worker's content changes to the others so every
// page cache drops a changed page at once (other app servers still learn through the change feed).
import cluster, { type Worker } from 'node:cluster';
import type { ContentChange, ContentChanges } from './modules/cms/content-changes.ts';
import type { PageCache } from './portal/page-cache.ts';

interface ChangeMessage {
  gv: 'content-change';
  change: ContentChange;
}
const isChangeMessage = (m: unknown): m is ChangeMessage =>
  typeof m === 'object' && m !== null && (m as { gv?: unknown }).gv === 'content-change';

/** In a worker: tells the primary of this process's changes, and applies the other workers'. */
export function relayContentChanges(changes: ContentChanges, cache: PageCache) {
  if (!cluster.isWorker) return;
  changes.onChange((change) => process.send?.({ gv: 'content-change', change } satisfies ChangeMessage));
  process.on('message', (m) => {
    if (isChangeMessage(m)) cache.invalidate(m.change);
  });
}

const STOP_TIMEOUT_MS = 15_000;
const say = (line: string) => console.log(`[primary ${process.pid}] ${line}`);

export function runPrimary(options: { workers: number; ready: (port: number, pids: number[]) => void }) {
  let stopping = false;
  let rolling: Promise<void> | null = null;
  const retiring = new Set<Worker>();
  // a worker that listened and then exits is a death to replace; one that never listened failed to start
  const listened = new WeakSet<Worker>();
  let failures = 0;

  /** A new worker, resolved once it listens; rejected if it exits first. */
  const fork = () =>
    new Promise<{ worker: Worker; port: number }>((resolve, reject) => {
      const worker = cluster.fork();
      const early = (code: number | null, signal: string | null) =>
        reject(new Error(`worker ${worker.process.pid} exited before listening (${signal ?? code})`));
      worker.once('exit', early);
      worker.once('listening', (address) => {
        worker.off('exit', early);
        resolve({ worker, port: address.port });
      });
    });

  const live = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);

  cluster.on('message', (from, message) => {
    if (!isChangeMessage(message)) return;
    for (const w of live()) if (w !== from && w.isConnected()) w.send(message);
  });

  const replace = async (dead: Worker, why: string) => {
    // a worker that cannot start (database down) is retried with a growing pause, never in a tight loop
    const pause = Math.min(30_000, failures * 1000);
    if (pause) await new Promise((r) => setTimeout(r, pause));
    if (stopping) return;
    try {
      const { worker } = await fork();
      failures = 0;
      say(`worker ${dead.process.pid} exited (${why}); replacement ${worker.process.pid} listening`);
    } catch (err) {
      failures++;
      say(`replacing worker ${dead.process.pid} failed: ${(err as Error).message}`);
      if (!stopping) void replace(dead, why);
    }
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping || retiring.delete(worker)) return;
    if (!listened.has(worker)) return; // fork's caller handles a start that failed
    void replace(worker, signal ?? `code ${code}`);
  });
  cluster.on('listening', (w) => listened.add(w));

  const retire = (worker: Worker) =>
    new Promise<void>((resolve) => {
      if (worker.isDead()) return resolve();
      retiring.add(worker);
      worker.once('exit', () => resolve());
      worker.process.kill('SIGTERM'); // the worker drains (http/drain.ts), then exits
    });

  const roll = async () => {
    const before = live();
    say(`rolling restart of ${before.length} workers`);
    for (const old of before) {
      if (stopping) return;
      await fork();
      await retire(old);
    }
    say(
      `rolling restart done: workers ${live()
        .map((w) => w.process.pid)
        .join(', ')}`,
    );
  };

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping ${live().length} workers`);
    const timer = setTimeout(() => {
      for (const w of live()) w.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    timer.unref();
    await Promise.all(live().map(retire));
    process.exit(0);
  };

  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGHUP', () => {
    rolling ??= roll()
      .catch((err: unknown) => say(`rolling restart stopped: ${(err as Error).message}`))
      .finally(() => (rolling = null));
  });

  return Promise.all(Array.from({ length: options.workers }, fork)).then((started) =>
    options.ready(
      started[0]!.port,
      started.map((s) => s.worker.process.pid!),
    ),
  );
}
