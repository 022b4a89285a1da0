import { Migrator, sql, type Kysely } from 'kysely';
import { isPostgres } from './migrations/portable.ts';
import { migrations } from './migrations/index.ts';

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // On PostgreSQL Kysely looks for its bookkeeping tables in every schema unless told which one: a
  // kysely_migration table in any other schema of the database (another installation, a test run that
  // died) made it skip creating its own and fail. Pin it to the schema this database handle works in.
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
