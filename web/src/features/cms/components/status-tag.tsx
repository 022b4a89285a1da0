import { ARTICLE_STATUS_LABELS, type ArticleStatus } from '@greenvoice/common';
import { Space, Tag } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

const COLORS: Record<ArticleStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'cyan',
  approved: 'purple',
  published: 'success',
  withdrawn: 'warning',
};

export function ArticleStatusTag({
  status,
  scheduled,
  archived,
}: {
  status: ArticleStatus;
  scheduled: boolean;
  archived: boolean;
}) {
  const { t, pick } = useI18n();
  return (
    <Space size={2} wrap>
      <Tag color={COLORS[status]}>{pick(ARTICLE_STATUS_LABELS[status])}</Tag>
      {scheduled ? <Tag color="gold">{t('cms.scheduled')}</Tag> : null}
      {archived ? <Tag color="red">{t('cms.archived')}</Tag> : null}
    </Space>
  );
}
