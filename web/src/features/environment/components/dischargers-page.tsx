import { DischargerInput } from '@greenvoice/common';
import { PlusOutlined } from '@ant-design/icons';
import type { Discharger } from '@greenvoice/common';
import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { ListPage, ListTable, SearchFilter } from '../../../shared/list/list-page.tsx';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useDischargers, useSaveDischarger } from '../hooks/use-environment.ts';
import { DischargerDrawer } from './discharger-drawer.tsx';

export function DischargersPage() {
  const { t } = useI18n();
  const canWrite = useCan()('environment:write');
  const list = useListState<{ q?: string }>({});
  const [editing, setEditing] = useState<Discharger | null | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  const dischargers = useDischargers(list.query);

  return (
    <>
      <ListPage
        title={t('env.dischargers')}
        actions={
          <>
            <ExportButton
              href="/api/v1/environment/dischargers/export.xlsx"
              filters={list.query}
              testId="dischargers-export"
            />
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="discharger-create"
              >
                {t('env.add')}
              </Button>
            ) : null}
          </>
        }
        filters={
          <SearchFilter
            placeholder={t('env.search')}
            width={340}
            onSearch={(q) => list.setFilter('q', q)}
            testId="dischargers-search"
          />
        }
        error={dischargers.error}
      >
        <ListTable<Discharger>
          testId="dischargers-table"
          rowKey="id"
          loading={dischargers.isFetching}
          dataSource={dischargers.data?.items ?? []}
          pagination={list.pagination(dischargers.data?.total)}
          columns={[
            {
              title: t('env.name'),
              dataIndex: 'name',
              width: 240,
              render: (n: string, d) => (
                <Space size={4}>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(d.id)}>
                    {n}
                  </Button>
                  <DemoTag show={d.isDemo} />
                </Space>
              ),
            },
            { title: t('env.creditCode'), dataIndex: 'creditCode', width: 190 },
            { title: t('env.county'), dataIndex: 'county', width: 150 },
            { title: t('env.industry'), dataIndex: 'industry' },
            { title: t('env.permit'), dataIndex: 'permitNumber', render: (v: string | null) => v ?? '—' },
            { title: t('env.listedYear'), dataIndex: 'listedYear', width: 100 },
            ...(canWrite
              ? [
                  {
                    title: t('common.actions'),
                    key: 'edit',
                    width: 70,
                    render: (_: unknown, d: Discharger) => (
                      <Button type="link" size="small" onClick={() => setEditing(d)}>
                        {t('env.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </ListPage>
      {editing !== undefined ? (
        <DischargerModal discharger={editing} onClose={() => setEditing(undefined)} />
      ) : null}
      {open !== null ? <DischargerDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function DischargerModal({ discharger, onClose }: { discharger: Discharger | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveDischarger();
  const [form] = Form.useForm();
  const rules = schemaRules(DischargerInput, t);
  return (
    <FormModal
      testId="discharger"
      title={t(discharger ? 'env.edit' : 'env.add')}
      form={form}
      initialValues={discharger ?? { listedYear: new Date().getFullYear() }}
      saving={save.isPending}
      onClose={onClose}
      save={(v) => {
        const { name, creditCode, county, industry, permitNumber, listedYear } = v;
        return save.mutateAsync([
          discharger,
          { name, creditCode, county, industry, permitNumber: permitNumber || null, listedYear },
        ]);
      }}
    >
      <Form.Item name="name" label={t('env.name')} rules={rules('name')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('env.creditCode')} rules={rules('creditCode')}>
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="credit-code-input" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="county" label={t('env.county')} rules={rules('county')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="listedYear" label={t('env.listedYear')} rules={rules('listedYear')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Space>
      <Form.Item name="industry" label={t('env.industry')} rules={rules('industry')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="permitNumber" label={t('env.permit')}>
        <Input maxLength={40} />
      </Form.Item>
    </FormModal>
  );
}
