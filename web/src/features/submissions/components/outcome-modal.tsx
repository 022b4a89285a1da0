import type { Submission } from '@greenvoice/common';
import { Alert, Form, Modal } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useRecordOutcome } from '../hooks/use-submissions.ts';
import { OutcomeFields, outcomeBody, useSaveAnswer, type OutcomeValues } from './outcome-fields.tsx';

/** An approved piece's adoption level and leader instruction (批示), recorded after the approval. */
export function OutcomeModal({ submission, onClose }: { submission: Submission; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OutcomeValues>();
  const answer = useSaveAnswer(form, onClose);
  const save = useRecordOutcome();

  const submit = (v: OutcomeValues) =>
    save.mutate(
      { id: submission.id, version: submission.version, body: outcomeBody(submission.kind, v) },
      answer,
    );

  return (
    <Modal
      open
      title={t('submissions.outcomeTitle', { title: submission.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'outcome-confirm' }}
      width={600}
      maskClosable={false}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('submissions.outcomeHint')} />
      <Form<OutcomeValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          adoptionLevel: submission.adoptionLevel ?? 'none',
          leaderInstruction: submission.leaderInstruction ?? undefined,
          instructionNote: submission.instructionNote ?? '',
        }}
      >
        <OutcomeFields kind={submission.kind} testId="outcome" />
      </Form>
    </Modal>
  );
}
