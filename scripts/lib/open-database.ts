// Opens the configured database for a command-line script, exactly as the server does.
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/db/database.ts';

export async function openConfiguredDatabase() {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dialect: config.dialect,
    pgSchema: config.pgSchema,
  });
  return { config, database };
}
