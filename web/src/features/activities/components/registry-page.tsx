// 基地与绿色创建: the registers of 环境教育基地, 绿色学校 and 绿色社区 (docs/activities.md "Registries") —
// name, county, level, year awarded and status; officers with activities:write add and edit them (the
// edit carries the version read: a stale one is refused by the server and said in the form).
import type { REGISTRY_LEVELS, REGISTRY_STATUSES } from '@greenvoice/common';
import { REGISTRY_KINDS, RegistryEntryInput, type RegistryEntry } from '@greenvoice/common';
import { Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable, SelectFilter } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useRegistry, useSaveRegistryEntry } from '../api/activities-api.ts';
import { ActivitiesNav, AddButton } from './activities-nav.tsx';

type Kind = (typeof REGISTRY_KINDS)[number];
const KIND: Record<Kind, { zh: string; en: string }> = {
  educationBase: { zh: '环境教育基地', en: 'Education base' },
  greenSchool: { zh: '绿色学校', en: 'Green school' },
  greenCommunity: { zh: '绿色社区', en: 'Green community' },
};
const LEVEL: Record<(typeof REGISTRY_LEVELS)[number], { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
};
const STATUS: Record<(typeof REGISTRY_STATUSES)[number], { zh: string; en: string; color: string }> = {
  active: { zh: '有效', en: 'Active', color: 'green' },
  underReview: { zh: '复核中', en: 'Under review', color: 'orange' },
  revoked: { zh: '已撤销', en: 'Revoked', color: 'default' },
};

function EntryForm({ row, onClose }: { row: RegistryEntry | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<RegistryEntryInput>();
  const save = useSaveRegistryEntry();
  const rules = schemaRules(RegistryEntryInput, t);
  const options = <K extends string>(labels: Record<K, { zh: string; en: string }>) =>
    (Object.keys(labels) as K[]).map((value) => ({ value, label: pick(labels[value]) }));
  return (
    <FormModal<RegistryEntryInput>
      testId="registry-form"
      title={
        row ? pick({ zh: `修改「${row.name}」`, en: `Edit ${row.name}` }) : pick({ zh: '新增', en: 'Add' })
      }
      form={form}
      initialValues={row ?? { kind: 'educationBase', level: 'city', status: 'active', yearAwarded: 2018 }}
      saving={save.isPending}
      save={(v) => save.mutateAsync({ row, body: { ...v, name: v.name.trim(), county: v.county.trim() } })}
      onClose={onClose}
    >
      <Form.Item name="kind" label={pick({ zh: '类别', en: 'Kind' })} rules={rules('kind')}>
        <Select options={options(KIND)} />
      </Form.Item>
      <Form.Item name="name" label={pick({ zh: '名称', en: 'Name' })} rules={rules('name')}>
        <Input data-testid="registry-name" />
      </Form.Item>
      <Form.Item name="county" label={pick({ zh: '区县', en: 'County' })} rules={rules('county')}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="level" label={pick({ zh: '级别', en: 'Level' })} rules={rules('level')}>
          <Select style={{ width: 140 }} options={options(LEVEL)} />
        </Form.Item>
        <Form.Item
          name="yearAwarded"
          label={pick({ zh: '命名年度', en: 'Year awarded' })}
          rules={rules('yearAwarded')}
        >
          <InputNumber<number> />
        </Form.Item>
        <Form.Item name="status" label={pick({ zh: '状态', en: 'Status' })} rules={rules('status')}>
          <Select style={{ width: 140 }} options={options(STATUS)} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

export function RegistryPage() {
  const { pick } = useI18n();
  const can = useCan();
  const list = useListState<{ kind?: Kind }>({});
  const q = useRegistry(list.query);
  const [editing, setEditing] = useState<RegistryEntry | null | undefined>(undefined);
  return (
    <ListPage
      title={pick({ zh: '基地与绿色创建', en: 'Bases and green awards' })}
      intro={pick({
        zh: '环境教育基地、绿色学校和绿色社区的命名情况：名称、区县、级别、命名年度和状态。',
        en: 'Environmental education bases, green schools and green communities: name, county, level, year awarded and status.',
      })}
      before={<ActivitiesNav />}
      actions={
        <AddButton label={{ zh: '新增', en: 'Add' }} testId="registry-add" onClick={() => setEditing(null)} />
      }
      filters={
        <SelectFilter<Kind>
          placeholder={pick({ zh: '类别', en: 'Kind' })}
          value={list.filters.kind}
          onChange={(k) => list.setFilter('kind', k)}
          options={REGISTRY_KINDS.map((k) => ({ value: k, label: pick(KIND[k]) }))}
          testId="registry-kind"
        />
      }
      error={q.error}
    >
      <ListTable<RegistryEntry>
        testId="registry-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={list.pagination(q.data?.total)}
        columns={[
          { title: pick({ zh: '名称', en: 'Name' }), dataIndex: 'name', width: 240 },
          { title: pick({ zh: '类别', en: 'Kind' }), dataIndex: 'kind', render: (k: Kind) => pick(KIND[k]) },
          { title: pick({ zh: '区县', en: 'County' }), dataIndex: 'county' },
          {
            title: pick({ zh: '级别', en: 'Level' }),
            dataIndex: 'level',
            render: (l: RegistryEntry['level']) => pick(LEVEL[l]),
          },
          { title: pick({ zh: '命名年度', en: 'Year' }), dataIndex: 'yearAwarded' },
          {
            title: pick({ zh: '状态', en: 'Status' }),
            dataIndex: 'status',
            render: (s: RegistryEntry['status']) => <Tag color={STATUS[s].color}>{pick(STATUS[s])}</Tag>,
          },
          ...(can('activities:write')
            ? [
                {
                  title: pick({ zh: '操作', en: 'Actions' }),
                  render: (_: unknown, r: RegistryEntry) => (
                    <Button type="link" size="small" onClick={() => setEditing(r)}>
                      {pick({ zh: '编辑', en: 'Edit' })}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined ? <EntryForm row={editing} onClose={() => setEditing(undefined)} /> : null}
    </ListPage>
  );
}
