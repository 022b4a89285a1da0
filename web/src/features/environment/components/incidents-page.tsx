import { PlusOutlined } from '@ant-design/icons';
import {
  INCIDENT_LEVELS,
  INCIDENT_LEVEL_LABELS,
  INCIDENT_STATUS_LABELS,
  type Incident,
  IncidentInput,
} from '@greenvoice/common';
import { Button, Checkbox, DatePicker, Form, Input, Select, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { ListPage, ListTable } from '../../../shared/list/list-page.tsx';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useAddFollowUp, useCreateIncident, useIncidents } from '../hooks/use-environment.ts';

export function IncidentsPage() {
  const { t, pick } = useI18n();
  const canWrite = useCan()('incidents:write');
  const list = useListState({});
  const [creating, setCreating] = useState(false);
  const [followUp, setFollowUp] = useState<Incident | null>(null);
  const incidents = useIncidents(list.query);
  return (
    <>
      <ListPage
        title={t('env.incidents')}
        actions={
          <>
            <ExportButton
              href="/api/v1/environment/incidents/export.xlsx"
              filters={list.query}
              testId="incidents-export"
            />
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="incident-create"
              >
                {t('env.release')}
              </Button>
            ) : null}
          </>
        }
        error={incidents.error}
      >
        <ListTable<Incident>
          testId="incidents-table"
          rowKey="id"
          loading={incidents.isFetching}
          dataSource={incidents.data?.items ?? []}
          pagination={list.pagination(incidents.data?.total)}
          expandable={{
            expandedRowRender: (i) => (
              <>
                <p>{i.summary}</p>
                <Timeline
                  items={i.followUps.map((f) => ({
                    content: `${formatDateTime(f.publishedAt)} — ${f.content}`,
                  }))}
                />
              </>
            ),
          }}
          columns={[
            {
              title: t('env.title'),
              dataIndex: 'title',
              width: 260,
              render: (v: string, i) => (
                <Space size={4}>
                  {v}
                  <DemoTag show={i.isDemo} />
                </Space>
              ),
            },
            {
              title: t('env.occurredAt'),
              dataIndex: 'occurredAt',
              width: 150,
              render: (v: string) => v.replace('T', ' '),
            },
            { title: t('env.county'), dataIndex: 'county', width: 100 },
            {
              title: t('env.level'),
              dataIndex: 'level',
              width: 90,
              render: (v: Incident['level']) => pick(INCIDENT_LEVEL_LABELS[v]),
            },
            {
              title: t('env.status'),
              dataIndex: 'status',
              width: 110,
              render: (v: Incident['status']) => (
                <Tag color={v === 'closed' ? 'green' : 'orange'}>{pick(INCIDENT_STATUS_LABELS[v])}</Tag>
              ),
            },
            { title: t('env.followUps'), width: 80, align: 'right', render: (_, i) => i.followUps.length },
            ...(canWrite
              ? [
                  {
                    title: t('common.actions'),
                    key: 'f',
                    width: 100,
                    render: (_: unknown, i: Incident) => (
                      <Button type="link" size="small" onClick={() => setFollowUp(i)}>
                        {t('env.addFollowUp')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </ListPage>
      {creating ? <IncidentModal onClose={() => setCreating(false)} /> : null}
      {followUp ? <FollowUpModal incident={followUp} onClose={() => setFollowUp(null)} /> : null}
    </>
  );
}

function IncidentModal({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const create = useCreateIncident();
  const [form] = Form.useForm();
  const rules = schemaRules(IncidentInput, t);
  return (
    <FormModal
      testId="incident"
      width={640}
      title={t('env.release')}
      form={form}
      initialValues={{ level: 'general' }}
      saving={create.isPending}
      onClose={onClose}
      save={(v) =>
        create.mutateAsync([
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
      }
    >
      <Form.Item name="title" label={t('env.title')} rules={rules('title')}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="occurredAt" label={t('env.occurredAt')} rules={rules('occurredAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="county" label={t('env.county')} rules={rules('county')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="level" label={t('env.level')} rules={rules('level')}>
          <Select
            style={{ width: 120 }}
            options={INCIDENT_LEVELS.map((l) => ({ value: l, label: pick(INCIDENT_LEVEL_LABELS[l]) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="location" label={t('env.location')} rules={rules('location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t('env.summary')} rules={rules('summary')}>
        <Input.TextArea rows={5} maxLength={20000} />
      </Form.Item>
    </FormModal>
  );
}

function FollowUpModal({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useI18n();
  const add = useAddFollowUp();
  const [form] = Form.useForm();
  return (
    <FormModal
      testId="follow-up"
      title={`${t('env.addFollowUp')}：${incident.title}`}
      form={form}
      saving={add.isPending}
      onClose={onClose}
      save={(v) => add.mutateAsync([incident.id, v.content, !!v.closes])}
    >
      <Form.Item
        name="content"
        label={t('env.content')}
        rules={[{ required: true, message: t('env.required') }]}
      >
        <Input.TextArea rows={5} maxLength={20000} />
      </Form.Item>
      <Form.Item name="closes" valuePropName="checked">
        <Checkbox>{t('env.closes')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
