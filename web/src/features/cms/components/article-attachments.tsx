import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Article } from '@greenvoice/common';
import { App, Button, Card, List, Popconfirm, Typography } from 'antd';
import { useRef } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useAttachments } from '../hooks/use-cms.ts';

export function ArticleAttachments({ article }: { article: Article }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const input = useRef<HTMLInputElement>(null);
  const { upload, remove } = useAttachments(article.id);
  return (
    <Card
      size="small"
      title={t('cms.attachments')}
      extra={
        article.editable ? (
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
            data-testid="attachment-upload"
          >
            {t('cms.upload')}
          </Button>
        ) : null
      }
    >
      <input
        ref={input}
        type="file"
        hidden
        accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
        data-testid="attachment-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file)
            upload.mutate(file, {
              onSuccess: () => void message.success(t('common.created')),
              onError: notifyError,
            });
        }}
      />
      {article.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('cms.noAttachments')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={article.attachments}
          renderItem={(f) => (
            <List.Item
              actions={
                article.editable
                  ? [
                      <Popconfirm
                        key="d"
                        title={t('cms.deleteAttachment')}
                        onConfirm={() => remove.mutate(f.id, { onError: notifyError })}
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                        />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <PaperClipOutlined /> {f.name}{' '}
              <Typography.Text type="secondary">({Math.ceil(f.size / 1024)} KB)</Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('cms.attachmentHint')}
      </Typography.Paragraph>
    </Card>
  );
}
