// Which server field problems belong to which form field. The server names a field by a JSON pointer
// (`/mobile`, `/parts/2/title`); the form's fields are antd name paths (`'mobile'`, `['parts', 2, 'title']`).
// A problem goes to the longest registered field its pointer starts with; the rest are "unmatched" and
// shown as a general message, so no problem the server reported is ever silently dropped.
import type { FieldError } from '@greenvoice/common';
import type { Bilingual } from '../i18n/i18n-context.ts';

export type FormNamePath = (string | number)[];

export interface PlacedFieldErrors {
  fields: { name: FormNamePath; errors: string[] }[];
  unmatched: FieldError[];
}

function pointerSegments(pointer: string): FormNamePath {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const startsWith = (path: FormNamePath, prefix: FormNamePath) =>
  prefix.length > 0 && prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));

export function placeFieldErrors(
  problems: readonly FieldError[],
  registered: readonly FormNamePath[],
  pick: (label: Bilingual) => string,
): PlacedFieldErrors {
  const byKey = new Map<string, { name: FormNamePath; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const p of problems) {
    const path = pointerSegments(p.field);
    let best: FormNamePath | undefined;
    for (const name of registered)
      if (startsWith(path, name) && name.length > (best?.length ?? 0)) best = name;
    if (!best) {
      unmatched.push(p);
      continue;
    }
    const key = JSON.stringify(best);
    const entry = byKey.get(key) ?? { name: best, errors: [] };
    entry.errors.push(pick({ zh: p.message, en: p.messageEn }));
    byKey.set(key, entry);
  }
  return { fields: [...byKey.values()], unmatched };
}
