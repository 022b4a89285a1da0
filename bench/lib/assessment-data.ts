// The assessment benchmarks' data and timings, one way for the assessment suite (one city-year) and the
// province suite (14 cities × 5 years): a throw-away database on either dialect, bureaus with their child
// units and one plan a year, deterministic approved facts, and the three timed operations of a city-year.
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
import { createUnitsRepo } from '../../server/src/modules/units/units.repo.ts';
import { insertFacts, type FactInput } from '../../server/src/test/assessment-facts.ts';
import { TEST_PG_URL } from '../../server/src/test/test-app.ts';

/** A deterministic pseudo-random sequence, so every run scores the same years. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `n` approved facts of one year over the given units, one in ten a joint one. */
export function generateFacts(n: number, unitIds: number[], year = 2018, seed = year): FactInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const lead = pick(unitIds);
    const joint = r() < 0.1 ? [lead, pick(unitIds.filter((u) => u !== lead))] : [lead];
    const kind = pick(FACT_KINDS);
    return {
      kind,
      date: `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
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

/** A migrated database of its own: a temporary SQLite file, or a fresh PostgreSQL database. */
export async function openBenchDatabase(dialect: 'sqlite' | 'postgres') {
  let database: DatabaseHandle;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-'));
    database = await openDatabase({ url: path.join(dir, 'bench.db'), dialect });
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
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
    database = await openDatabase({ url: own.toString(), dialect });
    drop = () => admin(`DROP DATABASE ${name}`);
  }
  await migrateToLatest(database.db);
  // the services keep their files here; scoring writes none
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-data-'));
  const services = createServices({
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, dataDir),
    database,
    log: console,
    today: () => '2019-01-01',
  });
  return {
    database,
    services,
    async close() {
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type BenchDatabase = Awaited<ReturnType<typeof openBenchDatabase>>;

export interface BenchBureau {
  bureauId: number;
  unitIds: number[];
  /** the bureau's plan of each year */
  planIds: Map<number, number>;
}

/** A city bureau with `units` child units (two in three county bureaus, the rest departments) and a plan a year. */
export async function seedBureau(
  database: DatabaseHandle,
  code: string,
  units: number,
  years: number[],
): Promise<BenchBureau> {
  const db = database.db;
  const at = '2014-03-21T09:00:00.000Z';
  const repo = createUnitsRepo(db);
  const unit = (c: string, kind: UnitKind, parentId: number | null, parentPath: string) =>
    db
      .transaction()
      .execute((trx) => repo.insert(trx, { code: c, name: c, kind, parentId, parentPath, sortOrder: 0, at }));
  const bureau = await unit(code, 'cityBureau', null, '/');
  const unitIds: number[] = [];
  for (let i = 0; i < units; i++)
    unitIds.push(
      (
        await unit(
          `${code}-U${i}`,
          i < (units * 2) / 3 ? 'countyBureau' : 'department',
          bureau.id,
          bureau.path,
        )
      ).id,
    );
  const planIds = new Map<number, number>();
  for (const year of years) {
    const { id } = await db
      .insertInto('assessment_plans')
      .values({
        owner_unit_id: bureau.id,
        year,
        title: `bench ${code} ${year}`,
        document: JSON.stringify(DEFAULT_PLAN_2018),
        rules_version: 1,
        interview_rule: '{"bottomN":2,"consecutiveMonths":3,"lastForYear":true}',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    planIds.set(year, id);
  }
  return { bureauId: bureau.id, unitIds, planIds };
}

/** Each year's facts for the bureau (seeded by bureau and year, so each city-year differs). */
export async function seedFacts(database: DatabaseHandle, bureau: BenchBureau, perYear: number) {
  for (const year of bureau.planIds.keys())
    await insertFacts(
      database.db,
      bureau.bureauId,
      generateFacts(perYear, bureau.unitIds, year, year * 1000 + bureau.bureauId),
    );
}

export interface CityYearTimings {
  rebuilds: number[];
  approvals: number[];
  queries: number[];
}

/**
 * The three timings of one city-year: the plan's full rebuild (`rebuilds` times); one approval's fact
 * committed, then the time from its commit to the updated ranking (`approvals` times); the ranking query
 * of a month, a quarter and the year in turn (`queries` times).
 */
export async function timeCityYear(
  bench: BenchDatabase,
  bureau: BenchBureau,
  year: number,
  counts: { rebuilds: number; approvals: number; queries: number },
): Promise<CityYearTimings> {
  const { database, services } = bench;
  const { scoresRepo: repo, scoring, rankings } = services;
  const planId = bureau.planIds.get(year)!;
  const rebuilds: number[] = [];
  for (let i = 0; i < counts.rebuilds; i++) {
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
  for (let i = 0; i < counts.approvals; i++) {
    const unitId = bureau.unitIds[Math.floor(r() * bureau.unitIds.length)]!;
    const date = `${year}-${pad(1 + Math.floor(r() * 12))}-15`;
    await insertFacts(database.db, bureau.bureauId, [
      { kind: 'newsReport', date, unitIds: [unitId], outletLevel: 'provincial' },
    ]);
    const change = { ownerUnitId: bureau.bureauId, unitIds: [unitId], dates: [date] };
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
  for (let i = 0; i < counts.queries; i++) {
    const t0 = performance.now();
    await ranking(periods[i % 3]!);
    queries.push(performance.now() - t0);
  }
  return { rebuilds, approvals, queries };
}
