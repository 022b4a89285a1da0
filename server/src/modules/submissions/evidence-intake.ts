// The evidence-file rules for one received file, shared by every upload that is evidence of something
// (submissions' evidence, the photos of a 12369 report): the type is read from the content, never the
// name or the browser's claim; the name's extension must match it; images are re-encoded so EXIF, GPS,
// comments and profiles go (docs/security-requirements.md §22, decision 021).
import type { Readable } from 'node:stream';
import { ApiError } from '../../http/api-error.ts';
import { readAll, readHead, type FileStore } from '../../files/file-store.ts';
import { sharp } from '../../lazy-packages.ts';
import {
  EVIDENCE_TYPES,
  cleanFileName,
  detectMediaType,
  extensionMatches,
  isEvidenceType,
  type EvidenceMediaType,
} from './evidence-type.ts';

export interface UploadPart {
  filename: string;
  file: Readable & { truncated?: boolean };
}

export interface AcceptedFile {
  storedName: string;
  fileName: string;
  mediaType: EvidenceMediaType;
  size: number;
  sha256: string;
}

const MAX_PIXELS = 100_000_000;
const TYPE_NAMES: Record<EvidenceMediaType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/pdf': 'PDF',
};

const refused = (fileName: string, detected: string, allowed: readonly EvidenceMediaType[]) => {
  const names = allowed.map((t) => TYPE_NAMES[t]).join('、');
  const namesEn = allowed.map((t) => TYPE_NAMES[t]).join(', ');
  return new ApiError(
    'UNSUPPORTED_MEDIA_TYPE',
    [
      {
        field: fileName,
        message: `文件“${fileName}”的实际类型是 ${detected}，只接受 ${names} 文件`,
        messageEn: `"${fileName}" is ${detected}; only ${namesEn} files are accepted`,
      },
    ],
    {
      zh: `不支持的文件类型：${detected}（只接受 ${names}）`,
      en: `Unsupported file type: ${detected} (${namesEn} only)`,
    },
  );
};

const misnamed = (fileName: string, detected: string) =>
  new ApiError(
    'UNSUPPORTED_MEDIA_TYPE',
    [
      {
        field: fileName,
        message: `文件“${fileName}”的内容是 ${detected}，与扩展名不符`,
        messageEn: `"${fileName}" contains ${detected}, which does not match its extension`,
      },
    ],
    {
      zh: `文件内容（${detected}）与扩展名不符`,
      en: `The file's content (${detected}) does not match its extension`,
    },
  );

export function createEvidenceIntake(
  store: FileStore,
  allowed: readonly EvidenceMediaType[] = Object.keys(EVIDENCE_TYPES) as EvidenceMediaType[],
) {
  /** Re-encodes an image: pixels only, turned upright; EXIF, GPS, comments and profiles dropped. */
  async function reencode(key: string, type: EvidenceMediaType, fileName: string): Promise<Buffer> {
    try {
      const image = sharp()(await readAll((await store.open(key))!), {
        limitInputPixels: MAX_PIXELS,
        failOn: 'error',
      }).rotate();
      return type === 'image/png'
        ? await image.png().toBuffer()
        : await image.jpeg({ quality: 90 }).toBuffer();
    } catch {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        [
          {
            field: fileName,
            message: `图片“${fileName}”已损坏或过大，无法读取`,
            messageEn: `The image "${fileName}" is damaged or too large to read`,
          },
        ],
        { zh: '图片无法读取', en: 'The image cannot be read' },
      );
    }
  }

  return {
    /**
     * Checks one received file and puts it in place; returns what the row needs. Every key stored is
     * added to `keys` (the caller removes them if the request fails); an image's original, replaced by
     * its re-encoded copy, also to `replaced` (removed once the rows commit).
     */
    async accept(part: UploadPart, keys: string[], replaced: string[]): Promise<AcceptedFile> {
      const fileName = cleanFileName(part.filename);
      const received = await store.put(part.file);
      keys.push(received.key);
      if (part.file.truncated) throw new ApiError('PAYLOAD_TOO_LARGE');
      const detected = detectMediaType(await readHead((await store.open(received.key))!));
      if (!isEvidenceType(detected)) throw refused(fileName, detected, allowed);
      if (!extensionMatches(fileName, detected)) throw misnamed(fileName, detected);
      if (!allowed.includes(detected)) throw refused(fileName, detected, allowed);
      let stored = received;
      if (detected !== 'application/pdf') {
        stored = await store.put(await reencode(received.key, detected, fileName));
        keys.push(stored.key);
        replaced.push(received.key);
      }
      return {
        storedName: stored.key,
        fileName,
        mediaType: detected,
        size: stored.size,
        sha256: stored.sha256,
      };
    },
  };
}
