// 媒体专栏: the standing 生态环保 columns per outlet — outlet, column, period, the pieces it published as
// the unit reports them, and the pieces the submission flow counted (the unit's approved submissions at
// that outlet within the period; docs/new-media.md).
import { MediaColumnInput, type MediaColumn } from '@greenvoice/common';
import { Form, InputNumber, Select, Space } from 'antd';
import { api, type PageResult } from '../../../shared/api/api-client.ts';
import { keys } from '../../../shared/api/query-keys.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useQuery } from '@tanstack/react-query';
import { useRegister } from '../api/media-work-api.ts';
import {
  orNull,
  PeriodField,
  periodBody,
  periodValue,
  TextField,
  UnitField,
  useEditing,
  useWorkForm,
  useWriteColumns,
  WorkModal,
  WorkListPage,
  type Period,
} from './work-shared.tsx';

type Values = Omit<MediaColumnInput, 'startsOn' | 'endsOn'> & { period: Period };

function ColumnForm({ row, onClose }: { row: MediaColumn | null; onClose: () => void }) {
  const { pick, form, rules } = useWorkForm<Values>(MediaColumnInput);
  const outlets = useQuery({
    queryKey: keys.media.work('outlets', {}),
    queryFn: () => api.get<PageResult<{ id: number; name: string }>>('/api/v1/outlets?page=1&pageSize=200'),
  });
  return (
    <WorkModal<Values>
      register="columns"
      title={{
        add: { zh: '新增专栏', en: 'Add a column' },
        edit: { zh: `修改「${row?.name}」`, en: `Edit ${row?.name}` },
      }}
      row={row}
      form={form}
      initialValues={row ? { ...row, period: periodValue(row) } : { pieces: 0 }}
      toBody={({ period, ...v }) => ({
        ...v,
        outletId: v.outletId ?? null,
        note: orNull(v.note),
        ...periodBody(period),
      })}
      onClose={onClose}
    >
      <UnitField rules={rules} />
      <Form.Item name="outletId" label={pick({ zh: '媒体（媒体库）', en: 'Outlet (library)' })}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(outlets.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(_, o) => !Array.isArray(o) && o && form.setFieldValue('outletName', o.label)}
        />
      </Form.Item>
      <TextField name="outletName" label={{ zh: '媒体名称', en: 'Outlet name' }} rules={rules} />
      <TextField name="name" label={{ zh: '专栏名称', en: 'Column' }} rules={rules} />
      <Space wrap>
        <PeriodField label={{ zh: '开设期间', en: 'Period' }} openEnd />
        <Form.Item name="pieces" label={pick({ zh: '刊发篇数', en: 'Pieces' })} rules={rules('pieces')}>
          <InputNumber<number> />
        </Form.Item>
      </Space>
      <TextField name="note" label={{ zh: '备注', en: 'Note' }} rules={rules} />
    </WorkModal>
  );
}

export function ColumnsPage() {
  const { pick } = useI18n();
  const list = useListState<{ year?: number; unitId?: number }>({});
  const q = useRegister('columns', list.query);
  const form = useEditing<MediaColumn>();
  const actions = useWriteColumns<MediaColumn>('columns', form.edit);
  return (
    <WorkListPage
      title={{ zh: '媒体专栏', en: 'Media columns' }}
      intro={{
        zh: '在各媒体开设的生态环保报道专栏；“报送统计”为本单位在该媒体、专栏期间内已审核通过的报送篇数。',
        en: 'Standing columns at each outlet; “counted” is the unit’s approved submissions at that outlet within the period.',
      }}
      add={{ label: { zh: '新增专栏', en: 'Add' }, testId: 'column-add', onClick: form.add }}
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
          ...actions,
        ]}
      />
      {form.editing !== undefined ? <ColumnForm row={form.editing} onClose={form.close} /> : null}
    </WorkListPage>
  );
}
