import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditRecord } from '@greenvoice/common';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../../shared/api/error-text.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import type { DictKey } from '../../../shared/i18n/dictionary.ts';
import { useServerPagination } from '../../../shared/use-server-pagination';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import type { AuditResult } from '../api/audit-api.ts';
import { actionLabel } from '../api/audit-actions.ts';
import { useAuditLog, useVerifyAudit } from '../hooks/use-audit.ts';
import dayjs from 'dayjs';

const RESULT: Record<AuditResult, { label: DictKey; color: string }> = {
  success: { label: 'audit.result.success', color: 'green' },
  failure: { label: 'audit.result.failure', color: 'orange' },
  denied: { label: 'audit.result.denied', color: 'red' },
};

/** Detail is stored as JSON text; shown pretty-printed when it parses, as-is otherwise. */
function prettyDetail(detail: string): string {
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

export function AuditPage() {
  const { t, lang, pick } = useI18n();
  const { page, pageSize, setPage, pagination } = useServerPagination(50);
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [result, setResult] = useState<AuditResult | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const log = useAuditLog({
    page,
    pageSize,
    action: action || undefined,
    actor: actor || undefined,
    result,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  });
  const verify = useVerifyAudit();

  const columns: TableColumnsType<AuditRecord> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 160,
      render: (v: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dayjs(v).format('YYYY-MM-DD HH:mm:ss')}</span>
      ),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 130,
      render: (v: string | null, r) => v ?? (r.actorId === null ? t('audit.anonymous') : `#${r.actorId}`),
    },
    {
      title: t('audit.roles'),
      dataIndex: 'actorRoles',
      width: 110,
      ellipsis: true,
      render: (v: string) => v || '—',
    },
    { title: t('audit.ip'), dataIndex: 'clientIp', width: 120 },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      render: (v: string) => {
        const label = actionLabel(v);
        return (
          <>
            {label ? <div>{pick(label)}</div> : null}
            <Typography.Text type="secondary" className="gv-mono" style={{ fontSize: 12 }}>
              {v}
            </Typography.Text>
          </>
        );
      },
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 150,
      ellipsis: true,
      render: (_, r) => (r.objectType ? `${r.objectType}${r.objectId ? ` #${r.objectId}` : ''}` : '—'),
    },
    {
      title: t('audit.resultLabel'),
      dataIndex: 'result',
      width: 90,
      render: (v: string) => {
        const known = RESULT[v as AuditResult] as (typeof RESULT)[AuditResult] | undefined;
        return <Tag color={known?.color}>{known ? t(known.label) : v}</Tag>;
      },
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 150,
      render: (v: string) => (
        <Typography.Text
          type="secondary"
          className="gv-mono"
          copyable={{ text: v }}
          ellipsis={{ tooltip: v }}
          style={{ fontSize: 12, maxWidth: 130 }}
        >
          {v}
        </Typography.Text>
      ),
    },
  ];

  const resetToFirstPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void log.refetch()}>
              {t('common.refresh')}
            </Button>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
          </>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('audit.intro')}
        </Typography.Paragraph>
      </PageHeader>
      <div aria-live="polite" data-testid="audit-verify-result">
        {verify.data ? (
          verify.data.ok ? (
            <Alert
              type="success"
              showIcon
              closable
              title={t('audit.verifyOk', { checked: verify.data.checked })}
              style={{ marginBottom: 16 }}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('audit.verifyBad', {
                id: verify.data.firstBadId ?? '?',
                checked: verify.data.checked,
              })}
              description={verify.data.reason ?? undefined}
              style={{ marginBottom: 16 }}
            />
          )
        ) : null}
        {verify.isError ? (
          <Alert type="error" showIcon title={errorText(verify.error, lang)} style={{ marginBottom: 16 }} />
        ) : null}
      </div>
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('audit.actionFilter')}
            style={{ width: 200 }}
            onSearch={resetToFirstPage((v: string) => setAction(v.trim()))}
            data-testid="audit-action-filter"
          />
          <Input.Search
            allowClear
            placeholder={t('audit.actorFilter')}
            style={{ width: 180 }}
            onSearch={resetToFirstPage((v: string) => setActor(v.trim()))}
            data-testid="audit-actor-filter"
          />
          <Select<AuditResult>
            allowClear
            placeholder={t('audit.resultFilter')}
            style={{ width: 140 }}
            value={result}
            onChange={resetToFirstPage(setResult)}
            options={(Object.keys(RESULT) as AuditResult[]).map((r) => ({
              value: r,
              label: t(RESULT[r].label),
            }))}
            data-testid="audit-result-filter"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={resetToFirstPage(setRange)}
            data-testid="audit-date-filter"
          />
        </Flex>
        <QueryError error={log.error} />
        <Table<AuditRecord>
          data-testid="audit-table"
          size="medium"
          rowKey="id"
          columns={columns}
          dataSource={log.data?.items}
          loading={log.isFetching}
          expandable={{
            rowExpandable: (r) => !!r.detail,
            expandedRowRender: (r) => (
              <div>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                  {r.detail ? prettyDetail(r.detail) : ''}
                </pre>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('audit.hash')}:{' '}
                  <Typography.Text code style={{ fontSize: 12 }}>
                    {r.hash}
                  </Typography.Text>
                </Typography.Text>
              </div>
            ),
          }}
          pagination={pagination(log.data?.total)}
          scroll={{ x: 1150 }}
        />
      </Card>
    </>
  );
}
