// Where each kind of uploaded file lives — the one place that names the stores and picks their backend
// (FILE_STORE, decision 184): directories under DATA_DIR, or rows in the database's stored_files table
// under the same names. A store is a stateless view, so building one twice is harmless.
import path from 'node:path';
import type { DB } from '../db/database.ts';
import { createDatabaseFileStore } from './database-file-store.ts';
import { createFileStore, type FileStore } from './file-store.ts';

export type FileBackend = 'disk' | 'database';

/** Each store's name: its directory under DATA_DIR, and its `store` in the stored_files table. */
export const STORE_NAMES = {
  /** evidence attached to submissions (decision 021) */
  evidence: 'files',
  /** the portal's images and attachments */
  portal: 'portal-files',
  /** service guides' downloadable forms (decision 113) */
  guideForms: 'guide-forms',
  /** photos sent with public reports, checked by the evidence-file rules */
  casePhotos: 'case-files',
  /** a consultation draft's attachments (decision 146) */
  consultations: 'consultation-files',
  /** photos of events and of contest works, checked by the evidence-file rules */
  activityPhotos: 'activity-files',
} as const;
export type StoreRole = keyof typeof STORE_NAMES;
export type StoreName = (typeof STORE_NAMES)[StoreRole];

export interface FileStorage {
  backend: FileBackend;
  stores: Record<StoreRole, FileStore>;
  /** every store with its name, for the sweeper of temporary files, the migration and the backup */
  all: Array<{ name: StoreName; store: FileStore }>;
}

export interface FileStorageSettings {
  fileStore: FileBackend;
  dataDir: string;
}

export function fileStorage(settings: FileStorageSettings, db: DB): FileStorage {
  const make = (name: StoreName): FileStore =>
    settings.fileStore === 'database'
      ? createDatabaseFileStore(db, name)
      : createFileStore(path.join(settings.dataDir, name));
  const roles = Object.keys(STORE_NAMES) as StoreRole[];
  const stores = Object.fromEntries(roles.map((r) => [r, make(STORE_NAMES[r])])) as Record<
    StoreRole,
    FileStore
  >;
  return {
    backend: settings.fileStore,
    stores,
    all: roles.map((r) => ({ name: STORE_NAMES[r], store: stores[r] })),
  };
}
