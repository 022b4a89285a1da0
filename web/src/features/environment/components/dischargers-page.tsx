import { PlusOutlined } from '@ant-design/icons';
import type { Discharger } from '@greenvoice/common';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useDischargers, useSaveDischarger } from '../hooks/use-environment.ts';
import { DischargerDrawer } from './discharger-drawer.tsx';
import { T } from './env-text.ts';

export function DischargersPage() {
  const { pick } = useI18n();
  const canWrite = useCan()('environment:write');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Discharger | null | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  const list = useDischargers({ ...(q ? { q } : {}), page, pageSize: 20 });

  return (
    <>
      <PageHeader
        title={pick(T.dischargers)}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="discharger-create"
            >
              {pick(T.add)}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Input.Search
          allowClear
          placeholder={pick(T.search)}
          style={{ width: 340, marginBottom: 12 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          data-testid="dischargers-search"
        />
        <Table<Discharger>
          data-testid="dischargers-table"
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
          columns={[
            {
              title: pick(T.name),
              dataIndex: 'name',
              render: (n: string, d) => (
                <Space size={4}>
                  <a onClick={() => setOpen(d.id)}>{n}</a>
                  <DemoTag show={d.isDemo} />
                </Space>
              ),
            },
            { title: pick(T.creditCode), dataIndex: 'creditCode', width: 190 },
            { title: pick(T.county), dataIndex: 'county', width: 150 },
            { title: pick(T.industry), dataIndex: 'industry' },
            { title: pick(T.permit), dataIndex: 'permitNumber', render: (v: string | null) => v ?? '—' },
            { title: pick(T.listedYear), dataIndex: 'listedYear', width: 100 },
            ...(canWrite
              ? [
                  {
                    key: 'edit',
                    width: 70,
                    render: (_: unknown, d: Discharger) => (
                      <Button type="link" size="small" onClick={() => setEditing(d)}>
                        {pick(T.edit)}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== undefined ? (
        <DischargerModal discharger={editing} onClose={() => setEditing(undefined)} />
      ) : null}
      {open !== null ? <DischargerDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function DischargerModal({ discharger, onClose }: { discharger: Discharger | null; onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const save = useSaveDischarger();
  const [form] = Form.useForm();
  const req = [{ required: true, message: pick(T.required) }];
  return (
    <Modal
      open
      title={pick(discharger ? T.edit : T.add)}
      onCancel={onClose}
      okText={pick(T.save)}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={discharger ?? { listedYear: new Date().getFullYear() }}
        onFinish={(v) => {
          const { name, creditCode, county, industry, permitNumber, listedYear } = v;
          return save
            .mutateAsync([
              discharger,
              { name, creditCode, county, industry, permitNumber: permitNumber || null, listedYear },
            ])
            .then(
              () => {
                void message.success(pick(T.saved));
                onClose();
              },
              (err: unknown) => {
                // The server names the field (e.g. a wrong check character): show it next to the field.
                const f = (err as { fields?: Array<{ field: string; message: string }> }).fields?.[0];
                if (f?.field === '/creditCode') form.setFields([{ name: 'creditCode', errors: [f.message] }]);
                else notifyError(err);
              },
            );
        }}
      >
        <Form.Item name="name" label={pick(T.name)} rules={req}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="creditCode" label={pick(T.creditCode)} rules={req}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="credit-code-input" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="county" label={pick(T.county)} rules={req}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="listedYear" label={pick(T.listedYear)} rules={req}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Form.Item name="industry" label={pick(T.industry)} rules={req}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="permitNumber" label={pick(T.permit)}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
