import { SUBMISSION_STATUS_LABELS, type DuplicateRef, type SubmissionStatus } from '@greenvoice/common';
import { Popover, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

const STATUS_COLORS: Record<SubmissionStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  resubmitted: 'processing',
  approved: 'success',
  rejected: 'error',
};

export function StatusTag({ status }: { status: SubmissionStatus }) {
  const { pick } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`status-${status}`}>
      {pick(SUBMISSION_STATUS_LABELS[status])}
    </Tag>
  );
}

/** The other records, so a reviewer can open them before deciding. */
export function DuplicateList({ duplicates }: { duplicates: DuplicateRef[] }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={4}>
      {duplicates.map((d) => (
        <span key={d.id}>
          <Link to={`/submissions/${d.id}`} data-testid={`duplicate-of-${d.id}`}>
            #{d.id} {d.title}
          </Link>{' '}
          <Typography.Text type="secondary">
            {d.unitName} · {d.date} · <StatusTag status={d.status} />
            {d.match === 'link'
              ? t('submissions.sameLink')
              : t('submissions.similarTitle', { pct: Math.round(d.similarity * 100) })}
          </Typography.Text>
        </span>
      ))}
    </Space>
  );
}

export function DuplicateFlag({ duplicates }: { duplicates: DuplicateRef[] }) {
  const { t } = useI18n();
  if (!duplicates.length) return null;
  return (
    <Popover title={t('submissions.duplicateTitle')} content={<DuplicateList duplicates={duplicates} />}>
      <Tag color="orange" data-testid="duplicate-flag">
        {t('submissions.duplicateFlag', { n: duplicates.length })}
      </Tag>
    </Popover>
  );
}
