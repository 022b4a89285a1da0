// 监测通报 on the inspection page (decision 187): the information centre drafts a month's bulletin from its
// runs, edits its wording, copy-to line and public summary, submits it; leadership approves or returns
// it; the centre publishes it. Word download at every step (a draft shows where the number will go).
import { chinaRecentMonths } from '@greenvoice/common';
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import type { InspectionBulletin } from '@greenvoice/common';
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import {
  BulletinStatusTag,
  BulletinSteps,
  BulletinWordingModal,
} from '../../../shared/components/bulletin-steps.tsx';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useCan } from '../../../shared/session/use-me.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { bulletinDocx, bulletinStep, createBulletin, editBulletin } from '../api/inspection-api.ts';
import { useBulletins, useInspectionMutation } from '../hooks/use-inspection.ts';

/** the current month and the eleven before it, newest first (China time) */
const recentMonths = () => chinaRecentMonths(12);

type Wording = { title: string; body: string; copyTo: string; publicSummary: string };

export function MonitoringBulletins() {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const list = useBulletins();
  const months = recentMonths();
  // last month by default: a month's bulletin is written once it is over
  const [month, setMonth] = useState(months[1]!);
  const [editing, setEditing] = useState<InspectionBulletin | null>(null);
  // on a phone the title column carries the status and the steps too: nothing to scroll sideways for
  const phone = useIsPhone();
  const [form] = Form.useForm<Wording>();
  const onFormError = useFormErrors(form);
  const done = () => void message.success(t('common.saved'));
  const create = useInspectionMutation(createBulletin);
  const step = useInspectionMutation(
    (v: { b: InspectionBulletin; action: Parameters<typeof bulletinStep>[1]; reason?: string }) =>
      bulletinStep(v.b.id, v.action, { version: v.b.version, reason: v.reason }),
  );
  const edit = useInspectionMutation((v: { b: InspectionBulletin } & Wording) =>
    editBulletin(v.b.id, {
      version: v.b.version,
      title: v.title,
      body: v.body,
      copyTo: v.copyTo,
      publicSummary: v.publicSummary,
    }),
  );

  const actions = (b: InspectionBulletin) => (
    <Space wrap size={4}>
      {b.status === 'draft' && can('bulletins:draft') ? (
        <Button
          size="small"
          onClick={() => {
            setEditing(b);
            form.setFieldsValue({
              title: b.title,
              body: b.body,
              copyTo: b.copyTo,
              publicSummary: b.publicSummary,
            });
          }}
          data-testid={`monitoring-edit-${b.id}`}
        >
          {t('common.edit')}
        </Button>
      ) : null}
      <BulletinSteps
        id={b.id}
        status={b.status}
        testId="monitoring"
        onStep={(action, reason) => step.mutateAsync({ b, action, reason }).then(done)}
      />
      <Button
        size="small"
        icon={<FileWordOutlined />}
        href={bulletinDocx(b.id)}
        data-testid={`monitoring-docx-${b.id}`}
      >
        Word
      </Button>
    </Space>
  );

  return (
    <Card
      size="small"
      title={t('insp.bulletins')}
      style={{ marginBottom: 12 }}
      data-testid="monitoring-bulletins"
    >
      <Typography.Paragraph type="secondary">{t('insp.bulletinsIntro')}</Typography.Paragraph>
      {can('bulletins:draft') ? (
        <Space wrap size={4} style={{ marginBottom: 8 }}>
          <Select
            style={{ width: 120 }}
            value={month}
            onChange={setMonth}
            options={months.map((m) => ({ value: m, label: m }))}
            aria-label={t('insp.bulletinMonth')}
            data-testid="monitoring-month"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            loading={create.isPending}
            onClick={() => create.mutate(month, { onSuccess: done, onError: notify })}
            data-testid="monitoring-create"
          >
            {t('insp.draftBulletin')}
          </Button>
        </Space>
      ) : null}
      <ListTable<InspectionBulletin>
        testId="monitoring-list"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('insp.noBulletins')}</Typography.Text> }}
        columns={[
          {
            title: t('assessment.bulletinTitle'),
            dataIndex: 'title',
            render: (title: string, b) => (
              <div style={{ whiteSpace: 'normal', maxWidth: phone ? 300 : undefined }}>
                <div>{title}</div>
                <Typography.Text type="secondary">
                  {b.docNumber ?? t('assessment.noNumberYet')} ·{' '}
                  {t('insp.bulletinFindings', { runs: b.runs, findings: b.findings, vetoes: b.vetoes })}
                </Typography.Text>
                {b.returnReason ? (
                  <div>
                    <Typography.Text type="danger">
                      {t('assessment.returned', { reason: b.returnReason })}
                    </Typography.Text>
                  </div>
                ) : null}
                {phone ? (
                  <div style={{ marginTop: 4 }}>
                    <BulletinStatusTag status={b.status} testId="monitoring" /> {actions(b)}
                  </div>
                ) : null}
              </div>
            ),
          },
          ...(phone
            ? []
            : [
                {
                  title: t('assessment.status'),
                  dataIndex: 'status',
                  render: (s: InspectionBulletin['status']) => (
                    <BulletinStatusTag status={s} testId="monitoring" />
                  ),
                },
                {
                  title: t('common.actions'),
                  render: (_: unknown, b: InspectionBulletin) => actions(b),
                },
              ]),
        ]}
      />
      <BulletinWordingModal
        open={!!editing}
        title={t('insp.editBulletin')}
        form={form}
        bodyMax={8000}
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
              onError: onFormError,
            },
          )
        }
      >
        <Form.Item name="copyTo" label={t('insp.copyTo')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="publicSummary" label={t('insp.publicSummary')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="monitoring-summary" />
        </Form.Item>
      </BulletinWordingModal>
    </Card>
  );
}
