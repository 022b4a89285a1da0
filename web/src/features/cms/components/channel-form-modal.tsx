import {
  CHANNEL_DATA_PAGE_LABELS,
  CHANNEL_DATA_PAGES,
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  type Channel,
  type ChannelInput,
} from '@greenvoice/common';
import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useSaveChannel } from '../hooks/use-cms.ts';

export function ChannelFormModal({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChannelInput>();
  const showFormError = useFormErrors(form);
  const save = useSaveChannel();
  return (
    <Modal
      open
      title={channel ? t('cms.editChannel') : t('cms.newChannel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'channel-form-submit' }}
      maskClosable={false}
    >
      <Form<ChannelInput>
        form={form}
        layout="vertical"
        initialValues={channel ?? { kind: 'news', sortOrder: 100, showOnHome: true }}
        onFinish={(values) =>
          save.mutate(
            // a cleared data page is sent as null: the channel goes back to an article list only
            { channel, values: { ...values, dataPage: values.dataPage ?? null } },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (err) => {
                showFormError(err);
              },
            },
          )
        }
      >
        <Form.Item
          name="code"
          label={t('cms.channelCode')}
          extra={t('cms.channelCodeHint')}
          rules={[
            { required: true, pattern: /^[a-z][a-z0-9-]{1,31}$/, message: t('cms.channelCodePattern') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('cms.channelName')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('cms.channelNameEn')}
          rules={[{ required: true, whitespace: true, max: 80 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('cms.channelKind')} rules={[{ required: true }]}>
          <Select options={CHANNEL_KINDS.map((k) => ({ value: k, label: pick(CHANNEL_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('cms.channelDescription')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="keywords" label={t('cms.keywords')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.sortOrder')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
        <Form.Item name="dataPage" label={t('cms.dataPage')} extra={t('cms.dataPageHint')}>
          <Select
            allowClear
            options={CHANNEL_DATA_PAGES.map((p) => ({ value: p, label: pick(CHANNEL_DATA_PAGE_LABELS[p]) }))}
          />
        </Form.Item>
        <Form.Item name="showOnHome" label={t('cms.showOnHome')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
