// Photos of events and of contest works: PNG or JPEG only, checked and re-encoded by the evidence-file
// rules (evidence-intake.ts), stored in the file store, recorded by the caller in one transaction — all
// of a request's photos or none (what was written is removed when the request fails).
import type { FileStore } from '../../files/file-store.ts';
import { invalid } from '../../http/api-error.ts';
import { createEvidenceIntake, type AcceptedFile, type UploadPart } from '../submissions/evidence-intake.ts';

export const MAX_PHOTOS_PER_REQUEST = 5;

export function createPhotoIntake(store: FileStore) {
  const { accept } = createEvidenceIntake(store, ['image/png', 'image/jpeg']);
  return {
    store,
    async take<T>(
      parts: AsyncIterable<UploadPart>,
      record: (accepted: AcceptedFile[]) => Promise<T>,
    ): Promise<T> {
      const keys: string[] = [];
      const replaced: string[] = [];
      try {
        const accepted: AcceptedFile[] = [];
        for await (const part of parts) {
          if (accepted.length === MAX_PHOTOS_PER_REQUEST)
            throw invalid(
              'files',
              `每次最多上传 ${MAX_PHOTOS_PER_REQUEST} 张照片`,
              `At most ${MAX_PHOTOS_PER_REQUEST} photos at a time`,
            );
          accepted.push(await accept(part, keys, replaced));
        }
        if (!accepted.length) throw invalid('files', '请选择要上传的照片', 'Choose at least one photo');
        const result = await record(accepted);
        await store.remove(...replaced);
        return result;
      } catch (err) {
        await store.remove(...keys);
        throw err;
      }
    },
  };
}
export type PhotoIntake = ReturnType<typeof createPhotoIntake>;
