import {
  SUBMISSION_KIND_LABELS,
  type Submission,
  type SubmissionKind,
  type SubmissionStatus,
} from '@greenvoice/common';
import { Space, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { DuplicateFlag, StatusTag } from './submission-tags.tsx';

export function useSubmissionColumns(actions?: (s: Submission) => ReactNode): TableColumnsType<Submission> {
  const { t, pick } = useI18n();
  const columns: TableColumnsType<Submission> = [
    {
      title: t('submissions.title'),
      dataIndex: 'title',
      width: 280,
      render: (title: string, s) => (
        <Space direction="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/submissions/${s.id}`} data-testid={`submission-link-${s.id}`}>
              {title}
            </Link>
            <DuplicateFlag duplicates={s.duplicates} />
          </Space>
          {s.coUnits.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('submissions.jointWith', { units: s.coUnits.map((u) => u.name).join('、') })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('submissions.unit'), dataIndex: 'unitName', width: 150 },
    {
      title: t('submissions.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: SubmissionKind) => pick(SUBMISSION_KIND_LABELS[k]),
    },
    {
      title: t('submissions.outlet'),
      dataIndex: 'outletName',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('submissions.date'), dataIndex: 'date', width: 100 },
    {
      title: t('submissions.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: SubmissionStatus) => <StatusTag status={s} />,
    },
    { title: t('submissions.updatedAt'), dataIndex: 'updatedAt', width: 150, render: formatDateTime },
  ];
  if (actions)
    columns.push({ title: t('common.actions'), key: 'actions', width: 140, render: (_, s) => actions(s) });
  return columns;
}
