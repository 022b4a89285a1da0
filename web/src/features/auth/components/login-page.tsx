import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api/api-error.ts';
import { Navigate, useLocation } from 'react-router';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import type { Lang } from '../../../shared/i18n/i18n-context.ts';
import { useMe } from '../../../shared/session/use-me.ts';
import { useDocumentTitle } from '../../../shared/use-document-title.ts';
import { useLogin, useLoginInfo } from '../hooks/use-auth.ts';
import { DemoAccounts } from './demo-accounts.tsx';

interface LoginForm {
  username: string;
  password: string;
  /** asked for once the server answers TOTP_REQUIRED */
  code?: string;
}

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const [form] = Form.useForm<LoginForm>();
  const showFormError = useFormErrors(form);
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const me = useMe();
  const info = useLoginInfo();
  const loginMutation = useLogin();
  const [needsCode, setNeedsCode] = useState(false);
  useDocumentTitle(t('login.title'));

  if (me.data) return <Navigate to={me.data.mustChangePassword ? '/account/password' : from} replace />;

  // On success the signed-in person lands in the cache and the <Navigate> above takes them on.
  const submit = (values: LoginForm) =>
    loginMutation.mutate(
      {
        username: values.username,
        password: values.password,
        ...(values.code ? { code: values.code.trim() } : {}),
      },
      {
        onError: (err) => {
          // the password was right and the account has a second factor: ask for the code, keep the rest
          if (isApiError(err) && (err.code === 'TOTP_REQUIRED' || err.code === 'TOTP_INVALID'))
            setNeedsCode(true);
          showFormError(err);
        },
      },
    );

  return (
    <Flex
      justify="center"
      align="flex-start"
      style={{
        minHeight: '100vh',
        padding: '8vh 16px 32px',
        background: 'linear-gradient(180deg, #e8f5ec 0%, #f5f7f6 320px)',
      }}
    >
      <div style={{ width: '100%', maxWidth: 720 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <div>
            <Typography.Title level={2} style={{ margin: 0, color: '#17763f' }}>
              {t('app.brand')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
          <Segmented<Lang>
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'English', value: 'en' },
            ]}
          />
        </Flex>
        <Card title={t('login.title')}>
          {loginMutation.isError ? (
            <Alert
              data-testid="login-error"
              // asking for the code is a step, not a failure
              type={
                isApiError(loginMutation.error) && loginMutation.error.code === 'TOTP_REQUIRED'
                  ? 'info'
                  : 'error'
              }
              showIcon
              title={errorText(loginMutation.error, lang)}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form<LoginForm>
            form={form}
            layout="vertical"
            onFinish={submit}
            requiredMark={false}
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
                maxLength={64}
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
                maxLength={256}
              />
            </Form.Item>
            {needsCode ? (
              <Form.Item
                name="code"
                label={t('login.code')}
                extra={t('login.codeHint')}
                rules={[{ required: true, message: t('login.codeRequired') }]}
              >
                <Input
                  autoComplete="one-time-code"
                  autoFocus
                  maxLength={20}
                  data-testid="login-code"
                  style={{ maxWidth: 240 }}
                />
              </Form.Item>
            ) : null}
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={loginMutation.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
          {info.data?.demo && info.data.demoAccounts.length > 0 ? (
            <DemoAccounts
              accounts={info.data.demoAccounts}
              onPick={(a) => form.setFieldsValue({ username: a.username, password: a.password })}
            />
          ) : null}
        </Card>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}
