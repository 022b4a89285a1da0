import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
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
import { App, Button, Card, Flex, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useSubmissions, useSubmit } from '../hooks/use-submissions.ts';
import { SubmissionFormModal } from './submission-form-modal.tsx';
import { SubmissionsTable, useExportPage, useSubmissionColumns } from './submissions-table.tsx';
import { useServerPagination } from '../../../shared/use-server-pagination';

/** An officer's own unit's submissions (a bureau-wide reader sees the bureau's): create, edit, submit. */
export function SubmissionsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const [status, setStatus] = useState<SubmissionStatus | undefined>();
  const [kind, setKind] = useState<SubmissionKind | undefined>();
  const [q, setQ] = useState('');
  const { page, pageSize, setPage, pagination } = useServerPagination();
  const [editing, setEditing] = useState<Submission | null | undefined>();
  const list = useSubmissions({ status, kind, q: q || undefined, page, pageSize });
  const submit = useSubmit();
  const exportPage = useExportPage();

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
      <PageHeader
        title={t('nav.submissions')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => exportPage(list.data?.items ?? [])}>
              {t('submissions.export')}
            </Button>
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
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('submissions.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select<SubmissionStatus>
            allowClear
            placeholder={t('submissions.statusFilter')}
            style={{ width: 150 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={SUBMISSION_STATUSES.map((s) => ({ value: s, label: pick(SUBMISSION_STATUS_LABELS[s]) }))}
            data-testid="submissions-status-filter"
          />
          <Select<SubmissionKind>
            allowClear
            placeholder={t('submissions.kindFilter')}
            style={{ width: 170 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={SUBMISSION_KINDS.map((k) => ({ value: k, label: pick(SUBMISSION_KIND_LABELS[k]) }))}
          />
        </Flex>
        <QueryError error={list.error} />
        <SubmissionsTable
          testId="submissions-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={pagination(list.data?.total)}
        />
      </Card>
      {editing !== undefined ? (
        <SubmissionFormModal submission={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
