import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import type { Evidence } from '@greenvoice/common';
import { Button, Flex, Upload, type UploadFile, type UploadProps } from 'antd';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { evidenceUrl, uploadEvidence } from '../api/submissions-api.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** An uploaded file keeps its server id in `response`; `toFileList` shows the ones already attached. */
export const toFileList = (evidence: Evidence[]): UploadFile<Evidence>[] =>
  evidence.map((e) => ({
    uid: String(e.id),
    name: e.fileName,
    status: 'done',
    response: e,
    url: evidenceUrl(e.id),
  }));

export const evidenceIdsOf = (files: UploadFile<Evidence>[]) =>
  files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);

/**
 * Uploads each chosen file at once (checked by content on the server), showing progress and refusals.
 * On a phone a second button opens the camera (`accept="image/*" capture`): an officer at the event
 * photographs the evidence straight into the submission (decision 170).
 */
export function EvidenceUpload({
  value = [],
  onChange,
}: {
  value?: UploadFile<Evidence>[];
  onChange?: (files: UploadFile<Evidence>[]) => void;
}) {
  const { t, lang } = useI18n();
  const phone = useIsPhone();
  const shared: UploadProps<Evidence> = {
    fileList: value,
    onChange: ({ fileList }) => onChange?.(fileList),
    beforeUpload: (file) => {
      if (file.size > MAX_FILE_BYTES) {
        onChange?.([
          ...value,
          {
            uid: file.uid,
            name: file.name,
            status: 'error',
            error: new Error(t('submissions.fileTooLarge')),
          },
        ]);
        return Upload.LIST_IGNORE;
      }
      return true;
    },
    customRequest: ({ file, onProgress, onSuccess, onError }) => {
      uploadEvidence(file as File, { onProgress: (percent) => onProgress?.({ percent }) }).then(
        (files) => onSuccess?.(files[0]!),
        (err: unknown) => {
          const error = new Error(errorText(err, lang));
          onError?.(error);
        },
      );
    },
  };
  return (
    <Flex vertical gap={8}>
      {phone ? (
        <Upload<Evidence> {...shared} accept="image/*" capture="environment" showUploadList={false}>
          <Button type="primary" ghost icon={<CameraOutlined />} data-testid="evidence-camera">
            {t('submissions.takePhoto')}
          </Button>
        </Upload>
      ) : null}
      <Upload<Evidence>
        {...shared}
        multiple
        accept=".png,.jpg,.jpeg,.pdf"
        data-testid="evidence-upload"
        itemRender={(node, file) => (
          <div title={file.error instanceof Error ? file.error.message : undefined}>
            {node}
            {file.status === 'error' && file.error instanceof Error ? (
              <div style={{ color: '#cf1322', fontSize: 12 }} data-testid="evidence-error">
                {file.error.message}
              </div>
            ) : null}
          </div>
        )}
      >
        <Button icon={<UploadOutlined />} data-testid="evidence-choose">
          {t('submissions.chooseFiles')}
        </Button>
      </Upload>
    </Flex>
  );
}
