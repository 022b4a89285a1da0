import { Migrator, type Kysely } from 'kysely';
import { migrations } from './migrations/index.ts';

/**
 * `schema`: the PostgreSQL schema in use (PG_SCHEMA). Kysely otherwise takes another schema's
 * migration tables for its own and fails when tests migrate several schemas at once.
 */
export async function migrateToLatest(db: Kysely<any>, schema: string | null = null): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
