// A bulletin's status, workflow buttons and wording dialog — the ranking bulletins (通报) and the monthly
// monitoring bulletins (监测通报) alike: the information centre edits and submits a draft and publishes
// an approved one; leadership approves or returns it with a reason (asked in a small dialog). The server
// decides; these only offer the steps the reader's rights and the bulletin's state allow.
import type { BulletinAction, BulletinStatus } from '@greenvoice/common';
import { Button, Form, Input, Modal, Tag, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNotifyError } from '../api/use-notify-error.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useCan } from '../session/use-me.ts';

const STATUS_COLOR: Record<BulletinStatus, string> = {
  draft: 'default',
  pending: 'orange',
  approved: 'blue',
  published: 'green',
};

export function BulletinStatusTag({ status, testId }: { status: BulletinStatus; testId: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={`${testId}-status-${status}`}>
      {t(`assessment.bulletin.${status}`)}
    </Tag>
  );
}

export function BulletinSteps({
  id,
  status,
  testId,
  onStep,
}: {
  id: number;
  status: BulletinStatus;
  /** prefix of the buttons' test ids: `${testId}-approve-${id}` */
  testId: string;
  /** resolves when the step is done (the dialog closes); a refusal is shown and keeps it open */
  onStep: (action: BulletinAction, reason?: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const can = useCan();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const notify = useNotifyError();
  const run = (action: BulletinAction, why?: string) =>
    onStep(action, why).then(
      () => true,
      (e: unknown) => {
        notify(e);
        return false;
      },
    );
  const step = (action: BulletinAction, label: string, danger = false) => (
    <Button
      size="small"
      type={danger ? 'default' : 'primary'}
      danger={danger}
      onClick={() => {
        if (action !== 'return') return void run(action);
        setReason('');
        setReturning(true);
      }}
      data-testid={`${testId}-${action}-${id}`}
    >
      {label}
    </Button>
  );
  return (
    <>
      {status === 'draft' && can('bulletins:draft')
        ? step('submit', t('assessment.submitForApproval'))
        : null}
      {status === 'pending' && can('bulletins:approve') ? (
        <>
          {step('approve', t('assessment.approve'))}
          {step('return', t('assessment.return'), true)}
        </>
      ) : null}
      {status === 'approved' && can('bulletins:draft') ? step('publish', t('assessment.publish')) : null}
      <Modal
        open={returning}
        title={t('assessment.return')}
        onCancel={() => setReturning(false)}
        okButtonProps={{ disabled: !reason.trim() }}
        onOk={() => void run('return', reason.trim()).then((ok) => ok && setReturning(false))}
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          placeholder={t('assessment.returnReason')}
          aria-label={t('assessment.returnReason')}
        />
      </Modal>
    </>
  );
}

/** A draft's title and body (one paragraph a line), and any fields of its own kind below them. */
export function BulletinWordingModal<V extends { title: string; body: string }>({
  open,
  title,
  form,
  bodyMax,
  loading,
  onCancel,
  onSubmit,
  children,
}: {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  bodyMax: number;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (values: V) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      width={720}
      onCancel={onCancel}
      confirmLoading={loading}
      onOk={() => form.validateFields().then(onSubmit, () => undefined)}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('assessment.bulletinTitle')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('assessment.bulletinBody')}
          rules={[{ required: true, max: bodyMax }]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} />
        </Form.Item>
        {children}
      </Form>
    </Modal>
  );
}
