import { inLang, type Lang } from '../i18n/i18n-context.ts';
import { isApiError } from './api-error.ts';

/** What to tell the person about a failure, in the interface language. */
export function errorText(err: unknown, lang: Lang): string {
  if (isApiError(err)) {
    // With a single field problem, its own message says more than the generic headline.
    const only = err.fields.length === 1 ? err.fields[0] : undefined;
    const m = only && err.code === 'VALIDATION_FAILED' ? only : err.body;
    return inLang(lang, { zh: m.message, en: m.messageEn });
  }
  return inLang(lang, { zh: '操作失败，请重试', en: 'Something went wrong; please retry' });
}
