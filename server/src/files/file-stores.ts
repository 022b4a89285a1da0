// Where each kind of uploaded file lives under DATA_DIR — the one place that names the directories.
// A store is a stateless view of its directory, so building one twice is harmless.
import path from 'node:path';
import { createFileStore, type FileStore } from './file-store.ts';

/** Evidence attached to submissions ($DATA_DIR/files, decision 021). */
export const evidenceFiles = (dataDir: string): FileStore => createFileStore(path.join(dataDir, 'files'));

/** The portal's images and attachments ($DATA_DIR/portal-files). */
export const portalFiles = (dataDir: string): FileStore =>
  createFileStore(path.join(dataDir, 'portal-files'));

/** Every store, for the sweeper of temporary files (jobs/file-temps.ts). */
export const allFileStores = (dataDir: string): FileStore[] => [evidenceFiles(dataDir), portalFiles(dataDir)];
