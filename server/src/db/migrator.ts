import { Migrator, sql, type Kysely } from 'kysely';
import { isPostgres } from './migrations/portable.ts';
import { migrations } from './migrations/index.ts';

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely looks for its migration tables in any schema unless told which: with several schemas in
  // one PostgreSQL database (each test file has its own) it could find another's lock table and fail.
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // modules are built in parallel and land in any order: a migration that lands after one with a later
    // name must still run on a database that already has the later one (decision 182). Each migration
    // touches its own tables, so their order between modules does not matter.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  // Kysely's check for its own tables reads every schema's catalogue (its introspector's getTables); a
  // schema, table or column dropped or altered by someone else at that moment (parallel test files do it
  // all the time) fails the check with "schema … / relation … / column … does not exist". That is not
  // about our schema, so trying again is right; an error of our own migrations is thrown as it is.
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const other = String(error).match(/schema "([^"]+)" does not exist/)?.[1];
    const inCatalogueRead =
      /does not exist/.test(String(error)) && String((error as Error).stack).includes('getTables');
    if (attempt < 5 && ((other !== undefined && other !== schema) || inCatalogueRead)) continue;
    throw error instanceof Error ? error : new Error(String(error));
  }
}
