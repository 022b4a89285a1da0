import type { Campaign } from '@greenvoice/common';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../../shared/api/api-error.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUpdateCampaign } from '../hooks/use-campaign.ts';

interface CampaignForm {
  title: string;
  deadline: Dayjs;
}

export function CampaignEditModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<CampaignForm>();
  const showFormError = useFormErrors(form);
  const update = useUpdateCampaign();

  const submit = (v: CampaignForm) => {
    const title = v.title.trim();
    const deadline = v.deadline.format('YYYY-MM-DD');
    update.mutate(
      {
        id: campaign.id,
        version: campaign.version,
        ...(title !== campaign.title ? { title } : {}),
        ...(deadline !== campaign.deadline ? { deadline } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'CONFLICT') {
            notifyError(err);
            onClose();
          } else showFormError(err);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('campaign.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      maskClosable={false}
    >
      <Form<CampaignForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: campaign.title, deadline: dayjs(campaign.deadline) }}
      >
        <Form.Item
          name="title"
          label={t('campaign.titleLabel')}
          rules={[
            { required: true, whitespace: true, message: t('campaign.titleRequired') },
            { max: 100, message: t('common.maxLength', { max: 100 }) },
          ]}
        >
          <Input data-testid="campaign-title-input" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('campaign.deadline')}
          rules={[{ required: true, message: t('campaign.deadlineRequired') }]}
        >
          <DatePicker data-testid="campaign-deadline-input" allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
