// 报名: open days, events and education-base visits with seats (decision 161) — seats taken, free and
// waiting per event, the sign-ups of one (confirmed, waiting in the order they joined, cancelled), and a
// new sign-up event. The public signs up on the portal; the seats never overbook on the server.
import { SignupEventInput, type SignupEvent } from '@greenvoice/common';
import { DatePicker, Form, Input, InputNumber, Progress, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateTime } from '../../../shared/format.ts';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable } from '../../../shared/list/list-page.tsx';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';
import {
  useCreateSignupEvent,
  useRegistry,
  useSignupEvents,
  useSignups,
  type Signup,
} from '../api/activities-api.ts';
import { ActivitiesNav, AddButton } from './activities-nav.tsx';

const KIND_LABELS = {
  openDay: { zh: '开放日', en: 'Open day' },
  event: { zh: '活动', en: 'Event' },
  baseVisit: { zh: '教育基地参观', en: 'Education-base visit' },
} as const;
const STATUS = {
  confirmed: { zh: '已确认', en: 'Confirmed', color: 'green' },
  waiting: { zh: '候补', en: 'Waiting', color: 'orange' },
  cancelled: { zh: '已取消', en: 'Cancelled', color: 'default' },
} as const;

type Values = Omit<SignupEventInput, 'startsAt' | 'closesAt'> & { startsAt: Dayjs; closesAt: Dayjs };

