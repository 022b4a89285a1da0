import { minPasswordLength, passwordProblems, type Me } from '@greenvoice/common';
import { useMe } from '../../../shared/session/use-me.ts';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useChangePassword } from '../hooks/use-change-password.ts';
import { PasswordHints } from './password-hints.tsx';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { data: me } = useMe();
  // The layout renders pages only for a signed-in person, so me is there; the guard keeps types honest.
  return me ? <ChangePasswordForm me={me} /> : null;
}

function ChangePasswordForm({ me }: { me: Me }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const showFormError = useFormErrors(form);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const change = useChangePassword();
  const context = { username: me.username, name: me.name };
  const problems = passwordProblems(newPassword, me.roles, context);

  const submit = (values: PasswordForm) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          void navigate('/', { replace: true });
        },
        onError: (err) => {
          showFormError(err);
        },
      },
    );

  return (
    <>
      <PageHeader title={t('nav.password')} />
      {me.mustChangePassword ? (
        <Alert
          data-testid="must-change-password"
          type="warning"
          showIcon
          title={t('password.mustTitle')}
          description={t('password.mustText')}
          style={{ marginBottom: 16, maxWidth: 560 }}
        />
      ) : null}
      <Card style={{ maxWidth: 560 }}>
        <Form<PasswordForm> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" maxLength={256} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={
              <>
                {t('password.rules', { min: minPasswordLength(me.roles) })}
                <PasswordHints password={newPassword} problems={problems} />
              </>
            }
            rules={[
              { required: true, message: t('password.newRequired') },
              {
                validator: async (_, value: string | undefined) => {
                  const first = value ? passwordProblems(value, me.roles, context)[0] : undefined;
                  // The hint list already shows every problem; the field error just blocks submitting.
                  if (first) throw new Error(t('password.fixProblems'));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" maxLength={256} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value && value !== getFieldValue('newPassword'))
                    throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" maxLength={256} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
