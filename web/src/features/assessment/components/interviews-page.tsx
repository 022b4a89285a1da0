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
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { confirmInterview, updatePlan } from '../api/assessment-api.ts';
import { useAssessmentMutation, useInterviews, usePlan, usePlanChoice } from '../hooks/use-assessment.ts';

type Candidate = InterviewList['candidates'][number];
type Confirmed = InterviewList['confirmed'][number];

export function InterviewsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { planId } = usePlanChoice();
  const list = useInterviews(planId);
  const plan = usePlan(planId);
  const confirm = useAssessmentMutation((unitId: number) => confirmInterview(planId!, unitId));
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
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate(c.unitId, {
                onSuccess: () => void message.success(t('common.saved')),
                onError: notify,
              })
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
    { title: t('assessment.docNumber'), dataIndex: 'docNumber', width: 180 },
    { title: t('assessment.unit'), dataIndex: 'unitName', width: 220 },
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
      render: (_: unknown, c) => (
        <Button size="small" icon={<FileWordOutlined />} href={`/api/v1/interviews/${c.id}/notice.docx`}>
          Word
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.interviews')}>
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
      <Card size="small" title={t('assessment.confirmedList')}>
        <Table<Confirmed>
          rowKey="id"
          size="small"
          columns={confirmed}
          dataSource={list.data?.confirmed ?? []}
          pagination={false}
        />
      </Card>
    </>
  );
}
