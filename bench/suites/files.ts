// The file stores (decision 184): one large file put and read back through the disk store, and through
// the database store on each database, each in a process of its own (bench/lib/file-store-worker.ts) —
// beside the same bytes piped to a file and back with bare node:fs streams in the same run. Throughput
// is the round trip's; memory is how far the process's resident size rose during it, which for a store
// that streams stays a few chunks, whatever the file's size (issue 17 item 2: never whole files in
// memory).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TEST_PG_URL } from '../../server/src/test/test-app.ts';
import type { BenchRow, BenchSuite } from '../types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface RoundTrip {
  putMs: number;
  readMs: number;
  same: boolean;
  rssBeforeMb: number;
  peakMb: number;
}

function roundTrip(backend: string, megabytes: number, url?: string): Promise<RoundTrip> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/lib/file-store-worker.ts',
        backend,
        String(megabytes),
        ...(url ? [url] : []),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) return reject(new Error(`${backend}: the worker exited ${code}`));
      const r = JSON.parse(line) as RoundTrip;
      if (!r.same) return reject(new Error(`${backend}: the bytes read back differ from those stored`));
      resolve(r);
    });
  });
}

async function withPostgresDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const base = new URL(process.env.BENCH_DATABASE_URL ?? TEST_PG_URL);
  const name = `gv_bench_files_${randomBytes(5).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base.toString() });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const own = new URL(base);
  own.pathname = `/${name}`;
  try {
    return await fn(own.toString());
  } finally {
    await admin(`DROP DATABASE ${name}`);
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
const mbPerSecond = (mb: number, r: RoundTrip) => round((2 * mb) / ((r.putMs + r.readMs) / 1000));

export const files: BenchSuite = {
  name: 'files',
  async run(ctx) {
    const mb = ctx.quick ? 8 : 200;
    const plain = await roundTrip('plain', mb);
    const reference = { name: 'node:fs streams, same bytes', value: mbPerSecond(mb, plain), unit: 'MB/s' };
    const subjects: Array<[label: string, run: () => Promise<RoundTrip>]> = [
      ['disk store', () => roundTrip('disk', mb)],
    ];
    if (ctx.dialects.includes('sqlite'))
      subjects.push(['database store (sqlite)', () => roundTrip('database', mb)]);
    if (ctx.dialects.includes('postgres'))
      subjects.push([
        'database store (postgres)',
        () => withPostgresDatabase((url) => roundTrip('database', mb, url)),
      ]);
    const rows: BenchRow[] = [
      {
        suite: 'files',
        name: `node:fs streams: ${mb} MB to a file and back (the reference)`,
        value: reference.value,
        unit: 'MB/s',
        peakRssMb: round(plain.peakMb),
        note: `put ${round(plain.putMs)} ms, read ${round(plain.readMs)} ms; resident size rose ${round(plain.peakMb - plain.rssBeforeMb)} MB`,
      },
    ];
    for (const [label, run] of subjects) {
      const r = await run();
      const value = mbPerSecond(mb, r);
      const rose = round(r.peakMb - r.rssBeforeMb);
      rows.push(
        {
          suite: 'files',
          name: `${label}: ${mb} MB put and read back`,
          value,
          unit: 'MB/s',
          reference,
          ratio: Math.round((value / reference.value) * 100) / 100,
          note: `put ${round(r.putMs)} ms, read ${round(r.readMs)} ms`,
        },
        {
          suite: 'files',
          name: `${label}: resident size rose during the ${mb} MB round trip`,
          value: rose,
          unit: 'MB',
          peakRssMb: round(r.peakMb),
          aim: `streamed: far below the file's ${mb} MB`,
        },
      );
    }
    return rows;
  },
};
