// 报刊征订: each unit's papers per year (copies, amount, evidence), the year's summary by unit and paper
// against the plan's quota (item C1 scores the register: docs/new-media.md).
import { SubscriptionInput, type Subscription } from '@greenvoice/common';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useMediaBoard } from '../hooks/use-media.ts';
import { useRegister, useSubscriptionSummary } from '../api/media-work-api.ts';
import { DeleteButton, orNull, WorkModal, WorkListPage } from './work-shared.tsx';

function SubscriptionForm({
  row,
  year,
  onClose,
}: {
  row: Subscription | null;
  year: number;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<SubscriptionInput>();
  const units = useUnitOptions();
  const rules = schemaRules(SubscriptionInput, t);
  return (
    <WorkModal<SubscriptionInput>
      register="subscriptions"
      title={
        row
          ? pick({ zh: '修改订阅', en: 'Edit subscription' })
          : pick({ zh: '登记订阅', en: 'Record a subscription' })
      }
      row={row}
      form={form}
      initialValues={row ?? { year, paper: '中国环境报' }}
      toBody={(v) => ({ ...v, evidence: orNull(v.evidence), amountYuan: v.amountYuan ?? null })}
      onClose={onClose}
    >
      <Form.Item name="unitId" label={pick({ zh: '单位', en: 'Unit' })} rules={rules('unitId')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={units.data ?? []}
          data-testid="sub-unit"
        />
      </Form.Item>
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
      <Form.Item name="paper" label={pick({ zh: '报刊名称', en: 'Paper' })} rules={rules('paper')}>
        <Input data-testid="sub-paper" />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={pick({ zh: '凭证（订单号、收据）', en: 'Evidence (order or receipt)' })}
        rules={rules('evidence')}
      >
        <Input />
      </Form.Item>
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
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={pick({ zh: `${d.year}年订阅汇总`, en: `${d.year} summary` })}
      extra={
        <Typography.Text type="secondary">
          {d.itemName ?? pick({ zh: '本年度方案无订阅项', en: 'No subscription item in the plan' })}
        </Typography.Text>
      }
    >
      <Table<U>
        size="small"
        rowKey="unitId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={d.units}
        data-testid="sub-summary"
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
    </Card>
  );
}

export function SubscriptionsPage() {
  const { pick } = useI18n();
  const can = useCan();
  const board = useMediaBoard();
  const list = useListState<{ year?: number; unitId?: number }>({});
  const year = list.filters.year ?? board.data?.year;
  const q = useRegister('subscriptions', { ...list.query, ...(year ? { year } : {}) });
  const [editing, setEditing] = useState<Subscription | null | undefined>(undefined);
  return (
    <WorkListPage
      title={{ zh: '报刊征订', en: 'Paper subscriptions' }}
      intro={{
        zh: '《中国环境报》等报刊的订阅份数，对照考核方案的定额计分。',
        en: 'Copies of 《中国环境报》 and other papers, scored against the plan’s quota.',
      }}
      summary={<Summary year={year} />}
      add={{ label: { zh: '登记订阅', en: 'Record' }, testId: 'sub-add', onClick: () => setEditing(null) }}
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
          ...(can('media:write')
            ? [
                {
                  title: pick({ zh: '操作', en: 'Actions' }),
                  render: (_: unknown, r: Subscription) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(r)}>
                        {pick({ zh: '编辑', en: 'Edit' })}
                      </Button>
                      <DeleteButton register="subscriptions" id={r.id} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined ? (
        <SubscriptionForm
          row={editing}
          year={year ?? new Date().getFullYear()}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </WorkListPage>
  );
}
