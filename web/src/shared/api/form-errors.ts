import type { FormInstance } from 'antd';
import type { Lang } from '../i18n/i18n-context.ts';
import { isApiError } from './api-error.ts';

/**
 * Puts the server's field errors next to the form fields they name. `field` is a JSON pointer such as
 * `/mobile`; its first segment is the form field's name. Returns true when every problem found a field,
 * so the caller shows a general message only for the rest.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  lang: Lang,
  fieldNames: readonly string[],
): boolean {
  if (!isApiError(err) || err.fields.length === 0) return false;
  const byName = new Map<string, string[]>();
  let unmatched = false;
  for (const f of err.fields) {
    const name = f.field.replace(/^\//, '').split('/')[0] ?? '';
    if (!fieldNames.includes(name)) {
      unmatched = true;
      continue;
    }
    byName.set(name, [...(byName.get(name) ?? []), lang === 'en' ? f.messageEn : f.message]);
  }
  form.setFields([...byName].map(([name, errors]) => ({ name, errors })));
  return !unmatched;
}
