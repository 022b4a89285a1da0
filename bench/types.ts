// The benchmark contract: `npm run bench` (bench/run.ts) runs every suite in bench/suites/ and prints one
// table. Each suite measures its own subject and, where it makes sense, a reference in the same run
// (nginx serving a static file, a bare node:http server) so that ratios hold on noisy shared machines.

export interface BenchContext {
  /** --quick: a smoke run for CI — small sizes, short durations */
  quick: boolean;
  /** the databases to measure on (PostgreSQL only when reachable) */
  dialects: Array<'sqlite' | 'postgres'>;
  /** a free TCP port for a server the suite starts */
  freePort(): Promise<number>;
}

export interface BenchRow {
  suite: string;
  /** what was measured, e.g. 'rebuild 30 units × 10,000 facts (sqlite)' */
  name: string;
  value: number;
  unit: string;
  p50Ms?: number;
  p99Ms?: number;
  peakRssMb?: number;
  /** the reference measured in the same run, and value / reference (or reference / value for times) */
  reference?: { name: string; value: number; unit: string };
  ratio?: number;
  /** the aim the issue sets, e.g. 'p99 < 20 ms' */
  aim?: string;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
