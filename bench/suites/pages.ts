// Every public page type under wrk (issue 11 "Speed", decision 108), on the demo site:
// - from the byte cache (100 connections), beside a bare node:http server sending exactly the same
//   response — status, headers and bytes, fetched from GreenVoice first — so the ratio is the share of
//   the runtime's ceiling the portal reaches (aim ≥ 0.9 ×);
// - with the cache off (PORTAL_CACHE=off: every request renders and queries), 20 connections, on each
//   database, with search and a year of a station's air history among them (aim p99 < 50 ms).
// The article page's cache-off figure against nginx is the portal suite's.
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';
import { getRaw, postgresSchema, startGreenVoice, type GreenVoiceServer } from '../lib/greenvoice-server.ts';
import { startBareNodePages, type BarePage } from '../lib/reference-servers.ts';
import { medianRound, roundsNote, takeTurns } from '../lib/rounds.ts';

interface Page {
  label: string;
  path: string;
  cacheable: boolean;
}

const firstLink = (html: string, prefix: string) =>
  new RegExp(`href="(${prefix.replace(/[/]/g, '\\/')}\\d+)"`).exec(html)?.[1];

/** The demo site's page of each type (ids found by following its links, as a visitor would). */
async function demoPages(base: string): Promise<Page[]> {
  const text = async (p: string) => (await getRaw(`${base}${p}`)).body.toString('utf8');
  const article = firstLink(await text('/channels/tzgg'), '/articles/');
  const enterprise = firstLink(await text('/environment/enterprises'), '/environment/enterprises/');
  const station = firstLink(await text('/environment/air'), '/environment/air/');
  if (!article || !enterprise || !station)
    throw new Error('the demo portal lacks an article, enterprise or station');
  const pages: Page[] = [
    { label: 'home', path: '/', cacheable: true },
    { label: 'channel', path: '/channels/tzgg', cacheable: true },
    { label: 'article', path: article, cacheable: true },
    { label: 'air quality now', path: '/environment/air', cacheable: true },
    { label: 'water quality', path: '/environment/water', cacheable: true },
    { label: 'enterprises', path: '/environment/enterprises', cacheable: true },
    { label: 'enterprise', path: enterprise, cacheable: true },
    { label: 'incidents', path: '/environment/incidents', cacheable: true },
    { label: 'open data list', path: '/open-data', cacheable: true },
    { label: 'search results', path: `/search?q=${encodeURIComponent('环境保护')}`, cacheable: false },
    { label: "a year's air history", path: `${station}?from=2018-01-01&to=2018-12-31`, cacheable: false },
  ];
  for (const p of pages) {
    const r = await getRaw(`${base}${p.path}`);
    if (r.status !== 200) throw new Error(`${p.path} answered ${r.status}`);
  }
  return pages;
}

async function cachedRows(ctx: BenchContext, gv: GreenVoiceServer, pages: Page[]): Promise<BenchRow[]> {
  const cacheable = pages.filter((p) => p.cacheable);
  // the second answer comes from the byte cache: those are the bytes the reference sends
  const bare: BarePage[] = [];
  for (const p of cacheable) {
    await getRaw(`${gv.base}${p.path}`);
    const r = await getRaw(`${gv.base}${p.path}`);
    bare.push({ path: p.path, status: r.status, headers: r.headers, body: r.body });
  }
  const ref = await startBareNodePages(await ctx.freePort(), bare);
  const refBase = new URL(ref.url).origin;
  const rows: BenchRow[] = [];
  try {
    const opts = { durationSec: ctx.quick ? 1 : 4, connections: 100 };
    for (const [i, p] of cacheable.entries()) {
      const [refRuns, gvRuns] = await takeTurns(
        [`${refBase}${p.path}`, `${gv.base}${p.path}`],
        opts,
        ctx.quick ? 1 : 3,
      );
      const r = medianRound(refRuns!);
      const g = medianRound(gvRuns!);
      rows.push({
        suite: 'pages',
        name: `${p.label}, byte cache (${(bare[i]!.body.length / 1024).toFixed(0)} KB): ${p.path}`,
        value: Math.round(g.requestsPerSec),
        unit: 'req/s',
        p50Ms: g.p50Ms,
        p99Ms: g.p99Ms,
        reference: {
          name: 'node:http, same bytes',
          value: Math.round(r.requestsPerSec),
          unit: 'req/s',
        },
        ratio: g.requestsPerSec / r.requestsPerSec,
        aim: '≥ 0.9 × node:http with the same bytes',
        note: roundsNote(gvRuns!),
      });
    }
  } finally {
    await ref.stop();
  }
  return rows;
}

async function uncachedRows(ctx: BenchContext, dialect: 'sqlite' | 'postgres', paths: Page[]) {
  const schema = dialect === 'postgres' ? await postgresSchema() : null;
  const gv = await startGreenVoice(await ctx.freePort(), {
    PORTAL_CACHE: 'off',
    // wrk's one address would spend the portal budget in a second
    PORTAL_RATE_LIMIT_PER_MINUTE: '1000000',
    ...(schema?.env ?? {}),
  });
  const rows: BenchRow[] = [];
  try {
    const opts = { durationSec: ctx.quick ? 1 : 4, connections: 20 };
    const urls = paths.map((p) => `${gv.base}${p.path}`);
    // every page in turn, round after round: a burst of a neighbour's work spreads over all of them
    const runs = await takeTurns(urls, opts, ctx.quick ? 1 : 3);
    for (const [i, p] of paths.entries()) {
      const m = medianRound(runs[i]!);
      rows.push({
        suite: 'pages',
        name: `${p.label}, cache off, 20 connections (${dialect}): ${p.path}`,
        value: Math.round(m.requestsPerSec),
        unit: 'req/s',
        p50Ms: m.p50Ms,
        p99Ms: m.p99Ms,
        aim: 'p99 < 50 ms',
        note: roundsNote(runs[i]!),
      });
    }
  } finally {
    await gv.close();
    await schema?.drop();
  }
  return rows;
}

export const pagesSuite: BenchSuite = {
  name: 'pages',
  async run(ctx) {
    const gv = await startGreenVoice(await ctx.freePort(), {
      PORTAL_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    let pages: Page[];
    const rows: BenchRow[] = [];
    try {
      pages = await demoPages(gv.base);
      rows.push(...(await cachedRows(ctx, gv, pages)));
    } finally {
      await gv.close();
    }
    // the article's cache-off figure beside nginx is the portal suite's; the rest are here
    const uncached = pages.filter((p) => p.label !== 'article');
    for (const dialect of ctx.dialects) rows.push(...(await uncachedRows(ctx, dialect, uncached)));
    return rows;
  },
};
export default pagesSuite;
