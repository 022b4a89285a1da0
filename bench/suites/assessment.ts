// Assessment scoring: a year with 30 units × 10,000 approved facts (--quick: 1,000). Measures the full
// rebuild, the time from one approval to the updated ranking, and the ranking query, on each database.
// The same city-year inside a province of 14 cities is the province suite's.
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';
import { openBenchDatabase, seedBureau, seedFacts, timeCityYear } from '../lib/assessment-data.ts';
import { percentile } from '../lib/percentile.ts';

const UNITS = 30;

const round = (x: number) => Math.round(x * 100) / 100;

async function measure(dialect: 'sqlite' | 'postgres', quick: boolean): Promise<BenchRow[]> {
  const factCount = quick ? 1_000 : 10_000;
  const bench = await openBenchDatabase(dialect);
  try {
    const bureau = await seedBureau(bench.database, 'BENCH', UNITS, [2018]);
    await seedFacts(bench.database, bureau, factCount);
    const size = `${UNITS} units × ${factCount.toLocaleString('en')} facts`;
    const { rebuilds, approvals, queries } = await timeCityYear(bench, bureau, 2018, {
      rebuilds: quick ? 1 : 3,
      approvals: quick ? 20 : 200,
      queries: quick ? 50 : 500,
    });
    const rss = Math.round(process.memoryUsage().rss / 1048576);
    return [
      {
        suite: 'assessment',
        name: `full rebuild, ${size} (${dialect})`,
        value: round(percentile(rebuilds, 50)),
        unit: 'ms',
        p50Ms: round(percentile(rebuilds, 50)),
        peakRssMb: rss,
        aim: '< 2000 ms',
      },
      {
        suite: 'assessment',
        name: `one approval → updated ranking, ${size} (${dialect})`,
        value: round(percentile(approvals, 99)),
        unit: 'ms p99',
        p50Ms: round(percentile(approvals, 50)),
        p99Ms: round(percentile(approvals, 99)),
        aim: 'p99 < 20 ms',
      },
      {
        suite: 'assessment',
        name: `ranking query month/quarter/year, ${size} (${dialect})`,
        value: round(percentile(queries, 99)),
        unit: 'ms p99',
        p50Ms: round(percentile(queries, 50)),
        p99Ms: round(percentile(queries, 99)),
        aim: '< 20 ms',
      },
    ];
  } finally {
    await bench.close();
  }
}

export const assessmentSuite: BenchSuite = {
  name: 'assessment',
  async run(ctx: BenchContext) {
    const rows: BenchRow[] = [];
    for (const dialect of ctx.dialects) rows.push(...(await measure(dialect, ctx.quick)));
    return rows;
  },
};
export default assessmentSuite;
