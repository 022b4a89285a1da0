// Named prepared statements on PostgreSQL for the hot public reads (decision 108). Kysely sends every
// statement unnamed, so PostgreSQL parses and plans it anew each time; for the article page's one
// statement (three subqueries and a join) planning cost ≈ 4 × executing it (pgbench on this machine:
// 1,570 statements/s unnamed, 6,160 prepared). A statement run through `executePrepared` is sent with a
// name derived from its text: pg parses it once per connection and then only binds and executes it.
// On SQLite it is an ordinary execution (public-hot-reads.ts holds SQLite's own prepared statements).
// Opt-in, for a bounded set of statements whose text does not vary: every distinct text stays prepared
// on each pooled connection for the connection's life.
import { createHash } from 'node:crypto';
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
// the table types, not database.ts: database.ts imports this file, and a cycle fails the guardrails
import type { Database } from './types.ts';

const names = new Map<string, string>();

/** Runs the compiled query (`qb.compile()`, `` sql`…`.compile(db) ``), named on PostgreSQL. */
export async function executePrepared<R>(
  db: Kysely<Database>,
  compiled: CompiledQuery<R>,
): Promise<QueryResult<R>> {
  if (!names.has(compiled.sql))
    names.set(compiled.sql, `gv_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 24)}`);
  return db.executeQuery(compiled);
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Makes a pg client send the statements `executePrepared` marked with their name (called once per
 * pooled connection, database.ts). Every other call goes through unchanged.
 */
export function namePreparedStatements(client: { query: QueryFn }): void {
  const query = client.query.bind(client) as QueryFn;
  client.query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = args.length === 2 && typeof text === 'string' ? names.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
}
