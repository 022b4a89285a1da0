// What an uploaded file really is, from its first bytes, never from its name or the browser's claim
// (docs/security-requirements.md §22). Only PNG, JPEG and PDF are accepted as evidence; anything else is
// named in the refusal so the officer knows what they sent.

import { isOneOf } from '@greenvoice/common';

export const EVIDENCE_TYPES = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/pdf': ['pdf'],
} as const;
export type EvidenceMediaType = keyof typeof EVIDENCE_TYPES;

const SIGNATURES: Array<[type: string, bytes: number[], offset?: number]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/webp', [0x57, 0x45, 0x42, 0x50], 8], // RIFF....WEBP
  ['image/bmp', [0x42, 0x4d]],
  ['image/tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['image/tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]], // also .docx / .xlsx
  ['application/x-ole-storage', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // .doc / .xls
  ['application/gzip', [0x1f, 0x8b]],
  ['application/x-rar-compressed', [0x52, 0x61, 0x72, 0x21]],
  ['application/x-7z-compressed', [0x37, 0x7a, 0xbc, 0xaf]],
  ['application/x-executable', [0x7f, 0x45, 0x4c, 0x46]], // ELF
  ['application/x-msdownload', [0x4d, 0x5a]], // MZ
];

/** The media type the content says, e.g. 'image/png', 'text/plain' or 'application/octet-stream'. */
export function detectMediaType(head: Uint8Array): string {
  for (const [type, bytes, offset = 0] of SIGNATURES) {
    if (head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b)) return type;
  }
  if (head.length === 0) return 'application/x-empty';
  if (looksLikeText(head)) {
    const start = new TextDecoder().decode(head.subarray(0, 256)).trimStart().toLowerCase();
    if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg')))
      return 'image/svg+xml';
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'text/html';
    return 'text/plain';
  }
  return 'application/octet-stream';
}

function looksLikeText(head: Uint8Array): boolean {
  try {
    // a multi-byte character cut at the end of the sample is not a reason to call it binary
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, trimToBoundary(head)));
    return ![...text].some((ch) => {
      const c = ch.charCodeAt(0);
      return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b;
    });
  } catch {
    return false;
  }
}

function trimToBoundary(head: Uint8Array): number {
  const end = head.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = head[end - i]!;
    if ((b & 0xc0) === 0xc0) return end - i; // a lead byte whose sequence may be cut
    if ((b & 0xc0) !== 0x80) break;
  }
  return end;
}

export function isEvidenceType(type: string): type is EvidenceMediaType {
  return type in EVIDENCE_TYPES;
}

/** The file name's extension must be one of the detected type's: a PNG named .pdf is refused. */
export function extensionMatches(fileName: string, type: EvidenceMediaType): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext !== undefined && isOneOf(EVIDENCE_TYPES[type], ext);
}

/** A name safe to show and to put in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
    .join('')
    .trim();
  return (cleaned || 'file').slice(0, 200);
}
