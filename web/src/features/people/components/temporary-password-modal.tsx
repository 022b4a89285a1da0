import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

/** A generated temporary password, shown once (after a reset or a new login), with a copy button. */
export function TemporaryPasswordModal({
  name,
  password,
  onClose,
}: {
  name: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('account.temporaryPasswordTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
      maskClosable={false}
    >
      <Typography.Paragraph>{t('account.temporaryPasswordFor', { name })}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text
          code
          strong
          style={{ fontSize: 20 }}
          data-testid="temporary-password"
          copyable={{ text: password, tooltips: [t('common.copy'), t('common.copied')] }}
        >
          {password}
        </Typography.Text>
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('account.temporaryPasswordOnce')} />
    </Modal>
  );
}
