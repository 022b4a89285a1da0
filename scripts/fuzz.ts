// npm run fuzz [-- --runs 2000 --db sqlite|postgres|both --seed N] — sends schema-generated requests
// (valid, boundary and invalid) to every declared route, as a role that may call it and anonymously,
// on a fresh demo database; prints how many inputs each route got and what it answered. Exits 1 on any
// 5xx, crash, leaked stack trace or SQL, error outside the one shape, or undeclared status.
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Role } from '@greenvoice/common';
import { fuzzableRoutes, fuzzRoute } from '../server/src/test/fuzz/fuzz-routes.ts';
import { createTestApp, TEST_PG_URL } from '../server/src/test/test-app.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    db: { type: 'string', default: 'both' },
    seed: { type: 'string' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const dialects: Array<'sqlite' | 'postgres'> = [];
if (values.db === 'sqlite' || values.db === 'both') dialects.push('sqlite');
if (values.db === 'postgres' || values.db === 'both') {
  if (await postgresReachable()) dialects.push('postgres');
  else console.log(`PostgreSQL skipped: nothing answers at ${TEST_PG_URL}`);
}

console.log(`模糊测试 Fuzzing: ${runs} inputs a route, seed ${seed} (repeat with --seed ${seed})`);
let total = 0;
let failures = 0;
for (const dialect of dialects) {
  process.env.TEST_DB = dialect;
  const t = await createTestApp({ demo: true });
  try {
    const sessions = new Map<Role, string>();
    const started = Date.now();
    let dialectTotal = 0;
    console.log(`\n${dialect}`);
    for (const [i, route] of fuzzableRoutes(t.app.declaredRoutes).entries()) {
      const routeStarted = Date.now();
      const r = await fuzzRoute(t, route, runs, sessions, seed + i);
      const ms = Date.now() - routeStarted;
      dialectTotal += r.tried;
      failures += r.problems.length;
      const statuses = Object.entries(r.statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      console.log(
        `  ${r.route.padEnd(48)} ${String(r.tried).padStart(7)} inputs ${String(ms).padStart(6)} ms  ${statuses}`,
      );
      for (const p of r.problems.slice(0, 5)) console.log(`    ✗ ${p}`);
      if (r.problems.length > 5) console.log(`    … and ${r.problems.length - 5} more`);
    }
    total += dialectTotal;
    console.log(`  ${dialect}: ${dialectTotal} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await t.close();
  }
}
console.log(`\n共 Total: ${total} inputs, ${failures} problems (0 5xx, crashes and leaks required)`);
process.exit(failures === 0 && dialects.length > 0 ? 0 : 1);
