// Activities benchmarks (issue 15 "Speed"): the contest's aggregation and ranking of 1,000 works × 5
// judges through the real engine (common/src/contest), beside a plain sort of the same 1,000 scores; and
// 200 concurrent sign-ups for 50 seats through the HTTP API on each database — its time and latencies
// beside 200 concurrent health checks on the same app, and the outcome (exactly 50 confirmed).
import { aggregateWork, rankWorks } from '@greenvoice/common';
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';
import { percentile } from '../lib/percentile.ts';
import { createTestApp } from '../../server/src/test/test-app.ts';

const suite = 'activities';

function contestRanking(ctx: BenchContext): BenchRow {
  const rounds = ctx.quick ? 20 : 200;
  const judges = Array.from({ length: 1000 }, (_, i) =>
    Array.from({ length: 5 }, (_, j) => ((i * 37 + j * 11) % 100) + 0.5),
  );
  const times: number[] = [];
  let ranked = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const inputs = judges.map((totals, i) => ({
      workId: i + 1,
      score: aggregateWork(totals)!,
      leadCriterion: totals[0]!,
    }));
    ranked = rankWorks(inputs).length;
    times.push(performance.now() - t0);
  }
  // reference: sorting the 1,000 first-judge scores, the least any ranking must do
  const refTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    judges.map((j) => j[0]!).sort((a, b) => b - a);
    refTimes.push(performance.now() - t0);
  }
  const p50 = percentile(times, 50);
  return {
    suite,
    name: `contest: aggregate (trimmed mean) and rank ${ranked.toLocaleString('en')} works × 5 judges`,
    value: Number(p50.toFixed(2)),
    unit: 'ms',
    p50Ms: Number(p50.toFixed(2)),
    p99Ms: Number(percentile(times, 99).toFixed(2)),
    reference: {
      name: 'sort 1,000 scores',
      value: Number(percentile(refTimes, 50).toFixed(3)),
      unit: 'ms',
    },
    ratio: p50 / Math.max(0.001, percentile(refTimes, 50)),
    aim: '< 200 ms',
  };
}

async function concurrentSignups(dialect: 'sqlite' | 'postgres'): Promise<BenchRow> {
  process.env.TEST_DB = dialect;
  const t = await createTestApp({ demo: true });
  try {
    const admin = await t.loginAs('admin');
    const made = await t.inject({
      method: 'POST',
      url: '/api/v1/signup-events',
      cookie: admin,
      payload: {
        title: '开放日（基准）',
        kind: 'openDay',
        place: '监测站',
        capacity: 50,
        startsAt: '2099-06-05T01:00:00Z',
        closesAt: '2099-06-04T10:00:00Z',
      },
    });
    const id = made.json().id as number;
    const timed = async (send: (i: number) => Promise<{ statusCode: number; json(): unknown }>) => {
      const each: number[] = [];
      const t0 = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const s = performance.now();
          const a = await send(i);
          each.push(performance.now() - s);
          return a;
        }),
      );
      return { ms: performance.now() - t0, each, answers };
    };
    const health = await timed(() => t.inject({ url: '/api/v1/health' }));
    const signups = await timed((i) =>
      t.inject({
        method: 'POST',
        url: `/api/v1/public/signup-events/${id}/signups`,
        remoteAddress: `10.9.${i >> 8}.${i & 255}`,
        payload: { name: `市民${i}`, groupSize: 1 },
      }),
    );
    const statuses = signups.answers.map((a) => (a.json() as { status?: string }).status ?? a.statusCode);
    const confirmed = statuses.filter((s) => s === 'confirmed').length;
    const waiting = statuses.filter((s) => s === 'waiting').length;
    return {
      suite,
      name: `200 concurrent sign-ups for 50 seats → ${confirmed} confirmed, ${waiting} waiting (${dialect})`,
      value: Math.round(signups.ms),
      unit: 'ms for all 200',
      p50Ms: Math.round(percentile(signups.each, 50)),
      p99Ms: Math.round(percentile(signups.each, 99)),
      reference: { name: '200 concurrent health checks', value: Math.round(health.ms), unit: 'ms' },
      ratio: signups.ms / Math.max(1, health.ms),
      aim: 'exactly 50 confirmed, 150 waiting',
    };
  } finally {
    await t.close();
  }
}

export const activities: BenchSuite = {
  name: suite,
  async run(ctx) {
    const rows = [contestRanking(ctx)];
    for (const dialect of ctx.dialects) rows.push(await concurrentSignups(dialect));
    return rows;
  },
};
