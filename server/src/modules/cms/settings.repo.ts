// The `settings` table: one text value a key — the portal's site settings, the read counter's secret,
// the search index's format, the demo flag. The only place that builds queries on it.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';

type Executor = DB | Transaction<Database>;

export async function readSetting(ex: Executor, key: string): Promise<string | undefined> {
  return (await ex.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Sets the value, adding the key if it is new. */
export async function writeSetting(ex: Executor, key: string, value: string): Promise<void> {
  const updated = await ex.updateTable('settings').set({ value }).where('key', '=', key).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await ex.insertInto('settings').values({ key, value }).execute();
}

/**
 * The key's value, made by `make` and stored if the key is new. Two servers starting at once may both
 * make one: the first stored wins and both answer it.
 */
export async function settingOnce(ex: Executor, key: string, make: () => string): Promise<string> {
  const stored = await readSetting(ex, key);
  if (stored !== undefined) return stored;
  await ex
    .insertInto('settings')
    .values({ key, value: make() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await readSetting(ex, key))!;
}
