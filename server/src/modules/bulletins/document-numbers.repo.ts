// Numbers of official documents (N in 常环宣〔2018〕N号): one counter row per series, advanced by one
// atomic upsert inside the caller's transaction. On PostgreSQL the row stays locked until that
// transaction ends, so concurrent drafts queue for a moment and get consecutive numbers; a transaction
// that rolls back gives its number back. max()+1 let two drafts read the same maximum (decision 061).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';

export type DocumentSeries =
  | `bulletin:${number}`
  | `interview:${number}`
  | `infoAnswer:${number}:${number}`
  | `monitoring:${number}:${number}`;

export async function takeDocumentNumber(
  trx: Transaction<Database> | Kysely<Database>,
  series: DocumentSeries,
): Promise<number> {
  const row = await trx
    .insertInto('document_counters')
    .values({ series, last_number: 1 })
    .onConflict((oc) =>
      oc.column('series').doUpdateSet((eb) => ({ last_number: eb('document_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}
