// Province size (issue 17 item 6): one installation for 14 cities.
// - Assessment, on each database: 14 city bureaus × 30 child units × 5 years (2014–2018) × 10,000 approved
//   facts a city-year, built city by city; at 1, 2, 7 and 14 cities the first city's 2018 is measured
//   with the assessment suite's own timings (full rebuild, one approval → updated ranking, ranking query),
//   so the rows show how each figure grows with the province around it.
// - Portal: 14 sites (the demo's 常德 and 湘潭 and 12 more city bureaus) × 5,000 published articles, each
//   site on its host name; wrk walks every site's notices channel and four of its articles, a Host header
//   each. GreenVoice from its byte cache with one process beside a bare node:http server sending the same
//   bytes for the same host and address, and with WORKERS=2 beside nginx with 2 workers serving the same
//   bytes as static files, all in this run; the memory of each app process is reported.
// --quick: 2 cities × 3 units × 1 year × 100 facts; 14 sites × 5 articles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';
import {
  openBenchDatabase,
  seedBureau,
  seedFacts,
  timeCityYear,
  type BenchBureau,
} from '../lib/assessment-data.ts';
import { getRaw, startGreenVoice, type GreenVoiceServer } from '../lib/greenvoice-server.ts';
import { percentile } from '../lib/percentile.ts';
import { childPids, peakRssMb, perProcess, processPeakRssMb, rssMb } from '../lib/process-memory.ts';
import { buildProvinceSites } from '../lib/province-sites.ts';
import { startBareNodePages, startNginxPages, type BarePage } from '../lib/reference-servers.ts';
import { medianRound, roundsNote, takeTurns } from '../lib/rounds.ts';
import type { WrkOptions } from '../lib/wrk.ts';

const round = (x: number) => Math.round(x * 100) / 100;
const en = (n: number) => n.toLocaleString('en');
const origin = (url: string) => new URL(url).origin;

/** The aim and how the figure stands against it: '< 1000 ms: met' or '…: missed, 1.4 × the limit'. */
const against = (aim: string, value: number, limit: number) =>
  `${aim}: ${value < limit ? 'met' : `missed, ${(value / limit).toFixed(1)} × the limit`}`;

/** A ratio against its floor: '≥ 0.9 × node:http: met' or '…: missed (0.72 ×)'. */
const atLeast = (aim: string, ratio: number, floor: number) =>
  `${aim}: ${ratio >= floor ? 'met' : `missed (${ratio.toFixed(2)} ×)`}`;

function sizes(quick: boolean) {
  return quick
    ? {
        cities: 2,
        units: 3,
        years: [2018],
        facts: 100,
        stages: [1, 2],
        rebuilds: 1,
        approvals: 10,
        queries: 20,
      }
    : {
        cities: 14,
        units: 30,
        years: [2014, 2015, 2016, 2017, 2018],
        facts: 10_000,
        stages: [1, 2, 7, 14],
        rebuilds: 3,
        approvals: 200,
        queries: 500,
      };
}

async function assessmentRows(dialect: 'sqlite' | 'postgres', quick: boolean): Promise<BenchRow[]> {
  const size = sizes(quick);
  const bench = await openBenchDatabase(dialect);
  const rows: BenchRow[] = [];
  try {
    const bureaus: BenchBureau[] = [];
    let seedMs = 0;
    for (const stage of size.stages) {
      const t0 = performance.now();
      while (bureaus.length < stage) {
        const bureau = await seedBureau(
          bench.database,
          `CITY${String(bureaus.length + 1).padStart(2, '0')}`,
          size.units,
          size.years,
        );
        await seedFacts(bench.database, bureau, size.facts);
        bureaus.push(bureau);
      }
      seedMs += performance.now() - t0;
      const first = bureaus[0]!;
      const year = size.years.at(-1)!;
      const t = await timeCityYear(bench, first, year, size);
      const total = stage * size.years.length * size.facts;
      const of = `${size.units} units × ${en(size.facts)} facts, in ${stage} ${stage === 1 ? 'city' : 'cities'} × ${size.years.length} years = ${en(total)} facts (${dialect})`;
      const seeded = `province built so far in ${(seedMs / 1000).toFixed(0)} s`;
      const rebuild = percentile(t.rebuilds, 50);
      const approval = percentile(t.approvals, 99);
      const query = percentile(t.queries, 99);
      rows.push(
        {
          suite: 'province',
          name: `city-year full rebuild, ${of}`,
          value: round(rebuild),
          unit: 'ms',
          p50Ms: round(rebuild),
          peakRssMb: Math.round(process.memoryUsage().rss / 1048576),
          aim: against('< 1000 ms', rebuild, 1000),
          note: seeded,
        },
        {
          suite: 'province',
          name: `one approval → updated ranking, ${of}`,
          value: round(approval),
          unit: 'ms p99',
          p50Ms: round(percentile(t.approvals, 50)),
          p99Ms: round(approval),
          aim: against('p99 < 20 ms', approval, 20),
        },
        {
          suite: 'province',
          name: `ranking query month/quarter/year, ${of}`,
          value: round(query),
          unit: 'ms p99',
          p50Ms: round(percentile(t.queries, 50)),
          p99Ms: round(query),
          aim: against('p99 < 20 ms', query, 20),
        },
      );
    }
  } finally {
    await bench.close();
  }
  return rows;
}

