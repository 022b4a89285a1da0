import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  actionSide,
  SUBMISSION_KIND_LABELS,
  SUBMISSION_KINDS,
  SUBMISSION_STATUS_LABELS,
  SUBMISSION_STATUSES,
  type Submission,
  type SubmissionKind,
  type SubmissionListQuery,
} from '@greenvoice/common';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useBulkApprove, useSubmissions } from '../hooks/use-submissions.ts';
import { ReviewModal } from './review-modal.tsx';
import { SubmissionsTable, useExportPage, useSubmissionColumns } from './submissions-table.tsx';

type StatusFilter = NonNullable<SubmissionListQuery['status']>;

/** The reviewer's queue: what awaits a decision, possible duplicates flagged, many approved at once. */
export function ReviewQueuePage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [status, setStatus] = useState<StatusFilter | undefined>('awaitingReview');
  const [kind, setKind] = useState<SubmissionKind | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [q, setQ] = useState('');
  const [duplicatesOnly, setDuplicatesOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [selected, setSelected] = useState<Submission[]>([]);
  const [reviewing, setReviewing] = useState<Submission | null>(null);
  const units = useUnitOptions();
  const list = useSubmissions({
    status,
    kind,
    unitId,
    q: q || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    duplicatesOnly: duplicatesOnly || undefined,
    page,
    pageSize,
  });
  const bulk = useBulkApprove();
  const exportPage = useExportPage();
  const reset = () => {
    setPage(1);
    setSelected([]);
  };

  const columns = useSubmissionColumns((s) =>
    s.allowedActions.some((a) => actionSide(a) === 'reviewer') ? (
      <Button type="link" size="small" onClick={() => setReviewing(s)} data-testid={`review-open-${s.id}`}>
        {t('submissions.review')}
      </Button>
    ) : null,
  );

  const approveSelected = () =>
    bulk.mutate(
      { items: selected.map((s) => ({ id: s.id, version: s.version })) },
      {
        onSuccess: (r) => {
          void message.success(t('submissions.bulkApproved', { n: r.approved.length }));
          setSelected([]);
        },
        onError: notifyError,
      },
    );

  return (
    <>
      <PageHeader
        title={t('nav.review')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => exportPage(list.data?.items ?? [])}>
              {t('submissions.export')}
            </Button>
            <Popconfirm
              title={t('submissions.bulkConfirm', { n: selected.length })}
              onConfirm={approveSelected}
              disabled={!selected.length}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={!selected.length}
                loading={bulk.isPending}
                data-testid="bulk-approve"
              >
                {t('submissions.bulkApprove', { n: selected.length })}
              </Button>
            </Popconfirm>
          </>
        }
      />
      <Card size="small">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('submissions.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(v) => {
              setQ(v.trim());
              reset();
            }}
          />
          <Select<StatusFilter>
            allowClear
            placeholder={t('submissions.statusFilter')}
            style={{ width: 150 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              reset();
            }}
            options={[
              { value: 'awaitingReview', label: t('submissions.awaitingReview') },
              ...SUBMISSION_STATUSES.filter((s) => s !== 'draft').map((s) => ({
                value: s,
                label: pick(SUBMISSION_STATUS_LABELS[s]),
              })),
            ]}
            data-testid="queue-status-filter"
          />
          <Select<SubmissionKind>
            allowClear
            placeholder={t('submissions.kindFilter')}
            style={{ width: 160 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              reset();
            }}
            options={SUBMISSION_KINDS.map((k) => ({ value: k, label: pick(SUBMISSION_KIND_LABELS[k]) }))}
          />
          <Select<number>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('submissions.unitFilter')}
            style={{ width: 200 }}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              reset();
            }}
            options={units.data ?? []}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              setRange(v);
              reset();
            }}
          />
          <Space size={4}>
            <Switch
              checked={duplicatesOnly}
              onChange={(v) => {
                setDuplicatesOnly(v);
                reset();
              }}
              data-testid="queue-duplicates-only"
            />
            <Typography.Text>{t('submissions.duplicatesOnly')}</Typography.Text>
          </Space>
        </Flex>
        <QueryError error={list.error} />
        <SubmissionsTable
          testId="review-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          rowSelection={{
            selectedRowKeys: selected.map((s) => s.id),
            onChange: (_, rows) => setSelected(rows),
            getCheckboxProps: (s) => ({
              disabled: !s.allowedActions.includes('approve'),
            }),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
              setSelected([]);
            },
          }}
        />
      </Card>
      {reviewing ? <ReviewModal submission={reviewing} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}
