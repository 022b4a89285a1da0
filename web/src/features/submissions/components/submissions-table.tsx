import {
  SUBMISSION_KIND_LABELS,
  SUBMISSION_STATUS_LABELS,
  type Submission,
  type SubmissionKind,
  type SubmissionStatus,
} from '@greenvoice/common';
import { Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { downloadCsv } from '../../../shared/download-csv.ts';
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

/** The current page as CSV (Excel opens it): every list in the console can be exported. */
export function useExportPage() {
  const { t, pick } = useI18n();
  return (rows: Submission[]) =>
    downloadCsv(
      `submissions-${new Date().toISOString().slice(0, 10)}.csv`,
      [
        t('submissions.id'),
        t('submissions.title'),
        t('submissions.unit'),
        t('submissions.kind'),
        t('submissions.outlet'),
        t('submissions.date'),
        t('submissions.status'),
        t('submissions.link'),
      ],
      rows.map((s) => [
        s.id,
        s.title,
        s.unitName,
        pick(SUBMISSION_KIND_LABELS[s.kind]),
        s.outletName,
        s.date,
        pick(SUBMISSION_STATUS_LABELS[s.status]),
        s.link,
      ]),
    );
}

export function SubmissionsTable(props: TableProps<Submission> & { testId: string }) {
  const { testId, ...rest } = props;
  return <Table<Submission> data-testid={testId} size="middle" rowKey="id" scroll={{ x: 1130 }} {...rest} />;
}
