// npm run bench [-- --quick] [-- --suite NAME] — runs every suite in bench/suites/ (contract:
// bench/types.ts), prints one table and writes docs/performance.md: every suite's latest figures, each
// with its date, load average and machine. --quick is a smoke run for CI: small sizes, short durations. Exits 1 if a suite failed.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { BenchContext, BenchRow, BenchSuite } from './types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, suite: { type: 'string', multiple: true } },
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function isSuite(v: unknown): v is BenchSuite {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as BenchSuite).name === 'string' &&
    typeof (v as BenchSuite).run === 'function'
  );
}

/** Every suite a file exports (default or named), each once. */
async function loadSuites(): Promise<BenchSuite[]> {
  const dir = path.join(root, 'bench/suites');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const suites = new Map<string, BenchSuite>();
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as Record<string, unknown>;
    for (const v of Object.values(mod)) if (isSuite(v)) suites.set(v.name, v);
  }
  // the reference first: the others may quote it
  return [...suites.values()].sort((a, b) => Number(b.name === 'reference') - Number(a.name === 'reference'));
}

const fmt = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n)
    ? ''
    : n >= 1000
      ? Math.round(n).toLocaleString('en-US')
      : n.toFixed(digits);

const COLUMNS = [
  'suite',
  'measurement',
  'value',
  'unit',
  'p50 ms',
  'p99 ms',
  'peak RSS MB',
  'reference',
  'ratio',
  'aim',
];
function cells(r: BenchRow): string[] {
  return [
    r.suite,
    r.name,
    fmt(r.value),
    r.unit,
    fmt(r.p50Ms, 2),
    fmt(r.p99Ms, 2),
    fmt(r.peakRssMb),
    r.reference ? `${r.reference.name} ${fmt(r.reference.value)} ${r.reference.unit}` : '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.aim ?? r.note ?? '',
  ];
}

function textTable(rows: string[][]): string {
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 2 || (i >= 4 && i <= 6) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ');
  return [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(rows: string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map((_, i) => (i === 2 || (i >= 4 && i <= 8) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

const ctx: BenchContext = {
  quick: values.quick ?? false,
  dialects: (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'],
  freePort,
};
const wanted = values.suite?.length ? new Set(values.suite) : null;
const suites = (await loadSuites()).filter((s) => !wanted || wanted.has(s.name));
const rows: BenchRow[] = [];
const failed: string[] = [];
const runs: Array<SuiteRun & { name: string }> = [];
const machine = `${os.availableParallelism()} CPU cores (nproc; ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node.js ${process.version}, ${os.type()} ${os.release()}`;
console.log(
  `基准测试 Benchmarks${ctx.quick ? ' (--quick)' : ''}: ${suites.map((s) => s.name).join(', ')} on ${ctx.dialects.join(' + ')}`,
);
for (const suite of suites) {
  const started = Date.now();
  const run = {
    name: suite.name,
    date: new Date(started).toISOString(),
    load: { start: os.loadavg(), end: [] as number[] },
    dialects: ctx.dialects,
    machine,
    quick: ctx.quick,
    rows: [] as BenchRow[],
  };
  try {
    const got = await suite.run(ctx);
    rows.push(...got);
    runs.push({ ...run, rows: got, load: { ...run.load, end: os.loadavg() } });
    console.log(
      `  ${suite.name}: ${got.length} measurements in ${((Date.now() - started) / 1000).toFixed(1)} s (load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')})`,
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    failed.push(`${suite.name}: ${message}`);
    runs.push({ ...run, failed: message, load: { ...run.load, end: os.loadavg() } });
    console.log(`  ${suite.name}: FAILED — ${message.split('\n')[0]}`);
  }
}

console.log(`\n${textTable(rows.map(cells))}`);

// docs/performance.md shows every suite's latest figures, each with its own date and load: the suites
// run now replace theirs in docs/performance.json, the others stay as they were measured. A suite that
// failed keeps its last figures, marked so.
const docPath = path.join(root, 'docs/performance.md');
const storePath = path.join(root, 'docs/performance.json');
interface SuiteRun {
  date: string;
  /** os.loadavg() (1, 5, 15 min) when the suite started and ended */
  load: { start: number[]; end: number[] };
  dialects: string[];
  machine: string;
  quick: boolean;
  rows: BenchRow[];
  failed?: string;
}
const store: { suites: Record<string, SuiteRun> } = fs.existsSync(storePath)
  ? (JSON.parse(fs.readFileSync(storePath, 'utf8')) as { suites: Record<string, SuiteRun> })
  : { suites: {} };
for (const r of runs) {
  const before = store.suites[r.name];
  const { name, ...run } = r;
  store.suites[name] = run.failed && before ? { ...before, failed: `${run.date}: ${run.failed}` } : run;
}
fs.writeFileSync(storePath, `${JSON.stringify(store, null, 1)}\n`);

const NOTES = '<!-- Notes below this line are written by hand and kept by bench/run.ts. -->';
const notes = fs.existsSync(docPath) ? (fs.readFileSync(docPath, 'utf8').split(NOTES)[1] ?? '') : '';
const ordered = Object.entries(store.suites).sort(([a], [b]) =>
  a === 'reference' ? -1 : b === 'reference' ? 1 : a.localeCompare(b),
);
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
const runTable = [
  '| suite | run at (UTC) | load average 1 / 5 / 15 min: start → end | databases | machine |',
  '|---|---|---|---|---|',
  ...ordered.map(
    ([name, r]) =>
      `| ${name}${r.quick ? ' (--quick)' : ''}${r.failed ? ` — **last run failed** (${r.failed.split('\n')[0]!.replace(/\|/g, '\\|')})` : ''} | ${r.date} | ${load(r.load.start)} → ${load(r.load.end)} | ${r.dialects.join(', ')} | ${r.machine} |`,
  ),
].join('\n');
const doc = `# Performance

The latest figures of every suite of \`npm run bench\` (bench/run.ts), written by the command itself: a
run of some suites (\`-- --suite NAME\`) replaces those suites' rows and keeps the others' as they were
measured (the data: docs/performance.json). Each throughput figure is measured with wrk beside a
reference started in the same run, so ratios hold on a busy shared machine where absolute numbers
wander; the load average beside each run says how busy it was.

${runTable}

${markdownTable(ordered.flatMap(([, r]) => r.rows.map(cells)))}

How to read it: \`value\` is the measurement (higher is better for req/s, lower for times); \`ratio\` is value ÷
reference (reference ÷ value for times); \`peak RSS\` is the peak resident memory of the measured server's
processes (VmHWM); the \`memory\` suite's \`MB RSS\` is the resident memory (VmRSS) of the production process
\`node server/dist/server.js\` alone, each row after the one before (decisions 088, 090). Suites live in
\`bench/suites/\` (contract: \`bench/types.ts\`); the reference servers, GreenVoice as a child process, wrk
and its turn-taking rounds are in \`bench/lib/\` for every suite to use.

${NOTES}${notes}`;
fs.writeFileSync(docPath, doc);
console.log(
  `\ndocs/performance.md written.${failed.length ? `\n${failed.length} suite(s) failed:\n  ${failed.join('\n  ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
