// One service guide's form: the ten required elements (blank ones allowed in a draft, named on the
// list until filled), the optional time limit and online address, and its downloadable forms.
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import {
  GUIDE_CATEGORIES,
  GUIDE_CATEGORY_LABELS,
  GUIDE_ELEMENT_LABELS,
  ServiceGuideInput,
  type GuideElement,
  type ServiceGuide,
} from '@greenvoice/common';
import { App, Button, Drawer, Form, Input, InputNumber, List, Select, Space, Upload } from 'antd';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useGuideForms, useSaveGuide } from '../hooks/use-guides.ts';

/** the long elements get a text area; the rest one line */
const LONG: ReadonlySet<GuideElement> = new Set(['basis', 'conditions', 'materials', 'process', 'fees']);
const ELEMENTS: GuideElement[] = [
  'basis',
  'conditions',
  'materials',
  'location',
  'agency',
  'hours',
  'fees',
  'phone',
  'process',
];

export function GuideFormDrawer({ guide, onClose }: { guide: ServiceGuide | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<ServiceGuideInput>();
  const showFormError = useFormErrors(form);
  const save = useSaveGuide();
  const forms = useGuideForms();
  const rules = schemaRules(ServiceGuideInput, t);
  const label = (k: GuideElement) => pick(GUIDE_ELEMENT_LABELS[k]);
  return (
    <Drawer
      open
      width={720}
      title={guide ? guide.name : t('guides.new')}
      onClose={onClose}
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="guide-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      <Form<ServiceGuideInput>
        form={form}
        layout="vertical"
        initialValues={guide ?? { category: 'eia', sortOrder: 100 }}
        onFinish={(values) =>
          save.mutate(
            { guide, values: { ...values, onlineUrl: values.onlineUrl ?? '' } },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: showFormError,
            },
          )
        }
      >
        <Form.Item name="name" label={label('name')} rules={rules('name', { required: true })}>
          <Input data-testid="guide-name" />
        </Form.Item>
        <Form.Item name="category" label={t('guides.category')} rules={[{ required: true }]}>
          <Select
            options={GUIDE_CATEGORIES.map((c) => ({ value: c, label: pick(GUIDE_CATEGORY_LABELS[c]) }))}
          />
        </Form.Item>
        {ELEMENTS.map((k) => (
          <Form.Item key={k} name={k} label={label(k)} rules={rules(k)} extra={t('guides.requiredToPublish')}>
            {LONG.has(k) ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} /> : <Input />}
          </Form.Item>
        ))}
        <Form.Item name="timeLimit" label={t('guides.timeLimit')} rules={rules('timeLimit')}>
          <Input />
        </Form.Item>
        <Form.Item name="onlineUrl" label={t('guides.onlineUrl')} rules={rules('onlineUrl')}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.sortOrder')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
      </Form>
      {guide ? (
        <>
          <List
            header={t('guides.forms')}
            size="small"
            dataSource={guide.forms}
            locale={{ emptyText: t('guides.noForms') }}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <Button
                    key="remove"
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() =>
                      forms.remove.mutate({ id: guide.id, formId: f.id }, { onError: notifyError })
                    }
                  />,
                ]}
              >
                <a href={f.url} target="_blank" rel="noopener">
                  {f.name}
                </a>
              </List.Item>
            )}
          />
          <Space style={{ marginTop: 8 }}>
            <Upload
              showUploadList={false}
              accept=".pdf,.doc,.docx,.xls,.xlsx"
              beforeUpload={(file) => {
                forms.upload.mutate({ id: guide.id, file }, { onError: notifyError });
                return false;
              }}
            >
              <Button
                icon={<UploadOutlined />}
                loading={forms.upload.isPending}
                data-testid="guide-form-upload"
              >
                {t('guides.uploadForm')}
              </Button>
            </Upload>
          </Space>
        </>
      ) : null}
    </Drawer>
  );
}
