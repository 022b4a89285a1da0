import type { Lang } from '../i18n/i18n-context.ts';
import { isApiError } from './api-error.ts';

/** What to tell the person about a failure, in the interface language. */
export function errorText(err: unknown, lang: Lang): string {
  if (isApiError(err)) {
    const text = lang === 'en' ? err.body.messageEn : err.body.message;
    // With a single field problem, its own message says more than the generic headline.
    const only = err.fields.length === 1 ? err.fields[0] : undefined;
    if (only && err.code === 'VALIDATION_FAILED') return lang === 'en' ? only.messageEn : only.message;
    return text;
  }
  return lang === 'en' ? 'Something went wrong; please retry' : '操作失败，请重试';
}
