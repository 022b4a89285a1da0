import { PlusOutlined } from '@ant-design/icons';
import {
  sendActionFor,
  SUBMISSION_KIND_LABELS,
  SUBMISSION_KINDS,
  SUBMISSION_STATUS_LABELS,
  SUBMISSION_STATUSES,
  type Submission,
  type SubmissionKind,
  type SubmissionStatus,
} from '@greenvoice/common';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { ListPage, ListTable, SearchFilter, SelectFilter } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useSubmissions, useSubmit } from '../hooks/use-submissions.ts';
import { SubmissionFormModal } from './submission-form-modal.tsx';
import { useSubmissionColumns } from './submissions-table.tsx';

/** An officer's own unit's submissions (a bureau-wide reader sees the bureau's): create, edit, submit. */
export function SubmissionsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const [params] = useSearchParams(); // the home page's to-dos link here with ?status=
  const list = useListState<{ q?: string; status?: SubmissionStatus; kind?: SubmissionKind }>({
    status: SUBMISSION_STATUSES.find((s) => s === params.get('status')),
  });
  const [editing, setEditing] = useState<Submission | null | undefined>();
  const submissions = useSubmissions(list.query);
  const submit = useSubmit();

  const columns = useSubmissionColumns((s) => (
    <Space size={0} wrap>
      {s.allowedActions.includes('edit') ? (
        <Button
          type="link"
          size="small"
          onClick={() => setEditing(s)}
          data-testid={`submission-edit-${s.id}`}
        >
          {t('common.edit')}
        </Button>
      ) : null}
      {s.allowedActions.includes(sendActionFor(s.status)) ? (
        <Button
          type="link"
          size="small"
          data-testid={`submission-send-${s.id}`}
          onClick={() =>
            submit.mutate(
              { id: s.id, version: s.version },
              { onSuccess: () => void message.success(t('submissions.submitted')), onError: notifyError },
            )
          }
        >
          {s.status === 'returned' ? t('submissions.resubmit') : t('submissions.submit')}
        </Button>
      ) : null}
    </Space>
  ));

  return (
    <>
      <ListPage
        title={t('nav.submissions')}
        actions={
          <>
            <ExportButton
              href="/api/v1/submissions/export.xlsx"
              filters={list.query}
              testId="submissions-export"
            />
            {can('submissions:write') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="submission-create"
              >
                {t('submissions.create')}
              </Button>
            ) : null}
          </>
        }
        filters={
          <>
            <SearchFilter
              placeholder={t('submissions.searchPlaceholder')}
              onSearch={(q) => list.setFilter('q', q)}
              testId="submissions-search"
            />
            <SelectFilter<SubmissionStatus>
              placeholder={t('submissions.statusFilter')}
              width={150}
              value={list.filters.status}
              onChange={(v) => list.setFilter('status', v)}
              options={SUBMISSION_STATUSES.map((s) => ({
                value: s,
                label: pick(SUBMISSION_STATUS_LABELS[s]),
              }))}
              testId="submissions-status-filter"
            />
            <SelectFilter<SubmissionKind>
              placeholder={t('submissions.kindFilter')}
              width={170}
              value={list.filters.kind}
              onChange={(v) => list.setFilter('kind', v)}
              options={SUBMISSION_KINDS.map((k) => ({ value: k, label: pick(SUBMISSION_KIND_LABELS[k]) }))}
              testId="submissions-kind-filter"
            />
          </>
        }
        error={submissions.error}
      >
        <ListTable<Submission>
          testId="submissions-table"
          rowKey="id"
          columns={columns}
          dataSource={submissions.data?.items}
          loading={submissions.isFetching}
          pagination={list.pagination(submissions.data?.total)}
        />
      </ListPage>
      {editing !== undefined ? (
        <SubmissionFormModal submission={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
