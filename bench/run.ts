// npm run bench [-- --quick] [-- --suite NAME] — runs every suite in bench/suites/ (contract:
// bench/types.ts), prints one table and writes docs/performance.md with the figures, the machine and
// the date. --quick is a smoke run for CI: small sizes, short durations. Exits 1 if a suite failed.
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
console.log(
  `基准测试 Benchmarks${ctx.quick ? ' (--quick)' : ''}: ${suites.map((s) => s.name).join(', ')} on ${ctx.dialects.join(' + ')}`,
);
for (const suite of suites) {
  const started = Date.now();
  try {
    const got = await suite.run(ctx);
    rows.push(...got);
    console.log(
      `  ${suite.name}: ${got.length} measurements in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    failed.push(`${suite.name}: ${err instanceof Error ? err.message : String(err)}`);
    console.log(
      `  ${suite.name}: FAILED — ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
  }
}

const table = rows.map(cells);
console.log(`\n${textTable(table)}`);

// With --suite, the other suites' rows of the last full run stay in docs/performance.md (marked as such)
const docPath = path.join(root, 'docs/performance.md');
const previousDate = fs.existsSync(docPath)
  ? fs.readFileSync(docPath, 'utf8').match(/\*\*Date:\*\* (\S+)/)?.[1]
  : undefined;
const kept =
  wanted && fs.existsSync(docPath)
    ? fs
        .readFileSync(docPath, 'utf8')
        .split('\n')
        .filter((l) => /^\| [a-z-]+ \|/.test(l) && !l.startsWith('| suite |'))
        .filter((l) => !wanted.has(l.split('|')[1]!.trim()))
    : [];
const keptSuites = [...new Set(kept.map((l) => l.split('|')[1]!.trim()))];

const machine = `${os.availableParallelism()} CPU cores (nproc; ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node.js ${process.version}, ${os.type()} ${os.release()}`;
const doc = `# Performance

The latest figures from \`npm run bench${ctx.quick ? ' -- --quick' : ''}\` (bench/run.ts), written by the command itself.
Each throughput figure is measured with wrk against a reference started in the same run, so ratios hold
on a busy shared machine where absolute numbers wander.${ctx.quick ? '\n\n**These are --quick (smoke) figures: short runs, small sizes. Run `npm run bench` for real ones.**' : ''}

- **Date:** ${new Date().toISOString()}
- **Machine:** ${machine}
- **Databases:** ${ctx.dialects.join(', ')}
- **Suites:** ${suites.map((s) => s.name).join(', ')}${keptSuites.length ? ` (this run); ${keptSuites.join(', ')} kept from the run of ${previousDate ?? 'an earlier date'}` : ''}${failed.length ? `\n- **Failed:** ${failed.map((f) => f.split('\n')[0]).join('; ')}` : ''}

${[markdownTable(table).split('\n').slice(0, 2), ...kept, ...markdownTable(table).split('\n').slice(2)].flat().join('\n')}

How to read it: \`value\` is the measurement (higher is better for req/s, lower for times); \`ratio\` is value ÷
reference (reference ÷ value for times); \`peak RSS\` is the peak resident memory of the measured server's
processes (VmHWM); the \`memory\` suite's \`MB RSS\` is the resident memory (VmRSS) of the production process
\`node server/dist/server.js\` alone, each row after the one before (decisions 088, 090). Suites live in \`bench/suites/\` (contract: \`bench/types.ts\`); the reference servers and
the wrk runner are in \`bench/lib/\` for every suite to use.
`;
fs.writeFileSync(docPath, doc);
console.log(
  `\ndocs/performance.md written.${failed.length ? `\n${failed.length} suite(s) failed:\n  ${failed.join('\n  ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
