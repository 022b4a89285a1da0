// Which rows name a stored file, per store: what the migration between stores, the backup and the
// start-up check verify against. A new table that names a file key joins this list (decision 185).
import { sql } from 'kysely';
import type { DB } from '../db/database.ts';
import type { StoreName } from './file-stores.ts';

export const FILE_REFERENCES: ReadonlyArray<{ store: StoreName; table: string; key: string }> = [
  { store: 'files', table: 'evidence_files', key: 'stored_name' },
  { store: 'portal-files', table: 'portal_files', key: 'token' },
  { store: 'guide-forms', table: 'service_guide_forms', key: 'token' },
  { store: 'case-files', table: 'case_photos', key: 'stored_name' },
  { store: 'consultation-files', table: 'consultation_files', key: 'token' },
  { store: 'activity-files', table: 'activity_photos', key: 'stored_name' },
  { store: 'activity-files', table: 'contest_work_photos', key: 'stored_name' },
];

export interface FileReference {
  table: string;
  key: string;
  size: number;
  /** '' where the row did not record one */
  sha256: string;
}

/** Every row of a store's tables that names a file, with the size and SHA-256 it recorded. */
export async function referencedFiles(db: DB, store: StoreName): Promise<FileReference[]> {
  const out: FileReference[] = [];
  for (const ref of FILE_REFERENCES.filter((r) => r.store === store)) {
    const rows = await sql<{ key: string; size: number; sha256: string | null }>`
      SELECT ${sql.ref(ref.key)} AS key, size, sha256 FROM ${sql.table(ref.table)} ORDER BY id`.execute(db);
    for (const r of rows.rows)
      out.push({ table: ref.table, key: r.key, size: Number(r.size), sha256: r.sha256 ?? '' });
  }
  return out;
}
