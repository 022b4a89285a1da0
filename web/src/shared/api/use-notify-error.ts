import { App } from 'antd';
import { useCallback } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import { errorText } from './error-text.ts';

/** Shows a failure as a short message at the top of the page, in the interface language. */
export function useNotifyError(): (err: unknown) => void {
  const { message } = App.useApp();
  const { lang } = useI18n();
  return useCallback((err: unknown) => void message.error(errorText(err, lang)), [message, lang]);
}
