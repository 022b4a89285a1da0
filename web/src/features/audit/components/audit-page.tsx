import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  AUDIT_ACTION_LABELS,
  auditActionLabel,
  auditObjectLabel,
  isOneOf,
  ROLE_LABELS,
  ROLES,
  type AuditRecord,
  type Role,
} from '@greenvoice/common';
import { Alert, Button, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { errorText } from '../../../shared/api/error-text.ts';
import type { DictKey } from '../../../shared/i18n/dictionary.ts';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import {
  DateRangeFilter,
  ListPage,
  ListTable,
  SearchFilter,
  SelectFilter,
} from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import type { AuditResult } from '../api/audit-api.ts';
import { useAuditLog, useVerifyAudit } from '../hooks/use-audit.ts';

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

const isRole = (r: string): r is Role => isOneOf(ROLES, r);

/** The audit log in words (decision 172): who in which roles did what to which named object. */
export function AuditPage() {
  const { t, lang, pick } = useI18n();
  const list = useListState<{
    action?: string;
    actor?: string;
    result?: AuditResult;
    from?: string;
    to?: string;
  }>({}, { pageSize: 50 });
  const log = useAuditLog(list.query);
  const verify = useVerifyAudit();

  const columns: TableColumnsType<AuditRecord> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 120,
      render: (v: string) => (
        <span className="gv-nowrap">
          {dayjs(v).format('YYYY-MM-DD')}
          <br />
          {dayjs(v).format('HH:mm:ss')}
        </span>
      ),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 150,
      render: (v: string | null, r) => (
        <>
          <div>{v ?? (r.actorId === null ? t('audit.anonymous') : `#${r.actorId}`)}</div>
          {r.actorRoles ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.actorRoles
                .split(',')
                .map((role) => (isRole(role) ? pick(ROLE_LABELS[role]) : role))
                .join('、')}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (v: string) => {
        const label = auditActionLabel(v);
        return label ? <span title={v}>{pick(label)}</span> : <span className="gv-mono">{v}</span>;
      },
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 220,
      render: (_, r) => <AuditObject record={r} />,
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
    { title: t('audit.ip'), dataIndex: 'clientIp', width: 120 },
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

  return (
    <ListPage
      title={t('nav.audit')}
      intro={
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('audit.intro')}
        </Typography.Paragraph>
      }
      actions={
        <>
          <ExportButton href="/api/v1/audit/export.xlsx" filters={list.query} testId="audit-export" />
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
      before={
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
      }
      filters={
        <>
          <SelectFilter<string>
            searchable
            placeholder={t('audit.actionChoose')}
            width={240}
            value={list.filters.action}
            onChange={(v) => list.setFilter('action', v)}
            options={Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({
              value: code,
              label: pick(label),
            }))}
            testId="audit-action-filter"
          />
          <SearchFilter
            placeholder={t('audit.actorFilter')}
            width={180}
            onSearch={(v) => list.setFilter('actor', v)}
            testId="audit-actor-filter"
          />
          <SelectFilter<AuditResult>
            placeholder={t('audit.resultFilter')}
            width={140}
            value={list.filters.result}
            onChange={(v) => list.setFilter('result', v)}
            options={(Object.keys(RESULT) as AuditResult[]).map((r) => ({
              value: r,
              label: t(RESULT[r].label),
            }))}
            testId="audit-result-filter"
          />
          <DateRangeFilter
            from={list.filters.from}
            to={list.filters.to}
            onChange={(range) => list.setFilters(range)}
            testId="audit-date-filter"
          />
        </>
      }
      error={log.error}
    >
      <ListTable<AuditRecord>
        testId="audit-table"
        rowKey="id"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        expandable={{
          rowExpandable: (r) => !!r.detail,
          expandedRowRender: (r) => (
            <div>
              <Typography.Text type="secondary" className="gv-mono" style={{ fontSize: 12 }}>
                {r.action}
                {r.objectType ? ` · ${r.objectType}${r.objectId ? ` #${r.objectId}` : ''}` : ''}
              </Typography.Text>
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
        pagination={list.pagination(log.data?.total)}
      />
    </ListPage>
  );
}

/** "人员 张三", "Unit 武陵区环境保护局"; the number when the object has no name or is gone. */
function AuditObject({ record: r }: { record: AuditRecord }) {
  const { pick } = useI18n();
  if (!r.objectType) return <>—</>;
  const type = auditObjectLabel(r.objectType);
  const typeText = type ? pick(type) : r.objectType;
  return (
    <span title={`${r.objectType}${r.objectId ? ` #${r.objectId}` : ''}`} data-testid="audit-object">
      <Typography.Text type="secondary">{typeText}</Typography.Text>{' '}
      {r.objectName ?? (r.objectId ? `#${r.objectId}` : '')}
    </span>
  );
}
