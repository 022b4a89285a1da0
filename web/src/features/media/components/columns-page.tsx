// 媒体专栏: the standing 生态环保 columns per outlet — outlet, column, period, the pieces it published as
// the unit reports them, and the pieces the submission flow counted (the unit's approved submissions at
// that outlet within the period; docs/new-media.md).
import { MediaColumnInput, type MediaColumn } from '@greenvoice/common';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type PageResult } from '../../../shared/api/api-client.ts';
import { keys } from '../../../shared/api/query-keys.ts';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useQuery } from '@tanstack/react-query';
import { useRegister } from '../api/media-work-api.ts';
import { DeleteButton, orNull, WorkModal, WorkListPage } from './work-shared.tsx';

type Values = Omit<MediaColumnInput, 'startsOn' | 'endsOn'> & { period: [Dayjs, Dayjs | null] };

function ColumnForm({ row, onClose }: { row: MediaColumn | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const units = useUnitOptions();
  const outlets = useQuery({
    queryKey: keys.media.work('outlets', {}),
    queryFn: () => api.get<PageResult<{ id: number; name: string }>>('/api/v1/outlets?page=1&pageSize=200'),
  });
  const rules = schemaRules(MediaColumnInput, t);
  return (
    <WorkModal<Values>
      register="columns"
      title={
        row
          ? pick({ zh: `修改「${row.name}」`, en: `Edit ${row.name}` })
          : pick({ zh: '新增专栏', en: 'Add a column' })
      }
      row={row}
      form={form}
      initialValues={
        row ? { ...row, period: [dayjs(row.startsOn), row.endsOn ? dayjs(row.endsOn) : null] } : { pieces: 0 }
      }
      toBody={({ period, ...v }) => ({
        ...v,
        outletId: v.outletId ?? null,
        note: orNull(v.note),
        startsOn: period[0].format('YYYY-MM-DD'),
        endsOn: period[1] ? period[1].format('YYYY-MM-DD') : null,
      })}
      onClose={onClose}
    >
      <Form.Item name="unitId" label={pick({ zh: '单位', en: 'Unit' })} rules={rules('unitId')}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={units.data ?? []} />
      </Form.Item>
      <Form.Item name="outletId" label={pick({ zh: '媒体（媒体库）', en: 'Outlet (library)' })}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(outlets.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(_, o) => !Array.isArray(o) && o && form.setFieldValue('outletName', o.label)}
        />
      </Form.Item>
      <Form.Item
        name="outletName"
        label={pick({ zh: '媒体名称', en: 'Outlet name' })}
        rules={rules('outletName')}
      >
        <Input />
      </Form.Item>
      <Form.Item name="name" label={pick({ zh: '专栏名称', en: 'Column' })} rules={rules('name')}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="period"
          label={pick({ zh: '开设期间', en: 'Period' })}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker.RangePicker allowEmpty={[false, true]} />
        </Form.Item>
        <Form.Item name="pieces" label={pick({ zh: '刊发篇数', en: 'Pieces' })} rules={rules('pieces')}>
          <InputNumber<number> />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={pick({ zh: '备注', en: 'Note' })} rules={rules('note')}>
        <Input />
      </Form.Item>
    </WorkModal>
  );
}

export function ColumnsPage() {
  const { pick } = useI18n();
  const can = useCan();
  const list = useListState<{ year?: number; unitId?: number }>({});
  const q = useRegister('columns', list.query);
  const [editing, setEditing] = useState<MediaColumn | null | undefined>(undefined);
  return (
    <WorkListPage
      title={{ zh: '媒体专栏', en: 'Media columns' }}
      intro={{
        zh: '在各媒体开设的生态环保报道专栏；“报送统计”为本单位在该媒体、专栏期间内已审核通过的报送篇数。',
        en: 'Standing columns at each outlet; “counted” is the unit’s approved submissions at that outlet within the period.',
      }}
      add={{ label: { zh: '新增专栏', en: 'Add' }, testId: 'column-add', onClick: () => setEditing(null) }}
      list={list}
      year={list.filters.year}
      error={q.error}
    >
      <ListTable<MediaColumn>
        testId="column-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={list.pagination(q.data?.total)}
        columns={[
          { title: pick({ zh: '专栏', en: 'Column' }), dataIndex: 'name' },
          { title: pick({ zh: '媒体', en: 'Outlet' }), dataIndex: 'outletName' },
          { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
          {
            title: pick({ zh: '期间', en: 'Period' }),
            render: (_: unknown, c: MediaColumn) =>
              `${c.startsOn} ~ ${c.endsOn ?? pick({ zh: '至今', en: 'now' })}`,
          },
          { title: pick({ zh: '刊发篇数', en: 'Pieces' }), dataIndex: 'pieces' },
          { title: pick({ zh: '报送统计', en: 'Counted' }), dataIndex: 'counted' },
          {
            title: pick({ zh: '备注', en: 'Note' }),
            dataIndex: 'note',
            render: (v: string | null) => v ?? '—',
          },
          ...(can('media:write')
            ? [
                {
                  title: pick({ zh: '操作', en: 'Actions' }),
                  render: (_: unknown, r: MediaColumn) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(r)}>
                        {pick({ zh: '编辑', en: 'Edit' })}
                      </Button>
                      <DeleteButton register="columns" id={r.id} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined ? <ColumnForm row={editing} onClose={() => setEditing(undefined)} /> : null}
    </WorkListPage>
  );
}
