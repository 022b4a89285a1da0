// The host names this bureau's website answers on (decision 175): the portal picks the site by the name
// a visitor typed. Names are typed in and removed as tags; a name another city's site already uses is
// refused by the server and shown under the field.
import type { SiteDomains } from '@greenvoice/common';
import { App, Button, Card, Form, Select, Skeleton, Typography } from 'antd';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useSaveSiteDomains, useSiteDomains } from '../hooks/use-cms.ts';

export function SiteDomainsCard({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const domains = useSiteDomains();
  const save = useSaveSiteDomains();
  const [form] = Form.useForm<SiteDomains>();
  const showFormError = useFormErrors(form);
  if (!domains.data) return <Skeleton active />;
  return (
    <Card size="small" title={t('cms.domains.title')} data-testid="site-domains">
      <Typography.Paragraph type="secondary">{t('cms.domains.help')}</Typography.Paragraph>
      <Form<SiteDomains>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={domains.data}
        onFinish={(v) =>
          save.mutate(v, { onSuccess: () => void message.success(t('common.saved')), onError: showFormError })
        }
      >
        <Form.Item name="domains" label={t('cms.domains.label')}>
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', ' ', '，']}
            placeholder={t('cms.domains.placeholder')}
            aria-label={t('cms.domains.label')}
          />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
