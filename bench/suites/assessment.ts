// Assessment scoring: a year with 30 units × 10,000 approved facts (--quick: 1,000). Measures the full
// rebuild, the time from one approval to the updated ranking, and the ranking query, on each database.
import type { UnitKind } from '@greenvoice/common';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  DEFAULT_PLAN_2018,
  FACT_KINDS,
  OUTLET_LEVELS,
  ADOPTION_LEVELS,
  type Period,
} from '../../common/src/index.ts';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrator.ts';
import { loadConfig } from '../../server/src/config.ts';
import { parseDocument } from '../../server/src/modules/assessment/scores.repo.ts';
import { createServices } from '../../server/src/services.ts';
import { insertFacts, type FactInput } from '../../server/src/test/assessment-facts.ts';
import { TEST_PG_URL } from '../../server/src/test/test-app.ts';
import type { BenchContext, BenchRow, BenchSuite } from '../types.ts';

const UNITS = 30;

/** A deterministic pseudo-random sequence, so every run scores the same year. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function facts(n: number, unitIds: number[]): FactInput[] {
  const r = rng(2018);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const lead = pick(unitIds);
    const joint = r() < 0.1 ? [lead, pick(unitIds.filter((u) => u !== lead))] : [lead];
    const kind = pick(FACT_KINDS);
    return {
      kind,
      date: `2018-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      unitIds: joint,
      outletLevel: pick(OUTLET_LEVELS),
      outletMedium: kind === 'newMedia' ? 'newMedia' : 'paper',
      adoptionLevel: kind === 'govInfo' ? pick(ADOPTION_LEVELS) : null,
      activityType: kind === 'activity' ? pick(['environmentDay', 'contestEntry', 'lectureHall']) : null,
      quantity: kind === 'subscription' || kind === 'followerCount' ? Math.floor(r() * 500) : null,
      negativeCode: kind === 'negative' ? 'lateReport' : null,
      title: `稿件 ${i + 1}`,
    };
  });
}

async function open(dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-'));
    const database = await openDatabase({ url: path.join(dir, 'bench.db'), dialect });
    return { database, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  // a database of its own: Kysely's migrator looks for its tables in every schema of a database
  const url = new URL(process.env.BENCH_DATABASE_URL ?? TEST_PG_URL);
  const name = `gv_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = await openDatabase({ url: own.toString(), dialect });
  return { database, cleanup: () => admin(`DROP DATABASE ${name}`) };
}

async function seed(database: DatabaseHandle, factCount: number) {
  const db = database.db;
  const at = '2018-03-21T09:00:00.000Z';
  const unit = async (code: string, kind: UnitKind, parentId: number | null, parentPath: string) => {
    const { id } = await db
      .insertInto('units')
      .values({
        code,
        name: code,
        kind,
        parent_id: parentId,
        path: '/',
        sort_order: 0,
        is_demo: 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('units')
      .set({ path: `${parentPath}${id}/` })
      .where('id', '=', id)
      .execute();
    return { id, path: `${parentPath}${id}/` };
  };
  const bureau = await unit('BENCH', 'cityBureau', null, '/');
  const unitIds: number[] = [];
  for (let i = 0; i < UNITS; i++)
    unitIds.push((await unit(`U${i}`, i < 20 ? 'countyBureau' : 'department', bureau.id, bureau.path)).id);
  const { id: planId } = await db
    .insertInto('assessment_plans')
    .values({
      owner_unit_id: bureau.id,
      year: 2018,
      title: 'bench',
      document: JSON.stringify(DEFAULT_PLAN_2018),
      rules_version: 1,
      interview_rule: '{"bottomN":2,"consecutiveMonths":3,"lastForYear":true}',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertFacts(db, bureau.id, facts(factCount, unitIds));
  return { bureauId: bureau.id, unitIds, planId };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function measure(dialect: 'sqlite' | 'postgres', quick: boolean): Promise<BenchRow[]> {
  const factCount = quick ? 1_000 : 10_000;
  const { database, cleanup } = await open(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-data-'));
  try {
    await migrateToLatest(database.db);
    const { bureauId, unitIds, planId } = await seed(database, factCount);
    const services = createServices({
      config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, dataDir),
      database,
      log: console,
      today: () => '2019-01-01',
    });
    const { scoresRepo: repo, scoring, rankings } = services;
    const size = `${UNITS} units × ${factCount.toLocaleString('en')} facts`;

    const rebuilds: number[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const t0 = performance.now();
      await scoring.rebuildPlan(planId);
      rebuilds.push(performance.now() - t0);
    }

    const plan = (await repo.planById(planId))!;
    const doc = parseDocument(plan);
    const ranking = async (period: Period) => {
      await scoring.ensureFresh(plan);
      return rankings.rank(plan, doc, period);
    };

    const approvals: number[] = [];
    const r = rng(7);
    for (let i = 0; i < (quick ? 20 : 200); i++) {
      const unitId = unitIds[Math.floor(r() * unitIds.length)]!;
      const date = `2018-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15`;
      await insertFacts(database.db, bureauId, [
        { kind: 'newsReport', date, unitIds: [unitId], outletLevel: 'provincial' },
      ]);
      const change = { ownerUnitId: bureauId, unitIds: [unitId], dates: [date] };
      await database.db.transaction().execute((trx) => scoring.markStale(trx, change));
      // timed: what happens once an approval has committed, up to the ranking people see
      const t0 = performance.now();
      await scoring.afterCommit([change]);
      await ranking({ kind: 'month', index: Number(date.slice(5, 7)) });
      approvals.push(performance.now() - t0);
    }

    const queries: number[] = [];
    const periods: Period[] = [
      { kind: 'month', index: 6 },
      { kind: 'quarter', index: 2 },
      { kind: 'year', index: 1 },
    ];
    for (let i = 0; i < (quick ? 50 : 500); i++) {
      const t0 = performance.now();
      await ranking(periods[i % 3]!);
      queries.push(performance.now() - t0);
    }

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
    await database.close();
    await cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
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
