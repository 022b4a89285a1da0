import { FileWordOutlined } from '@ant-design/icons';
import type { InterviewList, InterviewRule } from '@greenvoice/common';
import {
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { updatePlan } from '../api/assessment-api.ts';
import { useAssessmentMutation, useInterviews, usePlan, usePlanChoice } from '../hooks/use-assessment.ts';
import { InterviewStepModal, type InterviewStep } from './interview-step-modal.tsx';
import { InterviewStatusTag, scheduleText } from './interview-status.tsx';

type Candidate = InterviewList['candidates'][number];
type Confirmed = InterviewList['confirmed'][number];
type Silent = InterviewList['silent'][number];

export function InterviewsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const { planId } = usePlanChoice();
  const list = useInterviews(planId);
  const plan = usePlan(planId);
  const [step, setStep] = useState<InterviewStep | null>(null);
  const saveRule = useAssessmentMutation((rule: InterviewRule) =>
    updatePlan(planId!, { version: plan.data!.version, interviewRule: rule }),
  );
  const [form] = Form.useForm<InterviewRule>();
  const showFormError = useFormErrors(form);

  const candidates: TableColumnsType<Candidate> = [
    { title: t('assessment.unit'), dataIndex: 'unitName' },
    { title: t('assessment.group'), dataIndex: 'group', width: 170 },
    { title: t('assessment.reason'), render: (_: unknown, c) => pick({ zh: c.reason, en: c.reasonEn }) },
    {
      title: t('common.actions'),
      width: 140,
      render: (_: unknown, c) =>
        c.interviewId ? (
          <Tag color="red">{t('assessment.confirmed')}</Tag>
        ) : can('interviews:confirm') ? (
          <Button
            size="small"
            type="primary"
            danger
            onClick={() =>
              setStep({ kind: 'confirm', planId: planId!, unitId: c.unitId, unitName: c.unitName })
            }
            data-testid={`interview-confirm-${c.unitId}`}
          >
            {t('assessment.confirmInterview')}
          </Button>
        ) : (
          <Tag>{t('assessment.awaitingLeadership')}</Tag>
        ),
    },
  ];
  const confirmed: TableColumnsType<Confirmed> = [
    { title: t('assessment.docNumber'), dataIndex: 'docNumber', width: 170 },
    { title: t('assessment.unit'), dataIndex: 'unitName', width: 200 },
    {
      title: t('assessment.status'),
      width: 130,
      render: (_: unknown, c) => <InterviewStatusTag interview={c} />,
    },
    { title: t('assessment.schedule'), width: 230, render: (_: unknown, c) => scheduleText(c) },
    { title: t('assessment.reason'), dataIndex: 'reason' },
    {
      title: t('assessment.confirmedBy'),
      width: 200,
      render: (_: unknown, c) => (
        <>
          {c.confirmedBy}
          <div>
            <Typography.Text type="secondary">{formatDateTime(c.confirmedAt)}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('assessment.notice'),
      width: 110,
      render: (_: unknown, c) =>
        c.status === 'withdrawn' ? null : (
          <Button size="small" icon={<FileWordOutlined />} href={`/api/v1/interviews/${c.id}/notice.docx`}>
            Word
          </Button>
        ),
    },
    ...(can('interviews:confirm')
      ? [
          {
            title: t('common.actions'),
            width: 200,
            render: (_: unknown, c: Confirmed) => (
              <Space size={4} wrap>
                {c.status === 'scheduled' || c.status === 'held' ? (
                  <Button size="small" onClick={() => setStep({ kind: 'minutes', interview: c })}>
                    {t('assessment.interviewStep.minutes')}
                  </Button>
                ) : null}
                {c.status === 'held' ? (
                  <Button size="small" onClick={() => setStep({ kind: 'rectified', interview: c })}>
                    {t('assessment.interviewStep.rectified')}
                  </Button>
                ) : null}
                {c.status === 'scheduled' ? (
                  <Button size="small" danger onClick={() => setStep({ kind: 'withdraw', interview: c })}>
                    {t('assessment.interviewStep.withdraw')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];
  const silent: TableColumnsType<Silent> = [
    { title: t('assessment.unit'), dataIndex: 'unitName' },
    { title: t('assessment.group'), dataIndex: 'group', width: 170 },
    { title: t('assessment.reason'), render: (_: unknown, c) => pick({ zh: c.reason, en: c.reasonEn }) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.interviews')}
        extra={
          planId ? (
            <ExportButton
              href={`/api/v1/assessment/plans/${planId}/interviews.xlsx`}
              testId="interviews-export"
            />
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('assessment.interviewIntro')}
        </Typography.Paragraph>
      </PageHeader>
      <QueryError error={list.error} />
      {list.data ? (
        <Card size="small" title={t('assessment.interviewRule')} style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            initialValues={list.data.rule}
            key={JSON.stringify(list.data.rule)}
            disabled={!can('plans:write')}
            onFinish={(v) =>
              saveRule.mutate(v, {
                onSuccess: () => void message.success(t('common.saved')),
                onError: showFormError,
              })
            }
          >
            <Form.Item name="bottomN" label={t('assessment.bottomN')}>
              <InputNumber min={1} max={10} />
            </Form.Item>
            <Form.Item name="consecutiveMonths" label={t('assessment.consecutiveMonths')}>
              <InputNumber min={0} max={12} />
            </Form.Item>
            <Form.Item name="lastForYear" label={t('assessment.lastForYear')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {can('plans:write') ? (
              <Space>
                <Button htmlType="submit" loading={saveRule.isPending}>
                  {t('common.save')}
                </Button>
              </Space>
            ) : null}
          </Form>
        </Card>
      ) : null}
      <Card size="small" title={t('assessment.candidates')} style={{ marginBottom: 16 }}>
        <Table<Candidate>
          rowKey="unitId"
          size="small"
          columns={candidates}
          dataSource={list.data?.candidates ?? []}
          loading={list.isLoading}
          pagination={false}
          data-testid="interview-candidates"
        />
      </Card>
      <Card size="small" title={t('assessment.confirmedList')} style={{ marginBottom: 16 }}>
        <Table<Confirmed>
          rowKey="id"
          size="small"
          columns={confirmed}
          dataSource={list.data?.confirmed ?? []}
          pagination={false}
          scroll={{ x: 1100 }}
          data-testid="interview-confirmed"
        />
      </Card>
      {list.data?.silent.length ? (
        <Card size="small" title={t('assessment.silentList')}>
          <Typography.Paragraph type="secondary">{t('assessment.silentIntro')}</Typography.Paragraph>
          <Table<Silent>
            rowKey="unitId"
            size="small"
            columns={silent}
            dataSource={list.data.silent}
            pagination={false}
          />
        </Card>
      ) : null}
      <InterviewStepModal step={step} onClose={() => setStep(null)} />
    </>
  );
}
