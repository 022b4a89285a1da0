import { CheckOutlined } from '@ant-design/icons';
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
import { App, Button, Popconfirm } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import {
  DateRangeFilter,
  ListPage,
  ListTable,
  SearchFilter,
  SelectFilter,
  SwitchFilter,
} from '../../../shared/list/list-page.tsx';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useBulkApprove, useSubmissions } from '../hooks/use-submissions.ts';
import { ReviewModal } from './review-modal.tsx';
import { useSubmissionColumns } from './submissions-table.tsx';

type StatusFilter = NonNullable<SubmissionListQuery['status']>;
interface QueueFilters {
  q?: string;
  status?: StatusFilter;
  kind?: SubmissionKind;
  unitId?: number;
  from?: string;
  to?: string;
  duplicatesOnly?: true;
}

/** The reviewer's queue: what awaits a decision, possible duplicates flagged, many approved at once. */
export function ReviewQueuePage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [params] = useSearchParams(); // the reviewer's to-do links here with ?duplicatesOnly=1
  const [selected, setSelected] = useState<Submission[]>([]);
  const clearSelection = useCallback(() => setSelected([]), []);
  const list = useListState<QueueFilters>(
    { status: 'awaitingReview', ...(params.get('duplicatesOnly') === '1' ? { duplicatesOnly: true } : {}) },
    { onReset: clearSelection },
  );
  const [reviewing, setReviewing] = useState<Submission | null>(null);
  const units = useUnitOptions();
  const queue = useSubmissions(list.query);
  const bulk = useBulkApprove();

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
      <ListPage
        title={t('nav.review')}
        actions={
          <>
            <ExportButton
              href="/api/v1/submissions/export.xlsx"
              filters={list.query}
              testId="review-export"
            />
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
        filters={
          <>
            <SearchFilter
              placeholder={t('submissions.searchPlaceholder')}
              width={240}
              onSearch={(q) => list.setFilter('q', q)}
              testId="queue-search"
            />
            <SelectFilter<StatusFilter>
              placeholder={t('submissions.statusFilter')}
              width={150}
              value={list.filters.status}
              onChange={(v) => list.setFilter('status', v)}
              options={[
                { value: 'awaitingReview', label: t('submissions.awaitingReview') },
                ...SUBMISSION_STATUSES.filter((s) => s !== 'draft').map((s) => ({
                  value: s,
                  label: pick(SUBMISSION_STATUS_LABELS[s]),
                })),
              ]}
              testId="queue-status-filter"
            />
            <SelectFilter<SubmissionKind>
              placeholder={t('submissions.kindFilter')}
              width={160}
              value={list.filters.kind}
              onChange={(v) => list.setFilter('kind', v)}
              options={SUBMISSION_KINDS.map((k) => ({ value: k, label: pick(SUBMISSION_KIND_LABELS[k]) }))}
              testId="queue-kind-filter"
            />
            <SelectFilter<number>
              searchable
              placeholder={t('submissions.unitFilter')}
              value={list.filters.unitId}
              onChange={(v) => list.setFilter('unitId', v)}
              options={units.data ?? []}
              testId="queue-unit-filter"
            />
            <DateRangeFilter
              from={list.filters.from}
              to={list.filters.to}
              onChange={(range) => list.setFilters(range)}
              testId="queue-date-filter"
            />
            <SwitchFilter
              label={t('submissions.duplicatesOnly')}
              checked={!!list.filters.duplicatesOnly}
              onChange={(v) => list.setFilter('duplicatesOnly', v || undefined)}
              testId="queue-duplicates-only"
            />
          </>
        }
        error={queue.error}
      >
        <ListTable<Submission>
          testId="review-table"
          rowKey="id"
          columns={columns}
          dataSource={queue.data?.items}
          loading={queue.isFetching}
          rowSelection={{
            selectedRowKeys: selected.map((s) => s.id),
            onChange: (_, rows) => setSelected(rows),
            getCheckboxProps: (s) => ({
              disabled: !s.allowedActions.includes('approve'),
              'aria-label': s.title,
            }),
          }}
          pagination={list.pagination(queue.data?.total)}
        />
      </ListPage>
      {reviewing ? <ReviewModal submission={reviewing} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}
