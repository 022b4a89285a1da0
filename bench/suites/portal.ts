// The portal's speed, side by side in one run: the seed notice's article page served by GreenVoice
// (from its byte cache, then with the cache off, which renders and queries every time) and the very
// same HTML served by nginx as a static file. wrk (Debian's) with 100 connections measures each;
// the ratio to nginx holds on a noisy shared machine where absolute numbers do not. Every other page
// type is the pages suite's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';
import { getRaw, postgresSchema, seedNoticePath, startGreenVoice } from '../lib/greenvoice-server.ts';
import { startNginx } from '../lib/reference-servers.ts';
import { medianRound, roundsNote, takeTurns } from '../lib/rounds.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const portalSuite: BenchSuite = {
  name: 'portal',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    for (const tool of ['wrk', 'nginx'])
      if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
        throw new Error(`the portal benchmark needs ${tool}: apt-get install -y wrk nginx`);
    const opts = { durationSec: ctx.quick ? 3 : 5, connections: 100 };
    const rounds = ctx.quick ? 1 : 3;
    const rows: BenchRow[] = [];
    const closers: Array<() => Promise<void>> = [];
    try {
      const gv = await startGreenVoice(await ctx.freePort(), {});
      closers.push(() => gv.close());
      const articlePath = await seedNoticePath(gv.base);
      const html = (await getRaw(`${gv.base}${articlePath}`)).body;
      // One worker, as GreenVoice runs one Node process here; no gzip, as wrk asks for none.
      const nginx = await startNginx(await ctx.freePort(), html, { workers: 1 });
      closers.push(() => nginx.stop());

      const [nginxRuns, cachedRuns] = await takeTurns([nginx.url, `${gv.base}${articlePath}`], opts, rounds);
      const ref = medianRound(nginxRuns!);
      const reference = {
        name: 'nginx static file, 1 worker',
        value: Math.round(ref.requestsPerSec),
        unit: 'req/s',
      };
      rows.push({
        suite: 'portal',
        name: `nginx: the same article HTML as a static file (${(html.length / 1024).toFixed(0)} KB)`,
        value: Math.round(ref.requestsPerSec),
        unit: 'req/s',
        p50Ms: ref.p50Ms,
        p99Ms: ref.p99Ms,
        note: roundsNote(nginxRuns!),
      });
      const cached = medianRound(cachedRuns!);
      rows.push({
        suite: 'portal',
        name: 'article page, byte cache (sqlite)',
        value: Math.round(cached.requestsPerSec),
        unit: 'req/s',
        p50Ms: cached.p50Ms,
        p99Ms: cached.p99Ms,
        reference,
        ratio: cached.requestsPerSec / ref.requestsPerSec,
        aim: '≥ 0.8 × nginx, p99 < 20 ms',
        note: roundsNote(cachedRuns!),
      });
      await closers.shift()!();

      for (const dialect of ctx.dialects) {
        const schema = dialect === 'postgres' ? await postgresSchema() : null;
        // every request is a render here: wrk's one address would spend the portal budget in a second
        const off = await startGreenVoice(await ctx.freePort(), {
          PORTAL_CACHE: 'off',
          PORTAL_RATE_LIMIT_PER_MINUTE: '1000000',
          ...(schema?.env ?? {}),
        });
        try {
          // same demo data, same ids: the seed notice has the same address
          const [refRuns, offRuns] = await takeTurns([nginx.url, `${off.base}${articlePath}`], opts, rounds);
          const r = medianRound(offRuns!);
          const refNow = medianRound(refRuns!);
          rows.push({
            suite: 'portal',
            name: `article page, cache off: render + queries every time (${dialect})`,
            value: Math.round(r.requestsPerSec),
            unit: 'req/s',
            p50Ms: r.p50Ms,
            p99Ms: r.p99Ms,
            reference: { ...reference, value: Math.round(refNow.requestsPerSec) },
            ratio: r.requestsPerSec / refNow.requestsPerSec,
            aim: '≥ 0.15 × nginx',
            note: roundsNote(offRuns!),
          });
        } finally {
          await off.close();
          await schema?.drop();
        }
      }

      const js = fs.readFileSync(path.join(root, 'server/src/portal/assets/portal.js'));
      const css = fs.readFileSync(path.join(root, 'server/src/portal/assets/portal.css'));
      rows.push({
        suite: 'portal',
        name: 'JavaScript per portal page (gzip)',
        value: Number((gzipSync(js).length / 1024).toFixed(2)),
        unit: 'KB',
        aim: '≤ 30 KB',
        note: `stylesheet ${(gzipSync(css).length / 1024).toFixed(1)} KB gzip; every asset served locally`,
      });
    } finally {
      for (const close of closers.reverse()) await close();
    }
    return rows;
  },
};

export default portalSuite;
