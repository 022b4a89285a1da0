import { PlusOutlined } from '@ant-design/icons';
import {
  INCIDENT_LEVELS,
  INCIDENT_LEVEL_LABELS,
  INCIDENT_STATUS_LABELS,
  type Incident,
} from '@greenvoice/common';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useAddFollowUp, useCreateIncident, useIncidents } from '../hooks/use-environment.ts';
import { T } from './env-text.ts';

export function IncidentsPage() {
  const { pick } = useI18n();
  const canWrite = useCan()('incidents:write');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [followUp, setFollowUp] = useState<Incident | null>(null);
  const list = useIncidents(page);
  return (
    <>
      <PageHeader
        title={pick(T.incidents)}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="incident-create"
            >
              {pick(T.release)}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Table<Incident>
          data-testid="incidents-table"
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            size: 'small',
          }}
          expandable={{
            expandedRowRender: (i) => (
              <>
                <p>{i.summary}</p>
                <Timeline
                  items={i.followUps.map((f) => ({
                    content: `${new Date(f.publishedAt).toLocaleString('zh-CN')} — ${f.content}`,
                  }))}
                />
              </>
            ),
          }}
          columns={[
            {
              title: pick(T.title),
              dataIndex: 'title',
              render: (v: string, i) => (
                <Space size={4}>
                  {v}
                  <DemoTag show={i.isDemo} />
                </Space>
              ),
            },
            {
              title: pick(T.occurredAt),
              dataIndex: 'occurredAt',
              width: 150,
              render: (v: string) => v.replace('T', ' '),
            },
            { title: pick(T.county), dataIndex: 'county', width: 100 },
            {
              title: pick(T.level),
              dataIndex: 'level',
              width: 90,
              render: (v: Incident['level']) => pick(INCIDENT_LEVEL_LABELS[v]),
            },
            {
              title: pick(T.status),
              dataIndex: 'status',
              width: 110,
              render: (v: Incident['status']) => (
                <Tag color={v === 'closed' ? 'green' : 'orange'}>{pick(INCIDENT_STATUS_LABELS[v])}</Tag>
              ),
            },
            { title: pick(T.followUps), width: 80, align: 'right', render: (_, i) => i.followUps.length },
            ...(canWrite
              ? [
                  {
                    key: 'f',
                    width: 100,
                    render: (_: unknown, i: Incident) => (
                      <Button type="link" size="small" onClick={() => setFollowUp(i)}>
                        {pick(T.addFollowUp)}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {creating ? <IncidentModal onClose={() => setCreating(false)} /> : null}
      {followUp ? <FollowUpModal incident={followUp} onClose={() => setFollowUp(null)} /> : null}
    </>
  );
}

function IncidentModal({ onClose }: { onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const create = useCreateIncident();
  const [form] = Form.useForm();
  const req = [{ required: true, message: pick(T.required) }];
  return (
    <Modal
      open
      width={640}
      title={pick(T.release)}
      onCancel={onClose}
      okText={pick(T.save)}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: 'general' }}
        onFinish={(v) =>
          create
            .mutateAsync([
              {
                title: v.title,
                occurredAt: v.occurredAt.format('YYYY-MM-DDTHH:mm'),
                county: v.county,
                location: v.location,
                level: v.level,
                status: 'responding',
                summary: v.summary,
              },
            ])
            .then(() => {
              void message.success(pick(T.saved));
              onClose();
            }, notifyError)
        }
      >
        <Form.Item name="title" label={pick(T.title)} rules={req}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="occurredAt" label={pick(T.occurredAt)} rules={req}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="county" label={pick(T.county)} rules={req}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="level" label={pick(T.level)} rules={req}>
            <Select
              style={{ width: 120 }}
              options={INCIDENT_LEVELS.map((l) => ({ value: l, label: pick(INCIDENT_LEVEL_LABELS[l]) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="location" label={pick(T.location)} rules={req}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={pick(T.summary)} rules={req}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FollowUpModal({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const add = useAddFollowUp();
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={`${pick(T.addFollowUp)}：${incident.title}`}
      onCancel={onClose}
      okText={pick(T.save)}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          add.mutateAsync([incident.id, v.content, !!v.closes]).then(() => {
            void message.success(pick(T.saved));
            onClose();
          }, notifyError)
        }
      >
        <Form.Item
          name="content"
          label={pick(T.content)}
          rules={[{ required: true, message: pick(T.required) }]}
        >
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="closes" valuePropName="checked">
          <Checkbox>{pick(T.closes)}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
