// Negative-list deductions (负面清单): the information centre records one with the unit, the item, the
// date, what was wrong and where it is shown; the score explanation then shows it (decision 132).
import type { Deduction } from '@greenvoice/common';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { keys } from '../../../shared/api/query-keys.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { createDeduction, deleteDeduction, listDeductions } from '../api/assessment-api.ts';
import { useAssessmentMutation, usePlanChoice, useRanking } from '../hooks/use-assessment.ts';

interface FormValues {
  unitId: number;
  code: string;
  date: Dayjs;
  reason: string;
  evidence: string;
}

export function DeductionsPage() {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { planId } = usePlanChoice();
  const list = useQuery({
    queryKey: keys.assessment.deductions(planId),
    queryFn: () => listDeductions(planId!),
    enabled: !!planId,
  });
  const ranking = useRanking(planId, { period: 'year' });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const showError = useFormErrors(form);
  const create = useAssessmentMutation((v: FormValues) =>
    createDeduction(planId!, { ...v, date: v.date.format('YYYY-MM-DD') }),
  );
  const remove = useAssessmentMutation((d: Deduction) =>
    deleteDeduction(d.id, t('assessment.deductionDeleted')),
  );
  const units = (ranking.data?.groups ?? []).flatMap((g) =>
    g.rows.map((r) => ({ value: r.unitId, label: `${r.unitName}（${g.name}）` })),
  );
  const required = [{ required: true, message: t('form.required') }];

  return (
    <>
      <PageHeader
        title={t('nav.deductions')}
        extra={
          can('deductions:write') ? (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="deduction-new">
              {t('assessment.newDeduction')}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('assessment.deductionsIntro')}
        </Typography.Paragraph>
      </PageHeader>
      <QueryError error={list.error} />
      <Card size="small">
        <Table<Deduction>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('assessment.date'), dataIndex: 'date', width: 110 },
            { title: t('assessment.unit'), dataIndex: 'unitName', width: 200 },
            {
              title: t('assessment.negativeItem'),
              render: (_: unknown, d) => `${d.name}（−${d.points}）`,
              width: 220,
            },
            { title: t('assessment.reason'), dataIndex: 'reason' },
            { title: t('assessment.evidence'), dataIndex: 'evidence', width: 200 },
            {
              title: t('assessment.recordedBy'),
              width: 170,
              render: (_: unknown, d) => (
                <>
                  {d.recordedBy}
                  <div>
                    <Typography.Text type="secondary">{formatDateTime(d.recordedAt)}</Typography.Text>
                  </div>
                </>
              ),
            },
            ...(can('deductions:write')
              ? [
                  {
                    title: t('common.actions'),
                    width: 90,
                    render: (_: unknown, d: Deduction) => (
                      <Popconfirm
                        title={t('assessment.deleteDeductionConfirm')}
                        onConfirm={() =>
                          remove.mutate(d, {
                            onSuccess: () => void message.success(t('common.deleted')),
                            onError: notify,
                          })
                        }
                      >
                        <Button size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={open}
        destroyOnHidden
        title={t('assessment.newDeduction')}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          form.validateFields().then((v) =>
            create.mutate(v, {
              onSuccess: () => {
                void message.success(t('common.saved'));
                setOpen(false);
              },
              onError: showError,
            }),
          )
        }
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="unitId" label={t('assessment.unit')} rules={required}>
            <Select showSearch optionFilterProp="label" options={units} />
          </Form.Item>
          <Form.Item name="code" label={t('assessment.negativeItem')} rules={required}>
            <Select
              options={(list.data?.negativeList ?? []).map((n) => ({
                value: n.code,
                label: `${n.name}（−${n.points}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('assessment.date')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('assessment.reason')} rules={required}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item
            name="evidence"
            label={t('assessment.evidence')}
            rules={required}
            extra={t('assessment.evidenceHint')}
          >
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