/** Each site's notices channel and four articles spread over its years: the pages wrk walks. */
async function sitePages(gv: GreenVoiceServer, sites: Awaited<ReturnType<typeof buildProvinceSites>>) {
  const pages: BarePage[] = [];
  for (const site of sites) {
    const ids = site.articleIds;
    const picked = [0.1, 0.4, 0.7, 0.95].map((f) => ids[Math.floor(f * (ids.length - 1))]!);
    for (const p of ['/channels/tzgg', ...new Set(picked)].map((x) =>
      typeof x === 'number' ? `/articles/${x}` : x,
    )) {
      // the second answer comes from the byte cache: those are the bytes the references send
      await getRaw(`${gv.base}${p}`, site.host);
      const r = await getRaw(`${gv.base}${p}`, site.host);
      if (r.status !== 200) throw new Error(`${site.host}${p} answered ${r.status}`);
      pages.push({ host: site.host, path: p, status: r.status, headers: r.headers, body: r.body });
    }
  }
  return pages;
}

/** RSS rows: the memory of each app process after its runs. */
const memoryRow = (name: string, pid: number, note?: string): BenchRow => ({
  suite: 'province',
  name: `memory after the runs: ${name}`,
  value: rssMb(pid),
  unit: 'MB RSS',
  peakRssMb: processPeakRssMb(pid),
  ...(note ? { note } : {}),
});

async function portalRows(ctx: BenchContext): Promise<BenchRow[]> {
  const siteCount = 14;
  const articles = ctx.quick ? 5 : 5_000;
  const rounds = ctx.quick ? 1 : 3;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-province-'));
  const env = { PORTAL_RATE_LIMIT_PER_MINUTE: '1000000' };
  const rows: BenchRow[] = [];
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  try {
    // the first start seeds the demo; the province is added while no server runs
    await (await startGreenVoice(await ctx.freePort(), env, { dataDir })).close();
    const t0 = performance.now();
    const sites = await buildProvinceSites(dataDir, siteCount, articles);
    const built = `${siteCount} sites × ${en(articles)} articles built in ${((performance.now() - t0) / 1000).toFixed(0)} s`;

    const one = await startGreenVoice(await ctx.freePort(), { ...env, WORKERS: '1' }, { dataDir });
    closers.push(() => one.close());
    const pages = await sitePages(one, sites);
    const opts: WrkOptions = {
      durationSec: ctx.quick ? 2 : 5,
      connections: 100,
      requests: pages.map((p) => ({ host: p.host!, path: p.path })),
    };
    const kb = pages.reduce((s, p) => s + p.body.length, 0) / pages.length / 1024;
    const what = `${pages.length} pages of ${siteCount} sites × ${en(articles)} articles (a channel + 4 articles a site, ${kb.toFixed(0)} KB on average), a Host header each`;
    const bare = await startBareNodePages(await ctx.freePort(), pages);
    closers.push(() => bare.stop());
    {
      const [bareRuns, gvRuns] = await takeTurns([`${origin(bare.url)}/`, `${one.base}/`], opts, rounds);
      const ref = medianRound(bareRuns!);
      const r = medianRound(gvRuns!);
      const ratio = r.requestsPerSec / ref.requestsPerSec;
      rows.push({
        suite: 'province',
        name: `portal byte cache, 1 process: ${what}`,
        value: Math.round(r.requestsPerSec),
        unit: 'req/s',
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        peakRssMb: peakRssMb(one.pid),
        reference: {
          name: 'node:http, same bytes by host',
          value: Math.round(ref.requestsPerSec),
          unit: 'req/s',
        },
        ratio,
        aim: atLeast('≥ 0.9 × node:http', ratio, 0.9),
        note: [built, roundsNote(gvRuns!)].filter(Boolean).join('; '),
      });
      rows.push(memoryRow('GreenVoice, 1 process', one.pid));
    }
    await closeAll();

    const two = await startGreenVoice(await ctx.freePort(), { ...env, WORKERS: '2' }, { dataDir });
    closers.push(() => two.close());
    const nginx = await startNginxPages(await ctx.freePort(), pages, { workers: 2 });
    closers.push(() => nginx.stop());
    {
      // takeTurns' warm-up renders each page once in each worker before the timed rounds
      const [nginxRuns, gvRuns] = await takeTurns([`${origin(nginx.url)}/`, `${two.base}/`], opts, rounds);
      const ref = medianRound(nginxRuns!);
      const r = medianRound(gvRuns!);
      const ratio = r.requestsPerSec / ref.requestsPerSec;
      const workers = childPids(two.pid, 'server');
      rows.push({
        suite: 'province',
        name: `portal byte cache, WORKERS=2: ${what}`,
        value: Math.round(r.requestsPerSec),
        unit: 'req/s',
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        peakRssMb: Math.max(...workers.map(processPeakRssMb)),
        reference: {
          name: 'nginx, 2 workers, same bytes by host',
          value: Math.round(ref.requestsPerSec),
          unit: 'req/s',
        },
        ratio,
        aim: atLeast('≥ 0.8 × nginx with 2 workers', ratio, 0.8),
        note: roundsNote(gvRuns!),
      });
      rows.push(memoryRow('GreenVoice WORKERS=2, the primary', two.pid));
      for (const [i, w] of workers.entries())
        rows.push(memoryRow(`GreenVoice WORKERS=2, worker ${i + 1}`, w));
      rows.push(
        memoryRow(
          'nginx, 2 workers (master)',
          nginx.pid,
          perProcess('workers', childPids(nginx.pid, 'nginx')),
        ),
      );
    }
  } finally {
    await closeAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

export const provinceSuite: BenchSuite = {
  name: 'province',
  async run(ctx: BenchContext) {
    const rows: BenchRow[] = [];
    for (const dialect of ctx.dialects) rows.push(...(await assessmentRows(dialect, ctx.quick)));
    rows.push(...(await portalRows(ctx)));
    return rows;
  },
};
export default provinceSuite;
