import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Progress, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api/api-error.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { parseImportField, TEMPLATE_URL, type ImportProblem } from '../api/org-data-api.ts';
import { useImportWorkbook } from '../hooks/use-import.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** Choose a workbook → upload with progress → server checks and imports → counts, or the rows to fix. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t, pick, lang } = useI18n();
  const problemPages = useLocalPagination(10);
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const run = useImportWorkbook();
  const busy = run.phase === 'uploading' || run.phase === 'processing';

  const problems: ImportProblem[] =
    isApiError(run.error) && run.error.code === 'IMPORT_REJECTED'
      ? run.error.fields.map((f, i) => ({
          key: i,
          ...parseImportField(f.field),
          message: pick({ zh: f.message, en: f.messageEn }),
        }))
      : [];

  return (
    <Modal
      open
      title={t('import.title')}
      width={720}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      footer={[
        <Button key="close" onClick={onClose} disabled={busy}>
          {t('common.close')}
        </Button>,
        <Button
          key="start"
          type="primary"
          disabled={!file || busy || tooBig || run.phase === 'done'}
          loading={busy}
          onClick={() => file && run.mutate(file)}
          data-testid="import-start"
        >
          {t('import.start')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {t('import.intro')}{' '}
        <a href={TEMPLATE_URL} download>
          {t('import.template')}
        </a>
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        disabled={busy}
        showUploadList={false}
        // The file is kept here and sent by our own request (progress, error table), not by antd's uploader.
        beforeUpload={(f) => {
          setFile(f);
          setTooBig(f.size > MAX_BYTES);
          run.reset();
          return false;
        }}
        data-testid="import-file-input"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? file.name : t('import.choose')}</p>
        <p className="ant-upload-hint">{t('import.hint')}</p>
      </Upload.Dragger>

      <div style={{ marginTop: 16 }} aria-live="polite">
        {tooBig ? <Alert type="error" showIcon title={t('import.tooBig')} /> : null}
        {run.phase === 'uploading' ? (
          <div data-testid="import-progress">
            <Typography.Text>{t('import.uploading')}</Typography.Text>
            <Progress percent={run.percent} status="active" />
          </div>
        ) : null}
        {run.phase === 'processing' ? (
          <div data-testid="import-progress">
            <Progress percent={100} />
            <Spin size="small" /> <Typography.Text>{t('import.processing')}</Typography.Text>
          </div>
        ) : null}
        {run.phase === 'done' && run.data ? (
          <div data-testid="import-result">
            <Alert type="success" showIcon title={t('import.success')} style={{ marginBottom: 12 }} />
            <Descriptions
              size="small"
              bordered
              column={2}
              items={[
                { key: 'uc', label: t('import.unitsCreated'), children: run.data.unitsCreated },
                { key: 'uu', label: t('import.unitsUpdated'), children: run.data.unitsUpdated },
                { key: 'pc', label: t('import.peopleCreated'), children: run.data.peopleCreated },
                { key: 'pu', label: t('import.peopleUpdated'), children: run.data.peopleUpdated },
              ]}
            />
          </div>
        ) : null}
        {run.phase === 'failed' && problems.length > 0 ? (
          <div data-testid="import-errors">
            <Alert
              type="error"
              showIcon
              title={t('import.rejected')}
              description={t('import.rejectedHint', { count: problems.length })}
              style={{ marginBottom: 12 }}
            />
            <ListTable<ImportProblem>
              testId="import-error-table"
              size="small"
              rowKey="key"
              dataSource={problems}
              pagination={problemPages}
              columns={[
                { title: t('import.sheet'), dataIndex: 'sheet', width: 100 },
                { title: t('import.row'), dataIndex: 'row', width: 70, align: 'right' },
                { title: t('import.column'), dataIndex: 'column', width: 120 },
                { title: t('import.reason'), dataIndex: 'message' },
              ]}
            />
          </div>
        ) : null}
        {run.phase === 'failed' && problems.length === 0 ? (
          <Alert type="error" showIcon title={errorText(run.error, lang)} />
        ) : null}
      </div>
    </Modal>
  );
}
