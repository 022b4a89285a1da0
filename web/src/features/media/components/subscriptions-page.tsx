// 报刊征订: each unit's papers per year (copies, amount, evidence), the year's summary by unit and paper
// against the plan's quota (item C1 scores the register: docs/new-media.md).
import { SubscriptionInput, type Subscription } from '@greenvoice/common';
import { Form, InputNumber, Space, Tag, Typography } from 'antd';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useMediaBoard } from '../hooks/use-media.ts';
import { useRegister, useSubscriptionSummary } from '../api/media-work-api.ts';
import {
  orNull,
  SummaryCard,
  TextField,
  UnitField,
  useEditing,
  useWorkForm,
  useWriteColumns,
  WorkModal,
  WorkListPage,
} from './work-shared.tsx';

function SubscriptionForm({
  row,
  year,
  onClose,
}: {
  row: Subscription | null;
  year: number;
  onClose: () => void;
}) {
  const { pick, form, rules } = useWorkForm<SubscriptionInput>(SubscriptionInput);
  return (
    <WorkModal<SubscriptionInput>
      register="subscriptions"
      title={{
        add: { zh: '登记订阅', en: 'Record a subscription' },
        edit: { zh: '修改订阅', en: 'Edit subscription' },
      }}
      row={row}
      form={form}
      initialValues={row ?? { year, paper: '中国环境报' }}
      toBody={(v) => ({ ...v, evidence: orNull(v.evidence), amountYuan: v.amountYuan ?? null })}
      onClose={onClose}
    >
      <UnitField rules={rules} testId="sub-unit" />
      <Space wrap>
        <Form.Item name="year" label={pick({ zh: '年度', en: 'Year' })} rules={rules('year')}>
          <InputNumber<number> />
        </Form.Item>
        <Form.Item name="copies" label={pick({ zh: '份数', en: 'Copies' })} rules={rules('copies')}>
          <InputNumber<number> data-testid="sub-copies" />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={pick({ zh: '金额（元）', en: 'Amount (yuan)' })}
          rules={rules('amountYuan')}
        >
          <InputNumber<number> step={0.01} />
        </Form.Item>
      </Space>
      <TextField name="paper" label={{ zh: '报刊名称', en: 'Paper' }} rules={rules} testId="sub-paper" />
      <TextField
        name="evidence"
        label={{ zh: '凭证（订单号、收据）', en: 'Evidence (order or receipt)' }}
        rules={rules}
      />
    </WorkModal>
  );
}

function Summary({ year }: { year: number | undefined }) {
  const { pick } = useI18n();
  const s = useSubscriptionSummary(year);
  if (!s.data || s.data.units.length === 0) return null;
  const d = s.data;
  type U = (typeof d.units)[number];
  return (
    <SummaryCard<U>
      title={pick({ zh: `${d.year}年订阅汇总`, en: `${d.year} summary` })}
      extra={
        <Typography.Text type="secondary">
          {d.itemName ?? pick({ zh: '本年度方案无订阅项', en: 'No subscription item in the plan' })}
        </Typography.Text>
      }
      testId="sub-summary"
      rowKey="unitId"
      dataSource={d.units}
      columns={[
        { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName', fixed: 'start' },
        ...d.papers.map((p) => ({ title: `《${p}》`, render: (_: unknown, u: U) => u.byPaper[p] ?? '' })),
        { title: pick({ zh: '合计份数', en: 'Copies' }), dataIndex: 'copies' },
        {
          title: pick({ zh: '定额', en: 'Quota' }),
          dataIndex: 'quota',
          render: (q: number | null) => q ?? '—',
        },
        {
          title: pick({ zh: '完成', en: 'Met' }),
          dataIndex: 'met',
          render: (m: boolean | null) =>
            m === null ? (
              '—'
            ) : (
              <Tag color={m ? 'green' : 'red'}>
                {m ? pick({ zh: '已完成', en: 'Met' }) : pick({ zh: '未完成', en: 'Short' })}
              </Tag>
            ),
        },
        {
          title: pick({ zh: '金额（元）', en: 'Amount (yuan)' }),
          dataIndex: 'amountYuan',
          render: (v: number) => v.toFixed(2),
        },
      ]}
    />
  );
}

export function SubscriptionsPage() {
  const { pick } = useI18n();
  const board = useMediaBoard();
  const list = useListState<{ year?: number; unitId?: number }>({});
  const year = list.filters.year ?? board.data?.year;
  const q = useRegister('subscriptions', { ...list.query, ...(year ? { year } : {}) });
  const form = useEditing<Subscription>();
  const actions = useWriteColumns<Subscription>('subscriptions', form.edit);
  return (
    <WorkListPage
      title={{ zh: '报刊征订', en: 'Paper subscriptions' }}
      intro={{
        zh: '《中国环境报》等报刊的订阅份数，对照考核方案的定额计分。',
        en: 'Copies of 《中国环境报》 and other papers, scored against the plan’s quota.',
      }}
      summary={<Summary year={year} />}
      add={{ label: { zh: '登记订阅', en: 'Record' }, testId: 'sub-add', onClick: form.add }}
      list={list}
      year={year}
      error={q.error}
    >
      <ListTable<Subscription>
        testId="sub-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={list.pagination(q.data?.total)}
        columns={[
          { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
          { title: pick({ zh: '年度', en: 'Year' }), dataIndex: 'year' },
          { title: pick({ zh: '报刊', en: 'Paper' }), dataIndex: 'paper', render: (p: string) => `《${p}》` },
          { title: pick({ zh: '份数', en: 'Copies' }), dataIndex: 'copies' },
          {
            title: pick({ zh: '金额（元）', en: 'Amount' }),
            dataIndex: 'amountYuan',
            render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
          },
          {
            title: pick({ zh: '凭证', en: 'Evidence' }),
            dataIndex: 'evidence',
            render: (v: string | null) => v ?? '—',
          },
          ...actions,
        ]}
      />
      {form.editing !== undefined ? (
        <SubscriptionForm row={form.editing} year={year ?? new Date().getFullYear()} onClose={form.close} />
      ) : null}
    </WorkListPage>
  );
}
