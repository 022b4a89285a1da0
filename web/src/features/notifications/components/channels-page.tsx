import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  DELIVERY_CHANNEL_KINDS,
  DELIVERY_CHANNEL_LABELS,
  type Delivery,
  type DeliveryChannel,
  type DeliveryChannelKind,
  type ReminderSettings,
} from '@greenvoice/common';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import type { DictKey } from '../../../shared/i18n/dictionary.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import {
  useChannels,
  useDeliveries,
  useReminderSettings,
  useRetryDelivery,
  useSaveChannel,
  useSaveReminderSettings,
  useTestChannel,
} from '../hooks/use-notifications.ts';

/** The administrator's page: the bureau's delivery channels, reminder days and the delivery log. */
export function ChannelsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('chan.title')} />
      <ChannelsCard />
      <ReminderSettingsCard />
      <DeliveriesCard />
    </>
  );
}

function ChannelsCard() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const channels = useChannels();
  const test = useTestChannel();
  const [editing, setEditing] = useState<DeliveryChannel | null | undefined>();
  const [testing, setTesting] = useState<DeliveryChannel | null>(null);
  const [testTo, setTestTo] = useState('');
  const runTest = (c: DeliveryChannel, to?: string) =>
    test.mutate(
      { id: c.id, to },
      {
        onSuccess: (r) =>
          r.ok
            ? void message.success(t('chan.testOk', { detail: r.detail }))
            : void message.error(t('chan.testFailed', { detail: r.detail })),
        onError: notifyError,
        onSettled: () => setTesting(null),
      },
    );
  return (
    <Card
      size="small"
      title={t('chan.channels')}
      style={{ marginBottom: 16 }}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="channel-add">
          {t('chan.add')}
        </Button>
      }
    >
      <QueryError error={channels.error} />
      <Table<DeliveryChannel>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={channels.isPending}
        dataSource={channels.data?.items ?? []}
        locale={{ emptyText: t('chan.none') }}
        columns={[
          { title: t('chan.name'), dataIndex: 'name' },
          {
            title: t('chan.kind'),
            dataIndex: 'kind',
            render: (k: DeliveryChannelKind) => pick(DELIVERY_CHANNEL_LABELS[k]),
          },
          {
            title: t('chan.enabled'),
            dataIndex: 'enabled',
            render: (e: boolean) => <Tag color={e ? 'green' : 'default'}>{e ? t('chan.enabled') : '—'}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_, c) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(c)}>
                  {t('chan.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<SendOutlined />}
                  loading={test.isPending && test.variables?.id === c.id}
                  data-testid={`channel-test-${c.id}`}
                  onClick={() => (c.kind === 'sms' || c.kind === 'email' ? setTesting(c) : runTest(c))}
                >
                  {t('chan.test')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined ? <ChannelForm channel={editing} onClose={() => setEditing(undefined)} /> : null}
      <Modal
        open={testing !== null}
        title={t('chan.test')}
        onCancel={() => setTesting(null)}
        onOk={() => testing && runTest(testing, testTo)}
        confirmLoading={test.isPending}
      >
        <label htmlFor="channel-test-to">{t('chan.testTo')}</label>
        <Input id="channel-test-to" value={testTo} onChange={(e) => setTestTo(e.target.value)} />
      </Modal>
    </Card>
  );
}

interface ChannelFormValues {
  kind: DeliveryChannelKind;
  name: string;
  enabled: boolean;
  settings: DeliveryChannel['settings'];
  secrets: { webhook?: string; signSecret?: string; password?: string };
}

function ChannelForm({ channel, onClose }: { channel: DeliveryChannel | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChannelFormValues>();
  const onError = useFormErrors(form);
  const save = useSaveChannel();
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'wecom';
  const kept = (name: string) => (channel?.secretsSet.includes(name) ? t('chan.secretKept') : undefined);
  const submit = (v: ChannelFormValues) =>
    save.mutate(
      {
        ...(channel ? { id: channel.id } : {}),
        body: { ...v, settings: v.settings ?? {}, ...(channel ? { version: channel.version } : {}) },
      },
      {
        onSuccess: () => {
          void message.success(t('chan.saved'));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open
      title={channel ? t('chan.edit') : t('chan.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
    >
      <Form<ChannelFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          channel
            ? {
                kind: channel.kind,
                name: channel.name,
                enabled: channel.enabled,
                settings: channel.settings,
                secrets: {},
              }
            : { kind: 'wecom', enabled: true, settings: { contentType: 'application/json' }, secrets: {} }
        }
      >
        <Form.Item name="kind" label={t('chan.kind')}>
          <Select
            disabled={!!channel}
            options={DELIVERY_CHANNEL_KINDS.map((k) => ({
              value: k,
              label: pick(DELIVERY_CHANNEL_LABELS[k]),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('chan.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="enabled" label={t('chan.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {kind === 'wecom' || kind === 'dingtalk' ? (
          <>
            <Form.Item name={['secrets', 'webhook']} label={t('chan.webhook')} extra={t('chan.webhookHelp')}>
              <Input.Password placeholder={kept('webhook')} autoComplete="off" />
            </Form.Item>
            {kind === 'dingtalk' ? (
              <Form.Item name={['secrets', 'signSecret']} label={t('chan.signSecret')}>
                <Input.Password placeholder={kept('signSecret')} autoComplete="off" />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {kind === 'sms' ? (
          <>
            <Form.Item name={['settings', 'url']} label={t('chan.url')}>
              <Input placeholder="https://sms.example.cn/api/send" />
            </Form.Item>
            <Form.Item name={['settings', 'contentType']} label={t('chan.contentType')}>
              <Select
                options={['application/json', 'application/x-www-form-urlencoded'].map((v) => ({
                  value: v,
                  label: v,
                }))}
              />
            </Form.Item>
            <Form.Item
              name={['settings', 'bodyTemplate']}
              label={t('chan.bodyTemplate')}
              extra={t('chan.bodyTemplateHelp')}
            >
              <Input.TextArea rows={3} placeholder='{"mobile":"{{mobile}}","content":"{{text}}"}' />
            </Form.Item>
            <Form.Item name={['settings', 'authHeader']} label={t('chan.authHeader')}>
              <Input />
            </Form.Item>
            <Form.Item name={['secrets', 'password']} label={t('chan.password')}>
              <Input.Password placeholder={kept('password')} autoComplete="off" />
            </Form.Item>
          </>
        ) : null}
        {kind === 'email' ? (
          <>
            <Form.Item name={['settings', 'host']} label={t('chan.host')}>
              <Input placeholder="smtp.example.cn" />
            </Form.Item>
            <Form.Item name={['settings', 'port']} label={t('chan.port')}>
              <InputNumber min={1} max={65535} />
            </Form.Item>
            <Form.Item name={['settings', 'secure']} label={t('chan.secure')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name={['settings', 'username']} label={t('chan.username')}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['secrets', 'password']} label={t('chan.password')}>
              <Input.Password placeholder={kept('password')} autoComplete="new-password" />
            </Form.Item>
            <Form.Item name={['settings', 'from']} label={t('chan.from')}>
              <Input placeholder="notify@hbj.example.cn" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

const SETTING_FIELDS: (keyof ReminderSettings)[] = [
  'campaignDaysBefore',
  'returnedDays',
  'reviewQueueDays',
  'approvalDays',
  'disclosureDaysBefore',
];

function ReminderSettingsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const current = useReminderSettings();
  const save = useSaveReminderSettings();
  const [form] = Form.useForm<ReminderSettings>();
  const onError = useFormErrors(form);
  if (!current.data) return <QueryError error={current.error} />;
  return (
    <Card size="small" title={t('chan.reminders')} style={{ marginBottom: 16 }}>
      <Form<ReminderSettings>
        form={form}
        layout="vertical"
        initialValues={current.data.settings}
        onFinish={(settings) =>
          save.mutate(
            { settings, version: current.data.version },
            { onSuccess: () => void message.success(t('chan.settingsSaved')), onError },
          )
        }
      >
        <Space wrap align="end">
          {SETTING_FIELDS.map((f) => (
            <Form.Item
              key={f}
              name={f}
              label={t(`chan.${f}` as DictKey)}
              rules={[{ required: true }]}
              style={{ width: 260 }}
            >
              <InputNumber min={1} max={90} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="reminders-save">
              {t('common.save')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}

type StateFilter = 'pending' | 'sent' | 'failed' | 'retrying';

function DeliveriesCard() {
  const { t, pick } = useI18n();
  const notifyError = useNotifyError();
  const paging = useListState<{ state?: StateFilter }>({ state: 'failed' });
  const list = useDeliveries(paging.query);
  const retry = useRetryDelivery();
  const stateOf = (d: Delivery): StateFilter =>
    d.state === 'pending' && d.attempts > 0 ? 'retrying' : d.state;
  const color = { pending: 'blue', retrying: 'orange', sent: 'green', failed: 'red' } as const;
  return (
    <Card
      size="small"
      title={t('chan.deliveries')}
      extra={
        <Select<StateFilter>
          allowClear
          aria-label={t('chan.state')}
          style={{ width: 140 }}
          value={paging.filters.state}
          onChange={(v) => paging.setFilter('state', v)}
          options={(['failed', 'retrying', 'pending', 'sent'] as const).map((s) => ({
            value: s,
            label: t(`chan.state.${s}`),
          }))}
        />
      }
    >
      {list.data && (list.data.failed > 0 || list.data.retrying > 0) ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('chan.failedAlert', { n: list.data.failed, r: list.data.retrying })}
          data-testid="deliveries-alert"
        />
      ) : null}
      <QueryError error={list.error} />
      <ListTable<Delivery>
        testId="deliveries-table"
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={paging.pagination(list.data?.total)}
        columns={[
          { title: t('chan.notification'), key: 'n', render: (_, d) => pick(d.notificationTitle) },
          { title: t('chan.channels'), dataIndex: 'channelName' },
          {
            title: t('chan.recipient'),
            dataIndex: 'personName',
            render: (n: string | null) => n ?? t('chan.group'),
          },
          {
            title: t('chan.state'),
            key: 's',
            render: (_, d) => <Tag color={color[stateOf(d)]}>{t(`chan.state.${stateOf(d)}`)}</Tag>,
          },
          { title: t('chan.attempts'), dataIndex: 'attempts' },
          {
            title: t('chan.nextAttempt'),
            key: 'next',
            render: (_, d) => (d.state === 'pending' ? formatDateTime(d.nextAttemptAt) : '—'),
          },
          { title: t('chan.lastError'), dataIndex: 'lastError', render: (e: string | null) => e ?? '—' },
          {
            title: '',
            key: 'retry',
            render: (_, d) =>
              d.state === 'failed' ? (
                <Button type="link" size="small" onClick={() => retry.mutate(d.id, { onError: notifyError })}>
                  {t('chan.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
