// Register or edit one account (docs/new-media.md, "Account registry"). The server judges the link
// (http/https only), the dates and the duplicate platform id; its field problems land next to the field
// through useFormErrors — `/functions/menu` included, the form's names are the body's paths.
import {
  ACCOUNT_STATE_LABELS,
  ACCOUNT_STATES,
  FILING_STATE_LABELS,
  FILING_STATES,
  FUNCTION_STATE_LABELS,
  FUNCTION_STATES,
  INTERACTION_FUNCTION_LABELS,
  INTERACTION_FUNCTIONS,
  MEDIA_PLATFORM_LABELS,
  MEDIA_PLATFORMS,
  MediaAccountInput,
  type MediaAccount,
} from '@greenvoice/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { keys } from '../../../shared/api/query-keys.ts';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { saveAccount } from '../api/media-api.ts';

type Values = Omit<MediaAccountInput, 'openedOn' | 'stoppedOn' | 'deregisteredOn'> & {
  openedOn?: Dayjs | null;
  stoppedOn?: Dayjs | null;
  deregisteredOn?: Dayjs | null;
};
const DATES = ['openedOn', 'stoppedOn', 'deregisteredOn'] as const;

const initial = (a: MediaAccount | null): Partial<Values> =>
  a
    ? {
        ...a,
        openedOn: a.openedOn ? dayjs(a.openedOn) : null,
        stoppedOn: a.stoppedOn ? dayjs(a.stoppedOn) : null,
        deregisteredOn: a.deregisteredOn ? dayjs(a.deregisteredOn) : null,
      }
    : {
        platform: 'wechatOfficial',
        filing: 'notFiled',
        state: 'active',
        functions: { messages: 'working', autoReply: 'working', menu: 'working' },
      };

export function MediaAccountForm({
  account,
  onClose,
}: {
  account: MediaAccount | null;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors(form);
  const queryClient = useQueryClient();
  const units = useUnitOptions();
  const rules = schemaRules(MediaAccountInput, t);
  const state = Form.useWatch('state', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: Record<string, unknown> = { ...v };
      for (const d of DATES) body[d] = v[d] ? v[d].format('YYYY-MM-DD') : null;
      for (const k of ['operator', 'filingNumber', 'link', 'description'] as const)
        body[k] = typeof v[k] === 'string' && v[k].trim() ? v[k].trim() : null;
      return saveAccount(account, body as MediaAccountInput);
    },
    onSuccess: () => {
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: keys.media.all });
      onClose();
    },
    onError: showFormError,
  });
  const labels = <T extends string>(all: readonly T[], words: Record<T, { zh: string; en: string }>) =>
    all.map((v) => ({ value: v, label: pick(words[v]) }));
  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open
      width={720}
      title={
        account
          ? pick({ zh: `编辑「${account.name}」`, en: `Edit “${account.name}”` })
          : pick({ zh: '登记新媒体账号', en: 'Register an account' })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'media-account-save' } as Record<string, string>}
      confirmLoading={save.isPending}
      maskClosable={false}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial(account)}
        onFinish={(v) => save.mutate(v)}
        data-testid="media-account-form"
      >
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="unitId" label={pick({ zh: '所属单位', en: 'Unit' })} rules={rules('unitId')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={units.data ?? []}
                loading={units.isLoading}
                data-testid="media-form-unit"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="platform" label={pick({ zh: '平台', en: 'Platform' })} rules={rules('platform')}>
              <Select options={labels(MEDIA_PLATFORMS, MEDIA_PLATFORM_LABELS)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={pick({ zh: '账号名称', en: 'Name' })} rules={rules('name')}>
              <Input data-testid="media-form-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="platformId"
              label={pick({ zh: '平台账号ID（原始ID、微信号、UID…）', en: 'Platform id' })}
              rules={rules('platformId')}
            >
              <Input data-testid="media-form-platform-id" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="operator"
              label={pick({ zh: '运营人员', en: 'Operator' })}
              rules={rules('operator')}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="openedOn" label={pick({ zh: '开通日期', en: 'Opened on' })}>
              <DatePicker style={{ width: '100%' }} data-testid="media-form-opened" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="filing" label={pick({ zh: '备案状态', en: 'Filing' })} rules={rules('filing')}>
              <Select options={labels(FILING_STATES, FILING_STATE_LABELS)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="filingNumber"
              label={pick({ zh: '备案编号', en: 'Filing number' })}
              rules={rules('filingNumber')}
            >
              <Input />
            </Form.Item>
          </Col>
          {INTERACTION_FUNCTIONS.map((f) => (
            <Col key={f} xs={24} sm={8}>
              <Form.Item name={['functions', f]} label={pick(INTERACTION_FUNCTION_LABELS[f])}>
                <Select options={labels(FUNCTION_STATES, FUNCTION_STATE_LABELS)} />
              </Form.Item>
            </Col>
          ))}
          <Col span={24}>
            <Form.Item
              name="link"
              label={pick({
                zh: '链接（二维码内容，仅 http/https）',
                en: 'Link (the QR code; http/https only)',
              })}
              rules={rules('link')}
            >
              <Input data-testid="media-form-link" placeholder="https://" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="description"
              label={pick({ zh: '简介', en: 'Description' })}
              rules={rules('description')}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="state" label={pick({ zh: '状态', en: 'State' })} rules={rules('state')}>
              <Select options={labels(ACCOUNT_STATES, ACCOUNT_STATE_LABELS)} data-testid="media-form-state" />
            </Form.Item>
          </Col>
          {state === 'stopped' || state === 'deregistered' ? (
            <Col xs={24} sm={8}>
              <Form.Item name="stoppedOn" label={pick({ zh: '停更日期', en: 'Stopped on' })}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          {state === 'deregistered' ? (
            <Col xs={24} sm={8}>
              <Form.Item name="deregisteredOn" label={pick({ zh: '注销日期', en: 'Deregistered on' })}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
