import { Tag } from 'antd';
import { useI18n } from '../i18n/use-i18n.ts';

/** Marks seeded demonstration records, so nobody mistakes them for real data. */
export function DemoTag({ show }: { show: boolean }) {
  const { t } = useI18n();
  return show ? <Tag color="default">{t('common.demo')}</Tag> : null;
}
