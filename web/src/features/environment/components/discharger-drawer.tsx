import {
  DISCLOSURE_KINDS,
  DISCLOSURE_KIND_LABELS,
  DISCLOSURE_RULE_LABELS,
  type DisclosureKind,
  type Obligation,
  DisclosureInput,
} from '@greenvoice/common';
import {
  App,
  Button,
  Collapse,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useAddDisclosure, useDischarger, useMarkPublished } from '../hooks/use-environment.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';

const STATUS_COLOR = { onTime: 'green', late: 'orange', pending: 'blue', overdue: 'red' } as const;

export function ObligationTag({ o }: { o: Obligation }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[o.status]}>{t(`env.obligation.${o.status}`)}</Tag>;
}

/** A unit's disclosures by the annual report's eight parts, its deadlines, and recording new ones. */
export function DischargerDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, pick } = useI18n();
  const canWrite = useCan()('environment:write');
  const detail = useDischarger(id);
  const mark = useMarkPublished();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [adding, setAdding] = useState(false);
  const d = detail.data;
  return (
    <Drawer
      open
      width={760}
      title={d?.discharger.name ?? ''}
      onClose={onClose}
      extra={
        canWrite ? (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="disclosure-add">
            {t('env.addDisclosure')}
          </Button>
        ) : null
      }
    >
      {d ? (
        <>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'c', label: t('env.creditCode'), children: d.discharger.creditCode },
              { key: 'p', label: t('env.permit'), children: d.discharger.permitNumber ?? '—' },
              { key: 'k', label: t('env.county'), children: d.discharger.county },
              { key: 'i', label: t('env.industry'), children: d.discharger.industry },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('env.deadlines')}
          </Typography.Title>
          <ObligationsTable
            items={d.obligations}
            {...(canWrite
              ? {
                  onMark: (o: Obligation, date: string) => {
                    const record = d.parts.flatMap((p) => p.records).find((r) => r.id === o.disclosureId);
                    if (record)
                      mark
                        .mutateAsync([record, date])
                        .then(() => void message.success(t('env.saved')), notifyError);
                  },
                }
              : {})}
          />
          <Collapse
            style={{ marginTop: 16 }}
            defaultActiveKey={d.parts.filter((p) => p.records.length > 0).map((p) => p.part)}
            items={d.parts.map((p) => ({
              key: p.part,
              label: `${pick(p.label)}${p.records.length ? ` (${p.records.length})` : ''}`,
              children: (
                <>
                  <Typography.Paragraph type={p.annualText ? undefined : 'secondary'}>
                    {p.annualYear ? t('env.annualYearOf', { year: p.annualYear }) : ''}
                    {p.annualText ?? t('env.noText')}
                  </Typography.Paragraph>
                  {p.records.map((r) => (
                    <Typography.Paragraph key={r.id}>
                      <Tag>{pick(DISCLOSURE_KIND_LABELS[r.kind])}</Tag>
                      <b>{r.title}</b> {r.docNumber ? `〔${r.docNumber}〕` : ''} {r.eventDate ?? ''}{' '}
                      {r.publishedOn ? `→ ${r.publishedOn}` : ''}
                      {r.content ? (
                        <>
                          <br />
                          {r.content}
                        </>
                      ) : null}
                    </Typography.Paragraph>
                  ))}
                </>
              ),
            }))}
          />
        </>
      ) : null}
      {adding ? <DisclosureModal dischargerId={id} onClose={() => setAdding(false)} /> : null}
    </Drawer>
  );
}

