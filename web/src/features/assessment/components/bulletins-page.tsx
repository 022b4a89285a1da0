import { FileExcelOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import type { Bulletin } from '@greenvoice/common';
import {
  App,
  Button,
  Card,
  Form,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import {
  BulletinStatusTag,
  BulletinSteps,
  BulletinWordingModal,
} from '../../../shared/components/bulletin-steps.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { bulletinAction, createBulletin, deleteBulletin, editBulletin } from '../api/assessment-api.ts';
import { useAssessmentMutation, useBulletins, usePlanChoice } from '../hooks/use-assessment.ts';

export function BulletinsPage() {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { plans, planId, set } = usePlanChoice();
  const list = useBulletins(planId);
  const [period, setPeriod] = useState<{ period: 'month' | 'quarter'; index: number }>({
    period: 'month',
    index: 1,
  });
  const [editing, setEditing] = useState<Bulletin | null>(null);
  const [form] = Form.useForm<{ title: string; body: string }>();
  const showFormError = useFormErrors(form);
  const create = useAssessmentMutation(() => createBulletin({ planId: planId!, ...period }));
  const act = useAssessmentMutation(
    ({ b, action, reason }: { b: Bulletin; action: string; reason?: string }) =>
      bulletinAction(b.id, action, { version: b.version, reason }),
  );
  const remove = useAssessmentMutation((b: Bulletin) => deleteBulletin(b.id, b.version));
  const edit = useAssessmentMutation((v: { b: Bulletin; title: string; body: string }) =>
    editBulletin(v.b.id, { version: v.b.version, title: v.title, body: v.body }),
  );
  const done = () => void message.success(t('common.saved'));

  const columns: TableColumnsType<Bulletin> = [
    {
      title: t('assessment.docNumber'),
      dataIndex: 'docNumber',
      width: 170,
      render: (n: string | null) =>
        n ?? <Typography.Text type="secondary">{t('assessment.noNumberYet')}</Typography.Text>,
    },
    {
      title: t('assessment.bulletinTitle'),
      dataIndex: 'title',
      render: (title: string, b) => (
        <>
          <div>{title}</div>
          {b.returnReason ? (
            <Typography.Text type="danger">
              {t('assessment.returned', { reason: b.returnReason })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('assessment.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Bulletin['status']) => <BulletinStatusTag status={s} testId="bulletin" />,
    },
    {
      title: t('assessment.drafter'),
      dataIndex: 'draftedBy',
      width: 150,
      render: (d: string, b) => (
        <>
          {d}
          <div>
            <Typography.Text type="secondary">{formatDateTime(b.createdAt)}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('assessment.approver'),
      dataIndex: 'approvedBy',
      width: 150,
      render: (a: string | null, b) =>
        a ? (
          <>
            {a}
            <div>
              <Typography.Text type="secondary">{formatDateTime(b.approvedAt)}</Typography.Text>
            </div>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      width: 300,
      render: (_: unknown, b) => (
        <Space wrap size={4}>
          {b.status === 'draft' && can('bulletins:draft') ? (
            <>
              <Button
                size="small"
                onClick={() => {
                  setEditing(b);
                  form.setFieldsValue({ title: b.title, body: b.body });
                }}
              >
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('assessment.deleteDraftConfirm')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(b, { onSuccess: done, onError: notify })}
              >
                <Button size="small" danger data-testid={`bulletin-delete-${b.id}`}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          <BulletinSteps
            id={b.id}
            status={b.status}
            testId="bulletin"
            onStep={(action, reason) => act.mutateAsync({ b, action, reason }).then(done)}
          />
          <Button
            size="small"
            icon={<FileWordOutlined />}
            href={`/api/v1/bulletins/${b.id}/file.docx`}
            data-testid={`bulletin-docx-${b.id}`}
          >
            Word
          </Button>
          <Button size="small" icon={<FileExcelOutlined />} href={`/api/v1/bulletins/${b.id}/file.xlsx`}>
            Excel
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.bulletins')}
        extra={
          <>
            <Select<number>
              style={{ width: 280 }}
              value={planId}
              onChange={(plan) => set({ plan })}
              options={plans.data?.items.map((p) => ({ value: p.id, label: p.title }))}
              aria-label={t('assessment.plan')}
            />
            {can('bulletins:draft') ? (
              <>
                <Select
                  style={{ width: 100 }}
                  value={period.period}
                  onChange={(p) => setPeriod({ period: p, index: 1 })}
                  options={(['month', 'quarter'] as const).map((p) => ({
                    value: p,
                    label: t(`assessment.period.${p}`),
                  }))}
                  aria-label={t('assessment.periodKind')}
                />
                <Select
                  style={{ width: 110 }}
                  value={period.index}
                  onChange={(index) => setPeriod({ ...period, index })}
                  options={Array.from({ length: period.period === 'month' ? 12 : 4 }, (_, i) => ({
                    value: i + 1,
                    label: t(`assessment.periodIndex.${period.period}`, { n: i + 1 }),
                  }))}
                  aria-label={t('assessment.periodIndex')}
                  data-testid="bulletin-index"
                />
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  loading={create.isPending}
                  onClick={() => create.mutate(undefined, { onSuccess: done, onError: notify })}
                  data-testid="bulletin-create"
                >
                  {t('assessment.draftBulletin')}
                </Button>
              </>
            ) : null}
          </>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('assessment.bulletinIntro')}
        </Typography.Paragraph>
      </PageHeader>
      <QueryError error={list.error} />
      <Card size="small">
        <Table<Bulletin>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          pagination={false}
        />
      </Card>
      <BulletinWordingModal
        open={!!editing}
        title={t('assessment.editBulletin')}
        form={form}
        bodyMax={5000}
        loading={edit.isPending}
        onCancel={() => setEditing(null)}
        onSubmit={(v) =>
          edit.mutate(
            { b: editing!, ...v },
            {
              onSuccess: () => {
                setEditing(null);
                done();
              },
              onError: showFormError,
            },
          )
        }
      />
    </>
  );
}
