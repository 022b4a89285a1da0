// Tracking numbers and query codes as people read them out on the phone: no 0/O, 1/I/L, 2/Z, 5/S, 8/B
// confusions. The number says the kind and the day and carries random characters (never a sequence: the
// next person's number cannot be guessed from one's own); the query code is a separate secret.
import { CASE_KIND_PREFIX, type CaseKind } from './case-kinds.ts';

export const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const TRACKING_RANDOM_LENGTH = 6;
export const QUERY_CODE_LENGTH = 8;

/** Characters from random bytes (each byte taken modulo the alphabet; the small bias is harmless). */
export function codeFromBytes(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[(bytes[i] ?? 0) % CODE_ALPHABET.length];
  return out;
}

/** e.g. JB-20261202-K7PM3Q */
export function formatTrackingNumber(kind: CaseKind, date: string, random: string): string {
  return `${CASE_KIND_PREFIX[kind]}-${date.replaceAll('-', '')}-${random}`;
}

/** e.g. K7PM-3QXD */
export function formatQueryCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** What a person typed, made comparable: upper case, spaces and dashes ignored, look-alikes folded. */
export function normaliseCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/[０-９Ａ-Ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function normaliseTrackingNumber(typed: string): string | null {
  const n = normaliseCode(typed);
  const m = /^(JB|XX|ZX|GK|YJ)(\d{8})([0-9A-Z]{6})$/.exec(n);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
