// Environment benchmarks: importing a year of hourly data for 10 stations (87,600 rows) through the
// import's store path, AQI computations per second, and the public air-quality endpoint under load (wrk
// when installed, else a closed loop of fetches), each beside a reference measured in the same run.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import http from 'node:http';
import { computeAqi, hourlyAqi } from '@greenvoice/common';
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';
import { createTestApp } from '../../server/src/test/test-app.ts';
import { generateHourly } from '../../server/src/demo/air-readings-demo.ts';
import { storeHourly } from '../../server/src/modules/monitoring/air-store.ts';
import { planAirImport } from '../../server/src/modules/monitoring/plan-air-import.ts';
import { readTable } from '../../server/src/modules/monitoring/read-table.ts';

const suite = 'environment';

async function importYear(ctx: BenchContext, dialect: 'sqlite' | 'postgres'): Promise<BenchRow> {
  process.env.TEST_DB = dialect;
  const t = await createTestApp({ demo: true });
  try {
    const days = ctx.quick ? 30 : 365;
    const stations = await t.database.db
      .selectFrom('air_stations')
      .select(['id', 'code'])
      .orderBy('id')
      .execute();
    const codes = new Map(stations.map((s) => [s.id, s.code]));
    const generated = generateHourly(
      stations.slice(0, 10).map((s) => ({ id: s.id, urban: 1 })),
      '2018-01-01',
      days,
      7,
      0,
    );
    // The file an officer would upload: the measured path is the import's own — parse, check every
    // row, then store with AQI, 8-hour O3 and daily values in one transaction.
    const lines = ['站点编码,时间,SO2,NO2,CO,O3,PM10,PM2.5'];
    for (const r of generated) {
      const v = r.values;
      lines.push(
        `${codes.get(r.stationId)},${r.hour.replace('T', ' ')},${v.so2},${v.no2},${v.co},${v.o3 ?? ''},${v.pm10},${v.pm25}`,
      );
    }
    const file = Buffer.from(lines.join('\n'));
    const byCode = new Map(stations.map((s) => [s.code, { id: s.id }]));
    const started = performance.now();
    const plan = planAirImport(await readTable(file), (k) => byCode.get(k), '2099-01-01T00:00');
    if (!plan.ok)
      throw new Error(`benchmark file rejected: ${JSON.stringify(plan.report.list().slice(0, 3))}`);
    const rows = plan.rows;
    await t.database.db
      .transaction()
      .execute((trx) => storeHourly(trx, rows, { importId: null, isDemo: true }));
    const ms = performance.now() - started;
    return {
      suite,
      name: `import a CSV of ${rows.length.toLocaleString('en')} hourly rows (10 stations × ${days} d): parse, check, store with AQI and daily values (${dialect})`,
      value: Math.round(rows.length / (ms / 1000)),
      unit: 'rows/s',
      p50Ms: Math.round(ms),
      aim: 'a year for 10 stations in < 10 s',
      note: `${(ms / 1000).toFixed(2)} s`,
    };
  } finally {
    await t.close();
  }
}

function aqiPerSecond(ctx: BenchContext): BenchRow[] {
  const n = ctx.quick ? 20_000 : 500_000;
  const inputs = Array.from({ length: 1000 }, (_, i) => ({
    so2: 5 + (i % 40),
    no2: 10 + (i % 90),
    co: 0.3 + (i % 20) / 10,
    pm10: 20 + (i % 300),
    pm25: 10 + (i % 200),
    o3_1h: 20 + (i % 250),
    o3_8h: 15 + (i % 200),
  }));
  let t = performance.now();
  for (let i = 0; i < n; i++) computeAqi('daily', inputs[i % 1000]!, { date: '2018-06-01' });
  const daily = n / ((performance.now() - t) / 1000);
  // reference: the same loop doing only the input spread, to show the cost of the calculation itself
  t = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i++) sink += Object.keys(inputs[i % 1000]!).length;
  const baseline = n / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let i = 0; i < n; i++) {
    const x = inputs[i % 1000]!;
    hourlyAqi(
      { so2: x.so2, no2: x.no2, co: x.co, pm10: x.pm10, pm25: x.pm25, o3: x.o3_1h },
      x.o3_8h,
      '2018-06-01',
    );
  }
  const hourly = n / ((performance.now() - t) / 1000);
  return [
    {
      suite,
      name: 'AQI computations (daily, 7 pollutants)',
      value: Math.round(daily),
      unit: 'ops/s',
      reference: { name: 'loop over the inputs only', value: Math.round(baseline), unit: 'ops/s' },
      ratio: daily / baseline,
      note: sink > 0 ? undefined : '',
    },
    {
      suite,
      name: 'AQI computations (hourly, from stored values)',
      value: Math.round(hourly),
      unit: 'ops/s',
    },
  ];
}