/** `onMark`: record the publication date of a pending temporary report (only where the caller can). */
export function ObligationsTable({
  items,
  showUnit = false,
  onMark,
}: {
  items: Obligation[];
  showUnit?: boolean;
  onMark?: (o: Obligation, date: string) => void;
}) {
  const { t, pick } = useI18n();
  const pages = useLocalPagination(20);
  return (
    <ListTable<Obligation>
      testId="obligations-table"
      size="small"
      rowKey={(o) => `${o.dischargerId}-${o.kind}-${o.year ?? o.disclosureId}`}
      dataSource={items}
      pagination={pages}
      columns={[
        ...(showUnit
          ? [
              // the county under the name: one column less, so that the status fits on a laptop
              {
                title: `${t('env.name')} / ${t('env.county')}`,
                dataIndex: 'dischargerName',
                width: 200,
                render: (v: string, o: Obligation) => (
                  <>
                    {v}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {o.county}
                    </Typography.Text>
                  </>
                ),
              },
            ]
          : []),
        { title: t('env.title'), dataIndex: 'title', width: 200 },
        {
          title: t('env.eventDate'),
          dataIndex: 'eventDate',
          width: 110,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('env.dueOn'),
          dataIndex: 'dueOn',
          width: 130,
          // under the date, the order that set it: an event before 2022-02-08 had 30 days (Order No. 31)
          render: (v: string, o) => (
            <>
              {o.uncertain ? <span title={t('env.uncertain')}>{v} *</span> : v}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="obligation-rule">
                {pick(DISCLOSURE_RULE_LABELS[o.rule])}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('env.publishedOn'),
          dataIndex: 'publishedOn',
          width: 130,
          render: (v: string | null, o) =>
            v ??
            (onMark && o.kind === 'temporary' && o.disclosureId ? (
              <DatePicker
                size="small"
                placeholder={t('env.markPublished')}
                onChange={(d) => d && onMark(o, d.format('YYYY-MM-DD'))}
                data-testid={`mark-published-${o.disclosureId}`}
              />
            ) : (
              '—'
            )),
        },
        { title: t('env.status'), width: 110, render: (_, o) => <ObligationTag o={o} /> },
        { title: t('env.daysLate'), dataIndex: 'daysLate', width: 80, align: 'right' },
      ]}
    />
  );
}

function DisclosureModal({ dischargerId, onClose }: { dischargerId: number; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const add = useAddDisclosure();
  const [form] = Form.useForm();
  const showFormError = useFormErrors(form);
  const kind = Form.useWatch<DisclosureKind>('kind', form) ?? 'temporary';
  const rules = schemaRules(DisclosureInput, t);
  const date = (v: { format: (f: string) => string } | undefined) => (v ? v.format('YYYY-MM-DD') : undefined);
  return (
    <Modal
      open
      width={640}
      title={t('env.addDisclosure')}
      onCancel={onClose}
      okText={t('env.save')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'temporary' }}
        onFinish={(v) => {
          const body = {
            kind: v.kind as DisclosureKind,
            title: v.title,
            ...(v.content ? { content: v.content } : {}),
            ...(v.year ? { year: v.year } : {}),
            ...(v.eventDate ? { eventDate: date(v.eventDate) } : {}),
            ...(v.publishedOn ? { publishedOn: date(v.publishedOn) } : {}),
            ...(v.docNumber ? { docNumber: v.docNumber } : {}),
            ...(v.amount !== undefined && v.amount !== null ? { amount: v.amount } : {}),
          };
          return add.mutateAsync([dischargerId, body]).then(() => {
            void message.success(t('env.saved'));
            onClose();
          }, showFormError);
        }}
      >
        <Form.Item name="kind" label={t('env.disclosureKind')} rules={rules('kind')}>
          <Select
            options={DISCLOSURE_KINDS.map((k) => ({ value: k, label: pick(DISCLOSURE_KIND_LABELS[k]) }))}
            data-testid="disclosure-kind"
          />
        </Form.Item>
        <Form.Item name="title" label={t('env.title')} rules={rules('title')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          {kind === 'annual' ? (
            <Form.Item name="year" label={t('env.year')} rules={rules('year', { required: true })}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          ) : null}
          {kind === 'temporary' || kind === 'penalty' ? (
            <Form.Item
              name="eventDate"
              label={t('env.eventDate')}
              rules={rules('eventDate', { required: true })}
            >
              <DatePicker />
            </Form.Item>
          ) : null}
          <Form.Item
            name="publishedOn"
            label={t('env.publishedOn')}
            rules={rules('publishedOn', { required: kind === 'annual' || kind === 'emergencyPlan' })}
          >
            <DatePicker />
          </Form.Item>
          {kind === 'penalty' || kind === 'emergencyPlan' ? (
            <Form.Item name="docNumber" label={t('env.docNumber')}>
              <Input maxLength={60} />
            </Form.Item>
          ) : null}
          {kind === 'penalty' ? (
            <Form.Item name="amount" label={t('env.amount')}>
              <InputNumber min={0} />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item name="content" label={t('env.content')}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
