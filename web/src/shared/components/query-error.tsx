import { Alert } from 'antd';
import { errorText } from '../api/error-text.ts';
import { useI18n } from '../i18n/use-i18n.ts';

/** A list that could not load says so (and why) instead of looking empty. */
export function QueryError({ error }: { error: unknown }) {
  const { lang } = useI18n();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} />;
}
