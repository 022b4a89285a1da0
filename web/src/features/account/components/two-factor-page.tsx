import type { TotpEnrolment } from '@greenvoice/common';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  QRCode,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import {
  useConfirmTotp,
  useDisableTotp,
  useRegenerateRecoveryCodes,
  useStartTotp,
  useTotpStatus,
} from '../hooks/use-totp.ts';
import { RecoveryCodesCard } from './recovery-codes.tsx';

/** Under the account menu: turn the second factor on (QR code drawn here, no outside service) or off. */
export function TwoFactorPage() {
  const { t } = useI18n();
  const status = useTotpStatus();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <>
      <PageHeader title={t('totp.title')} />
      {status.data?.required && !status.data.enabled ? (
        <Alert
          type="warning"
          showIcon
          title={t('totp.requiredAlert')}
          style={{ marginBottom: 16, maxWidth: 560 }}
          data-testid="totp-required"
        />
      ) : null}
      {status.isError ? <QueryError error={status.error} /> : null}
      {codes ? <RecoveryCodesCard codes={codes} onDone={() => setCodes(null)} /> : null}
      {status.data ? (
        <Card style={{ maxWidth: 560, marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('totp.intro')}</Typography.Paragraph>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('totp.title')}>
              <Tag color={status.data.enabled ? 'green' : 'default'} data-testid="totp-state">
                {status.data.enabled ? t('totp.on') : t('totp.off')}
              </Tag>
            </Descriptions.Item>
            {status.data.enabledAt ? (
              <Descriptions.Item label={t('totp.enabledAt')}>
                {formatDateTime(status.data.enabledAt)}
              </Descriptions.Item>
            ) : null}
            {status.data.enabled ? (
              <Descriptions.Item label={t('totp.recoveryLeft')}>
                {status.data.recoveryCodesLeft}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
      {status.data && !status.data.enabled && !enrolment ? <StartForm onStarted={setEnrolment} /> : null}
      {enrolment ? (
        <ConfirmForm
          enrolment={enrolment}
          onConfirmed={(c) => {
            setEnrolment(null);
            setCodes(c);
          }}
        />
      ) : null}
      {status.data?.enabled ? <ManageForm onCodes={setCodes} /> : null}
    </>
  );
}

function StartForm({ onStarted }: { onStarted: (e: TotpEnrolment) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  const showFormError = useFormErrors(form);
  const start = useStartTotp();
  return (
    <Card style={{ maxWidth: 560 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ password }) =>
          start.mutate(password, {
            onSuccess: onStarted,
            onError: (err) => showFormError(err),
          })
        }
      >
        <Form.Item
          name="password"
          label={t('totp.passwordPrompt')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={256} data-testid="totp-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="totp-start">
          {t('totp.start')}
        </Button>
      </Form>
    </Card>
  );
}

function ConfirmForm({
  enrolment,
  onConfirmed,
}: {
  enrolment: TotpEnrolment;
  onConfirmed: (codes: string[]) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const showFormError = useFormErrors(form);
  const confirm = useConfirmTotp();
  return (
    <Card style={{ maxWidth: 560 }} data-testid="totp-enrolment">
      <Typography.Paragraph>{t('totp.scan')}</Typography.Paragraph>
      <Flex gap={24} wrap align="center" style={{ marginBottom: 16 }}>
        {/* drawn in the browser from the otpauth:// URI: the secret never goes to an outside service */}
        <QRCode type="svg" value={enrolment.otpauthUri} size={192} bordered data-testid="totp-qr" />
        <Space direction="vertical">
          <Typography.Text type="secondary">{t('totp.secret')}</Typography.Text>
          <Typography.Text className="gv-mono" copyable data-testid="totp-secret">
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Typography.Text>
        </Space>
      </Flex>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ code }) =>
          confirm.mutate(code, {
            onSuccess: (r) => {
              void message.success(t('totp.enabledNow'));
              onConfirmed(r.recoveryCodes);
            },
            onError: (err) => showFormError(err),
          })
        }
      >
        <Form.Item
          name="code"
          label={t('totp.code')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRequired') }]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            style={{ width: 160 }}
            data-testid="totp-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="totp-confirm">
          {t('totp.confirm')}
        </Button>
      </Form>
    </Card>
  );
}

function ManageForm({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const showFormError = useFormErrors(form);
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const onError = (err: unknown) => showFormError(err);
  const withPassword = (run: (password: string) => void) => () =>
    void form.validateFields().then(({ password }) => run(password));
  return (
    <Card style={{ maxWidth: 560 }}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label={t('totp.passwordPrompt')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            autoComplete="current-password"
            maxLength={256}
            data-testid="totp-manage-password"
          />
        </Form.Item>
        <Space>
          <Button
            loading={regenerate.isPending}
            data-testid="totp-regenerate"
            onClick={withPassword((p) =>
              regenerate.mutate(p, { onSuccess: (r) => onCodes(r.recoveryCodes), onError }),
            )}
          >
            {t('totp.regenerate')}
          </Button>
          <Button
            danger
            loading={disable.isPending}
            data-testid="totp-disable"
            onClick={withPassword((p) =>
              disable.mutate(p, { onSuccess: () => void message.success(t('totp.disabled')), onError }),
            )}
          >
            {t('totp.disable')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
