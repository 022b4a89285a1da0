// npm run db:migrate — applies pending migrations to the configured database (the server also does at start-up).
import { migrateToLatest } from '../server/src/db/migrator.ts';
import { openConfiguredDatabase } from './lib/open-database.ts';

const { config, database } = await openConfiguredDatabase();
try {
  const applied = await migrateToLatest(database.db);
  console.log(
    applied.length
      ? `Applied on ${config.dialect}: ${applied.join(', ')}`
      : `Database (${config.dialect}) is up to date.`,
  );
} finally {
  await database.close();
}
