import { InboxOutlined } from '@ant-design/icons';
import type { EnvImport } from '@greenvoice/common';
import { Alert, Button, Card, Col, Progress, Radio, Row, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api/api-error.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { parseProblemField, type ImportKind } from '../api/environment-api.ts';
import { useImportReadings, useImports } from '../hooks/use-environment.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** Choose air or water, a file → upload → the server checks every row → counts, or the cells to fix. */
export function ImportsPage() {
  const { t, pick, lang } = useI18n();
  const canWrite = useCan()('environment:write');
  const [kind, setKind] = useState<ImportKind>('air');
  const [file, setFile] = useState<File | null>(null);
  const list = useListState({});
  const problemPages = useLocalPagination(15);
  const history = useImports(list.query);
  const run = useImportReadings();
  const busy = run.phase === 'uploading' || run.phase === 'processing';
  const problems =
    isApiError(run.error) && run.error.code === 'IMPORT_REJECTED'
      ? run.error.fields.map((f, i) => ({
          key: i,
          ...parseProblemField(f.field),
          message: pick({ zh: f.message, en: f.messageEn }),
        }))
      : [];

  return (
    <>
      <PageHeader title={t('env.imports')} />
      <Row gutter={16}>
        {canWrite ? (
          <Col xs={24} lg={10}>
            <Card size="small" title={t(kind === 'air' ? 'env.importAir' : 'env.importWater')}>
              <Radio.Group
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as ImportKind);
                  run.reset();
                }}
                options={[
                  { value: 'air', label: t('env.air') },
                  { value: 'water', label: t('env.water') },
                ]}
                optionType="button"
                style={{ marginBottom: 12 }}
                data-testid="import-kind"
              />
              <Typography.Paragraph type="secondary">
                {t(kind === 'air' ? 'env.importHintAir' : 'env.importHintWater')}
              </Typography.Paragraph>
              <Upload.Dragger
                accept=".csv,.xlsx,text/csv"
                multiple={false}
                showUploadList={false}
                disabled={busy}
                beforeUpload={(f) => {
                  setFile(f);
                  run.reset();
                  return false;
                }}
                data-testid="env-import-file"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{file ? file.name : t('env.choose')}</p>
              </Upload.Dragger>
              <Button
                type="primary"
                style={{ marginTop: 12 }}
                disabled={!file || busy || (file?.size ?? 0) > MAX_BYTES}
                loading={busy}
                onClick={() => file && run.mutate({ kind, file })}
                data-testid="env-import-start"
              >
                {t('env.start')}
              </Button>
              <div style={{ marginTop: 12 }} aria-live="polite">
                {run.phase === 'uploading' ? <Progress percent={run.percent} status="active" /> : null}
                {run.phase === 'processing' ? (
                  <>
                    <Spin size="small" /> {t('env.processing')}
                  </>
                ) : null}
                {run.phase === 'done' && run.data ? (
                  <Alert
                    type="success"
                    showIcon
                    data-testid="env-import-result"
                    title={t('env.imported', {
                      rows: run.data.rows,
                      replaced: run.data.replaced,
                      from: run.data.from,
                      to: run.data.to,
                      days: run.data.daysDerived,
                    })}
                  />
                ) : null}
                {run.phase === 'failed' && problems.length === 0 ? (
                  <Alert type="error" showIcon title={errorText(run.error, lang)} />
                ) : null}
              </div>
            </Card>
          </Col>
        ) : null}
        <Col xs={24} lg={canWrite ? 14 : 24}>
          {problems.length > 0 ? (
            <Card size="small" style={{ marginBottom: 16 }} data-testid="env-import-errors">
              <Alert type="error" showIcon title={t('env.rejected')} style={{ marginBottom: 12 }} />
              <ListTable
                testId="env-import-problems"
                rowKey="key"
                dataSource={problems}
                pagination={problemPages}
                columns={[
                  { title: t('env.row'), dataIndex: 'row', width: 80 },
                  { title: t('env.column'), dataIndex: 'column', width: 120 },
                  { title: t('env.reason'), dataIndex: 'message' },
                ]}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('env.history')}>
            <QueryError error={history.error} />
            <ListTable<EnvImport>
              testId="env-imports-table"
              rowKey="id"
              loading={history.isFetching}
              dataSource={history.data?.items ?? []}
              pagination={list.pagination(history.data?.total)}
              columns={[
                {
                  title: t('env.at'),
                  dataIndex: 'createdAt',
                  width: 150,
                  render: (v: string) => formatDateTime(v),
                },
                {
                  title: t('env.kind'),
                  dataIndex: 'kind',
                  width: 70,
                  render: (k: ImportKind) => t(k === 'air' ? 'env.air' : 'env.water'),
                },
                { title: t('env.file'), dataIndex: 'fileName' },
                { title: t('env.rows'), dataIndex: 'rows', align: 'right' },
                { title: t('env.replaced'), dataIndex: 'replaced', align: 'right' },
                { title: t('env.period'), render: (_, r) => `${r.from} — ${r.to}` },
                { title: t('env.by'), dataIndex: 'createdBy', render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
