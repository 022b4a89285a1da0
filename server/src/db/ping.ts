// Whether the database answers at all (the health route's probe): the cheapest statement there is.
import { sql } from 'kysely';
import type { DB } from './database.ts';

export async function pingDatabase(db: DB): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
