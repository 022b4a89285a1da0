// Tables owned by the file storage (server/src/files): only its repository queries them; every module
// reaches its files through the FileStore interface (decision 184).
import type { Generated } from 'kysely';

export interface StoredFilesTable {
  id: Generated<number>;
  store: string;
  key: string;
  size: Generated<number>;
  chunks: Generated<number>;
  sha256: string | null;
  created_at: string;
  written_at: string;
  complete_at: string | null;
}

export interface StoredFileChunksTable {
  file_id: number;
  seq: number;
  data: Buffer;
}