function EventForm({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateSignupEvent();
  const rules = schemaRules(SignupEventInput, t);
  const required = [{ required: true, message: t('form.required') }];
  // a visiting slot opens one of the bureau's education bases in good standing (the registry's)
  const kind = Form.useWatch('kind', form);
  const bases = useRegistry({ kind: 'educationBase', pageSize: 100 });
  const baseOptions = (bases.data?.items ?? [])
    .filter((b) => b.status === 'active')
    .map((b) => ({ value: b.id, label: `${b.name}（${b.county}）` }));
  return (
    <FormModal<Values>
      testId="signup-event-form"
      title={pick({ zh: '新建报名活动', en: 'New sign-up event' })}
      form={form}
      initialValues={{ kind: 'openDay', capacity: 50 }}
      saving={create.isPending}
      save={({ startsAt, closesAt, description, baseId, ...v }) =>
        create.mutateAsync({
          ...v,
          ...(v.kind === 'baseVisit' ? { baseId } : {}),
          description: description?.trim() || null,
          startsAt: startsAt.toISOString(),
          closesAt: closesAt.toISOString(),
        })
      }
      onClose={onClose}
    >
      <Form.Item name="title" label={pick({ zh: '名称', en: 'Title' })} rules={rules('title')}>
        <Input data-testid="signup-event-title" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={pick({ zh: '类型', en: 'Kind' })} rules={rules('kind')}>
          <Select
            data-testid="signup-event-kind"
            style={{ width: 180 }}
            options={Object.entries(KIND_LABELS).map(([value, l]) => ({ value, label: pick(l) }))}
          />
        </Form.Item>
        <Form.Item name="capacity" label={pick({ zh: '名额', en: 'Seats' })} rules={rules('capacity')}>
          <InputNumber<number> data-testid="signup-event-capacity" />
        </Form.Item>
      </Space>
      {kind === 'baseVisit' ? (
        <Form.Item
          name="baseId"
          label={pick({ zh: '环境教育基地', en: 'Education base' })}
          extra={pick({
            zh: '名录中状态为“有效”的本市基地',
            en: "The city's bases whose registry status is active",
          })}
          rules={required}
        >
          <Select
            data-testid="signup-event-base"
            showSearch={{ optionFilterProp: 'label' }}
            loading={bases.isLoading}
            options={baseOptions}
          />
        </Form.Item>
      ) : null}
      <Space wrap>
        <Form.Item name="startsAt" label={pick({ zh: '开始时间', en: 'Starts' })} rules={required}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            data-testid="signup-event-starts"
          />
        </Form.Item>
        <Form.Item name="closesAt" label={pick({ zh: '报名截止', en: 'Sign-up closes' })} rules={required}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            data-testid="signup-event-closes"
          />
        </Form.Item>
      </Space>
      <Form.Item name="place" label={pick({ zh: '地点', en: 'Place' })} rules={rules('place')}>
        <Input data-testid="signup-event-place" />
      </Form.Item>
      <Form.Item
        name="description"
        label={pick({ zh: '说明', en: 'Description' })}
        rules={rules('description')}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function SignupsOf({ event }: { event: SignupEvent }) {
  const { pick } = useI18n();
  const q = useSignups(event.id);
  const pages = useLocalPagination(10);
  return (
    <ListTable<Signup>
      testId={`signups-${event.id}`}
      rowKey="id"
      size="small"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={pages}
      columns={[
        { title: pick({ zh: '报名人', en: 'Name' }), dataIndex: 'name' },
        {
          title: pick({ zh: '单位 / 学校', en: 'Organisation' }),
          dataIndex: 'organisation',
          render: (v) => v ?? '—',
        },
        { title: pick({ zh: '人数', en: 'Group' }), dataIndex: 'groupSize' },
        {
          title: pick({ zh: '状态', en: 'Status' }),
          dataIndex: 'status',
          render: (s: Signup['status']) => <Tag color={STATUS[s].color}>{pick(STATUS[s])}</Tag>,
        },
        { title: pick({ zh: '确认码', en: 'Code' }), dataIndex: 'code' },
        { title: pick({ zh: '报名时间', en: 'Signed up' }), dataIndex: 'createdAt', render: formatDateTime },
      ]}
    />
  );
}

export function SignupsPage() {
  const { pick } = useI18n();
  const q = useSignupEvents();
  const pages = useLocalPagination(20);
  const [adding, setAdding] = useState(false);
  return (
    <ListPage
      title={pick({ zh: '活动报名', en: 'Sign-ups' })}
      intro={pick({
        zh: '开放日、活动和教育基地参观的名额：满员后报名进入候补，有人取消时按报名先后自动递补。',
        en: 'Seats of open days, events and education-base visits: when full, sign-ups wait and move up in order when someone cancels.',
      })}
      before={<ActivitiesNav />}
      actions={
        <AddButton
          label={{ zh: '新建报名活动', en: 'New sign-up event' }}
          testId="signup-event-add"
          onClick={() => setAdding(true)}
        />
      }
      error={q.error}
    >
      <ListTable<SignupEvent>
        testId="signup-events"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={pages}
        expandable={{ expandedRowRender: (e) => <SignupsOf event={e} /> }}
        columns={[
          { title: pick({ zh: '名称', en: 'Title' }), dataIndex: 'title', width: 200 },
          {
            title: pick({ zh: '类型', en: 'Kind' }),
            dataIndex: 'kind',
            render: (k: SignupEvent['kind'], e: SignupEvent) =>
              e.baseName ? `${pick(KIND_LABELS[k])} · ${e.baseName}` : pick(KIND_LABELS[k]),
          },
          { title: pick({ zh: '开始', en: 'Starts' }), dataIndex: 'startsAt', render: formatDateTime },
          { title: pick({ zh: '地点', en: 'Place' }), dataIndex: 'place' },
          {
            title: pick({ zh: '名额（已报 / 总数）', en: 'Seats (taken / total)' }),
            render: (_: unknown, e: SignupEvent) => (
              <Space>
                <Progress
                  percent={Math.round((e.taken / e.capacity) * 100)}
                  size="small"
                  style={{ width: 80 }}
                  showInfo={false}
                  aria-label={pick({ zh: '名额占用', en: 'Seats taken' })}
                />
                <span data-testid={`seats-${e.id}`}>
                  {e.taken} / {e.capacity}
                </span>
              </Space>
            ),
          },
          { title: pick({ zh: '候补', en: 'Waiting' }), dataIndex: 'waiting' },
        ]}
      />
      {adding ? <EventForm onClose={() => setAdding(false)} /> : null}
    </ListPage>
  );
}
