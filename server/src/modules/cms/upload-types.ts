// Uploads are allowed by their magic bytes, and the extension must agree (docs/security-requirements.md
// §22). Images are rewritten without their metadata blocks (EXIF with GPS, comments, text chunks).

import { ApiError } from '../../http/api-error.ts';

export interface Upload {
  filename: string;
  bytes: Buffer;
}

const MAX_NAME = 120;

export type UploadType = 'png' | 'jpg' | 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls';

export const IMAGE_TYPES: readonly UploadType[] = ['png', 'jpg'];
export const ATTACHMENT_TYPES: readonly UploadType[] = ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'png', 'jpg'];

export const MIME: Record<UploadType, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

const EXTENSIONS: Record<UploadType, string[]> = {
  png: ['png'],
  jpg: ['jpg', 'jpeg'],
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  doc: ['doc'],
  xls: ['xls'],
};

const starts = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** The file's type by content and name, or null when they are not an allowed, agreeing pair. */
export function detectUploadType(buf: Buffer, filename: string): UploadType | null {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  let byContent: UploadType[] = [];
  if (starts(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) byContent = ['png'];
  else if (starts(buf, [0xff, 0xd8, 0xff])) byContent = ['jpg'];
  else if (starts(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) byContent = ['pdf'];
  else if (starts(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const listing = buf.subarray(0, Math.min(buf.length, 64 * 1024)).toString('latin1');
    if (listing.includes('word/')) byContent = ['docx'];
    else if (listing.includes('xl/')) byContent = ['xlsx'];
  } else if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) byContent = ['doc', 'xls'];
  return byContent.find((t) => EXTENSIONS[t].includes(ext)) ?? null;
}

/** A JPEG without APPn (except JFIF/Adobe colour info) and COM segments: no EXIF, no GPS, no comments. */
export function stripJpegMetadata(buf: Buffer): Buffer {
  const parts: Buffer[] = [buf.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) throw new Error('damaged JPEG');
    const marker = buf[i + 1]!;
    if (marker === 0xda) {
      parts.push(buf.subarray(i)); // start of scan: the rest is image data
      return Buffer.concat(parts);
    }
    const len = buf.readUInt16BE(i + 2);
    const seg = buf.subarray(i, i + 2 + len);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xee) && marker !== 0xfe;
    if (keep) parts.push(seg);
    i += 2 + len;
  }
  throw new Error('damaged JPEG');
}

const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** A PNG without text, EXIF and time chunks. */
export function stripPngMetadata(buf: Buffer): Buffer {
  const parts: Buffer[] = [buf.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= buf.length) {
    const len = buf.readUInt32BE(i);
    const type = buf.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (end > buf.length) throw new Error('damaged PNG');
    if (!PNG_DROP.has(type)) parts.push(buf.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  throw new Error('damaged PNG');
}

function unsupported(allowed: readonly UploadType[]) {
  const list = allowed.join(', ');
  return new ApiError('UNSUPPORTED_MEDIA_TYPE', [
    {
      field: 'file',
      message: `只接受以下类型的文件：${list}（按文件内容判断，扩展名须一致）`,
      messageEn: `Only these file types are accepted: ${list} (judged by content; the extension must agree)`,
    },
  ]);
}

/**
 * An upload checked by its content against `allowed`, images stripped of metadata, its name made safe for
 * storage and download headers. The one check every portal upload (articles, service-guide forms) passes.
 */
export function checkedUpload(upload: Upload, allowed: readonly UploadType[]) {
  const type = detectUploadType(upload.bytes, upload.filename);
  if (!type || !allowed.includes(type)) throw unsupported(allowed);
  let bytes = upload.bytes;
  try {
    if (type === 'jpg') bytes = stripJpegMetadata(bytes);
    if (type === 'png') bytes = stripPngMetadata(bytes);
  } catch {
    throw new ApiError('UNPROCESSABLE', [
      { field: 'file', message: '图片文件已损坏', messageEn: 'The image file is damaged' },
    ]);
  }
  // control characters and path separators never reach a stored name or a download header
  // eslint-disable-next-line no-control-regex
  const name = upload.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(-MAX_NAME) || `file.${type}`;
  return { type, bytes, name };
}
