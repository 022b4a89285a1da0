// The reference measurements other suites compare with (docs/engineering.md: nginx static ≈ 55k req/s,
// node:http pre-encoded ≈ 41–51k on our 2-core machines): a 20 KB Chinese page from nginx, and the same
// bytes from a bare node:http server, both loaded by wrk, with p50/p99 latency and peak memory.
import { chinesePage } from '../lib/chinese-page.ts';
import { peakRssMb } from '../lib/process-memory.ts';
import { startBareNode, startNginx, type RunningServer } from '../lib/reference-servers.ts';
import { runWrk } from '../lib/wrk.ts';
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';

async function measure(ctx: BenchContext, server: RunningServer) {
  const opts = ctx.quick ? { durationSec: 2, connections: 50 } : { durationSec: 10, connections: 100 };
  // a short warm-up, so JIT and connection set-up are not measured
  await runWrk(server.url, { durationSec: 1, connections: opts.connections });
  const result = await runWrk(server.url, opts);
  if (result.errors > 0) throw new Error(`${result.errors} errors while loading ${server.url}`);
  return { ...result, peakRssMb: peakRssMb(server.pid) };
}

export const referenceSuite: BenchSuite = {
  name: 'reference',
  async run(ctx) {
    const page = chinesePage();
    const kb = Math.round(page.length / 1024);
    const rows: BenchRow[] = [];
    const nginx = await startNginx(await ctx.freePort(), page);
    let nginxRps: number;
    try {
      const r = await measure(ctx, nginx);
      nginxRps = r.requestsPerSec;
      rows.push({
        suite: 'reference',
        name: `nginx: static ${kb} KB Chinese page`,
        value: Math.round(r.requestsPerSec),
        unit: 'req/s',
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        peakRssMb: r.peakRssMb,
        note: 'the ceiling on this machine',
      });
    } finally {
      await nginx.stop();
    }
    const node = await startBareNode(await ctx.freePort(), page);
    try {
      const r = await measure(ctx, node);
      rows.push({
        suite: 'reference',
        name: `node:http: pre-encoded ${kb} KB bytes`,
        value: Math.round(r.requestsPerSec),
        unit: 'req/s',
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        peakRssMb: r.peakRssMb,
        reference: { name: 'nginx static', value: Math.round(nginxRps), unit: 'req/s' },
        ratio: r.requestsPerSec / nginxRps,
        aim: 'docs/engineering.md measured 0.75–0.93 × nginx',
      });
    } finally {
      await node.stop();
    }
    return rows;
  },
};

export default referenceSuite;