function haveWrk() {
  return spawnSync('wrk', ['--version']).error === undefined;
}

// Asynchronous on purpose: the server under load runs in this process, and a synchronous child would
// block the very event loop that has to answer.
async function runWrk(
  url: string,
  seconds: number,
): Promise<{ rps: number; p50: number; p99: number } | null> {
  let r: { stdout: string };
  try {
    r = await promisify(execFile)('wrk', ['-t2', '-c50', `-d${seconds}s`, '--latency', url], {
      encoding: 'utf8',
    });
  } catch (e) {
    console.error(`wrk failed: ${String(e)}`);
    return null;
  }
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1] ?? 0);
  const ms = (label: string) => {
    const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(r.stdout);
    if (!m) return 0;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  return { rps, p50: ms('50'), p99: ms('99') };
}

async function closedLoop(url: string, ms: number) {
  const lat: number[] = [];
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await (await fetch(url)).arrayBuffer();
        lat.push(performance.now() - t);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return {
    rps: lat.length / (ms / 1000),
    p50: lat[Math.floor(lat.length / 2)] ?? 0,
    p99: lat[Math.floor(lat.length * 0.99)] ?? 0,
  };
}

async function endpointUnderLoad(ctx: BenchContext): Promise<BenchRow> {
  process.env.TEST_DB = 'sqlite';
  const t = await createTestApp({ demo: true });
  const stations = await t.database.db.selectFrom('air_stations').select('id').execute();
  await t.database.db.transaction().execute((trx) =>
    storeHourly(
      trx,
      generateHourly(
        stations.map((s) => ({ id: s.id, urban: 1 })),
        '2018-12-01',
        ctx.quick ? 2 : 31,
      ),
      { importId: null, isDemo: true },
    ),
  );
  const port = await ctx.freePort();
  await t.app.listen({ port, host: '127.0.0.1' });
  const refPort = await ctx.freePort();
  const body = Buffer.from(
    JSON.stringify((await t.inject({ method: 'GET', url: '/api/v1/environment/air/now' })).json()),
  );
  const ref = http.createServer((_q, s) =>
    s.writeHead(200, { 'content-type': 'application/json' }).end(body),
  );
  await new Promise<void>((r) => ref.listen(refPort, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${port}/api/v1/environment/air/now`;
    const refUrl = `http://127.0.0.1:${refPort}/`;
    const seconds = ctx.quick ? 2 : 10;
    const wrk = haveWrk();
    const m = wrk ? await runWrk(url, seconds) : await closedLoop(url, seconds * 1000);
    const r = wrk ? await runWrk(refUrl, seconds) : await closedLoop(refUrl, seconds * 1000);
    return {
      suite,
      name: `GET /api/v1/environment/air/now, 10 stations (${wrk ? 'wrk -c50' : 'fetch ×20, wrk not installed'})`,
      value: Math.round(m?.rps ?? 0),
      unit: 'req/s',
      p50Ms: m?.p50,
      p99Ms: m?.p99,
      reference: { name: 'node:http sending the same bytes', value: Math.round(r?.rps ?? 0), unit: 'req/s' },
      ratio: r && m && r.rps ? m.rps / r.rps : undefined,
      aim: 'p99 < 50 ms',
    };
  } finally {
    ref.close();
    await t.close();
  }
}

export const environmentSuite: BenchSuite = {
  name: suite,
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const d of ctx.dialects) rows.push(await importYear(ctx, d));
    rows.push(...aqiPerSecond(ctx));
    rows.push(await endpointUnderLoad(ctx));
    return rows;
  },
};
export default environmentSuite;
