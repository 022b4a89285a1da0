// The footer and meta-tag settings every portal page carries (site name, 网站标识码, filing numbers, contact,
// 党政机关网站标识, 我为政府网站找错, 网站声明) and the 信息公开指南's office details.
import type { SiteSettings } from '@greenvoice/common';
import { App, Button, Card, Col, Form, Input, Row, Skeleton } from 'antd';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useSaveSiteSettings, useSiteSettings } from '../hooks/use-cms.ts';

const FIELDS: (keyof SiteSettings)[] = [
  'siteName',
  'siteNameEn',
  'siteDomain',
  'siteIdCode',
  'icp',
  'publicSecurityFiling',
  'sponsor',
  'address',
  'postcode',
  'phone',
  'email',
  'fax',
  'officeHours',
  'disclosureOffice',
  'govMarkImage',
  'govMarkLink',
  'errorReportUrl',
];
const MAX: Partial<Record<keyof SiteSettings, number>> = { statement: 4000 };

export function SiteSettingsCard({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const site = useSiteSettings();
  const save = useSaveSiteSettings();
  const [form] = Form.useForm<SiteSettings>();
  const showFormError = useFormErrors(form);
  if (!site.data) return <Skeleton active />;
  return (
    <Card size="small" title={t('cms.siteSettings')} data-testid="site-settings">
      <Form<SiteSettings>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={site.data}
        onFinish={(v) =>
          save.mutate(v, { onSuccess: () => void message.success(t('common.saved')), onError: showFormError })
        }
      >
        <Row gutter={12}>
          {FIELDS.map((f) => (
            <Col key={f} xs={24} md={12} xl={8}>
              <Form.Item
                name={f}
                label={t(`cms.site.${f}`)}
                rules={f === 'siteName' || f === 'siteNameEn' ? [{ required: true, whitespace: true }] : []}
              >
                <Input />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24}>
            <Form.Item name="statement" label={t('cms.site.statement')}>
              <Input.TextArea rows={5} maxLength={MAX.statement} showCount />
            </Form.Item>
          </Col>
        </Row>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
