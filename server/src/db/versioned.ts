// Optimistic concurrency, written once: a row is changed only while it still has the version its editor
// read (the If-Match the console sent), and every change moves the version on by one. Every repository
// that updates a versioned row calls `updateVersioned`; a false answer is the caller's 409 CONFLICT.
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from './database.ts';
import type { Database } from './types.ts';

type Executor = DB | Transaction<Database>;

const MAX_VERSION = 2_147_483_647;

/** The tables with a `version` column. */
export type VersionedTable = {
  [T in keyof Database]: 'version' extends keyof Database[T] ? T : never;
}[keyof Database];

/** Which row: its id, or the values of the columns that name it (`{ year }`; null matches NULL). */
export type RowKey<T extends VersionedTable> = number | { [C in keyof Database[T]]?: unknown };

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** `key` and `version` as conditions; the table is a type parameter Kysely's builder cannot follow. */
function matching<Q extends { where(column: string, op: string, value: unknown): Q }>(
  q: Q,
  key: number | Record<string, unknown>,
  version: number,
): Q {
  let out = q.where('version', '=', version);
  for (const [column, value] of Object.entries(typeof key === 'number' ? { id: key } : key))
    out = value === null ? out.where(column, 'is', null) : out.where(column, '=', value);
  return out;
}

/**
 * Sets `values` on the row named by `key` if its version is still `version`, and moves the version on.
 * Returns false when no such row has that version (someone changed it meanwhile, or it is gone).
 */
export async function updateVersioned<T extends VersionedTable>(
  ex: Executor,
  table: T,
  key: RowKey<T>,
  version: number,
  values: Omit<Updateable<Database[T]>, 'version'>,
): Promise<boolean> {
  // no row reaches the last integer: asking for it is a stale or forged If-Match, and its + 1 would
  // overflow PostgreSQL's integer (a 500 found by fuzzing)
  if (version >= MAX_VERSION) return false;
  const update = (ex as unknown as AnyDb)
    .updateTable(table as string)
    .set({ ...(values as Record<string, unknown>), version: version + 1 });
  const res = await matching(update, key, version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Deletes the row named by `key` if its version is still `version`; false otherwise. */
export async function deleteVersioned<T extends VersionedTable>(
  ex: Executor,
  table: T,
  key: RowKey<T>,
  version: number,
): Promise<boolean> {
  const res = await matching(
    (ex as unknown as AnyDb).deleteFrom(table as string),
    key,
    version,
  ).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
