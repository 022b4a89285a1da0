// 宣传活动: the events the units held (docs/activities.md) — list with filters (text, unit, kind, target,
// date range; one unit is the per-unit view; the month's calendar is activity-calendar-page.tsx), Excel
// export with the same filters, record / edit / delete, and the photos (shown, and added by the evidence rules).
import { PlusOutlined } from '@ant-design/icons';
import { ActivityInput, type Activity, type ActivityListQuery } from '@greenvoice/common';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PhotoStrip } from '../../../shared/components/photo-strip.tsx';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import {
  DateRangeFilter,
  ListPage,
  ListTable,
  SearchFilter,
  SelectFilter,
} from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useCan, useMe } from '../../../shared/session/use-me.ts';
import {
  useActivities,
  useAddActivityPhotos,
  useDeleteActivity,
  useSaveActivity,
} from '../api/activities-api.ts';
import { ActivitiesNav, useActivityLabels } from './activities-nav.tsx';

type Values = Omit<ActivityInput, 'heldOn'> & { heldOn: Dayjs };
const orNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function ActivityForm({ row, onClose }: { row: Activity | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const units = useUnitOptions();
  const labels = useActivityLabels();
  const save = useSaveActivity();
  const rules = schemaRules(ActivityInput, t);
  const kind = Form.useWatch('kind', form);
  return (
    <FormModal<Values>
      testId="activity-form"
      title={
        row
          ? pick({ zh: `修改「${row.title}」`, en: `Edit ${row.title}` })
          : pick({ zh: '登记活动', en: 'Record an event' })
      }
      form={form}
      initialValues={
        row
          ? { ...row, heldOn: dayjs(row.heldOn) }
          : { unitId: me.data?.unitId ?? undefined, audienceCount: 0 }
      }
      saving={save.isPending}
      save={({ heldOn, ...v }) =>
        save.mutateAsync({
          row,
          body: {
            ...v,
            target: v.kind === 'fiveInto' ? (v.target ?? null) : null,
            speaker: orNull(v.speaker),
            partner: orNull(v.partner),
            description: orNull(v.description),
            audienceKind: v.audienceKind ?? null,
            heldOn: heldOn.format('YYYY-MM-DD'),
          },
        })
      }
      onClose={onClose}
    >
      <Form.Item name="unitId" label={pick({ zh: '组织单位', en: 'Unit' })} rules={rules('unitId')}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={units.data ?? []} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={pick({ zh: '活动类型', en: 'Kind' })} rules={rules('kind')}>
          <Select style={{ width: 220 }} options={labels.kinds} data-testid="activity-kind" />
        </Form.Item>
        {kind === 'fiveInto' ? (
          <Form.Item
            name="target"
            label={pick({ zh: '“五进”对象', en: 'Five-into target' })}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select style={{ width: 160 }} options={labels.targets} data-testid="activity-target" />
          </Form.Item>
        ) : null}
      </Space>
      <Form.Item name="title" label={pick({ zh: '活动名称', en: 'Title' })} rules={rules('title')}>
        <Input data-testid="activity-title" />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="heldOn"
          label={pick({ zh: '举办日期', en: 'Held on' })}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker data-testid="activity-date" />
        </Form.Item>
        <Form.Item name="place" label={pick({ zh: '地点', en: 'Place' })} rules={rules('place')}>
          <Input data-testid="activity-place" />
        </Form.Item>
      </Space>
      <Form.Item
        name="organiser"
        label={pick({ zh: '主办（如市委理论学习中心组、市委党校）', en: 'Organiser' })}
        rules={rules('organiser')}
      >
        <Input data-testid="activity-organiser" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="speaker" label={pick({ zh: '主讲人', en: 'Speaker' })} rules={rules('speaker')}>
          <Input />
        </Form.Item>
        <Form.Item name="partner" label={pick({ zh: '合作单位', en: 'Partner' })} rules={rules('partner')}>
          <Input />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="audienceKind" label={pick({ zh: '对象', en: 'Audience' })}>
          <Select allowClear style={{ width: 220 }} options={labels.audiences} />
        </Form.Item>
        <Form.Item
          name="audienceCount"
          label={pick({ zh: '人数', en: 'People' })}
          rules={rules('audienceCount')}
        >
          <InputNumber<number> data-testid="activity-count" />
        </Form.Item>
      </Space>
      <Form.Item
        name="description"
        label={pick({ zh: '简介', en: 'Description' })}
        rules={rules('description')}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function PhotosModal({ row, onClose }: { row: Activity; onClose: () => void }) {
  const { pick } = useI18n();
  const can = useCan();
  const add = useAddActivityPhotos();
  const notifyError = useNotifyError();
  return (
    <Modal
      open
      footer={null}
      onCancel={onClose}
      title={pick({ zh: `照片：${row.title}`, en: `Photos: ${row.title}` })}
    >
      <PhotoStrip
        testId="activity-photos"
        photos={row.photos}
        canAdd={can('activities:write')}
        adding={add.isPending}
        onAdd={(files) => add.mutate({ id: row.id, files }, { onError: notifyError })}
      />
    </Modal>
  );
}

export function ActivitiesPage() {
  const { pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const labels = useActivityLabels();
  const units = useUnitOptions();
  const list = useListState<Omit<ActivityListQuery, 'page' | 'pageSize'>>({});
  const q = useActivities(list.query);
  const remove = useDeleteActivity();
  const [editing, setEditing] = useState<Activity | null | undefined>(undefined);
  const [photosOf, setPhotosOf] = useState<number | null>(null);
  const photos = q.data?.items.find((a) => a.id === photosOf);
  const writer = can('activities:write');
  return (
    <ListPage
      title={pick({ zh: '宣传活动', en: 'Publicity events' })}
      intro={
        <Typography.Paragraph type="secondary">
          {pick({
            zh: '各单位举办的大讲堂、“五进”、六五环境日、普查和督察宣传、培训等活动；每项活动自动计入考核B项。',
            en: 'Lecture halls, five-into, June-5, census and inspection publicity, trainings held by the units; each event counts in block B by itself.',
          })}
        </Typography.Paragraph>
      }
      before={<ActivitiesNav />}
      actions={
        <>
          <ExportButton href="/api/v1/activities.xlsx" filters={list.filters} testId="activities-export" />
          {writer ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="activity-add"
            >
              {pick({ zh: '登记活动', en: 'Record an event' })}
            </Button>
          ) : null}
        </>
      }
      filters={
        <>
          <SearchFilter
            placeholder={pick({ zh: '名称、地点、主办', en: 'Title, place, organiser' })}
            onSearch={(v) => list.setFilter('q', v)}
            testId="activities-q"
          />
          <SelectFilter<number>
            searchable
            placeholder={pick({ zh: '单位', en: 'Unit' })}
            value={list.filters.unitId}
            onChange={(v) => list.setFilter('unitId', v)}
            options={units.data ?? []}
            testId="activities-unit"
          />
          <SelectFilter
            placeholder={pick({ zh: '活动类型', en: 'Kind' })}
            value={list.filters.kind}
            onChange={(v) => list.setFilter('kind', v)}
            options={labels.kinds}
            testId="activities-kind"
          />
          <SelectFilter
            placeholder={pick({ zh: '“五进”对象', en: 'Target' })}
            value={list.filters.target}
            onChange={(v) => list.setFilter('target', v)}
            options={labels.targets}
            width={150}
            testId="activities-target"
          />
          <DateRangeFilter
            from={list.filters.from}
            to={list.filters.to}
            onChange={(r) => list.setFilters(r)}
            testId="activities-dates"
          />
        </>
      }
      error={q.error}
    >
      <ListTable<Activity>
        testId="activities-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={list.pagination(q.data?.total)}
        columns={[
          { title: pick({ zh: '活动', en: 'Event' }), dataIndex: 'title', width: 220 },
          { title: pick({ zh: '类型', en: 'Kind' }), dataIndex: 'kind', render: labels.kind },
          { title: pick({ zh: '对象', en: 'Target' }), dataIndex: 'target', render: labels.target },
          { title: pick({ zh: '日期', en: 'Date' }), dataIndex: 'heldOn' },
          { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
          { title: pick({ zh: '地点', en: 'Place' }), dataIndex: 'place' },
          { title: pick({ zh: '人数', en: 'People' }), dataIndex: 'audienceCount' },
          {
            title: pick({ zh: '照片', en: 'Photos' }),
            render: (_: unknown, r: Activity) => (
              <Button size="small" onClick={() => setPhotosOf(r.id)} data-testid="activity-photos-open">
                {pick({ zh: `${r.photos.length} 张`, en: `${r.photos.length}` })}
              </Button>
            ),
          },
          ...(writer
            ? [
                {
                  title: pick({ zh: '操作', en: 'Actions' }),
                  render: (_: unknown, r: Activity) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(r)}>
                        {pick({ zh: '编辑', en: 'Edit' })}
                      </Button>
                      <Popconfirm
                        title={pick({ zh: '确定删除这项活动？', en: 'Delete this event?' })}
                        onConfirm={() =>
                          remove
                            .mutateAsync(r.id)
                            .then(() => void message.success(pick({ zh: '已删除', en: 'Deleted' })))
                        }
                      >
                        <Button type="link" size="small" danger>
                          {pick({ zh: '删除', en: 'Delete' })}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined ? <ActivityForm row={editing} onClose={() => setEditing(undefined)} /> : null}
      {photos ? <PhotosModal row={photos} onClose={() => setPhotosOf(null)} /> : null}
    </ListPage>
  );
}
