// WORKERS=2 (decision 178) against nginx with 2 workers, in the same run: the demo's seed notice from
// GreenVoice's byte cache with two server processes on one port (the cluster primary hands each
// connection to a worker), and the very same HTML as a static file from nginx with two worker
// processes. wrk with 100 connections takes turns with each. Memory is reported per process.
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';
import { getRaw, seedNoticePath, startGreenVoice } from '../lib/greenvoice-server.ts';
import { childPids, perProcess, rssMb } from '../lib/process-memory.ts';
import { startNginx } from '../lib/reference-servers.ts';
import { medianRound, roundsNote, takeTurns } from '../lib/rounds.ts';

export const workersSuite: BenchSuite = {
  name: 'workers',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const opts = { durationSec: ctx.quick ? 3 : 5, connections: 100 };
    const rounds = ctx.quick ? 1 : 3;
    const gv = await startGreenVoice(await ctx.freePort(), { WORKERS: '2' });
    try {
      const path = await seedNoticePath(gv.base);
      const html = (await getRaw(`${gv.base}${path}`)).body;
      // each worker renders it once and keeps it: a connection each goes to the next worker
      for (let i = 0; i < 4; i++) await getRaw(`${gv.base}${path}`);
      const nginx = await startNginx(await ctx.freePort(), html, { workers: 2 });
      try {
        const [nginxRuns, gvRuns] = await takeTurns([nginx.url, `${gv.base}${path}`], opts, rounds);
        const ref = medianRound(nginxRuns!);
        const r = medianRound(gvRuns!);
        const workers = childPids(gv.pid, 'server');
        const nginxWorkers = childPids(nginx.pid, 'nginx');
        return [
          {
            suite: 'workers',
            name: `nginx, 2 workers: the same article HTML as a static file (${(html.length / 1024).toFixed(0)} KB)`,
            value: Math.round(ref.requestsPerSec),
            unit: 'req/s',
            p50Ms: ref.p50Ms,
            p99Ms: ref.p99Ms,
            note: [
              perProcess('master', [nginx.pid]),
              perProcess('workers', nginxWorkers),
              roundsNote(nginxRuns!),
            ]
              .filter(Boolean)
              .join('; '),
          },
          {
            suite: 'workers',
            name: 'article page, byte cache, WORKERS=2 (sqlite)',
            value: Math.round(r.requestsPerSec),
            unit: 'req/s',
            p50Ms: r.p50Ms,
            p99Ms: r.p99Ms,
            peakRssMb: Math.max(...workers.map(rssMb)),
            reference: {
              name: 'nginx static file, 2 workers',
              value: Math.round(ref.requestsPerSec),
              unit: 'req/s',
            },
            ratio: r.requestsPerSec / ref.requestsPerSec,
            aim: '≥ 0.8 × nginx with 2 workers',
            note: [perProcess('primary', [gv.pid]), perProcess('workers', workers), roundsNote(gvRuns!)]
              .filter(Boolean)
              .join('; '),
          },
        ];
      } finally {
        await nginx.stop();
      }
    } finally {
      await gv.close();
    }
  },
};

export default workersSuite;
